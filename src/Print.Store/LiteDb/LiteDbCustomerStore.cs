using LiteDB;
using Print.Core.Customers;

namespace Print.Store.LiteDb;

/// <summary>
/// The customer store in the shared <see cref="PrintDatabase"/> file. Collections:
/// <list type="bullet">
/// <item><c>customers</c>: <c>_id</c> is the customer id (LiteDB's primary key, so unique); <c>birthday_md</c>
/// (MMDD) is not indexed.</item>
/// <item><c>policies</c>: <c>_id</c> is the policy number (unique); an index on <c>customer_id</c> (a customer's
/// policies). <c>start</c> and <c>end</c> are Int32 yyyymmdd (see <see cref="StoreMapper"/>) and not indexed.</item>
/// <item><c>day_lists</c>: which policies start (the thank-you letter a week later) or end (the renewal
/// proposal) on a day, and which customers were born on a day (birthday cards), by month, written in the same
/// transaction as the documents they list, in place of indexes on <c>start</c>, <c>end</c> and
/// <c>birthday_md</c>, which were more than half of an import's writing time (see
/// <c>LiteDbCustomerStore.DayLists.cs</c>). <c>store_meta</c> holds their sequences and migration state.</item>
/// </list>
/// </summary>
public sealed partial class LiteDbCustomerStore : ICustomerStore
{
    public const string Customers = "customers";
    public const string Policies = "policies";

    /// <summary><c>data/print.db</c> under the working directory.</summary>
    public static string DefaultPath => PrintDatabase.DefaultPath;

    private readonly PrintDatabase database;
    private readonly bool ownsDatabase;
    private readonly ILiteCollection<BsonDocument> customers;
    private readonly ILiteCollection<BsonDocument> policies;
    private readonly ILiteCollection<BsonDocument> days;
    private readonly ILiteCollection<BsonDocument> meta;

    /// <summary>A store with a database file of its own (the CLI's import, tests).</summary>
    public LiteDbCustomerStore(string path) : this(new PrintDatabase(path), ownsDatabase: true) { }

    /// <summary>A store in a database file shared with other stores; disposing the store leaves it open.</summary>
    public LiteDbCustomerStore(PrintDatabase database) : this(database, ownsDatabase: false) { }

    /// <summary>Tests: an older store's migration in pages of <paramref name="migrationPage"/> policies, <paramref name="afterMigrationPage"/> called after each.</summary>
    internal LiteDbCustomerStore(string path, int migrationPage, Action<int>? afterMigrationPage)
        : this(new PrintDatabase(path), ownsDatabase: true, migrationPage, afterMigrationPage) { }

