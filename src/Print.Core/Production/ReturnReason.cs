namespace Print.Core.Production;

/// <summary>
/// Why the post office returned a piece. <see cref="BadAddress"/>: the address itself is wrong (nobody by that
/// name there, incomplete, moved away) and the address book should mark it bad so the next batch does not
/// mail it again. <see cref="StopContact"/>: contact the customer on no channel any more (deceased): no letter, and
/// no SMS or e-mail in its place.
/// </summary>
public sealed record ReturnReason(string Code, string Label, bool BadAddress, bool StopContact, IReadOnlyList<string> Aliases)
{
    public override string ToString() => $"{Code} ({Label})";
}
