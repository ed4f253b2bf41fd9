using System.Globalization;
using LiteDB;
using Print.Core.Customers;
using Print.Core.Segmentation;
using Print.Store.LiteDb;

namespace Print.Store.Tests;

public class StoreTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private static Customer Customer(string id = "C001")
    {
        var c = new Customer
        {
            Id = id, Name = "张伟", Gender = Gender.Male, Birthday = new DateOnly(1978, 3, 12), IdNumber = "360102197803120017",
            Mobile = "13870651234", Email = "zhangwei@163.com", Occupation = "教师",
            Contact = new ContactPreferences { DoNotSms = true, PreferredChannel = Channel.Mail },
        };
        c.Addresses.Correct(new Address { Province = "江西省", City = "南昌市", District = "东湖区", Street = "八一大道357号", Postcode = "330006" }, AddressSource.Import, new DateOnly(2025, 1, 2));
        c.Addresses.MarkBad("原址查无此人", new DateOnly(2025, 6, 1));
        c.Addresses.Correct(new Address { Province = "江西省", City = "南昌市", District = "西湖区", Street = "孺子路188号", Postcode = "330009" }, AddressSource.PostOffice, new DateOnly(2025, 6, 3), verified: true);
        return c;
    }

    private static Policy Policy(string number, string customer, DateOnly end) => new()
    {
        Number = number, CustomerId = customer, Plate = "赣A·D6161", CarModel = "宝马 X3",
        Start = end.AddYears(-1).AddDays(1), End = end, Premium = 6200.50m, ClaimsCount = 1, ClaimsAmount = 1800m, Profit = -12.34m,
    };

    [Fact]
    public void ACustomerWithPoliciesAddressHistoryAndSegmentReadsBackAfterReopening()
    {
        var db = dir.File("print.db");
        var customer = Customer();
        var policies = new[] { Policy("P1", "C001", new DateOnly(2027, 2, 28)), Policy("P2", "C001", new DateOnly(2026, 12, 31)) };
        SegmentRules.Default.Assign(customer, policies, new DateOnly(2026, 11, 24));
        using (var store = new LiteDbCustomerStore(db)) store.Save([customer], policies);

        using var reopened = new LiteDbCustomerStore(db);
        var record = reopened.Get("C001")!;
        var c = record.Customer;
        Assert.Equal(("张伟", Gender.Male, new DateOnly(1978, 3, 12), "360102197803120017", "13870651234"), (c.Name, c.Gender, c.Birthday, c.IdNumber, c.Mobile));
        Assert.Equal(customer.Contact, c.Contact);
        Assert.Equal(customer.Addresses.Entries, c.Addresses.Entries); // records: every field, dates included
        Assert.Equal(AddressStatus.Bad, c.Addresses.Entries[0].Status);
        Assert.Equal(customer.Segment!.Explanation, c.Segment!.Explanation);
        Assert.Equal(customer.Segment.Reasons, c.Segment.Reasons);
        Assert.Equal(["P1", "P2"], record.Policies.Select(p => p.Number)); // latest end first
        var p1 = record.Policies[0];
        Assert.Equal((6200.50m, 1800m, -12.34m, new DateOnly(2026, 3, 1)), (p1.Premium, p1.ClaimsAmount, p1.Profit!.Value, p1.Start));
    }

    /// <summary>A customer with as little as the import requires: no birthday, ID number, preferred channel, verification or return.</summary>
    private static (Customer, Policy) Sparse()
    {
        var c = new Customer { Id = "C9", Name = "李娜", Gender = Gender.Female, Mobile = "13907912345", Email = "", Occupation = "" };
        c.Addresses.Correct(new Address { Province = "江西省", City = "九江市", District = "浔阳区", Street = "庐山路1号", Postcode = "332000" }, AddressSource.Import, new DateOnly(2026, 1, 5));
        var p = Policy("P9", "C9", new DateOnly(2027, 3, 1));
        return (c, new Policy { Number = p.Number, CustomerId = p.CustomerId, Plate = p.Plate, CarModel = p.CarModel, Start = p.Start, End = p.End, Premium = p.Premium, ClaimsCount = 0, ClaimsAmount = 0m, Profit = null });
    }

    [Fact]
    public void NullFieldsAreLeftOutOfStoredDocumentsAndOnesStoredWithThemReadTheSameAndShedThemWhenResegmented()
    {
        var (customer, policy) = Sparse();
        string compactDb = dir.File("compact.db"), oldDb = dir.File("old.db");
        using (var store = new LiteDbCustomerStore(compactDb)) store.Save([customer], [policy]);

        // The same customer as stored before: every null written out, nested ones too.
        var withNulls = StoreMapper.Document(customer);
        withNulls["id_number"] = BsonValue.Null;
        withNulls["contact"]["preferred_channel"] = BsonValue.Null;
        withNulls["addresses"][0]["until"] = BsonValue.Null;
        withNulls["addresses"][0]["bad_reason"] = BsonValue.Null;
        var policyWithNull = StoreMapper.Document(policy);
        policyWithNull["profit"] = BsonValue.Null;
        using (var db = new LiteDatabase(new ConnectionString { Filename = oldDb, Connection = ConnectionType.Direct,
                   Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal) }))
        {
            db.GetCollection(LiteDbCustomerStore.Customers).Insert(withNulls);
            db.GetCollection(LiteDbCustomerStore.Policies).Insert(policyWithNull);
        }

        using var compact = new LiteDbCustomerStore(compactDb);
        using var old = new LiteDbCustomerStore(oldDb);
        Assert.All(compact.Dump(), json => Assert.DoesNotContain("null", json));
        Assert.Contains(old.Dump(), json => json.Contains("\"until\":null", StringComparison.Ordinal));
        Assert.Equal(Json(compact.Get("C9")!), Json(old.Get("C9")!));

        var segment = new SegmentAssignment { Segment = Segments.LowValue, Rule = "test", Reasons = ["sparse"], On = new DateOnly(2026, 12, 7) };
        Assert.Equal(1, old.Resegment(r => { r.Customer.Segment = segment; return true; }, pageSize: 10));
        Assert.DoesNotContain("null", old.Dump()[0]); // the customer, rewritten; its policy was not
        customer.Segment = segment;
        Assert.Equal(StoreMapper.Document(customer).ToString(), old.Dump()[0] is var json ? JsonSerializer.Deserialize(json).ToString() : "");

        static string Json(CustomerRecord r) =>
            JsonSerializer.Serialize(StoreMapper.Document(r.Customer)) + string.Concat(r.Policies.Select(p => JsonSerializer.Serialize(StoreMapper.Document(p))));
    }

    [Fact]
    public void TwoThreadsWalkingThePagesAtOnceEachGetEveryCustomerWithTheirOwnPolicies()
    {
        // The page queries are parsed once per thread and run with new values each time (ParsedQuery).
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        var ids = Enumerable.Range(1, 120).Select(i => $"C{i:000}").ToList();
        store.Save(ids.Select(id => Customer(id)).ToList(), ids.Select(id => Policy($"{id}-p", id, new DateOnly(2027, 1, 1))).ToList());

        var walks = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var seen = new List<string>();
            for (int round = 0; round < 5; round++)
            {
                string? after = null;
                while (store.Page(after, 7) is { Count: > 0 } page)
                {
                    foreach (var r in page) seen.Add($"{r.Customer.Id}:{string.Join(",", r.Policies.Select(p => p.Number))}");
                    after = page[^1].Customer.Id;
                }
            }
            return seen;
        })).ToList();

        var expected = Enumerable.Repeat(ids.Select(id => $"{id}:{id}-p"), 5).SelectMany(x => x).ToList();
        foreach (var walk in walks) Assert.Equal(expected, walk.GetAwaiter().GetResult());
    }

    [Fact]
    public void UpsertReplacesByCustomerIdAndPolicyNumber()
    {
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        store.Upsert(Customer());
        store.Upsert(Policy("P1", "C001", new DateOnly(2027, 2, 28)));
        var renamed = Customer();
        renamed.Name = "张伟明";
        store.Upsert(renamed);
        var changed = Policy("P1", "C001", new DateOnly(2027, 2, 28));
        changed.Premium = 7000m;
        store.Upsert(changed);

        Assert.Equal((1, 1), (store.CustomerCount, store.PolicyCount));
        Assert.Equal("张伟明", store.FindCustomer("C001")!.Name);
        Assert.Equal(7000m, store.FindPolicy("P1")!.Premium);
        Assert.Null(store.Get("C999"));
    }

    [Fact]
    public void PoliciesEndingBetweenTwoDaysUseTheDateIndex()
    {
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        store.Save([Customer()], [
            Policy("P1", "C001", new DateOnly(2026, 12, 1)), Policy("P2", "C001", new DateOnly(2026, 12, 31)),
            Policy("P3", "C001", new DateOnly(2027, 1, 1)), Policy("P4", "C001", new DateOnly(2025, 12, 15))]);

        var ending = store.PoliciesEndingBetween(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));

        Assert.Equal(["P1", "P2"], ending.Select(p => p.Number).Order());
    }

    [Fact]
    public void TheDefaultStoreIsDataPrintDbUnderTheWorkingDirectory() =>
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data", "print.db"), LiteDbCustomerStore.DefaultPath);

    [Fact]
    public void PagesWalkEveryCustomerInIdOrderEachWithTheirOwnPolicies()
    {
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        foreach (var id in new[] { "C5", "C1", "C3", "C2", "C4" })
            store.Save([Customer(id)], [Policy($"{id}-a", id, new DateOnly(2027, 1, 1)), Policy($"{id}-b", id, new DateOnly(2027, 6, 1))]);

        var pages = new List<IReadOnlyList<CustomerRecord>>();
        for (string? after = null; store.Page(after, 2) is { Count: > 0 } page; after = page[^1].Customer.Id) pages.Add(page);

        Assert.Equal([["C1", "C2"], ["C3", "C4"], ["C5"]], pages.Select(p => p.Select(r => r.Customer.Id).ToArray()));
        Assert.All(pages.SelectMany(p => p), r => Assert.Equal([$"{r.Customer.Id}-b", $"{r.Customer.Id}-a"], r.Policies.Select(x => x.Number)));
    }

    [Fact]
    public void SegmentingAgainWritesOnlyTheCustomersWhoseSegmentOrReasonsChanged()
    {
        var today = new DateOnly(2026, 11, 24);
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        foreach (var id in new[] { "C1", "C2", "C3" }) store.Save([Customer(id)], [Policy($"{id}-a", id, new DateOnly(2027, 1, 1))]);

        var first = CustomerSegmentation.RecomputeAll(store, SegmentRules.Default, today, chunkSize: 2);
        var before = store.Dump();
        int saves = 0;
        store.BeforeCommit = () => saves++;
        var again = CustomerSegmentation.RecomputeAll(store, SegmentRules.Default, today, chunkSize: 2);
        Assert.Equal(0, saves);
        Assert.Equal(before, store.Dump());
        Assert.Equal(first.Counts, again.Counts);
        Assert.Equal((3, 0), (first.Saved, again.Saved));

        // The next day the facts are the same: the records keep their day, nothing is written.
        var nextDay = CustomerSegmentation.RecomputeAll(store, SegmentRules.Default, today.AddDays(1), chunkSize: 2);
        Assert.Equal((0, 0), (saves, nextDay.Saved));
        Assert.Equal(before, store.Dump());

        // Once the policies have lapsed the customers stand elsewhere: every record is rewritten with that day.
        var lapsed = new DateOnly(2027, 1, 10);
        var later = CustomerSegmentation.RecomputeAll(store, SegmentRules.Default, lapsed, chunkSize: 2);
        Assert.Equal((2, 3), (saves, later.Saved));
        Assert.All(store.CustomerIds(), id => Assert.Equal(lapsed, store.FindCustomer(id)!.Segment!.On));
        Assert.Equal(3, later.Counts[Segments.Risk]);
    }

    [Fact]
    public void ResegmentingWalksEveryCustomerInIdOrderOneAtATimeAndStoresOnlyTheSegmentsItChanged()
    {
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        foreach (var id in new[] { "C5", "C1", "C3", "C2", "C4" })
            store.Save([Customer(id)], [Policy($"{id}-a", id, new DateOnly(2027, 1, 1)), Policy($"{id}-b", id, new DateOnly(2027, 6, 1))]);
        var before = store.Dump();

        var seen = new List<(string Id, int Policies)>();
        int running = 0, overlapped = 0, commits = 0;
        store.BeforeCommit = () => commits++;
        int saved = store.Resegment(record =>
        {
            if (Interlocked.Increment(ref running) > 1) overlapped++;
            seen.Add((record.Customer.Id, record.Policies.Count));
            Thread.Sleep(5); // long enough for the store to read the next page meanwhile
            Interlocked.Decrement(ref running);
            if (record.Customer.Id is not ("C2" or "C3" or "C5")) return false;
            record.Customer.Segment = new SegmentAssignment { Segment = Segments.Risk, Rule = "test", Reasons = ["C2, C3 or C5"], On = new DateOnly(2026, 12, 7) };
            record.Customer.Mobile = "13900000000"; // not the segment: not stored
            return true;
        }, pageSize: 2);

        Assert.Equal(3, saved);
        // Each page with a change written once: the walk's own write of the page before is no reason to read again.
        Assert.Equal(3, commits);
        Assert.Equal([("C1", 2), ("C2", 2), ("C3", 2), ("C4", 2), ("C5", 2)], seen);
        Assert.Equal(0, overlapped);
        foreach (var id in new[] { "C2", "C3", "C5" })
        {
            var stored = store.FindCustomer(id)!;
            Assert.Equal(("risk", "test", "C2, C3 or C5"), (stored.Segment!.Segment, stored.Segment.Rule, stored.Segment.Reasons.Single()));
            Assert.Equal("13870651234", stored.Mobile);
            Assert.Equal(2, stored.Addresses.Entries.Count);
        }
        // Everything else as it was: the other customers, every policy.
        bool Untouched(string json) => !new[] { "C2", "C3", "C5" }.Any(id => json.Contains($"\"{id}\"", StringComparison.Ordinal));
        Assert.Equal(before.Where(Untouched), store.Dump().Where(Untouched));
    }

    [Fact]
    public void AWriteToACustomerBetweenTheReadAndTheSegmentsWriteIsKept()
    {
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        foreach (var id in new[] { "C1", "C2", "C3" }) store.Save([Customer(id)], [Policy($"{id}-a", id, new DateOnly(2027, 1, 1))]);

        int saved = store.Resegment(record =>
        {
            if (record.Customer.Id == "C1")
            {
                // Another writer corrects C2's address after the page was read, before its segments are written.
                var c2 = store.FindCustomer("C2")!;
                c2.Addresses.MarkBad("迁出", new DateOnly(2026, 12, 7));
                store.Save([c2], []);
            }
            record.Customer.Segment = new SegmentAssignment { Segment = Segments.LowValue, Rule = "test", On = new DateOnly(2026, 12, 7) };
            return true;
        }, pageSize: 10);

        Assert.Equal(3, saved);
        var c2 = store.FindCustomer("C2")!;
        Assert.Equal("迁出", c2.Addresses.Entries[^1].BadReason);
        Assert.Equal(Segments.LowValue, c2.Segment!.Segment);
        Assert.All(store.CustomerIds(), id => Assert.Equal("test", store.FindCustomer(id)!.Segment!.Rule));
    }

    [Fact]
    public void AnAssignmentThatFailsStopsTheWalkWithThePagesBeforeItStoredAndItsOwnPageNot()
    {
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        foreach (var id in new[] { "C1", "C2", "C3", "C4", "C5", "C6" }) store.Save([Customer(id)], [Policy($"{id}-a", id, new DateOnly(2027, 1, 1))]);

        var failure = Assert.Throws<InvalidOperationException>(() => store.Resegment(record =>
        {
            if (record.Customer.Id == "C4") throw new InvalidOperationException("rule broke on C4");
            record.Customer.Segment = new SegmentAssignment { Segment = Segments.LowValue, Rule = "test", On = new DateOnly(2026, 12, 7) };
            return true;
        }, pageSize: 2));

        Assert.Equal("rule broke on C4", failure.Message);
        Assert.Equal(["test", "test", null, null, null, null], store.CustomerIds().Select(id => store.FindCustomer(id)!.Segment?.Rule));
    }
}
