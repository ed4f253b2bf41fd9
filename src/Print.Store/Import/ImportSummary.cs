using Print.Core.Import;

namespace Print.Store.Import;

/// <summary>
/// What an import did. <see cref="Customers"/> and <see cref="Policies"/> count what the store holds from the
/// file after the run. <see cref="Errors"/> holds the first problems (<see cref="CustomerImport.ErrorsKept"/>);
/// <see cref="Problems"/> counts them all, and the rejects file lists them all.
/// </summary>
public sealed record ImportSummary(string File, int Customers, int Policies, int RejectedRows, string RejectsFile, IReadOnlyList<RowError> Errors)
{
    /// <summary>Every problem found, one or more per rejected row.</summary>
    public int Problems { get; init; } = Errors.Count;

    /// <summary>imported N customers, M policies; rejected K rows → PATH-OF-REJECTS-FILE</summary>
    public string Line => $"imported {Customers} customers, {Policies} policies; rejected {RejectedRows} rows → {RejectsFile}";

    public override string ToString() => Line;
}
