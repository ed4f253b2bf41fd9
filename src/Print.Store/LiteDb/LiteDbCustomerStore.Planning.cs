using LiteDB;
using Print.Core.Customers;

namespace Print.Store.LiteDb;

// The campaign planner's questions, each answered through an index (policies.start, policies.end,
// customers.birthday_md, customers.segment): planning a day must not read the whole store.
public sealed partial class LiteDbCustomerStore
{
    public IEnumerable<Policy> PoliciesStartingOn(DateOnly day) =>
        policies.Find(Query.EQ("start", StoreMapper.Date(day))).Select(StoreMapper.Policy);

    public IEnumerable<Policy> PoliciesEndingOn(DateOnly day) =>
        policies.Find(Query.EQ("end", StoreMapper.Date(day))).Select(StoreMapper.Policy);

    public IEnumerable<Customer> CustomersBornOn(int month, int day) =>
        customers.Find(Query.EQ("birthday_md", month * 100 + day)).Select(StoreMapper.Customer);

    public IEnumerable<Customer> CustomersInSegments(IReadOnlyCollection<string> segments) =>
        segments.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .SelectMany(s => customers.Find(Query.EQ("segment.segment", s)))
            .Select(StoreMapper.Customer);
}