    private LiteDbCustomerStore(PrintDatabase database, bool ownsDatabase, int migrationPage = MigrationPage, Action<int>? afterMigrationPage = null)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        customers = database.Engine.GetCollection(Customers);
        policies = database.Engine.GetCollection(Policies);
        // No index on the segment: whole segments are read in id order a page at a time (greetings go to most of
        // them, where an index would read a quarter of the file in random order), and every insert and every
        // change of segment paid for it. Stores made before keep no stale copy.
        customers.DropIndex("segment");
        policies.EnsureIndex("customer_id", "$.customer_id");
        // No indexes on the policies' start and end nor the customers' birthday: the day lists
        // (LiteDbCustomerStore.DayLists.cs) answer the planner's questions by day for much less writing. Stores
        // made before lose them here (and get the lists below).
        policies.DropIndex("start");
        policies.DropIndex("end");
        customers.DropIndex("birthday_md");
        days = database.Engine.GetCollection(DayLists);
        meta = database.Engine.GetCollection(Meta);
        try { OpenDayLists(migrationPage, afterMigrationPage); }
        catch
        {
            if (ownsDatabase) database.Dispose();
            throw;
        }
    }

    public string FilePath => database.FilePath;

    /// <summary>
    /// Test hook: runs inside <see cref="Save"/> after every write and before the commit, so a test can stop
    /// an import at the worst moment (throwing, or tearing the database down) and check what survives.
    /// </summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>Closes the file without committing an open transaction, as a crash would leave it (tests).</summary>
    internal void Abandon() => database.Abandon();

    public Customer? FindCustomer(string id) =>
        customers.FindById(id) is { } d ? StoreMapper.Customer(d) : null;

    public CustomerRecord? Get(string id) =>
        FindCustomer(id) is { } c ? new CustomerRecord(c, PoliciesOf(id)) : null;

    public IReadOnlyDictionary<string, CustomerRecord> GetMany(IReadOnlyCollection<string> ids)
    {
        var read = new RecentlyRead();
        var found = read.Customers(this, customers.Find(BsonExpression.Create(IdIn, new BsonArray(ids.Select(id => new BsonValue(id))))))
            .Select(StoreMapper.Customer).ToDictionary(c => c.Id, StringComparer.Ordinal);
        if (found.Count == 0) return new Dictionary<string, CustomerRecord>();
        var held = read.Policies(this, policies.Find(BsonExpression.Create(CustomerIdIn, new BsonArray(found.Keys.Select(k => new BsonValue(k))))))
            .Select(StoreMapper.Policy).ToLookup(p => p.CustomerId, StringComparer.Ordinal);
        Remember(read);
        return found.ToDictionary(f => f.Key, f => new CustomerRecord(f.Value,
            held[f.Key].OrderByDescending(p => p.End).ThenBy(p => p.Number, StringComparer.Ordinal).ToList()), StringComparer.Ordinal);
    }

    // Parameterised, so LiteDB parses and compiles each expression once (Query.In embeds the values: a new
    // expression, compiled with Reflection.Emit, for every chunk — half the import's time).
    private const string IdIn = "_id IN @0";
    private const string CustomerIdIn = "customer_id IN @0";

    public Policy? FindPolicy(string number) =>
        policies.FindById(number) is { } d ? StoreMapper.Policy(d) : null;

    public IReadOnlyList<Policy> PoliciesOf(string customerId) =>
        policies.Find(Query.EQ("customer_id", customerId)).Select(StoreMapper.Policy)
            .OrderByDescending(p => p.End).ThenBy(p => p.Number, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Policy> PoliciesEndingBetween(DateOnly from, DateOnly to) =>
        Listed(policies, KindEnd, "end", StoreMapper.Date(from).AsInt32, StoreMapper.Date(to).AsInt32).Select(StoreMapper.Policy).ToList();

    public void Upsert(Customer customer) => Save([customer], []);

    public void Upsert(Policy policy) => Save([], [policy]);

    public void Save(IReadOnlyCollection<Customer> customers, IReadOnlyCollection<Policy> policies) =>
        database.InTransaction(() =>
        {
            // The days stored before this save: a document is listed under a day only when new or moved to it.
            if (customers.Count > 0)
            {
                var (listing, entries) = (Birthdays, new List<(long, int, string)>());
                var stored = StoredDays(listing, customers.Select(c => c.Id), recentlyRead?.CustomerDays);
                this.customers.Upsert(Collecting(customers.Select(StoreMapper.Document), listing, stored, entries));
                List(listing, entries);
            }
            if (policies.Count > 0)
            {
                var (listing, entries) = (PolicyDays, new List<(long, int, string)>());
                var stored = StoredDays(listing, policies.Select(p => p.Number), recentlyRead?.PolicyDays);
                this.policies.Upsert(Collecting(policies.Select(StoreMapper.Document), listing, stored, entries));
                List(listing, entries);
            }
        }, BeforeCommit);

    public void Insert(IReadOnlyCollection<Customer> customers, IReadOnlyCollection<Policy> policies) =>
        database.InTransaction(() =>
        {
            var (birthdays, born) = (Birthdays, new List<(long, int, string)>());
            this.customers.Insert(Collecting(customers.Select(StoreMapper.Document), birthdays, null, born));
            List(birthdays, born);
            var (policyDays, dated) = (PolicyDays, new List<(long, int, string)>());
            this.policies.Insert(Collecting(policies.Select(StoreMapper.Document), policyDays, null, dated));
            List(policyDays, dated);
        }, BeforeCommit);

    public IReadOnlyList<CustomerRecord> Page(string? after, int count)
    {
        var read = new RecentlyRead();
        var page = read.Customers(this, CustomerDocumentsAfter(after, count)).ToList();
        if (page.Count == 0) return [];
        var records = Records(page, read.Policies(this, PolicyDocumentsOf(page)).ToList());
        Remember(read);
        return records;
    }

    private List<BsonDocument> CustomerDocumentsAfter(string? after, int count) =>
        (after is null ? customers.Query() : customers.Query().Where(IdAfter.With(after)))
            .OrderBy("_id").Limit(count).ToList();

    /// <summary>
    /// The policies of a page of customers read in id order: the same range of the customer_id index, one seek,
    /// where an IN query of the page's ids seeks once per id.
    /// </summary>
    private List<BsonDocument> PolicyDocumentsOf(List<BsonDocument> page) =>
        policies.Find(CustomerIdBetween.With(page[0]["_id"], page[^1]["_id"])).ToList();

    /// <summary>Customers (in the order given) with their policies, newest end first.</summary>
    private static List<CustomerRecord> Records(List<BsonDocument> customerDocuments, List<BsonDocument> policyDocuments)
    {
        var held = policyDocuments.Select(StoreMapper.Policy).ToLookup(p => p.CustomerId, StringComparer.Ordinal);
        return customerDocuments.ConvertAll(d =>
        {
            var c = StoreMapper.Customer(d);
            return new CustomerRecord(c, held[c.Id].OrderByDescending(p => p.End).ThenBy(p => p.Number, StringComparer.Ordinal).ToList());
        });
    }

    private static readonly ParsedQuery IdAfter = new("_id > @0");
    private static readonly ParsedQuery CustomerIdBetween = new("customer_id BETWEEN @0 AND @1");

    public IReadOnlyList<string> CustomerIds() =>
        customers.Query().OrderBy("_id").Select("_id").ToEnumerable().Select(d => d["_id"].AsString).ToList();

    /// <summary>Every stored document as JSON, customers then policies, in id order (tests compare stores with it).</summary>
    internal IReadOnlyList<string> Dump() =>
        [.. customers.Query().OrderBy("_id").ToEnumerable().Select(d => JsonSerializer.Serialize(d)),
         .. policies.Query().OrderBy("_id").ToEnumerable().Select(d => JsonSerializer.Serialize(d))];

    public int CustomerCount => customers.Count();

    public int PolicyCount => policies.Count();

    public void Dispose()
    {
        if (ownsDatabase) database.Dispose();
    }
}
