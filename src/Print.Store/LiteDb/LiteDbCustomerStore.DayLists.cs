using LiteDB;
using Print.Core.Customers;

namespace Print.Store.LiteDb;

// The policies' day lists: how the campaign planner finds the policies that start or end on a day, in place of
// LiteDB indexes on policies.start and policies.end. Those two indexes were half of an import's writing time:
// their keys (a few hundred days) arrive in random order, so every policy inserted walked and dirtied skip-list
// nodes all over both indexes. A list is written once per transaction and month instead of once per policy.
//
// Collection policy_days: documents { _id: Int64, d: [days], n: [policy numbers] } (d[i] is the day, Int32
// yyyymmdd, of n[i]), one per (kind, month, transaction): _id = kind·10^17 + yyyymm·10^9 + seq, kind 1 = start,
// 2 = end, seq a counter kept in the meta document (store_meta["policy_days"].seq) and taken once per
// transaction. A month's documents are one _id range (no secondary index), and months order like dates, so a
// day or "ending between" is one range, filtered by d. By month rather than by day: a transaction of 2,000
// customers touches ~24 documents instead of ~730, and a month holds a twelfth of the entries to filter.
//
// Written in the same transaction as the policies they list, so a crash never leaves a policy out of its day.
// A policy is listed when it is new or its start or end changed (Save looks up the stored dates), so
// re-importing the same file adds nothing and the lists grow only with real changes of date. An entry left under
// a policy's old day is stale, not wrong: readers fetch the listed policies by _id and keep those whose stored
// date really is the day.
//
// A store made before the lists existed (policies, the start/end indexes, no meta document) is migrated when it
// is opened, in pages of policies by _id, one transaction each, the meta document recording how far it got, so an
// interrupted migration resumes; the constructor returns only when the lists are complete.
public sealed partial class LiteDbCustomerStore
{
    public const string PolicyDays = "policy_days";
    public const string Meta = "store_meta";

    private const string DaysMetaId = "policy_days";
    private const long KindStart = 1, KindEnd = 2;
    private const long SeqFactor = 1_000_000_000L, KindFactor = 100_000_000L * SeqFactor;

    /// <summary>Policies read per transaction when an older store's day lists are built.</summary>
    internal const int MigrationPage = 20_000;

    /// <summary>The key of a list of <paramref name="kind"/> for the month of <paramref name="yyyymmdd"/>.</summary>
    private static long MonthKey(long kind, int yyyymmdd, long seq) => kind * KindFactor + yyyymmdd / 100 * SeqFactor + seq;

    private static int Day(BsonDocument policy, string field) => policy[field].AsInt32;

    /// <summary>Opens the day lists: a new store starts them empty; an older store's are built here, resuming if need be.</summary>
    private void OpenDayLists(int migrationPage, Action<int>? afterMigrationPage)
    {
        var meta = this.meta.FindById(DaysMetaId);
        if (meta is not null && meta["complete"].AsBoolean) return;
        if (meta is null && policies.Count() == 0)
        {
            this.meta.Upsert(new BsonDocument { ["_id"] = DaysMetaId, ["seq"] = 0L, ["complete"] = true, ["after"] = BsonValue.Null });
            return;
        }
        if (meta is null)
            database.InTransaction(() =>
            {
                // Lists written by an earlier, interrupted attempt without its meta document cannot exist (they
                // are committed together), but a stale collection must not double the migration's entries.
                days.DeleteAll();
                this.meta.Upsert(new BsonDocument { ["_id"] = DaysMetaId, ["seq"] = 0L, ["complete"] = false, ["after"] = BsonValue.Null });
            });
        for (int page = 1; ; page++)
        {
            bool done = false;
            database.InTransaction(() =>
            {
                var m = this.meta.FindById(DaysMetaId);
                var after = m["after"];
                var read = (after.IsNull ? policies.Query() : policies.Query().Where(IdAfter, after))
                    .OrderBy("_id").Limit(migrationPage).ToList();
                if (read.Count > 0) WriteDays(m, read.Select(p => (p["_id"].AsString, Day(p, "start"), Day(p, "end"))), read.Select(_ => (0, 0)).ToList());
                m["after"] = read.Count > 0 ? read[^1]["_id"] : after;
                m["complete"] = done = read.Count < migrationPage;
                this.meta.Update(m);
            });
            afterMigrationPage?.Invoke(page);
            if (done) break;
        }
    }

