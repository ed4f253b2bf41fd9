namespace Print.Core.Production;

/// <summary>
/// What one print file of a rendering made of its pieces: the batch's pieces from <see cref="FirstSequence"/> on, in
/// presort order, each with its pages in <see cref="File"/> (<see cref="Pages"/>[i] is piece FirstSequence + i),
/// rendered at <see cref="At"/> by <see cref="Actor"/>. The store keeps it as one record with the file instead of
/// rewriting thousands of pieces, and a piece read afterwards carries its pages and its step to rendered from it.
/// </summary>
public sealed record PrintFilePieces(string BatchId, string File, int FirstSequence, IReadOnlyList<PiecePages> Pages, DateTimeOffset At, string Actor)
{
    public int LastSequence => FirstSequence + Pages.Count - 1;

    /// <summary>The record of <paramref name="pieces"/> (consecutive pieces of one batch, in order) laid out in <paramref name="file"/>.</summary>
    public static PrintFilePieces Of(string file, IReadOnlyList<MailPiece> pieces, DateTimeOffset at, string actor)
    {
        if (pieces.Count == 0) throw new ArgumentException("a print file holds at least one piece", nameof(pieces));
        var first = pieces[0];
        var pages = new PiecePages[pieces.Count];
        for (int i = 0; i < pieces.Count; i++)
        {
            var p = pieces[i];
            if (p.BatchId != first.BatchId || p.Sequence != first.Sequence + i)
                throw new ArgumentException($"piece {p.Id} does not follow piece {pieces[i - 1].Id} of batch {first.BatchId} in {file}", nameof(pieces));
            pages[i] = p.Pages is { } g && g.File == file ? g : throw new ArgumentException($"piece {p.Id} has no pages in {file}", nameof(pieces));
        }
        return new PrintFilePieces(first.BatchId, file, first.Sequence, pages, at, actor);
    }

    /// <summary>A piece still as first stored (its first copy, no step recorded): the one kind a record applies to.</summary>
    public static bool AsFirstStored(MailPiece piece) => piece.History.Events.Count == 0;

    /// <summary>
    /// Applies the record to <paramref name="piece"/> as stored: a piece it holds that never moved from planned
    /// (its first copy, no step recorded) is rendered, at <see cref="At"/>, with its pages. Any other piece was
    /// written since with what it says (and more), and is left as it is. Returns whether it applied.
    /// </summary>
    public bool ApplyTo(MailPiece piece)
    {
        if (piece.BatchId != BatchId || piece.Sequence < FirstSequence || piece.Sequence > LastSequence || !AsFirstStored(piece))
            return false;
        piece.Pages = Pages[piece.Sequence - FirstSequence];
        piece.History.Transition(PieceState.Rendered, At, Actor);
        return true;
    }
}
