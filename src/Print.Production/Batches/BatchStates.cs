using Print.Core.Production;
using Print.Store;

namespace Print.Production.Batches;

/// <summary>
/// The operations that move a stored batch and its pieces on, each recorded with its time and actor and saved
/// in one transaction (batch and pieces together). The rules are <see cref="BatchHistory"/>'s and
/// <see cref="PieceHistory"/>'s: forward only; the messages of refused steps are theirs.
/// <list type="bullet">
/// <item><see cref="Approve"/>: proof sign-off of a rendered batch by a named person, recording the hash of the
/// batch's template folders as they are now.</item>
/// <item><see cref="StartPrinting"/>: refused when a template changed after the approval.</item>
/// <item><see cref="Printed"/>: the batch (starting to print first when it is only approved) and its rendered pieces.</item>
/// <item><see cref="Posted"/>: the batch and every piece that is printed; spoiled pieces stay spoiled, and a
/// piece neither printed nor spoiled (a re-print not yet printed) stops it.</item>
/// <item><see cref="Spoil"/> / <see cref="Reprint"/>: a piece damaged in the print shop, and its next copy
/// (same tracking number); <see cref="PieceStep"/> moves a re-printed copy through rendered and printed.</item>
/// <item><see cref="SeedReceived"/>: a seed piece delivered, as its staff addressee reports it.</item>
/// </list>
/// </summary>
public sealed class BatchStates(IProductionStore store, TemplateCatalog templates, TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>Now, in China time (the time every step records).</summary>
    public DateTimeOffset Now => time.GetUtcNow().ToOffset(DeliveryEvent.ChinaOffset);

    public Batch Get(string batchId) => store.FindBatch(batchId) ?? throw new ProductionException($"no batch {batchId}");

    /// <summary>The hash the batch's templates have now (what an approval records and printing checks).</summary>
    public string CurrentTemplateHash(Batch batch) => templates.Hash(batch.Documents);

    public Batch Approve(string batchId, string approver)
    {
        var batch = Get(batchId);
        var hash = CurrentTemplateHash(batch);
        if (batch.History.State == BatchState.Rendered && batch.TemplateHash is { } rendered && rendered != hash)
            throw new InvalidTransitionException($"batch {batch.Id}", StateNames.Of(batch.History.State), StateNames.Of(BatchState.Approved),
                $"batch {batch.Id}: the template changed after the batch was rendered (rendered from {Short(rendered)}, now {Short(hash)}); render the batch again before approving it");
        batch.History.Approve(Now, approver, hash);
        store.Update(batch, []);
        return batch;
    }

    public Batch StartPrinting(string batchId, string actor)
    {
        var batch = Get(batchId);
        batch.History.StartPrinting(Now, actor, CurrentTemplateHash(batch));
        store.Update(batch, []);
        return batch;
    }

    /// <summary>The batch is printed and enclosed: from approved it starts printing first (checking the template), then printed; rendered pieces become printed.</summary>
    public Batch Printed(string batchId, string actor)
    {
        var batch = Get(batchId);
        var now = Now;
        if (batch.History.State == BatchState.Approved) batch.History.StartPrinting(now, actor, CurrentTemplateHash(batch));
        batch.History.Transition(BatchState.Printed, now, actor);
        var pieces = store.PiecesOf(batchId).Where(p => p.History.State == PieceState.Rendered).ToList();
        foreach (var p in pieces) p.History.Transition(PieceState.Printed, now, actor);
        store.Update(batch, pieces);
        return batch;
    }

    /// <summary>Handed to the post office: the batch and every printed piece.</summary>
    public Batch Posted(string batchId, string actor)
    {
        var batch = Get(batchId);
        var all = store.PiecesOf(batchId);
        var unfinished = all.Where(p => p.History.State is PieceState.Planned or PieceState.Rendered).ToList();
        if (unfinished.Count > 0 && batch.History.State == BatchState.Printed)
            throw new ProductionException($"batch {batch.Id} cannot be posted: {unfinished.Count} piece{(unfinished.Count == 1 ? " is" : "s are")} not printed ("
                + string.Join(", ", unfinished.Take(5).Select(p => $"{p.Id} {StateNames.Of(p.History.State)}")) + (unfinished.Count > 5 ? ", …" : "")
                + "); print them or mark them spoiled first");
        var now = Now;
        batch.History.Transition(BatchState.Posted, now, actor);
        var printed = all.Where(p => p.History.State == PieceState.Printed).ToList();
        foreach (var p in printed) p.History.Transition(PieceState.Posted, now, actor);
        store.Update(batch, printed);
        return batch;
    }

    /// <summary>A piece damaged in printing or enclosing (rendered or printed, never posted); with <paramref name="reprint"/> its next copy is planned at once.</summary>
    public MailPiece Spoil(string pieceId, string actor, string reason, bool reprint = false)
    {
        var (batch, piece) = PieceAndBatch(pieceId);
        var now = Now;
        piece.History.Transition(PieceState.Spoiled, now, actor, reason);
        if (reprint) piece.History.Reprint(now, actor, reason);
        store.Update(batch, [piece]);
        return piece;
    }

    /// <summary>The next copy of a spoiled piece: planned again, same tracking number.</summary>
    public MailPiece Reprint(string pieceId, string actor, string? reason = null)
    {
        var (batch, piece) = PieceAndBatch(pieceId);
        piece.History.Reprint(Now, actor, reason);
        store.Update(batch, [piece]);
        return piece;
    }

    /// <summary>
    /// One piece one step on, outside a batch step: a re-printed copy rendered, printed, and posted once its
    /// batch is posted.
    /// </summary>
    public MailPiece PieceStep(string pieceId, PieceState to, string actor, string? note = null)
    {
        if (to is not (PieceState.Rendered or PieceState.Printed or PieceState.Posted))
            throw new ArgumentOutOfRangeException(nameof(to), to, "a single piece goes to rendered, printed or posted here; feedback brings the rest");
        var (batch, piece) = PieceAndBatch(pieceId);
        if (to == PieceState.Posted && batch.History.State != BatchState.Posted)
            throw new ProductionException($"piece {piece.Id}: its batch {batch.Id} is {StateNames.Of(batch.History.State)}; pieces are posted with their batch");
        piece.History.Transition(to, Now, actor, note);
        store.Update(batch, [piece]);
        return piece;
    }

    /// <summary>
    /// A seed piece received, on <paramref name="day"/>, by the staff member it was addressed to: delivered, which
    /// gives the batch its seed delivery time. The post office tracks only registered pieces, so for ordinary mail
    /// this is how a seed's delivery becomes known (the piece id is in the Data Matrix on its sheet). Returns false,
    /// changing nothing, when the piece is already recorded as delivered that day; throws
    /// <see cref="ProductionException"/> for a customer's piece, a day before its posting or after today, and
    /// <see cref="InvalidTransitionException"/> for a piece not posted (or already delivered on another day).
    /// </summary>
    public bool SeedReceived(string pieceId, DateOnly day, string actor)
    {
        var (batch, piece) = PieceAndBatch(pieceId);
        if (!piece.IsSeed)
            throw new ProductionException($"piece {piece.Id} is not a seed piece: a customer's piece is delivered through the post office's feedback");
        var history = piece.History;
        if (history.State == PieceState.Delivered && ChinaDay(history.When(PieceState.Delivered)!.Value) == day) return false;
        var today = ChinaDay(Now);
        if (day > today) throw new ProductionException($"piece {piece.Id}: received on {day:yyyy-MM-dd} is after today ({today:yyyy-MM-dd})");
        if (history.When(PieceState.Posted) is { } posted && day < ChinaDay(posted))
            throw new ProductionException($"piece {piece.Id}: received on {day:yyyy-MM-dd}, before it was posted on {ChinaDay(posted):yyyy-MM-dd}");
        history.Transition(PieceState.Delivered, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), DeliveryEvent.ChinaOffset), actor, "received by the seed addressee");
        store.Update(batch, [piece]);
        return true;
    }

    private static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(DeliveryEvent.ChinaOffset).DateTime);

    private (Batch, MailPiece) PieceAndBatch(string pieceId)
    {
        var piece = store.FindPiece(pieceId) ?? throw new ProductionException($"no piece {pieceId}");
        return (Get(piece.BatchId), piece);
    }

    private static string Short(string hash) => hash[..Math.Min(12, hash.Length)];
}
