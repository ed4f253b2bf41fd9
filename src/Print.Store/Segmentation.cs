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
    /// Recomputes every customer, walking the store in id order a page of <paramref name="chunkSize"/> at a time;
    /// the customers of a page whose segment record changed are saved as one transaction. A record changes only
    /// when its segment, rule or reasons do (<see cref="SegmentRules.Assign"/> keeps the record and its day
    /// otherwise), so segmenting again writes only the customers whose standing moved: reasons that count days
    /// (days to expiry) change daily, the others seldom.
    /// One thread: reading the next page on a second thread while this one saved the previous page broke LiteDB
    /// 5.0.21 at a million customers ("page must be writable to support changes", the engine unusable after). No
    /// responses are recorded yet (production and tracking arrive with their issue), so the response history
    /// is empty for everyone.
    /// </summary>
    public static SegmentReport RecomputeAll(ICustomerStore store, SegmentRules rules, DateOnly today, int chunkSize = 2000)
    {
        var counts = Segments.All.ToDictionary(s => s, _ => 0);
        var samples = new List<(string, SegmentAssignment)>();
        string? after = null;
        int saved = 0;
        while (store.Page(after, chunkSize) is { Count: > 0 } page)
        {
            var changed = new List<Customer>(page.Count);
            foreach (var record in page)
            {
                var customer = record.Customer;
                var before = customer.Segment;
                var assignment = rules.Assign(customer, record.Policies, today);
                counts[assignment.Segment] = counts.GetValueOrDefault(assignment.Segment) + 1;
                if (samples.Count(s => s.Item2.Segment == assignment.Segment) < SamplesPerSegment) samples.Add((customer.Id, assignment));
                if (!Same(before, assignment)) changed.Add(customer);
            }
            if (changed.Count > 0) store.Save(changed, []);
            saved += changed.Count;
            after = page[^1].Customer.Id;
        }
        return new SegmentReport(counts, samples) { Saved = saved };
    }

    private static bool Same(SegmentAssignment? a, SegmentAssignment b) =>
        a is not null && a.SameAs(b) && a.On == b.On;
}
