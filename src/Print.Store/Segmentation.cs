using Print.Core.Customers;
using Print.Core.Segmentation;

namespace Print.Store;

/// <summary>How many customers each segment has after <see cref="CustomerSegmentation.RecomputeAll"/>, with a few examples of why.</summary>
public sealed record SegmentReport(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<(string CustomerId, SegmentAssignment Assignment)> Samples)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>Segments stored customers again (on demand, or after the rules changed) and stores the segment with its reasons.</summary>
public static class CustomerSegmentation
{
    public const int SamplesPerSegment = 3;

    /// <summary>
    /// Recomputes every customer in chunks of <paramref name="chunkSize"/>, each saved as one transaction. No
    /// responses are recorded yet (production and tracking arrive with their issue), so the response history
    /// is empty for everyone.
    /// </summary>
    public static SegmentReport RecomputeAll(ICustomerStore store, SegmentRules rules, DateOnly today, int chunkSize = 2000)
    {
        var counts = Segments.All.ToDictionary(s => s, _ => 0);
        var samples = new List<(string, SegmentAssignment)>();
        foreach (var ids in store.CustomerIds().Chunk(chunkSize))
        {
            var records = store.GetMany(ids);
            var customers = new List<Customer>(ids.Length);
            foreach (var id in ids)
            {
                if (!records.TryGetValue(id, out var record)) continue;
                var customer = record.Customer;
                var assignment = rules.Assign(customer, record.Policies, today);
                counts[assignment.Segment] = counts.GetValueOrDefault(assignment.Segment) + 1;
                if (samples.Count(s => s.Item2.Segment == assignment.Segment) < SamplesPerSegment) samples.Add((id, assignment));
                customers.Add(customer);
            }
            store.Save(customers, []);
        }
        return new SegmentReport(counts, samples);
    }
}
