using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Store;

namespace Print.Production.Batches;

/// <summary>What a work order made: its batches (none when nothing was due), what it skipped and why, and warnings (a range running low).</summary>
public sealed record WorkOrderResult(WorkOrder? Order, IReadOnlyList<Batch> Batches, IReadOnlyList<SkippedMail> Skipped, IReadOnlyList<string> Warnings)
{
    public int Pieces => Batches.Sum(b => b.PieceCount);
}

/// <summary>
/// Makes the day's work order: every mail communication handed off on or before the day and in no piece yet,
/// plus the redeliveries whose customer has a corrected address, grouped into batches of one kind, addressed,
/// presorted, seeded and numbered — stored in one transaction or not at all.
/// <list type="number">
/// <item><b>Addressee</b>: the customer's current name and address, copied into the piece (the print file, the
/// manifest and the posting list must agree even if the address book changes later). A customer who can no
/// longer be mailed (bad address, no postcode, asked not to be mailed), or has left the store, is skipped:
/// the communication is dropped with the reason, on record in the work order. So is one whose last useful
/// day has passed.</item>
/// <item><b>Batches</b>: one per kind — the same documents, greeting-card variant, paper, envelope and mail class
/// (the templates' template.json; the strongest mail class of the documents and the campaign). Batch ids are
/// <c>B{yyyyMMdd}-{nn}</c>, numbered on from the day's earlier batches, in the order of the kinds.</item>
/// <item><b>Order</b>: customer pieces by postcode (<see cref="Presort"/>), the settings' seed pieces spread from
/// first to last; piece ids <c>{batch}-{sequence:00000}</c>.</item>
/// <item><b>Tracking numbers</b> for registered batches (seeds included): from the first range of the ranges file
/// that can number the whole batch (<see cref="TrackingRanges.Usable"/>); none can → the range's "cannot number
/// the batch" error and nothing is stored. The new next serials and the audit lines go into the same
/// transaction as the pieces.</item>
/// </list>
/// </summary>
public sealed class BatchAssembly(IProductionStore store, ICustomerStore customers, ICommunicationStore communications,
    TemplateCatalog templates, ProductionSettings settings, TrackingRanges? ranges)
{
    /// <summary>Customers per look-up.</summary>
    public int ChunkSize { get; init; } = 2000;

    private sealed record Candidate(string Key, Communication Communication, Customer Customer, LetterFacts Letter, string? RedeliveryOf);

    private sealed record Kind(string Documents, string? Variant, string Paper, string Envelope, MailClass MailClass, int Sheets)
    {
        public IReadOnlyList<string> DocumentList => Documents.Split('+');
    }

    /// <summary>Makes and stores the work order of <paramref name="day"/> as <paramref name="actor"/>, at <paramref name="now"/>.</summary>
    public WorkOrderResult Create(DateOnly day, string actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(actor)) throw new ArgumentException("a work order names who made it", nameof(actor));
        var skipped = new List<SkippedMail>();
        var candidates = new List<Candidate>();

        var due = store.DueForProduction(day);
        var waiting = store.WaitingRedeliveries();
        var people = Customers(due.Select(c => c.CustomerId).Concat(waiting.Select(r => r.CustomerId)));

        foreach (var c in due)
        {
            if (!people.TryGetValue(c.CustomerId, out var record))
                skipped.Add(new SkippedMail(c.Id, c.CustomerId, $"customer {c.CustomerId} is no longer in the store"));
            else if (c.Occasion.Deadline < day)
                skipped.Add(new SkippedMail(c.Id, c.CustomerId, $"too late: its last useful day was {c.Occasion.Deadline:yyyy-MM-dd} ({c.Occasion.DeadlineReason})"));
            else if (record.Customer.NotMailableReason is { } why)
                skipped.Add(new SkippedMail(c.Id, c.CustomerId, $"customer {c.CustomerId} cannot be mailed: {why}"));
            else if (Letter(c, record, out var problem) is { } letter) candidates.Add(new Candidate(c.Id, c, record.Customer, letter, null));
            else skipped.Add(new SkippedMail(c.Id, c.CustomerId, problem!));
        }

        foreach (var r in waiting)
        {
            if (communications.Find(r.CommunicationId) is not { } c)
            {
                skipped.Add(new SkippedMail(r.CommunicationId, r.CustomerId, "the communication is no longer in the store", r.PieceId));
                continue;
            }
            if (c.Occasion.Deadline < day)
            {
                skipped.Add(new SkippedMail(c.Id, c.CustomerId,
                    $"redelivery of {r.PieceId} too late: its last useful day was {c.Occasion.Deadline:yyyy-MM-dd} ({c.Occasion.DeadlineReason})", r.PieceId));
                continue;
            }
            // Waiting goes on until the address book holds a mailable address other than the returned one.
            if (!people.TryGetValue(r.CustomerId, out var record) || !record.Customer.IsMailable
                || record.Customer.Addresses.Current!.Address.SamePlaceAs(r.Address)) continue;
            if (Letter(c, record, out var problem) is { } letter) candidates.Add(new Candidate("redelivery:" + r.PieceId, c, record.Customer, letter, r.PieceId));
            else skipped.Add(new SkippedMail(c.Id, c.CustomerId, $"redelivery of {r.PieceId}: {problem}", r.PieceId));
        }

        if (candidates.Count == 0 && skipped.Count == 0) return new WorkOrderResult(null, [], [], []);

        var orderId = NextId("W", day, store.WorkOrderIds());
        var existingBatches = store.Batches().Select(b => b.Id).ToList();
        var nextSerials = new Dictionary<string, long>(store.NextSerials(), StringComparer.Ordinal);
        var touched = new Dictionary<string, long>(StringComparer.Ordinal);
        var audit = new List<TrackingAudit>();
        var warnings = new List<string>();
        var batches = new List<Batch>();
        var pieces = new List<MailPiece>();

        var groups = candidates.GroupBy(KindOf)
            .OrderBy(g => g.Key.Documents, StringComparer.Ordinal).ThenBy(g => g.Key.Variant ?? "", StringComparer.Ordinal)
            .ThenBy(g => g.Key.MailClass).ThenBy(g => g.Key.Paper, StringComparer.Ordinal).ThenBy(g => g.Key.Envelope, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var kind = group.Key;
            var batchId = NextId("B", day, existingBatches);
            existingBatches.Add(batchId);
            var byKey = group.ToDictionary(c => c.Key, StringComparer.Ordinal);
            var sorted = Presort.Order(group.Select(c => new BatchPiece(c.Key, c.Customer.Id, c.Customer.Addresses.Current!.Address.Postcode, kind.Sheets)));
            var seeds = settings.Seeds.Select((s, i) => new BatchPiece($"seed:{i}", $"seed:{s.Name}", s.Address.Postcode, kind.Sheets, IsSeed: true)).ToList();
            var ordered = Presort.WithSeeds(sorted, seeds);
            BatchSplitter.Split(ordered, settings.Limits); // a piece too big for any file stops here, before anything is stored

            IReadOnlyList<TrackingNumber>? numbers = null;
            if (kind.MailClass != MailClass.Ordinary)
            {
                var allocation = Allocate(batchId, ordered.Count, nextSerials);
                nextSerials[allocation.RangeId] = touched[allocation.RangeId] = allocation.NextSerial;
                var (first, last) = allocation.Serials!.Value;
                audit.Add(new TrackingAudit(allocation.RangeId, first, last, batchId, now, actor.Trim()));
                if (allocation.Warning is { } w) warnings.Add(w);
                numbers = allocation.Numbers;
            }

            for (int i = 0; i < ordered.Count; i++)
            {
                var id = $"{batchId}-{i + 1:00000}";
                TrackingNumber? number = numbers?[i];
                var bp = ordered[i];
                if (bp.IsSeed)
                {
                    var seed = settings.Seeds[int.Parse(bp.PieceId["seed:".Length..])];
                    pieces.Add(new MailPiece
                    {
                        Id = id, BatchId = batchId, Sequence = i + 1, CustomerId = bp.CustomerId, Documents = kind.DocumentList,
                        Variant = kind.Variant, MailClass = kind.MailClass, TrackingNumber = number, Segment = "seed", IsSeed = true,
                        Name = seed.Name, Address = seed.Address, History = new PieceHistory(id, number, isSeed: true),
                    });
                    continue;
                }
                var c = byKey[bp.PieceId];
                var o = c.Communication.Occasion;
                pieces.Add(new MailPiece
                {
                    Id = id, BatchId = batchId, Sequence = i + 1, CommunicationId = c.Communication.Id, RedeliveryOf = c.RedeliveryOf,
                    CustomerId = c.Customer.Id, Documents = kind.DocumentList, Variant = o.Variant, PolicyNumber = o.PolicyNumber,
                    EventId = o.EventId, MailClass = kind.MailClass, TrackingNumber = number, Segment = c.Communication.Segment,
                    Name = c.Customer.Name, Address = c.Customer.Addresses.Current!.Address, Letter = c.Letter, History = new PieceHistory(id, number),
                });
            }
            batches.Add(new Batch
            {
                Id = batchId, WorkOrderId = orderId, CreatedOn = day, Documents = kind.DocumentList, Variant = kind.Variant,
                Paper = kind.Paper, Envelope = kind.Envelope, MailClass = kind.MailClass, Limits = settings.Limits,
                PieceCount = ordered.Count, History = new BatchHistory(batchId),
            });
        }

        var order = new WorkOrder(orderId, day, actor.Trim(), [.. batches.Select(b => b.Id)], pieces.Count);
        store.CreateWorkOrder(order, batches, pieces, touched, audit, skipped);
        return new WorkOrderResult(order, batches, skipped, warnings);
    }

    private Dictionary<string, CustomerRecord> Customers(IEnumerable<string> ids)
    {
        var result = new Dictionary<string, CustomerRecord>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(ChunkSize))
            foreach (var (id, record) in customers.GetMany(chunk))
                result[id] = record;
        return result;
    }

    /// <summary>What the piece of <paramref name="c"/> will print about its customer, or null and why not (its policy is gone).</summary>
    private static LetterFacts? Letter(Communication c, CustomerRecord record, out string? problem)
    {
        try
        {
            problem = null;
            return LetterFacts.Of(record.Customer, record.Policies, c.Occasion.PolicyNumber);
        }
        catch (InvalidOperationException e)
        {
            problem = e.Message;
            return null;
        }
    }

    private Kind KindOf(Candidate c)
    {
        var o = c.Communication.Occasion;
        if (o.Documents.Count == 0) throw new ProductionException($"communication {c.Communication.Id} names no documents");
        var facts = o.Documents.Select(d => templates[d]).ToList();
        var mailClass = facts.Aggregate(o.MailClass, (m, f) => TemplateCatalog.Stronger(m, f.MailClass));
        return new Kind(string.Join("+", o.Documents), o.Variant,
            string.Join("+", facts.Select(f => f.Paper).Distinct(StringComparer.Ordinal)),
            facts.Select(f => f.Envelope).FirstOrDefault(e => e is not null) ?? "none",
            mailClass, facts.Sum(f => f.Sheets));
    }

    private TrackingAllocation Allocate(string batchId, int count, IReadOnlyDictionary<string, long> nextSerials)
    {
        if (ranges is null)
            throw new ProductionException($"batch {batchId} holds {count} registered pieces, which need tracking numbers from the post office's ranges; give the ranges file (--ranges FILE.json)");
        var prefix = settings.TrackingPrefix;
        long Next(TrackingRange r) => nextSerials.TryGetValue(r.Id, out var n) ? n : r.FirstSerial;
        var range = ranges.Usable(prefix, count, nextSerials);
        if (range is null)
        {
            // None can number the whole batch: the one with the most left says how short it is, and nothing is stored.
            var best = ranges.All.Where(r => r.Prefix == prefix).OrderByDescending(r => r.Remaining(Next(r))).FirstOrDefault()
                ?? throw new ProductionException($"batch {batchId} needs {count} tracking numbers with prefix {prefix}, and the ranges file has no {prefix} range; add the post office's range");
            range = best;
        }
        return range.Allocate(Next(range), count);
    }

    /// <summary><c>{letter}{yyyyMMdd}-{nn}</c>, one more than the day's highest so far.</summary>
    internal static string NextId(string letter, DateOnly day, IEnumerable<string> existing)
    {
        var prefix = $"{letter}{day:yyyyMMdd}-";
        int last = existing.Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(id => int.TryParse(id[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{last + 1:00}";
    }
}
