using Print.Core.Production;

namespace Print.Store;

/// <summary>
/// Work orders, batches, pieces and tracking-range counters. Every write that hands out something unique
/// (a tracking number, a communication taken into a piece) is one all-or-nothing transaction, so a crash at
/// any moment neither loses nor duplicates a piece or a number.
/// </summary>
public interface IProductionStore
{
    /// <summary>
    /// Stores a work order with its batches and pieces, marks their communications as taken, and advances
    /// each tracking range's next serial to <paramref name="nextSerials"/> (range id → next unused serial),
    /// with an audit line per allocation — all in one transaction. A communication already in a piece fails
    /// the whole call.
    /// </summary>
    void CreateWorkOrder(WorkOrder order, IReadOnlyCollection<Batch> batches, IReadOnlyCollection<MailPiece> pieces,
        IReadOnlyDictionary<string, long> nextSerials, IReadOnlyCollection<TrackingAudit> audit);

    /// <summary>The next unused serial of each range that has been used (a range never used starts at its first serial).</summary>
    IReadOnlyDictionary<string, long> NextSerials();

    Batch? FindBatch(string id);

    IReadOnlyList<Batch> Batches();

    /// <summary>The batch's pieces in presort order (by <see cref="MailPiece.Sequence"/>).</summary>
    IReadOnlyList<MailPiece> PiecesOf(string batchId);

    MailPiece? FindPiece(string id);

    MailPiece? FindPieceByTracking(TrackingNumber number);

    /// <summary>Saves the batch's state, history, files and progress, and the given pieces' states and pages, in one transaction.</summary>
    void Update(Batch batch, IReadOnlyCollection<MailPiece> pieces);

    /// <summary>Which of these communication ids are already in a piece.</summary>
    IReadOnlySet<string> Batched(IReadOnlyCollection<string> communicationIds);
}

/// <summary>One allocation of tracking numbers: auditable afterwards (which range, which serials, which batch, when, who).</summary>
public sealed record TrackingAudit(string RangeId, long FirstSerial, long LastSerial, string BatchId, DateTimeOffset At, string By);
