namespace Print.Core.Production;

/// <summary>
/// How big one print file may be: at most <see cref="MaxPieces"/> pieces and/or <see cref="MaxSheets"/> sheets
/// (null: no limit of that kind). The print shop's RIP and the inserter's job size set them.
/// </summary>
public sealed record SplitLimits(int? MaxPieces = null, int? MaxSheets = null)
{
    public static SplitLimits None { get; } = new();
}

/// <summary>One print file of a batch: its number (from 1), its pieces in order, and its sheet count.</summary>
public sealed record BatchFile(int Number, IReadOnlyList<BatchPiece> Pieces)
{
    public int Sheets => Pieces.Sum(p => p.Sheets);
}

/// <summary>
/// Cuts a batch, already in its final order (<see cref="Presort"/>), into print files within the limits. A
/// piece is never split across files: the piece that would take a file over a limit starts the next file. A
/// piece with more sheets than a whole file may hold cannot be printed and is an error naming it.
/// </summary>
public static class BatchSplitter
{
    public static IReadOnlyList<BatchFile> Split(IReadOnlyList<BatchPiece> ordered, SplitLimits limits)
    {
        if (limits.MaxPieces is < 1) throw new ArgumentOutOfRangeException(nameof(limits), limits.MaxPieces, "a file holds at least one piece");
        if (limits.MaxSheets is < 1) throw new ArgumentOutOfRangeException(nameof(limits), limits.MaxSheets, "a file holds at least one sheet");
        var files = new List<BatchFile>();
        var current = new List<BatchPiece>();
        int sheets = 0;
        foreach (var piece in ordered)
        {
            if (piece.Sheets < 1) throw new ArgumentException($"piece {piece.PieceId} has {piece.Sheets} sheets; a piece has at least one", nameof(ordered));
            if (piece.Sheets > limits.MaxSheets)
                throw new ArgumentException($"piece {piece.PieceId} has {piece.Sheets} sheets, more than a whole file may hold ({limits.MaxSheets}); raise the sheet limit", nameof(ordered));
            bool full = current.Count == limits.MaxPieces || sheets + piece.Sheets > limits.MaxSheets;
            if (full && current.Count > 0)
            {
                files.Add(new BatchFile(files.Count + 1, current));
                current = [];
                sheets = 0;
            }
            current.Add(piece);
            sheets += piece.Sheets;
        }
        if (current.Count > 0) files.Add(new BatchFile(files.Count + 1, current));
        return files;
    }

    /// <summary>Presort, seeds and split in one: the customer pieces by postcode, the seeds spread through, cut into files.</summary>
    public static IReadOnlyList<BatchFile> Plan(IEnumerable<BatchPiece> pieces, IReadOnlyList<BatchPiece> seeds, SplitLimits limits)
    {
        var sorted = Presort.Order(pieces);
        if (sorted.FirstOrDefault(p => p.IsSeed) is { } seed)
            throw new ArgumentException($"seed piece {seed.PieceId} is among the customer pieces; pass seeds separately so they are spread, not sorted", nameof(pieces));
        return Split(Presort.WithSeeds(sorted, seeds), limits);
    }
}
