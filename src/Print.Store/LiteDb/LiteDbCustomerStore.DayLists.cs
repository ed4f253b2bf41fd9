using LiteDB;
using Print.Core.Customers;

namespace Print.Store.LiteDb;

// The day lists: how the campaign planner finds the policies that start or end on a day and the customers born
// on a day, in place of LiteDB indexes on policies.start, policies.end and customers.birthday_md. Those indexes
// were more than half of an import's writing time: their keys (a few hundred days) arrive in random order, so
// every document inserted walked and dirtied skip-list nodes all over each of them. A list is written once per
// transaction and month instead of once per document.
//
// Collection day_lists: documents { _id: Int64, d: [days], n: [ids] } (d[i] is the day of n[i]: Int32 yyyymmdd
// for a policy's start or end, MMDD for a birthday), one per (kind, month, transaction):
// _id = kind·10^17 + month·10^9 + seq, the month being yyyymm (MM for birthdays), kind 1 = policy start,
// 2 = policy end, 3 = birthday, and seq a counter kept in the kind's meta document (store_meta) and taken once
// per transaction. A month's documents are one _id range (no secondary index) and months order like dates, so a
// day, or "ending between", is one range filtered by d. By month rather than by day: a transaction of 2,000
// customers writes ~36 documents rather than ~1,100, and a month holds a twelfth of the entries to filter.
//
// Written in the same transaction as the documents they list, so a crash never leaves a policy or a customer out
// of its day. One is listed when it is new or its day changed (Save looks up the stored days), so re-importing
// the same file or segmenting again adds nothing and the lists grow only with real changes of date. An entry left
// under an old day is stale, not wrong: readers fetch the listed documents by _id and keep those whose stored
// day really is the one asked.
//
// A store made before the lists existed (policies and customers, the date indexes, no meta documents) is
// migrated when it is opened: the policies, then the customers, in pages by _id, one transaction each, the meta
// document recording how far it got, so an interrupted migration resumes; the constructor returns only when the
// lists are complete.
public sealed partial class LiteDbCustomerStore
{
    public const string DayLists = "day_lists";
    public const string Meta = "store_meta";

    private const long KindStart = 1, KindEnd = 2, KindBirthday = 3;
    private const long SeqFactor = 1_000_000_000L, KindFactor = 100_000_000L * SeqFactor;

    /// <summary>Documents read per transaction when an older store's day lists are built.</summary>
    internal const int MigrationPage = 5_000;

    /// <summary>What one meta document keeps the lists of, and how to read a source document's days.</summary>
    private sealed record Listing(string MetaId, ILiteCollection<BsonDocument> Source, long[] Kinds, string[] Fields)
    {
        public IEnumerable<(long Kind, int Day)> Days(BsonDocument d)
        {
            for (int i = 0; i < Kinds.Length; i++)
                if (d[Fields[i]] is { IsInt32: true } day) yield return (Kinds[i], day.AsInt32);
        }
    }

    private Listing PolicyDays => new("policy_days", policies, [KindStart, KindEnd], ["start", "end"]);

    private Listing Birthdays => new("birthdays", customers, [KindBirthday], ["birthday_md"]);

    /// <summary>The key of a list of <paramref name="kind"/> for the month of <paramref name="day"/> (yyyymmdd, or MMDD).</summary>
    private static long MonthKey(long kind, int day, long seq) => kind * KindFactor + day / 100 * SeqFactor + seq;

    private static int Day(BsonDocument d, string field) => d[field].AsInt32;

