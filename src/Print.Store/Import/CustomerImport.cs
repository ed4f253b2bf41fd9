using Print.Core.Customers;
using Print.Core.Import;
using Print.Core.Segmentation;
using Print.Core.Text;
using Print.Core.Threading;

namespace Print.Store.Import;

/// <summary>
/// Imports a customer file into a store: the library API behind <c>print import customers</c>, and what the
/// server will call. Two passes over the file, so memory stays bounded whatever its size:
/// <list type="number">
/// <item><b>Check</b>: the file is streamed and every row validated (Print.Core's <see cref="RowParser"/>). A file
/// that cannot be read (encoding, header, an unclosed quote) throws before anything is stored. Bad rows go to
/// the rejects file beside the input as they are met; a policy number already given to another customer earlier
/// in the file rejects the later row (the only thing this pass remembers for the whole file: which customer
/// and row each policy number went to, and the order in which customers first appear). Each good row is
/// appended to a temporary bucket file chosen by when its customer first appeared — the first
/// <see cref="BucketCustomers"/> customers in bucket 0, the next in bucket 1 — so all the rows of one customer
/// land in the same bucket, in file order, however far apart they are in the file.</item>
/// <item><b>Store</b>: bucket by bucket, the rows are read back, parsed again (the parser is pure, so they are
/// still valid) and merged per customer (one row per policy), on a second thread while this one writes. Customers
/// are stored in the order they first appear in the file (an export sorted by customer id inserts in key order,
/// which LiteDB's skip-list indexes take twice as fast as random order), in chunks of
/// <see cref="ChunkSize"/>, each customer with all of their policies in the same all-or-nothing
/// <see cref="ICustomerStore.Save"/>: an import stopped at any point leaves whole customers, and running it
/// again completes it.</item>
/// </list>
/// A customer already stored is updated by Print.Core's rules (<see cref="Customer.UpdateFrom"/>: empty cells
/// keep what is known, do-not-contact flags are never lifted, addresses go through the address book), and is
/// segmented again with all of their stored and imported policies, in the same chunk. When the store holds no
/// customer at all when the import starts, nobody can be known, so the chunks are inserted without looking
/// anything up (<see cref="ICustomerStore.Insert"/>); the store is opened exclusively, so nothing else adds
/// customers meanwhile.
/// <para>
/// Re-importing the same file on the same day therefore writes the same documents again: nothing changes. The
/// bucket files live in a directory of their own under <see cref="TempRoot"/>, deleted when the import ends,
/// fails or is cancelled; one left by a killed process is deleted by the next import.
/// </para>
/// </summary>
public sealed class CustomerImport(ICustomerStore store, SegmentRules rules, DateOnly today)
{
    /// <summary>Customers per transaction.</summary>
    public int ChunkSize { get; init; } = 2000;

    /// <summary>
    /// Customers per bucket file (in the order they first appear in the file), so how many customers pass 2
    /// holds in memory at once; raised for a file so large that it would need more than <see cref="MaxBuckets"/>.
    /// </summary>
    public int BucketCustomers { get; init; } = 16_384;

    /// <summary>Bucket files open at once at most, for files of at least 64 bytes per customer (a row has more).</summary>
    public const int MaxBuckets = 256;

    /// <summary>Where the import's temporary directory goes; the system's temporary folder (TMPDIR) by default.</summary>
    public string TempRoot { get; init; } = Path.GetTempPath();

    /// <summary>Rows between two <see cref="Progress"/> reports, in each pass.</summary>
    public int ProgressEvery { get; init; } = 100_000;

    /// <summary>Called every <see cref="ProgressEvery"/> rows checked, and every <see cref="ProgressEvery"/> rows stored.</summary>
    public Action<ImportProgress>? Progress { get; init; }

    /// <summary>How many problems <see cref="ImportSummary.Errors"/> keeps in memory; the rejects file has them all.</summary>
    public int ErrorsKept { get; init; } = 100;

    /// <summary>Test hook: called with the chunk number (from 1) after each chunk is saved.</summary>
    internal Action<int>? AfterChunk { get; set; }

