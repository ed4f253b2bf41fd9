namespace Print.Core.Segmentation;

/// <summary>One rule of the rules file: the segment it assigns and the conditions that must all hold. No conditions: a catch-all.</summary>
public sealed record SegmentRule(string Segment, string Name, IReadOnlyList<Condition> Conditions)
{
    public bool IsCatchAll => Conditions.Count == 0;

    /// <summary>The reasons when every condition holds; null as soon as one does not.</summary>
    internal List<string>? Match(SegmentFacts facts)
    {
        var reasons = new List<string>(Conditions.Count);
        foreach (var condition in Conditions)
        {
            if (!condition.Holds(facts, out var reason)) return null;
            reasons.Add(reason);
        }
        return reasons;
    }
}
