using Print.Core.Customers;

namespace Print.Core.Production;

/// <summary>
/// What a piece's documents print about its customer besides the addressee — gender, birthday, contact details
/// and the policy the piece is about — as they were when the batch was made, like the addressee. Rendering (and
/// rendering again after a crash or for a new approval) then prints the same letter the batch was made for, and
/// needs no customer look-up.
/// </summary>
public sealed record LetterFacts(Gender Gender, DateOnly? Birthday, string Mobile, string Email, Policy? Policy)
{
    /// <summary>
    /// The facts of <paramref name="customer"/> for a piece about policy <paramref name="policyNumber"/> (null: the
    /// first of <paramref name="policies"/>, which the store lists latest expiry first). Throws
    /// <see cref="InvalidOperationException"/> when the customer no longer holds that policy.
    /// </summary>
    public static LetterFacts Of(Customer customer, IReadOnlyList<Policy> policies, string? policyNumber)
    {
        var policy = policyNumber is null ? policies.FirstOrDefault()
            : policies.FirstOrDefault(p => p.Number == policyNumber)
              ?? throw new InvalidOperationException($"policy {policyNumber} is not among customer {customer.Id}'s policies in the store");
        return new LetterFacts(customer.Gender, customer.Birthday, customer.Mobile, customer.Email, policy);
    }
}
