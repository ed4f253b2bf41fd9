using System.Globalization;
using LiteDB;
using Print.Core.Customers;
using Print.Store.LiteDb;

namespace Print.Store.Tests;

/// <summary>The store's own day → policy lists, which answer the planner's "starting / ending on" in place of indexes.</summary>
public class DayListTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private static Customer Person(string id, DateOnly? birthday = null) => new() { Id = id, Name = "张伟", Mobile = "13870651234", Birthday = birthday };

    private static Policy Cover(string number, string customer, DateOnly start, DateOnly? end = null) => new()
    {
        Number = number, CustomerId = customer, Plate = "赣A·D6161", CarModel = "宝马 X3",
        Start = start, End = end ?? start.AddYears(1).AddDays(-1), Premium = 6200m,
    };

    private static readonly DateOnly Jan31 = new(2026, 1, 31), Feb1 = new(2026, 2, 1);

    /// <summary>Twelve policies of six customers over three start days (and so three end days).</summary>
    private static (Customer[] Customers, Policy[] Policies) Sample()
    {
        // Born on 2 or 3 March, one without a birthday.
        var customers = Enumerable.Range(1, 6).Select(i => Person($"C{i:000}", i == 6 ? null : new DateOnly(1970 + i, 3, 2 + i % 2))).ToArray();
        var policies = Enumerable.Range(1, 12).Select(i => Cover($"P{i:000}", $"C{(i + 1) / 2:000}", Jan31.AddDays(i % 3))).ToArray();
        return (customers, policies);
    }

    private static string[] Numbers(IEnumerable<Policy> policies) => [.. policies.Select(p => p.Number)];

    private static void AssertAnswers(LiteDbCustomerStore store, IReadOnlyList<Policy> policies, IReadOnlyList<Customer>? customers = null)
    {
        foreach (var (month, day) in new[] { (3, 2), (3, 3), (3, 4), (2, 3) })
            Assert.Equal([.. (customers ?? []).Where(c => c.Birthday is { } b && b.Month == month && b.Day == day).Select(c => c.Id).Order(StringComparer.Ordinal)],
                store.CustomersBornOn(month, day).Select(c => c.Id));
        foreach (var day in policies.Select(p => p.Start).Concat(policies.Select(p => p.End)).Append(Jan31.AddDays(-1)).Distinct())
        {
            Assert.Equal(Numbers(policies.Where(p => p.Start == day).OrderBy(p => p.Number, StringComparer.Ordinal)), Numbers(store.PoliciesStartingOn(day)));
            Assert.Equal(Numbers(policies.Where(p => p.End == day).OrderBy(p => p.Number, StringComparer.Ordinal)), Numbers(store.PoliciesEndingOn(day)));
        }
        var (from, to) = (new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 1));
        Assert.Equal(Numbers(policies.Where(p => p.End >= from && p.End <= to).OrderBy(p => p.End).ThenBy(p => p.Number, StringComparer.Ordinal)),
            Numbers(store.PoliciesEndingBetween(from, to)));
        Assert.Empty(store.DayListProblems());
    }

    [Fact]
    public void PoliciesAreFoundByTheirStartAndEndDayWhetherInsertedOrSaved()
    {
        var (customers, policies) = Sample();
        using (var store = new LiteDbCustomerStore(dir.File("insert.db")))
        {
            store.Insert(customers[..3], policies[..6]);
            store.Insert(customers[3..], policies[6..]);
            AssertAnswers(store, policies, customers);
        }
        using (var store = new LiteDbCustomerStore(dir.File("save.db")))
        {
            store.Save(customers, policies[..5]);
            foreach (var p in policies[5..]) store.Upsert(p);
            AssertAnswers(store, policies, customers);
        }
    }

    [Fact]
    public void APolicyWhoseDatesChangeIsFoundOnlyOnItsNewDaysAndSavingItUnchangedListsNothingMore()
    {
        var (customers, policies) = Sample();
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        store.Insert(customers, policies);
        int entries = store.DayListEntries;

        store.Save(customers, policies); // a re-import of the same data
        store.Upsert(policies[0]);
        Assert.Equal(entries, store.DayListEntries);

        var moved = Cover("P001", "C001", Feb1.AddDays(10), new DateOnly(2027, 6, 30));
        store.Upsert(moved);
        Assert.Equal(entries + 2, store.DayListEntries);
        policies[0] = moved;
        AssertAnswers(store, policies, customers); // not on its old days any more, though its stale entries remain

        var endOnly = Cover("P002", "C001", policies[1].Start, new DateOnly(2027, 7, 1));
        store.Save([], [endOnly, endOnly]);
        policies[1] = endOnly;
        AssertAnswers(store, policies, customers);
        Assert.Equal(entries + 2 + 2, store.DayListEntries); // its end listed (twice: it came twice in one save; found once), its start not

        customers[0] = Person("C001", new DateOnly(1971, 3, 4)); // a corrected birthday
        store.Save([customers[0]], []);
        Assert.Equal(entries + 5, store.DayListEntries);
        AssertAnswers(store, policies, customers);
    }

    [Fact]
    public void SavingWhatAPageReadListsOnlyWhatChangedWithoutLookingUp()
    {
        var (customers, policies) = Sample();
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        store.Insert(customers, policies);
        int entries = store.DayListEntries;

        var page = store.Page(null, 10);
        store.Save([.. page.Select(r => r.Customer)], [.. page.SelectMany(r => r.Policies)]); // segmentation, a re-import
        Assert.Equal(entries, store.DayListEntries);

        var read = store.GetMany(["C002", "C003"]);
        customers[1] = Person("C002", new DateOnly(1972, 4, 1)); // changed since it was read
        var moved = Cover("P005", "C003", Feb1.AddDays(20));
        policies[4] = moved;
        store.Save([customers[1], read["C003"].Customer], [moved, .. read["C002"].Policies]);
        Assert.Equal(entries + 3, store.DayListEntries);
        AssertAnswers(store, policies, customers);
        Assert.Equal(["C002"], store.CustomersBornOn(4, 1).Select(c => c.Id));
    }

    [Fact]
    public void ATransactionThatFailsLeavesNoDayEntries()
    {
        var (customers, policies) = Sample();
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        store.Insert(customers[..3], policies[..6]);
        int entries = store.DayListEntries;
        store.BeforeCommit = () => throw new IOException("disk full");
        Assert.Throws<IOException>(() => store.Save(customers[3..], policies[6..]));
        store.BeforeCommit = null;
        Assert.Equal(entries, store.DayListEntries);
        AssertAnswers(store, policies[..6], customers[..3]);
    }

    /// <summary>A store as the code before the day lists made it: customers, policies, the start and end indexes.</summary>
    private static void MakeOldStore(string path, IEnumerable<Customer> customers, IEnumerable<Policy> policies)
    {
        using var db = new LiteDatabase(new ConnectionString
        {
            Filename = path, Connection = ConnectionType.Direct,
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        }, StoreMapper.Create());
        var c = db.GetCollection(LiteDbCustomerStore.Customers);
        var p = db.GetCollection(LiteDbCustomerStore.Policies);
        c.EnsureIndex("birthday_md", "$.birthday_md");
        p.EnsureIndex("customer_id", "$.customer_id");
        p.EnsureIndex("start", "$.start");
        p.EnsureIndex("end", "$.end");
        c.Insert(customers.Select(StoreMapper.Document));
        p.Insert(policies.Select(StoreMapper.Document));
    }

    private static string[] Indexes(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal) });
        return [.. db.GetCollection("$indexes").FindAll().Select(d => $"{d["collection"].AsString}.{d["name"].AsString}").Order()];
    }

    [Fact]
    public void AStoreMadeBeforeTheDayListsGetsThemWhenOpenedAndAnInterruptedMigrationResumes()
    {
        var (customers, policies) = Sample();
        var db = dir.File("old.db");
        MakeOldStore(db, customers, policies);
        Assert.Equal(["customers._id", "customers.birthday_md", "policies._id", "policies.customer_id", "policies.end", "policies.start"], Indexes(db));

        // Pages of 5 documents (policies, then customers): the process dies after the second page is committed.
        var pages = new List<int>();
        Assert.Throws<IOException>(() => new LiteDbCustomerStore(db, 5, n => { pages.Add(n); if (n == 2) throw new IOException("killed"); }));
        Assert.Equal([1, 2], pages);

        pages.Clear();
        using (var store = new LiteDbCustomerStore(db, 5, pages.Add))
        {
            Assert.Equal([1, 2, 3], pages); // the policies' third and last page, then the customers' two
            AssertAnswers(store, policies, customers);
            Assert.Equal(24 + 5, store.DayListEntries); // each policy once under its start and once under its end, each birthday once
        }
        Assert.Equal(["customers._id", "policies._id", "policies.customer_id"], Indexes(db).Where(i => !i.StartsWith("store_meta") && !i.StartsWith("day_lists")));

        pages.Clear();
        using (var store = new LiteDbCustomerStore(db, 5, pages.Add))
        {
            Assert.Empty(pages); // complete: nothing more to do on opening
            AssertAnswers(store, policies, customers);
        }
    }
}