    /// <summary>Opens the day lists: a new store starts them empty; an older store's are built here, resuming if need be.</summary>
    private void OpenDayLists(int migrationPage, Action<int>? afterMigrationPage)
    {
        int page = 0;
        foreach (var listing in new[] { PolicyDays, Birthdays })
        {
            var meta = this.meta.FindById(listing.MetaId);
            if (meta is not null && meta["complete"].AsBoolean) continue;
            if (meta is null && listing.Source.Count() == 0)
            {
                this.meta.Upsert(new BsonDocument { ["_id"] = listing.MetaId, ["seq"] = 0L, ["complete"] = true, ["after"] = BsonValue.Null });
                continue;
            }
            if (meta is null)
                database.InTransaction(() =>
                {
                    // Lists committed without their meta document cannot exist (both are written in one
                    // transaction), but lists of an older layout must not double the migration's entries.
                    foreach (var kind in listing.Kinds)
                        days.DeleteMany(BsonExpression.Create(IdBetween, kind * KindFactor, (kind + 1) * KindFactor - 1));
                    this.meta.Upsert(new BsonDocument { ["_id"] = listing.MetaId, ["seq"] = 0L, ["complete"] = false, ["after"] = BsonValue.Null });
                });
            for (bool done = false; !done;)
            {
                database.InTransaction(() =>
                {
                    var m = this.meta.FindById(listing.MetaId);
                    var after = m["after"];
                    var read = (after.IsNull ? listing.Source.Query() : listing.Source.Query().Where(IdAfter.With(after)))
                        .OrderBy("_id").Limit(migrationPage).ToList();
                    WriteLists(m, read.SelectMany(d => listing.Days(d).Select(k => (k.Kind, k.Day, d["_id"].AsString))));
                    m["after"] = read.Count > 0 ? read[^1]["_id"] : after;
                    m["complete"] = done = read.Count < migrationPage;
                    this.meta.Update(m);
                });
                afterMigrationPage?.Invoke(++page);
            }
        }
    }

    /// <summary>
    /// The days of the documents the last <see cref="Page"/> or <see cref="GetMany"/> read outside a transaction
    /// (one reference, replaced whole, so threads may share it). Every day a document had when committed is in
    /// the lists for good, so these need no look-up when the same documents are saved: segmenting a page, or the
    /// import saving the customers and policies it has just read, skip reading them again (the look-up made a
    /// full segmentation rewrite 29 % slower).
    /// </summary>
    private volatile RecentlyRead? recentlyRead;

    private void Remember(RecentlyRead read)
    {
        if (!PrintDatabase.InTransactionOnThisThread) recentlyRead = read;
    }

    private sealed class RecentlyRead
    {
        public Dictionary<string, (long Kind, int Day)[]> CustomerDays { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (long Kind, int Day)[]> PolicyDays { get; } = new(StringComparer.Ordinal);

        public IEnumerable<BsonDocument> Customers(LiteDbCustomerStore store, IEnumerable<BsonDocument> read) => Noting(read, store.Birthdays, CustomerDays);

        public IEnumerable<BsonDocument> Policies(LiteDbCustomerStore store, IEnumerable<BsonDocument> read) => Noting(read, store.PolicyDays, PolicyDays);

        private static IEnumerable<BsonDocument> Noting(IEnumerable<BsonDocument> read, Listing listing, Dictionary<string, (long, int)[]> days)
        {
            foreach (var d in read)
            {
                days[d["_id"].AsString] = [.. listing.Days(d)];
                yield return d;
            }
        }
    }

    /// <summary>
    /// The days under which the stored ones among <paramref name="ids"/> are listed (read before they are
    /// replaced), from <paramref name="recent"/> when it has them.
    /// </summary>
    private Dictionary<string, (long Kind, int Day)[]> StoredDays(Listing listing, IEnumerable<string> ids, Dictionary<string, (long Kind, int Day)[]>? recent)
    {
        var stored = new Dictionary<string, (long, int)[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in ids)
            if (recent is not null && recent.TryGetValue(id, out var days)) stored[id] = days;
            else missing.Add(id);
        foreach (var part in missing.Distinct(StringComparer.Ordinal).Chunk(2000))
            foreach (var d in listing.Source.Find(BsonExpression.Create(IdIn, new BsonArray(part.Select(n => new BsonValue(n))))))
                stored[d["_id"].AsString] = [.. listing.Days(d)];
        return stored;
    }

    /// <summary>
    /// Passes the documents on to LiteDB, collecting into <paramref name="entries"/> each one's days that it is
    /// not listed under already (by <paramref name="stored"/>, null when none of them is stored).
    /// </summary>
    private static IEnumerable<BsonDocument> Collecting(IEnumerable<BsonDocument> documents, Listing listing,
        Dictionary<string, (long Kind, int Day)[]>? stored, List<(long, int, string)> entries)
    {
        foreach (var d in documents)
        {
            var id = d["_id"].AsString;
            var before = stored is not null && stored.TryGetValue(id, out var s) ? s : [];
            foreach (var (kind, day) in listing.Days(d))
                if (Array.IndexOf(before, (kind, day)) < 0) entries.Add((kind, day, id));
            yield return d;
        }
    }

