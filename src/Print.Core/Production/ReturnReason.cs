namespace Print.Core.Production;

/// <summary>
/// Why the post office returned a piece. <see cref="BadAddress"/>: the address itself is wrong (nobody by that
/// name there, incomplete, moved away) and the address book should mark it bad so the next batch does not
/// mail it again. <see cref="StopMail"/>: do not mail the customer any more (deceased).
/// </summary>
public sealed record ReturnReason(string Code, string Label, bool BadAddress, bool StopMail, IReadOnlyList<string> Aliases)
{
    public override string ToString() => $"{Code} ({Label})";
}
