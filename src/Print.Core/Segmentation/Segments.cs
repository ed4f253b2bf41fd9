namespace Print.Core.Segmentation;

/// <summary>
/// The four segments of the seed proposal. Rules may only name these: templates, channel selection and KPIs
/// key on them, so a typo in a rules file must not invent a fifth.
/// </summary>
public static class Segments
{
    /// <summary>Premium experience and privileges; keep them loyal.</summary>
    public const string HighValue = "high-value";
    /// <summary>Likely to leave: retention plan, win the renewal.</summary>
    public const string Risk = "risk";
    /// <summary>Continuous care; cross-sell and upgrade.</summary>
    public const string Opportunity = "opportunity";
    /// <summary>Low-cost, multi-channel touch.</summary>
    public const string LowValue = "low-value";
    /// <summary>What a customer gets when no rule matched (rules without a catch-all).</summary>
    public const string Unsegmented = "unsegmented";

    public static IReadOnlyList<string> All { get; } = [HighValue, Risk, Opportunity, LowValue];
}
