using LiteDB;
using Print.Core.Customers;

namespace Print.Store.LiteDb;

public sealed partial class LiteDbCustomerStore
{
    /// <summary>
    /// Two threads, so that LiteDB's work and the rules overlap: this one reads the next page and writes the
    /// previous page's segments (LiteDB 5.0.21 broke when one thread read while another saved, so both stay
    /// here), a worker turns the page read before into records and runs <paramref name="assign"/> on them.
    /// A changed segment is patched into the document as it was read and the document written back: neither
    /// the whole customer mapped to a document again (a third of a full rewrite's time, with its garbage) nor
    /// a second read. A write to the store between a page's read and its write (another thread of this
    /// process: the file is opened by one process only) makes that page's documents read again before the
    /// segments are patched in, so nothing written meanwhile is undone.
    /// </summary>
    public int Resegment(Func<CustomerRecord, bool> assign, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        int saved = 0;
        long ownWrites = 0; // this walk's counts in database.Writes
        Task<AssignedPage>? assigning = null;
        try
        {
            string? after = null;
            bool last = false;
            while (true)
            {
                var read = last ? null : ReadPage(after, pageSize, ownWrites);
                var assigned = assigning?.GetAwaiter().GetResult();
                assigning = read is null ? null : Task.Run(() => Assign(read, assign));
                if (assigned is { Changed.Count: > 0 }) saved += WriteSegments(assigned, ref ownWrites);
                if (read is null) return saved;
                after = read.Customers[^1]["_id"].AsString;
                last = read.Customers.Count < pageSize;
            }
        }
        finally
        {
            // A failure leaves no worker running into the store.
            try { assigning?.Wait(); } catch (AggregateException) { }
        }
    }

    /// <summary>A page as stored, with <see cref="PrintDatabase.Writes"/> and the walk's own share of it before it was read.</summary>
    private sealed record ReadPageOfDocuments(List<BsonDocument> Customers, List<BsonDocument> Policies, long WritesAtRead, long OwnWritesAtRead);

    private sealed record AssignedPage(List<BsonDocument> Changed, long WritesAtRead, long OwnWritesAtRead);

    /// <summary>The customers after <paramref name="after"/> in id order and their policies, as stored; null past the last.</summary>
    private ReadPageOfDocuments? ReadPage(string? after, int count, long ownWrites)
    {
        long writes = database.Writes;
        var page = CustomerDocumentsAfter(after, count);
        if (page.Count == 0) return null;
        return new ReadPageOfDocuments(page, PolicyDocumentsOf(page), writes, ownWrites);
    }

    private static AssignedPage Assign(ReadPageOfDocuments read, Func<CustomerRecord, bool> assign)
    {
        var changed = new List<BsonDocument>();
        var records = Records(read.Customers, read.Policies);
        for (int i = 0; i < records.Count; i++)
        {
            if (!assign(records[i])) continue;
            var document = read.Customers[i];
            document["segment"] = StoreMapper.Document(records[i].Customer.Segment);
            changed.Add(StoreMapper.WithoutNulls(document)); // one stored before nulls were left out sheds them
        }
        return new AssignedPage(changed, read.WritesAtRead, read.OwnWritesAtRead);
    }

    private int WriteSegments(AssignedPage page, ref long ownWrites)
    {
        long ownBefore = ownWrites - page.OwnWritesAtRead;
        try
        {
            database.InTransaction(() =>
            {
                customers.Update(page.Changed);
                // Checked with the collection's write lock held: a transaction begun since the read has counted
                // by now, and one beginning later cannot write a customer before this one commits. This
                // transaction has counted its start.
                if (database.Writes - page.WritesAtRead > ownBefore + 1) throw new WrittenMeanwhile();
            }, BeforeCommit);
        }
        catch (WrittenMeanwhile)
        {
            ownWrites += PrintDatabase.WritesPerTransaction;
            database.InTransaction(() =>
            {
                foreach (var changed in page.Changed)
                {
                    if (customers.FindById(changed["_id"]) is not { } current) continue; // deleted meanwhile
                    current["segment"] = changed["segment"];
                    customers.Update(current);
                }
            }, BeforeCommit);
        }
        ownWrites += PrintDatabase.WritesPerTransaction;
        return page.Changed.Count;
    }

    private sealed class WrittenMeanwhile : Exception;
}
