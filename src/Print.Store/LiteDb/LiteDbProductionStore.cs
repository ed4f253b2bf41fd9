using LiteDB;
using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;

namespace Print.Store.LiteDb;

/// <summary>
/// Production in the shared <see cref="PrintDatabase"/>. Collections:
/// <list type="bullet">
/// <item><c>work_orders</c>: <c>_id</c> the work order id, its batch ids and what it skipped (and why).</item>
/// <item><c>batches</c>: <c>_id</c> the batch id (<c>B20261125-01</c>); state, history, limits, files.</item>
/// <item><c>pieces</c>: <c>_id</c> the piece id; a <b>unique</b> index on <c>communication_key</c> (the communication
/// of a first delivery, the piece's own id for a seed or a redelivery), so a second piece for one communication
/// fails its whole transaction; indexes on <c>batch_id</c>, <c>tracking_number</c> and <c>trigger</c>, and
/// <c>batch_sequence</c> on the batch id and the zero-padded sequence (<see cref="BatchSequence"/>), which reads a
/// batch a page at a time in presort order.</item>
/// <item><c>print_file_pieces</c>: what each print file of a rendering made of its pieces (<see cref="PrintFilePieces"/>:
/// their pages, packed, and their step to rendered), <c>_id</c> the <see cref="BatchSequence"/> key of the file's last
/// piece; read into every piece it holds that is still as first stored, until the piece is next written.</item>
/// <item><c>tracking_ranges</c>: <c>_id</c> the range id, <c>next_serial</c> the next unused serial.</item>
/// <item><c>tracking_audit</c>: one line per allocation (range, first and last serial, batch, time, who).</item>
/// <item><c>redeliveries</c>: <c>_id</c> the returned piece; waiting until a corrected address arrives.</item>
/// </list>
/// A communication taken into a piece gets <c>batched_in</c> (the piece id) on its document in
/// <c>communications</c>, in the same transaction; one dropped by a work order gets status Dropped and the
/// reason. Customers whose address book the feedback changes are written to <c>customers</c> with
/// <see cref="StoreMapper"/>, in the transaction of the feedback chunk.
/// </summary>
public sealed class LiteDbProductionStore : IProductionStore
{
    public const string WorkOrders = "work_orders";
    public const string BatchCollection = "batches";
    public const string Pieces = "pieces";
    public const string TrackingRanges = "tracking_ranges";
    public const string TrackingAuditLines = "tracking_audit";
    public const string Redeliveries = "redeliveries";
    public const string PrintFiles = "print_file_pieces";

    /// <summary>The field a communication document gets when a piece takes it: the piece id.</summary>
    public const string BatchedIn = "batched_in";

    /// <summary>
    /// The key of the <c>batch_sequence</c> index: <c>B20261125-01/0000000042</c>. Text sorts as the sequence does
    /// when padded, and '/' sorts below every digit, so one batch's keys never interleave with another's.
    /// </summary>
    public const string BatchSequence = "$.batch_id + '/' + LPAD(STRING($.sequence), 10, '0')";

    private readonly PrintDatabase database;
    private readonly ILiteCollection<BsonDocument> workOrders, batches, pieces, printFiles, ranges, audit, redeliveries, communications, customers;

    public LiteDbProductionStore(PrintDatabase database)
    {
        this.database = database;
        var engine = database.Engine;
        workOrders = engine.GetCollection(WorkOrders);
        batches = engine.GetCollection(BatchCollection);
        pieces = engine.GetCollection(Pieces);
        printFiles = engine.GetCollection(PrintFiles);
        ranges = engine.GetCollection(TrackingRanges);
        audit = engine.GetCollection(TrackingAuditLines, BsonAutoId.Int64);
        redeliveries = engine.GetCollection(Redeliveries);
        communications = engine.GetCollection(LiteDbCommunicationStore.Communications);
        customers = engine.GetCollection(LiteDbCustomerStore.Customers);
        pieces.EnsureIndex("communication_key", "$.communication_key", unique: true);
        pieces.EnsureIndex("batch_id", "$.batch_id");
        pieces.EnsureIndex("tracking_number", "$.tracking_number");
        pieces.EnsureIndex("trigger", "$.trigger");
        pieces.EnsureIndex("batch_sequence", BatchSequence);
        redeliveries.EnsureIndex("status", "$.status");
        // The production queue: mail handed off and not yet in a piece is found through the status index.
        communications.EnsureIndex("status", "$.status");
    }

