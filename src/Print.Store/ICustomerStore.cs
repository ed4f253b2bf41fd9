using Print.Core.Customers;

namespace Print.Store;

/// <summary>A customer with every policy the store holds for them (any order of storage; newest end first here).</summary>
public sealed record CustomerRecord(Customer Customer, IReadOnlyList<Policy> Policies);

/// <summary>
/// Where customers and their policies live. Kept small and free of LiteDB types so that a PostgreSQL store can
/// replace <see cref="LiteDb.LiteDbCustomerStore"/> without touching the import, the segmentation or the CLI.
/// Customers are keyed by the insurer's customer id, policies by policy number: saving one that exists
/// replaces it (upsert).
/// </summary>
public interface ICustomerStore : IDisposable
{
    Customer? FindCustomer(string id);

    /// <summary>The customer with their policies, address history and stored segment; null when unknown.</summary>
    CustomerRecord? Get(string id);

    /// <summary>The stored ones among <paramref name="ids"/>, with their policies: one round trip for a whole import chunk.</summary>
    IReadOnlyDictionary<string, CustomerRecord> GetMany(IReadOnlyCollection<string> ids);

    Policy? FindPolicy(string number);

    /// <summary>The customer's policies, latest end first.</summary>
    IReadOnlyList<Policy> PoliciesOf(string customerId);

    /// <summary>Policies whose last day of cover falls between the two days (both included): the campaign planner's renewal query.</summary>
    IReadOnlyList<Policy> PoliciesEndingBetween(DateOnly from, DateOnly to);

    /// <summary>Policies whose cover started on <paramref name="day"/> (the thank-you letter a week later).</summary>
    IEnumerable<Policy> PoliciesStartingOn(DateOnly day);

    /// <summary>Policies whose last day of cover is <paramref name="day"/> (the renewal proposal two weeks before).</summary>
    IEnumerable<Policy> PoliciesEndingOn(DateOnly day);

    /// <summary>Customers born on that month and day, any year (birthday cards).</summary>
    IEnumerable<Customer> CustomersBornOn(int month, int day);

    /// <summary>Every customer currently in one of <paramref name="segments"/> (greetings, invitations, magazine), in id order, read a page at a time.</summary>
    IEnumerable<Customer> CustomersInSegments(IReadOnlyCollection<string> segments);

    void Upsert(Customer customer);

    void Upsert(Policy policy);

    /// <summary>
    /// Upserts all of them <b>all or nothing</b>: after a failure or a crash at any point, either every one is
    /// stored or none of this call is. The import saves each customer together with their policies this way,
    /// so the store never holds a customer without the policies of the same file.
    /// </summary>
    void Save(IReadOnlyCollection<Customer> customers, IReadOnlyCollection<Policy> policies);

    /// <summary>Every customer id, in id order (a snapshot: saving while going through it is safe).</summary>
    IReadOnlyList<string> CustomerIds();

    /// <summary>
    /// Like <see cref="Save"/>, all or nothing, for customers and policies none of which is stored yet: nothing
    /// is looked up or replaced, so it is the fast path of an import into an empty store. One that is already
    /// stored fails the whole call.
    /// </summary>
    void Insert(IReadOnlyCollection<Customer> customers, IReadOnlyCollection<Policy> policies);

    /// <summary>
    /// Up to <paramref name="count"/> customers whose ids come after <paramref name="after"/> (from the first when
    /// null), in id order, each with their policies: walks the whole store a page at a time (segmentation).
    /// </summary>
    IReadOnlyList<CustomerRecord> Page(string? after, int count);

    /// <summary>
    /// Walks every stored customer with their policies in id order, a page of <paramref name="pageSize"/> at a
    /// time, and stores the segment of each for which <paramref name="assign"/> returns true (it has set a new
    /// <see cref="Customer.Segment"/>): only the segment, a page per transaction, so a walk stopped at any point
    /// leaves every customer whole. <paramref name="assign"/> is called on one customer at a time, in id order,
    /// but not necessarily on the caller's thread (the store reads and writes meanwhile). Returns how many
    /// segments were stored.
    /// </summary>
    int Resegment(Func<CustomerRecord, bool> assign, int pageSize);

    int CustomerCount { get; }

    int PolicyCount { get; }
}
