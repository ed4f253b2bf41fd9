using Print.Core.Customers;
using Print.Core.Import;
using Print.Core.Segmentation;
using Print.Core.Text;

namespace Print.Store.Import;

/// <summary>
/// Imports a customer file into a store: the library API behind <c>print import customers</c>, and what the
/// server will call.
/// <list type="number">
/// <item>The whole file is read and validated first (Print.Core's <see cref="RowParser"/>): a file that cannot be
/// read (encoding, header, an unclosed quote) throws before anything is stored.</item>
/// <item>Rows are merged per customer (one row per policy); a policy number already given to another customer
/// earlier in the file rejects the later row. Rejected rows go to the rejects file beside the input.</item>
/// <item>Customers are saved in chunks of <see cref="ChunkSize"/>, each customer with all of their policies in
/// the same all-or-nothing <see cref="ICustomerStore.Save"/>: an import stopped at any point leaves whole
/// customers, and running it again completes it.</item>
/// <item>A customer already stored is updated by Print.Core's rules (<see cref="Customer.UpdateFrom"/>: empty
/// cells keep what is known, do-not-contact flags are never lifted, addresses go through the address book), and
/// is segmented again with all of their stored and imported policies, in the same chunk.</item>
/// </list>
/// Re-importing the same file on the same day therefore writes the same documents again: nothing changes.
/// </summary>
public sealed class CustomerImport(ICustomerStore store, SegmentRules rules, DateOnly today)
{
    /// <summary>Customers per transaction.</summary>
    public int ChunkSize { get; init; } = 2000;

    /// <summary>Test hook: called with the chunk number (from 1) after each chunk is saved.</summary>
    internal Action<int>? AfterChunk { get; set; }

    public ImportSummary Import(string path, HeaderMapping? mapping = null)
    {
        var (pending, errors, rejectedRows) = Read(path, mapping);

        var rejectsPath = RejectsFile.PathFor(path);
        RejectsFile.Save(rejectsPath, errors);

        int chunkNumber = 0, storedCustomers = 0, storedPolicies = 0;
        foreach (var chunk in pending.Values.Chunk(ChunkSize))
        {
            var known = store.GetMany(chunk.Select(p => p.Customer.Id).ToList());
            var customers = new List<Customer>(chunk.Length);
            var policies = new List<Policy>();
            foreach (var p in chunk)
            {
                var customer = p.Customer;
                IEnumerable<Policy> held = [];
                if (known.TryGetValue(customer.Id, out var stored))
                {
                    stored.Customer.UpdateFrom(p.Customer, today);
                    customer = stored.Customer;
                    held = stored.Policies.Where(s => !p.Policies.ContainsKey(s.Number));
                }
                rules.Assign(customer, held.Concat(p.Policies.Values).ToList(), today);
                customers.Add(customer);
                policies.AddRange(p.Policies.Values);
            }
            store.Save(customers, policies);
            // Save is all or nothing, so what it took is what the store now holds from this file.
            storedCustomers += customers.Count;
            storedPolicies += policies.Count;
            AfterChunk?.Invoke(++chunkNumber);
        }
        return new ImportSummary(path, storedCustomers, storedPolicies, rejectedRows, rejectsPath, errors);
    }

    private sealed class Pending(Customer customer)
    {
        public Customer Customer { get; } = customer;
        public Dictionary<string, Policy> Policies { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Reads and merges the whole file; throws when it cannot be read at all.</summary>
    private (Dictionary<string, Pending> Pending, List<RowError> Errors, int RejectedRows) Read(string path, HeaderMapping? mapping)
    {
        var pending = new Dictionary<string, Pending>(StringComparer.Ordinal); // in file order: entries are only added
        var owners = new Dictionary<string, (string CustomerId, int Row)>(StringComparer.Ordinal);
        var errors = new List<RowError>();
        int rejected = 0;
        using var reader = FileEncoding.OpenText(path);
        RowParser? parser = null;
        ColumnLayout? layout = null;
        int row = 0;
        foreach (var (_, fields) in CsvRows.Read(reader, strict: true))
        {
            if (parser is null)
            {
                layout = (mapping ?? HeaderMapping.BuiltIn).Resolve(fields);
                parser = new RowParser(layout, today);
                continue;
            }
            var parsed = parser.Parse(++row, fields);
            if (!parsed.IsValid)
            {
                rejected++;
                errors.AddRange(parsed.Errors);
                continue;
            }
            var policy = parsed.Policy;
            if (owners.TryGetValue(policy.Number, out var owner) && owner.CustomerId != policy.CustomerId)
            {
                rejected++;
                errors.Add(new RowError(row, layout!.HeaderOf(ImportColumn.PolicyNumber), policy.Number,
                    $"policy {policy.Number} already belongs to customer {owner.CustomerId} (row {owner.Row})"));
                continue;
            }
            owners[policy.Number] = (policy.CustomerId, row);
            if (pending.TryGetValue(parsed.Customer.Id, out var p)) p.Customer.UpdateFrom(parsed.Customer, today);
            else pending.Add(parsed.Customer.Id, p = new Pending(parsed.Customer));
            p.Policies[policy.Number] = policy; // the same policy twice: the later row wins
        }
        if (parser is null) throw new InvalidFileException("header row", ["the file is empty: no header row"]);
        return (pending, errors, rejected);
    }
}
