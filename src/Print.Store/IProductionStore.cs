using Print.Core.Campaigns;
using Print.Core.Customers;
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

    /// <summary>
    /// A page of the batch's pieces in presort order: at most <paramref name="count"/> of them, those with
    /// <see cref="MailPiece.Sequence"/> from <paramref name="fromSequence"/> on. A large batch is read a page at
    /// a time through this, so that no more than a page of its pieces is held in memory.
    /// </summary>
    IReadOnlyList<MailPiece> PiecesOf(string batchId, int fromSequence, int count);

    MailPiece? FindPiece(string id);

    MailPiece? FindPieceByTracking(TrackingNumber number);

    /// <summary>Saves the batch's state, history, files and progress, and the given pieces' states and pages, in one transaction.</summary>
    void Update(Batch batch, IReadOnlyCollection<MailPiece> pieces);

    /// <summary>
    /// Records a print file of a rendering, in one transaction: the batch (its files and progress), what the file made
    /// of its pieces (<paramref name="file"/>: their pages, and rendered for those still planned as first stored), and
    /// <paramref name="pieces"/> saved as they are — pieces of the file that had moved before (rendered by an earlier
    /// rendering, a re-printed copy), whose pages or state the record does not give. Every read of a piece afterwards
    /// carries what the record says of it.
    /// </summary>
    void RecordPrintFile(Batch batch, PrintFilePieces file, IReadOnlyCollection<MailPiece> pieces);

    /// <summary>
    /// Saves the batch as its rendering starts over and, in the same transaction, writes into each piece what the
    /// print files recorded so far say of it (<see cref="RecordPrintFile"/>), then drops those records: a piece
    /// rendered before stays rendered, with its history, while the new rendering records its new pages.
    /// </summary>
    void RestartRendering(Batch batch);

    /// <summary>Which of these communication ids are already in a piece.</summary>
    IReadOnlySet<string> Batched(IReadOnlyCollection<string> communicationIds);

    /// <summary>
    /// <see cref="CreateWorkOrder(WorkOrder, IReadOnlyCollection{Batch}, IReadOnlyCollection{MailPiece}, IReadOnlyDictionary{string, long}, IReadOnlyCollection{TrackingAudit})"/>,
    /// and in the same transaction: each skipped communication is dropped with its reason (it will not be
    /// looked at again), each skipped redelivery is closed with its reason, and each piece with
    /// <see cref="MailPiece.RedeliveryOf"/> closes its waiting redelivery (a redelivery no longer waiting fails the
    /// whole call). A work order with no batches is stored when it skipped something, so the skips are on record.
    /// </summary>
    void CreateWorkOrder(WorkOrder order, IReadOnlyCollection<Batch> batches, IReadOnlyCollection<MailPiece> pieces,
        IReadOnlyDictionary<string, long> nextSerials, IReadOnlyCollection<TrackingAudit> audit, IReadOnlyCollection<SkippedMail> skipped);

    WorkOrder? FindWorkOrder(string id);

    /// <summary>Every work order id, in id order.</summary>
    IReadOnlyList<string> WorkOrderIds();

    /// <summary>What a work order skipped and why (empty for an unknown id).</summary>
    IReadOnlyList<SkippedMail> SkippedBy(string workOrderId);

    /// <summary>
    /// Mail communications waiting for production: handed off (on or before <paramref name="day"/>) to the mail
    /// channel and in no piece yet, in hand-off day then id order.
    /// </summary>
    IReadOnlyList<Communication> DueForProduction(DateOnly day);

    /// <summary>The pieces carrying these numbers (every copy keeps its number); numbers no piece carries are absent.</summary>
    IReadOnlyDictionary<TrackingNumber, MailPiece> PiecesByTracking(IReadOnlyCollection<TrackingNumber> numbers);

    /// <summary>
    /// The pieces of a campaign (a trigger such as <c>thank-you</c>: every communication whose id starts with it,
    /// and their redeliveries), plus the seed pieces of the batches that carried them.
    /// </summary>
    IReadOnlyList<MailPiece> PiecesOfTrigger(string trigger);

    /// <summary>Every allocation of tracking numbers, oldest first.</summary>
    IReadOnlyList<TrackingAudit> Audit();

    /// <summary>Redeliveries waiting for a corrected address (returned for a bad address), oldest return first.</summary>
    IReadOnlyList<Redelivery> WaitingRedeliveries();

    Redelivery? FindRedelivery(string returnedPieceId);

    /// <summary>
    /// One chunk of delivery feedback in one transaction: the pieces' histories, the customers whose address
    /// book changed (stored whole), and new redeliveries (one per returned piece; one already queued is kept).
    /// </summary>
    void SaveFeedback(IReadOnlyCollection<MailPiece> pieces, IReadOnlyCollection<Customer> customers, IReadOnlyCollection<Redelivery> redeliveries);
}

/// <summary>
/// A communication (or a redelivery, when <see cref="RedeliveryOf"/> names the returned piece) that a work order
/// did not put into a piece, and why: the customer cannot be mailed any more, or it is too late to be useful.
/// </summary>
public sealed record SkippedMail(string CommunicationId, string CustomerId, string Reason, string? RedeliveryOf = null);

/// <summary>One allocation of tracking numbers: auditable afterwards (which range, which serials, which batch, when, who).</summary>
public sealed record TrackingAudit(string RangeId, long FirstSerial, long LastSerial, string BatchId, DateTimeOffset At, string By);
