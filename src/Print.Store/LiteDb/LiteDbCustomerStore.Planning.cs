using LiteDB;
using Print.Core.Customers;

namespace Print.Store.LiteDb;

// The campaign planner's questions, answered through the day lists (policies starting or ending on a day,
// customers born on a day: the month's day_lists documents, then the listed documents by _id, see
// LiteDbCustomerStore.DayLists.cs) or, for whole segments, by pages of the _id index. Each answer is read completely
// before the caller sees it: the planner writes between pages, and a LiteDB cursor left open across those
// writes keeps every page it has read in its snapshot (a million customers held 1.1 GB).
public sealed partial class LiteDbCustomerStore
{
    /// <summary>Customers read per query when going through whole segments.</summary>
    private const int SegmentPage = 2000;

    public IEnumerable<Policy> PoliciesStartingOn(DateOnly day) =>
        Listed(policies, KindStart, "start", StoreMapper.Date(day).AsInt32, StoreMapper.Date(day).AsInt32).Select(StoreMapper.Policy).ToList();

    public IEnumerable<Policy> PoliciesEndingOn(DateOnly day) =>
        Listed(policies, KindEnd, "end", StoreMapper.Date(day).AsInt32, StoreMapper.Date(day).AsInt32).Select(StoreMapper.Policy).ToList();

    public IEnumerable<Customer> CustomersBornOn(int month, int day) =>
        Listed(customers, KindBirthday, "birthday_md", month * 100 + day, month * 100 + day).Select(StoreMapper.Customer).ToList();

    public IEnumerable<Customer> CustomersInSegments(IReadOnlyCollection<string> segments)
    {
        var wanted = segments.ToHashSet(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = (after is null ? customers.Query() : customers.Query().Where(IdAfter.With(after)))
                .OrderBy("_id").Limit(SegmentPage).ToList();
            if (page.Count == 0) yield break;
            after = page[^1]["_id"].AsString;
            foreach (var d in page)
                if (d["segment"] is { IsDocument: true } s && wanted.Contains(s["segment"].AsString)) yield return StoreMapper.Customer(d);
        }
    }
}