    public ImportSummary Import(string path, HeaderMapping? mapping = null)
    {
        bool fresh = store.CustomerCount == 0;
        using var workspace = ImportWorkspace.Create(TempRoot);
        var rejectsPath = RejectsFile.PathFor(path);
        var check = Check(path, mapping, workspace, rejectsPath);

        int chunkNumber = 0, storedCustomers = 0, storedPolicies = 0;
        long storedRows = 0;
        foreach (var chunk in Prepared(check, fresh))
        {
            int rows = chunk.Sum(p => p.Rows);
            if (fresh)
                store.Insert([.. chunk.Select(p => p.Customer)], [.. chunk.SelectMany(p => p.Policies.Values)]);
            else
            {
                var known = store.GetMany(chunk.Select(p => p.Customer.Id).ToList());
                var customers = new List<Customer>(chunk.Length);
                var policies = new List<Policy>(chunk.Length * 2);
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
                    rules.Assign(customer, StoreOrder(held.Concat(p.Policies.Values)), today);
                    customers.Add(customer);
                    policies.AddRange(p.Policies.Values);
                }
                store.Save(customers, policies);
            }
            // Insert and Save are all or nothing, so what they took is what the store now holds from this file.
            storedCustomers += chunk.Length;
            storedPolicies += chunk.Sum(p => p.Policies.Count);
            if ((storedRows + rows) / ProgressEvery > storedRows / ProgressEvery)
                Progress?.Invoke(new ImportProgress(ImportStage.Stored, storedRows + rows, check.GoodRows, storedCustomers));
            storedRows += rows;
            AfterChunk?.Invoke(++chunkNumber);
        }
        return new ImportSummary(path, storedCustomers, storedPolicies, check.RejectedRows, rejectsPath, check.Errors) { Problems = check.Problems };
    }

    /// <summary>
    /// The chunks of pass 2, prepared on a second thread while this one writes the previous chunk: reading the
    /// buckets back, parsing and merging, and — into an empty store, where nobody has stored policies — the
    /// segments. (Mapping to LiteDB's documents there too made it slower: they lived long enough to be promoted,
    /// and the collections that promotion causes stop both threads.) Stops the second thread (and waits for it)
    /// however the caller stops.
    /// </summary>
    private IEnumerable<Pending[]> Prepared(Checked check, bool fresh)
    {
        var queue = new HandOff<Pending[]>(capacity: 2);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in Merged(check).Chunk(ChunkSize))
                {
                    if (fresh)
                        foreach (var p in chunk) rules.Assign(p.Customer, StoreOrder(p.Policies.Values), today);
                    queue.Add(chunk, stop.Token);
                }
            }
            finally { queue.CompleteAdding(); }
        });
        try
        {
            foreach (var item in queue.Taken()) yield return item;
            producer.GetAwaiter().GetResult(); // the producer's exception, if it failed
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { } // cancelled, or failed after the consumer did
        }
    }

    /// <summary>
    /// A customer's policies in the order the store gives them back (<see cref="CustomerRecord"/>: latest end
    /// first), so that segmenting again on the day of the import finds the same reasons (car models are listed
    /// in the order of the policies) and rewrites nothing.
    /// </summary>
    private static List<Policy> StoreOrder(IEnumerable<Policy> policies) =>
        policies.OrderByDescending(p => p.End).ThenBy(p => p.Number, StringComparer.Ordinal).ToList();

    private sealed class Pending(Customer customer)
    {
        public Customer Customer { get; } = customer;
        public Dictionary<string, Policy> Policies { get; } = new(StringComparer.Ordinal);
        public int Rows { get; set; }
    }

    /// <summary>What pass 1 leaves for pass 2.</summary>
    private sealed record Checked(RowParser Parser, IReadOnlyList<string> Buckets, long GoodRows, int RejectedRows, List<RowError> Errors, int Problems);

    /// <summary>Pass 1: validates every row, writes the rejects file, and sorts the good rows into bucket files.</summary>
    private Checked Check(string path, HeaderMapping? mapping, ImportWorkspace workspace, string rejectsPath)
    {
        // Policy number → the customer and row that took it first. Customer ids are kept once each.
        var owners = new Dictionary<string, (int Customer, int Row)>(StringComparer.Ordinal);
        var customerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var customerIds = new List<string>();
        var errors = new List<RowError>();
        int rejected = 0, problems = 0, row = 0;
        long good = 0;
        RowParser? parser = null;
        ColumnLayout? layout = null;
        var buckets = new List<BucketWriter>();
        var rejectsTemp = workspace.File("rejects.csv");
        var rejects = new StreamWriter(rejectsTemp, append: false, FileEncoding.Utf8WithBom);
        try
        {
            using (var reader = FileEncoding.OpenText(path))
            {
                RejectsFile.WriteHeader(rejects);
                int perBucket = (int)Math.Max(BucketCustomers, new FileInfo(path).Length / 64 / MaxBuckets + 1);
                foreach (var (_, fields) in CsvRows.Read(reader, strict: true))
                {
                    if (parser is null)
                    {
                        layout = (mapping ?? HeaderMapping.BuiltIn).Resolve(fields);
                        parser = new RowParser(layout, today);
                        continue;
                    }
                    if (++row % ProgressEvery == 0) Progress?.Invoke(new ImportProgress(ImportStage.Checked, row, 0, 0));
                    var parsed = parser.Parse(row, fields);
                    if (!parsed.IsValid)
                    {
                        rejected++;
                        foreach (var e in parsed.Errors) Reject(e);
                        continue;
                    }
                    var policy = parsed.Policy;
                    if (!customerIndex.TryGetValue(policy.CustomerId, out int customer))
                    {
                        customerIndex.Add(policy.CustomerId, customer = customerIds.Count);
                        customerIds.Add(policy.CustomerId);
                    }
                    if (owners.TryGetValue(policy.Number, out var owner) && owner.Customer != customer)
                    {
                        rejected++;
                        Reject(new RowError(row, layout!.HeaderOf(ImportColumn.PolicyNumber), policy.Number,
                            $"policy {policy.Number} already belongs to customer {customerIds[owner.Customer]} (row {owner.Row})"));
                        continue;
                    }
                    owners[policy.Number] = (customer, row);
                    int bucket = customer / perBucket;
                    if (bucket == buckets.Count) buckets.Add(new BucketWriter(workspace.File($"bucket-{bucket:0000}.bin")));
                    buckets[bucket].Write(row, fields);
                    good++;
                }
                if (parser is null) throw new InvalidFileException("header row", ["the file is empty: no header row"]);
            }
        }
        finally
        {
            rejects.Dispose();
            foreach (var b in buckets) b.Dispose();
        }
        File.Move(rejectsTemp, rejectsPath, overwrite: true);
        return new Checked(parser, [.. buckets.Select(b => b.Path)], good, rejected, errors, problems);

        void Reject(RowError e)
        {
            problems++;
            if (errors.Count < ErrorsKept) errors.Add(e);
            RejectsFile.WriteLine(rejects, e);
        }
    }

    /// <summary>Pass 2's input: each customer of the file with all of their rows merged, bucket by bucket.</summary>
    private IEnumerable<Pending> Merged(Checked check)
    {
        foreach (var bucket in check.Buckets)
        {
            var pending = new Dictionary<string, Pending>(StringComparer.Ordinal); // in file order: entries are only added
            foreach (var (row, fields) in BucketWriter.Read(bucket))
            {
                var parsed = check.Parser.Parse(row, fields);
                if (!parsed.IsValid) throw new InvalidOperationException($"row {row} passed the check and then failed it: {parsed.Errors[0]}");
                var policy = parsed.Policy;
                if (pending.TryGetValue(parsed.Customer.Id, out var p)) p.Customer.UpdateFrom(parsed.Customer, today);
                else pending.Add(parsed.Customer.Id, p = new Pending(parsed.Customer));
                p.Policies[policy.Number] = policy; // the same policy twice: the later row wins
                p.Rows++;
            }
            File.Delete(bucket);
            foreach (var p in pending.Values) yield return p;
        }
    }
}

public enum ImportStage
{
    /// <summary>Pass 1: <see cref="ImportProgress.Rows"/> rows read and validated so far.</summary>
    Checked,
    /// <summary>Pass 2: <see cref="ImportProgress.Rows"/> of the <see cref="ImportProgress.TotalRows"/> good rows committed, as <see cref="ImportProgress.Customers"/> customers.</summary>
    Stored,
}

/// <summary>How far an import is; counts only, nothing personal.</summary>
public sealed record ImportProgress(ImportStage Stage, long Rows, long TotalRows, int Customers);