    /// <summary>Writes, in the caller's transaction, the lists of <paramref name="entries"/> collected for <paramref name="listing"/>.</summary>
    private void List(Listing listing, List<(long, int, string)> entries)
    {
        if (entries.Count == 0) return;
        var m = meta.FindById(listing.MetaId);
        WriteLists(m, entries);
        meta.Update(m);
    }

    /// <summary>Inserts the lists of <paramref name="entries"/>, sets the meta document's <c>seq</c> to the number it took; false when there was nothing to list.</summary>
    private bool WriteLists(BsonDocument meta, IEnumerable<(long Kind, int Day, string Id)> entries)
    {
        long seq = meta["seq"].AsInt64 + 1;
        var lists = new SortedDictionary<long, (BsonArray Days, BsonArray Ids)>();
        foreach (var (kind, day, id) in entries)
        {
            long key = MonthKey(kind, day, seq);
            if (!lists.TryGetValue(key, out var list)) lists.Add(key, list = ([], []));
            list.Days.Add(day);
            list.Ids.Add(id);
        }
        if (lists.Count == 0) return false;
        days.Insert(lists.Select(l => new BsonDocument { ["_id"] = l.Key, ["d"] = l.Value.Days, ["n"] = l.Value.Ids }));
        meta["seq"] = seq;
        return true;
    }

    /// <summary>
    /// The stored documents of <paramref name="source"/> listed under <paramref name="kind"/> on a day from
    /// <paramref name="from"/> to <paramref name="to"/> whose <paramref name="field"/> really is such a day, in (day, id) order.
    /// </summary>
    private List<BsonDocument> Listed(ILiteCollection<BsonDocument> source, long kind, string field, int from, int to)
    {
        if (from > to) return [];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (day, id) in Entries(days.Find(BsonExpression.Create(IdBetween, MonthKey(kind, from, 0), MonthKey(kind, to, SeqFactor - 1)))))
            if (day >= from && day <= to) ids.Add(id);
        var found = new List<BsonDocument>(ids.Count);
        foreach (var part in ids.Chunk(2000))
            found.AddRange(source.Find(BsonExpression.Create(IdIn, new BsonArray(part.Select(n => new BsonValue(n))))));
        return found.Where(d => d[field] is { IsInt32: true } v && v.AsInt32 >= from && v.AsInt32 <= to)
            .OrderBy(d => Day(d, field)).ThenBy(d => d["_id"].AsString, StringComparer.Ordinal).ToList();
    }

    private const string IdBetween = "_id BETWEEN @0 AND @1";

    private static IEnumerable<(int Day, string Id)> Entries(IEnumerable<BsonDocument> lists)
    {
        foreach (var list in lists)
        {
            var (days, ids) = (list["d"].AsArray, list["n"].AsArray);
            for (int i = 0; i < ids.Count; i++) yield return (days[i].AsInt32, ids[i].AsString);
        }
    }

    /// <summary>
    /// What is wrong with the day lists (tests): every stored policy must be listed under its start and its end
    /// day, every customer with a birthday under it, and the meta documents must say the lists are complete.
    /// Empty when they are consistent.
    /// </summary>
    internal IReadOnlyList<string> DayListProblems()
    {
        var problems = new List<string>();
        var listed = new HashSet<(long, int, string)>();
        foreach (var list in days.FindAll())
            foreach (var (day, id) in Entries([list]))
            {
                long kind = list["_id"].AsInt64 / KindFactor;
                if (MonthKey(kind, day, 0) != list["_id"].AsInt64 / SeqFactor * SeqFactor) problems.Add($"{id} listed on {day} in another month's list");
                listed.Add((kind, day, id));
            }
        foreach (var listing in new[] { PolicyDays, Birthdays })
        {
            if (meta.FindById(listing.MetaId) is not { } m || !m["complete"].AsBoolean) problems.Add($"{listing.MetaId} not complete");
            foreach (var d in listing.Source.FindAll())
                foreach (var (kind, day) in listing.Days(d))
                    if (!listed.Contains((kind, day, d["_id"].AsString))) problems.Add($"{d["_id"].AsString} not listed under {day} (kind {kind})");
        }
        return problems;
    }

    /// <summary>Entries in the day lists, stale ones included (tests: re-importing must not grow them).</summary>
    internal int DayListEntries => days.FindAll().Sum(d => d["n"].AsArray.Count);
}