    /// <summary>Test hook: runs inside <see cref="CreateWorkOrder(WorkOrder, IReadOnlyCollection{Batch}, IReadOnlyCollection{MailPiece}, IReadOnlyDictionary{string, long}, IReadOnlyCollection{TrackingAudit}, IReadOnlyCollection{SkippedMail})"/>
    /// and <see cref="SaveFeedback"/> after the writes, before the commit.</summary>
    internal Action? BeforeCommit { get; set; }

    internal void Abandon() => database.Abandon();

    public void CreateWorkOrder(WorkOrder order, IReadOnlyCollection<Batch> batches, IReadOnlyCollection<MailPiece> pieces,
        IReadOnlyDictionary<string, long> nextSerials, IReadOnlyCollection<TrackingAudit> audit) =>
        CreateWorkOrder(order, batches, pieces, nextSerials, audit, []);

    public void CreateWorkOrder(WorkOrder order, IReadOnlyCollection<Batch> batches, IReadOnlyCollection<MailPiece> pieces,
        IReadOnlyDictionary<string, long> nextSerials, IReadOnlyCollection<TrackingAudit> audit, IReadOnlyCollection<SkippedMail> skipped)
    {
        foreach (var b in batches)
            if (b.WorkOrderId != order.Id) throw new ArgumentException($"batch {b.Id} belongs to work order {b.WorkOrderId}, not {order.Id}", nameof(batches));
        var batchIds = batches.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var p in pieces)
            if (!batchIds.Contains(p.BatchId)) throw new ArgumentException($"piece {p.Id} belongs to batch {p.BatchId}, which is not in work order {order.Id}", nameof(pieces));

