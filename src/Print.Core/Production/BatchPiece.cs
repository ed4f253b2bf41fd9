namespace Print.Core.Production;

/// <summary>
/// A piece as presort and splitting see it: where it goes (postcode), whose it is (for a stable order), how
/// many sheets it has, and whether it is a seed piece addressed to staff.
/// </summary>
public sealed record BatchPiece(string PieceId, string CustomerId, string Postcode, int Sheets, bool IsSeed = false)
{
    public override string ToString() => $"{PieceId} ({Postcode}, {Sheets} sheet{(Sheets == 1 ? "" : "s")}{(IsSeed ? ", seed" : "")})";
}
