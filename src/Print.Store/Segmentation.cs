using Print.Core.Customers;
using Print.Core.Segmentation;

namespace Print.Store;

/// <summary>How many customers each segment has after <see cref="CustomerSegmentation.RecomputeAll"/>, with a few examples of why.</summary>
public sealed record SegmentReport(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<(string CustomerId, SegmentAssignment Assignment)> Samples)
{
    public int Total => Counts.Values.Sum();

    /// <summary>How many segment records changed and were saved.</summary>
    public int Saved { get; init; }
}

/// <summary>Segments stored customers again (on demand, or after the rules changed) and stores the segment with its reasons.</summary>
public static class CustomerSegmentation
{
    public const int SamplesPerSegment = 3;

    /// <summary>
    /// Customers a transaction: small pages keep what is read, assigned and written meanwhile young for the
    /// collector (1,000,000 customers all rewritten with .NET's default young generation: 2,000 a page 71.6 s, 500
    /// 49.8 s, 200 41.3 s, 100 32.9 s, 50 32.3 s; with `print segment`'s 256 MB, 100 stayed ahead of 50 and 200;
    /// bench/RESULTS.md).
    /// </summary>
    public const int PageSize = 100;

    /// <summary>
    /// Recomputes every customer, walking the store in id order a page of <paramref name="chunkSize"/> at a time
    /// (<see cref="ICustomerStore.Resegment"/>); the segments of a page that changed are saved as one transaction.
    /// A record changes only when its segment, rule or reasons do (<see cref="SegmentRules.Assign"/> keeps the
    /// record and its day otherwise), so segmenting again writes only the customers whose standing moved: reasons
    /// that count days (days to expiry) change daily, the others seldom. No responses are recorded yet
    /// (production and tracking arrive with their issue), so the response history is empty for everyone.
    /// </summary>
    public static SegmentReport RecomputeAll(ICustomerStore store, SegmentRules rules, DateOnly today, int chunkSize = PageSize)
    {
        var counts = Segments.All.ToDictionary(s => s, _ => 0);
        var samples = new List<(string, SegmentAssignment)>();
        var sampled = new Dictionary<string, int>(StringComparer.Ordinal);
        int saved = store.Resegment(record =>
        {
            var customer = record.Customer;
            var before = customer.Segment;
            var assignment = rules.Assign(customer, record.Policies, today);
            counts[assignment.Segment] = counts.GetValueOrDefault(assignment.Segment) + 1;
            if (sampled.GetValueOrDefault(assignment.Segment) < SamplesPerSegment)
            {
                sampled[assignment.Segment] = sampled.GetValueOrDefault(assignment.Segment) + 1;
                samples.Add((customer.Id, assignment));
            }
            return !Same(before, assignment);
        }, chunkSize);
        return new SegmentReport(counts, samples) { Saved = saved };
    }

    private static bool Same(SegmentAssignment? a, SegmentAssignment b) =>
        a is not null && a.SameAs(b) && a.On == b.On;
}