    /// <summary>
    /// Lists, inside the caller's transaction, the policies whose (start, end) differ from what was stored
    /// (<c>(0, 0)</c> for a new policy). Takes one sequence number for all the documents it writes.
    /// </summary>
    private void ListDays(IEnumerable<(string Number, int Start, int End)> written, IReadOnlyList<(int Start, int End)> stored)
    {
        var m = meta.FindById(DaysMetaId);
        if (WriteDays(m, written, stored)) meta.Update(m);
    }

    /// <summary>Inserts the day documents, sets the meta document's <c>seq</c> to the number it took; false when nothing needed listing.</summary>
    private bool WriteDays(BsonDocument meta, IEnumerable<(string Number, int Start, int End)> written, IReadOnlyList<(int Start, int End)> stored)
    {
        long seq = meta["seq"].AsInt64 + 1;
        var lists = new SortedDictionary<long, (BsonArray Days, BsonArray Numbers)>();
        int i = 0;
        foreach (var (number, start, end) in written)
        {
            var (oldStart, oldEnd) = stored[i++];
            if (start != oldStart) Add(KindStart, start, number);
            if (end != oldEnd) Add(KindEnd, end, number);
        }
        if (lists.Count == 0) return false;
        days.Insert(lists.Select(l => new BsonDocument { ["_id"] = l.Key, ["d"] = l.Value.Days, ["n"] = l.Value.Numbers }));
        meta["seq"] = seq;
        return true;

        void Add(long kind, int day, string number)
        {
            long key = MonthKey(kind, day, seq);
            if (!lists.TryGetValue(key, out var list)) lists.Add(key, list = ([], []));
            list.Days.Add(day);
            list.Numbers.Add(number);
        }
    }

    /// <summary>The stored policies listed under (kind, days from..to) whose field really falls in that range, in (day, number) order.</summary>
    private List<Policy> Listed(long kind, string field, int from, int to)
    {
        if (from > to) return [];
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (day, number) in Entries(days.Find(BsonExpression.Create(IdBetween, MonthKey(kind, from, 0), MonthKey(kind, to, SeqFactor - 1)))))
            if (day >= from && day <= to) numbers.Add(number);
        var found = new List<BsonDocument>(numbers.Count);
        foreach (var part in numbers.Chunk(2000))
            found.AddRange(policies.Find(BsonExpression.Create(IdIn, new BsonArray(part.Select(n => new BsonValue(n))))));
        return found.Where(p => Day(p, field) >= from && Day(p, field) <= to)
            .OrderBy(p => Day(p, field)).ThenBy(p => p["_id"].AsString, StringComparer.Ordinal)
            .Select(StoreMapper.Policy).ToList();
    }

    private const string IdBetween = "_id BETWEEN @0 AND @1";

    private static IEnumerable<(int Day, string Number)> Entries(IEnumerable<BsonDocument> lists)
    {
        foreach (var list in lists)
        {
            var (days, numbers) = (list["d"].AsArray, list["n"].AsArray);
            for (int i = 0; i < numbers.Count; i++) yield return (days[i].AsInt32, numbers[i].AsString);
        }
    }

    /// <summary>
    /// What is wrong with the day lists (tests): every stored policy must be listed under its start and its end
    /// day, and the meta document must say the lists are complete. Empty when they are consistent.
    /// </summary>
    internal IReadOnlyList<string> DayListProblems()
    {
        var problems = new List<string>();
        if (meta.FindById(DaysMetaId) is not { } m || !m["complete"].AsBoolean) problems.Add("day lists not complete");
        var listed = new HashSet<(long, int, string)>();
        foreach (var list in days.FindAll())
            foreach (var (day, number) in Entries([list]))
            {
                long kind = list["_id"].AsInt64 / KindFactor;
                if (MonthKey(kind, day, 0) != list["_id"].AsInt64 / SeqFactor * SeqFactor) problems.Add($"{number} listed on {day} in another month's list");
                listed.Add((kind, day, number));
            }
        foreach (var p in policies.FindAll())
        {
            var number = p["_id"].AsString;
            if (!listed.Contains((KindStart, Day(p, "start"), number))) problems.Add($"{number} not listed under its start {Day(p, "start")}");
            if (!listed.Contains((KindEnd, Day(p, "end"), number))) problems.Add($"{number} not listed under its end {Day(p, "end")}");
        }
        return problems;
    }

    /// <summary>Entries in the day lists, stale ones included (tests: re-importing must not grow them).</summary>
    internal int DayListEntries => days.FindAll().Sum(d => d["n"].AsArray.Count);
}
