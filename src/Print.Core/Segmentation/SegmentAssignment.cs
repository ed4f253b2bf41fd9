namespace Print.Core.Segmentation;

/// <summary>
/// A customer's segment and why: the rule that matched and each condition it met, in words a marketer reads.
/// Stored with the customer, so "why is this customer high value?" has an answer.
/// </summary>
public sealed record SegmentAssignment
{
    public required string Segment { get; init; }
    /// <summary>The matching rule's name, or "rule N" when it has none.</summary>
    public required string Rule { get; init; }
    /// <summary>One line per condition met: "premium ¥6,200.00 ≥ ¥5,000.00". Empty for a catch-all.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
    /// <summary>
    /// The day the customer was first found in this segment for these reasons (segmenting again keeps it while
    /// segment, rule and reasons stay the same).
    /// </summary>
    public DateOnly On { get; init; }

    /// <summary>The same segment, rule and reasons, whatever the day.</summary>
    public bool SameAs(SegmentAssignment other) =>
        Segment == other.Segment && Rule == other.Rule && Reasons.SequenceEqual(other.Reasons);

    /// <summary>"high-value: premium ¥6,200.00 ≥ ¥5,000.00 and claims 0 ≤ 1".</summary>
    public string Explanation => Segment == Segments.Unsegmented ? $"{Segment}: no rule matched"
        : Reasons.Count == 0 ? $"{Segment}: no other rule matched"
        : $"{Segment}: {string.Join(" and ", Reasons)}";

    public override string ToString() => Explanation;
}