        database.InTransaction(() =>
        {
            workOrders.Insert(ProductionMapper.Document(order, skipped));
            this.batches.Insert(batches.Select(ProductionMapper.Document));
            foreach (var p in pieces)
            {
                // The unique index refuses a second first-delivery piece of one communication; the communication
                // document says the same, and also catches a piece of an earlier store without the index.
                try { this.pieces.Insert(ProductionMapper.Document(p)); }
                catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
                {
                    throw new AlreadyBatchedException(p.CommunicationId is { } c && p.RedeliveryOf is null
                        ? $"communication {c} is already in a piece; it cannot go into piece {p.Id} as well"
                        : $"piece {p.Id} is already stored");
                }
                if (p.RedeliveryOf is { } returned) Take(redeliveries, returned, p);
                else if (p.CommunicationId is { } id && !p.IsSeed) TakeCommunication(id, p);
            }
            foreach (var (rangeId, next) in nextSerials)
            {
                var stored = ranges.FindById(rangeId);
                if (stored is not null && stored["next_serial"].AsInt64 > next)
                    throw new InvalidOperationException($"tracking range {rangeId}: the next serial would go back from {stored["next_serial"].AsInt64} to {next}; numbers are never handed out twice");
                ranges.Upsert(new BsonDocument { ["_id"] = rangeId, ["next_serial"] = next });
            }
            this.audit.Insert(audit.Select(ProductionMapper.Document));
            foreach (var s in skipped) Skip(s, order.CreatedOn);
        }, BeforeCommit);
    }

    private void TakeCommunication(string id, MailPiece piece)
    {
        if (communications.FindById(id) is not { } d) return; // a piece of a communication this store never held (imported work)
        if (d[BatchedIn] is { IsNull: false } taken)
            throw new AlreadyBatchedException($"communication {id} is already in piece {taken.AsString}; it cannot go into piece {piece.Id} as well");
        d[BatchedIn] = piece.Id;
        communications.Update(d);
    }

    private void Take(ILiteCollection<BsonDocument> collection, string returnedPieceId, MailPiece piece)
    {
        var d = collection.FindById(returnedPieceId)
            ?? throw new InvalidOperationException($"piece {piece.Id} redelivers {returnedPieceId}, but no redelivery of it is queued");
        if (d["status"].AsString != nameof(RedeliveryStatus.Waiting))
            throw new AlreadyBatchedException($"the redelivery of {returnedPieceId} is {d["status"].AsString.ToLowerInvariant()}"
                + (d["batched_in"].IsNull ? "" : $" (piece {d["batched_in"].AsString})") + $"; it cannot go into piece {piece.Id}");
        d["status"] = nameof(RedeliveryStatus.Batched);
        d["batched_in"] = piece.Id;
        collection.Update(d);
    }

    private void Skip(SkippedMail s, DateOnly day)
    {
        if (s.RedeliveryOf is { } returned)
        {
            if (redeliveries.FindById(returned) is { } r && r["status"].AsString == nameof(RedeliveryStatus.Waiting))
            {
                r["status"] = nameof(RedeliveryStatus.Dropped);
                r["drop_reason"] = s.Reason;
                redeliveries.Update(r);
            }
            return;
        }
        if (communications.FindById(s.CommunicationId) is not { } d || !d[BatchedIn].IsNull
            || d["status"].AsString != nameof(CommunicationStatus.HandedOff)) return;
        d["status"] = nameof(CommunicationStatus.Dropped);
        d["reasons"].AsArray.Add($"production {day:yyyy-MM-dd}: {s.Reason}");
        communications.Update(d);
    }

    public IReadOnlyDictionary<string, long> NextSerials() =>
        ranges.FindAll().ToDictionary(d => d["_id"].AsString, d => d["next_serial"].AsInt64, StringComparer.Ordinal);

    public Batch? FindBatch(string id) => batches.FindById(id) is { } d ? ProductionMapper.Batch(d) : null;

    public IReadOnlyList<Batch> Batches() => batches.Query().OrderBy("_id").ToEnumerable().Select(ProductionMapper.Batch).ToList();

    public IReadOnlyList<MailPiece> PiecesOf(string batchId) =>
        Read(pieces.Find(Query.EQ("batch_id", batchId))).OrderBy(p => p.Sequence).ToList();

    public IReadOnlyList<MailPiece> PiecesOf(string batchId, int fromSequence, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return [];
        return Read(StoredPieces(batchId, fromSequence, count));
    }

    /// <summary>The batch's piece documents as stored, in presort order: at most <paramref name="count"/>, from sequence <paramref name="from"/> on.</summary>
    private IEnumerable<BsonDocument> StoredPieces(string batchId, int from, int count) =>
        pieces.Query().Where(SequenceBetween.With(SequenceKey(batchId, Math.Max(0, from)), SequenceKey(batchId, int.MaxValue)))
            .OrderBy(BatchSequence).Limit(count).ToEnumerable();

    /// <summary>The batch's print-file records, in order, from the one holding piece <paramref name="from"/> or the first after it (keyed by their last piece).</summary>
    private IEnumerable<PrintFilePieces> PrintFilesFrom(string batchId, int from) =>
        printFiles.Query().Where(IdBetween.With(SequenceKey(batchId, from), SequenceKey(batchId, int.MaxValue))).OrderBy("_id")
            .ToEnumerable().Select(ProductionMapper.PrintFilePieces);

    /// <summary>
    /// Pieces as stored, each with what a recorded print file says of it (<see cref="PrintFilePieces.ApplyTo"/>): only
    /// a piece still as first stored can take anything from one, and the records of its batch are looked up by the
    /// sequences of those pieces alone.
    /// </summary>
    private List<MailPiece> Read(IEnumerable<BsonDocument> documents)
    {
        var read = documents.Select(ProductionMapper.Piece).ToList();
        foreach (var batch in read.Where(PrintFilePieces.AsFirstStored).GroupBy(p => p.BatchId, StringComparer.Ordinal))
        {
            var waiting = batch.OrderBy(p => p.Sequence).ToList();
            var files = PrintFilesOf(batch.Key, waiting[0].Sequence, waiting[^1].Sequence);
            if (files.Count == 0) continue;
            int f = 0;
            foreach (var piece in waiting)
            {
                while (f < files.Count && files[f].LastSequence < piece.Sequence) f++;
                if (f == files.Count) break;
                files[f].ApplyTo(piece);
            }
        }
        return read;
    }

    /// <summary>The batch's print-file records holding any of the pieces <paramref name="from"/> to <paramref name="to"/>, in order.</summary>
    private List<PrintFilePieces> PrintFilesOf(string batchId, int from, int to)
    {
        var found = new List<PrintFilePieces>();
        foreach (var file in PrintFilesFrom(batchId, from))
        {
            if (file.FirstSequence > to) break;
            found.Add(file);
        }
        return found;
    }

    private static readonly ParsedQuery IdBetween = new("_id BETWEEN @0 AND @1");

    // Parameterised, so LiteDB compiles the expression once (Query.Between embeds the values: a new expression,
    // compiled with Reflection.Emit, for every page read), and parsed once (ParsedQuery).
    private static readonly ParsedQuery SequenceBetween = new(BatchSequence + " BETWEEN @0 AND @1");

    /// <summary>The <see cref="BatchSequence"/> key of a piece.</summary>
    internal static string SequenceKey(string batchId, int sequence) =>
        batchId + "/" + sequence.ToString("0000000000", System.Globalization.CultureInfo.InvariantCulture);

    public MailPiece? FindPiece(string id) => pieces.FindById(id) is { } d ? Read([d])[0] : null;

    public MailPiece? FindPieceByTracking(TrackingNumber number) =>
        pieces.FindOne(Query.EQ("tracking_number", number.ToString())) is { } d ? Read([d])[0] : null;

    public IReadOnlyDictionary<TrackingNumber, MailPiece> PiecesByTracking(IReadOnlyCollection<TrackingNumber> numbers)
    {
        var found = new Dictionary<TrackingNumber, MailPiece>();
        foreach (var chunk in numbers.Distinct().Chunk(1000))
            foreach (var piece in Read(pieces.Find(BsonExpression.Create("tracking_number IN @0", new BsonArray(chunk.Select(n => new BsonValue(n.ToString())))))))
                found[piece.TrackingNumber!.Value] = piece;
        return found;
    }

    public void Update(Batch batch, IReadOnlyCollection<MailPiece> pieces) => database.InTransaction(() => Save(batch, pieces), BeforeCommit);

    private void Save(Batch batch, IReadOnlyCollection<MailPiece> pieces)
    {
        if (!batches.Update(ProductionMapper.Document(batch))) throw new InvalidOperationException($"no batch {batch.Id} is stored");
        foreach (var p in pieces)
            if (p.BatchId != batch.Id) throw new ArgumentException($"piece {p.Id} belongs to batch {p.BatchId}, not {batch.Id}", nameof(pieces));
        if (this.pieces.Update(pieces.Select(ProductionMapper.Document)) != pieces.Count)
            throw new InvalidOperationException($"no piece {pieces.First(p => this.pieces.FindById(p.Id) is null).Id} is stored");
    }

    public void RecordPrintFile(Batch batch, PrintFilePieces file, IReadOnlyCollection<MailPiece> pieces)
    {
        if (file.BatchId != batch.Id) throw new ArgumentException($"print file {file.File} belongs to batch {file.BatchId}, not {batch.Id}", nameof(file));
        database.InTransaction(() =>
        {
            Save(batch, pieces);
            printFiles.Insert(ProductionMapper.Document(file));
        }, BeforeCommit);
    }

    public void RestartRendering(Batch batch)
    {
        database.InTransaction(() =>
        {
            var recorded = PrintFilesFrom(batch.Id, 0).ToList();
            foreach (var file in recorded)
                for (int from = file.FirstSequence; from <= file.LastSequence; from += RestartPage)
                {
                    // Read as stored, the records applied here: they are dropped below.
                    var page = StoredPieces(batch.Id, from, Math.Min(RestartPage, file.LastSequence - from + 1))
                        .Select(ProductionMapper.Piece).Where(file.ApplyTo).ToList();
                    pieces.Update(page.Select(ProductionMapper.Document));
                }
            foreach (var file in recorded) printFiles.Delete(SequenceKey(batch.Id, file.LastSequence));
            Save(batch, []);
        }, BeforeCommit);
    }

    private const int RestartPage = 1000;

    public IReadOnlySet<string> Batched(IReadOnlyCollection<string> communicationIds)
    {
        if (communicationIds.Count == 0) return new HashSet<string>();
        return pieces.Find(BsonExpression.Create("communication_key IN @0", new BsonArray(communicationIds.Select(id => new BsonValue(id)))))
            .Select(d => d["communication_id"].AsString).ToHashSet(StringComparer.Ordinal);
    }

    public WorkOrder? FindWorkOrder(string id) => workOrders.FindById(id) is { } d ? ProductionMapper.WorkOrder(d) : null;

    public IReadOnlyList<SkippedMail> SkippedBy(string workOrderId) =>
        workOrders.FindById(workOrderId) is { } d ? ProductionMapper.Skipped(d) : [];

    /// <summary>Every work order id, in id order.</summary>
    public IReadOnlyList<string> WorkOrderIds() =>
        workOrders.Query().OrderBy("_id").Select("_id").ToEnumerable().Select(d => d["_id"].AsString).ToList();

    public IReadOnlyList<Communication> DueForProduction(DateOnly day)
    {
        int last = StoreMapper.Date(day).AsInt32;
        return communications.Find(Query.EQ("status", nameof(CommunicationStatus.HandedOff)))
            .Where(d => d["channel"] is { IsNull: false } ch && ch.AsString == nameof(Channel.Mail)
                        && d[BatchedIn].IsNull
                        && !d["handed_off_on"].IsNull && d["handed_off_on"].AsInt32 <= last)
            .Select(CommunicationMapper.Communication)
            .OrderBy(c => c.HandedOffOn).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<MailPiece> PiecesOfTrigger(string trigger)
    {
        var mine = Read(pieces.Find(Query.EQ("trigger", trigger)));
        var batchIds = mine.Select(p => p.BatchId).Distinct(StringComparer.Ordinal).ToList();
        var seeds = Read(batchIds.SelectMany(b => pieces.Find(Query.And(Query.EQ("batch_id", b), Query.EQ("is_seed", true)))));
        return [.. mine.Concat(seeds).OrderBy(p => p.BatchId, StringComparer.Ordinal).ThenBy(p => p.Sequence)];
    }

    public IReadOnlyList<TrackingAudit> Audit() =>
        audit.Query().OrderBy("_id").ToEnumerable().Select(ProductionMapper.Audit).ToList();

    public IReadOnlyList<Redelivery> WaitingRedeliveries() =>
        redeliveries.Find(Query.EQ("status", nameof(RedeliveryStatus.Waiting))).Select(ProductionMapper.Redelivery)
            .OrderBy(r => r.ReturnedOn).ThenBy(r => r.PieceId, StringComparer.Ordinal).ToList();

    public Redelivery? FindRedelivery(string returnedPieceId) =>
        redeliveries.FindById(returnedPieceId) is { } d ? ProductionMapper.Redelivery(d) : null;

    public void SaveFeedback(IReadOnlyCollection<MailPiece> pieces, IReadOnlyCollection<Customer> customers, IReadOnlyCollection<Redelivery> redeliveries)
    {
        if (pieces.Count + customers.Count + redeliveries.Count == 0) return;
        database.InTransaction(() =>
        {
            foreach (var p in pieces)
                if (!this.pieces.Update(ProductionMapper.Document(p))) throw new InvalidOperationException($"no piece {p.Id} is stored");
            this.customers.Upsert(customers.Select(StoreMapper.Document));
            foreach (var r in redeliveries)
                if (this.redeliveries.FindById(r.PieceId) is null) this.redeliveries.Insert(ProductionMapper.Document(r));
        }, BeforeCommit);
    }
}

/// <summary>A communication (or a redelivery) that is already in a piece: the work order is refused whole.</summary>
public sealed class AlreadyBatchedException(string message) : InvalidOperationException(message);
