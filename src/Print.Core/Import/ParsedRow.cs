using System.Diagnostics.CodeAnalysis;
using Print.Core.Customers;

namespace Print.Core.Import;

/// <summary>One data row of the customer file: its customer and policy, or every reason it was rejected.</summary>
public sealed record ParsedRow(int Row, Customer? Customer, Policy? Policy, IReadOnlyList<RowError> Errors)
{
    [MemberNotNullWhen(true, nameof(Customer), nameof(Policy))]
    public bool IsValid => Errors.Count == 0;
}
