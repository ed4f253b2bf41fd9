using Print.Core.Campaigns;

namespace Print.Store.Campaigns;

/// <summary>One line of <c>print plan</c>: how many communications go out on a day by trigger, segment and channel.</summary>
public readonly record struct PlanCount(DateOnly SendOn, string Trigger, string Segment, string Channel);

/// <summary>
/// What a planning run decided, as counts (a Spring Festival day plans a card for every customer: the report
/// must not hold a million communications) and a few examples of each drop reason.
/// </summary>
public sealed class PlanReport
{
    /// <summary>The CHANNEL column for a communication that does not go out.</summary>
    public const string Dropped = "dropped";
    public const int ExamplesPerReason = 3;

    private readonly SortedDictionary<PlanCount, int> counts = new(Comparer<PlanCount>.Create(Compare));
    private readonly Dictionary<string, List<string>> dropExamples = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<PlanCount, int> Counts => counts;

    /// <summary>New communications decided by this run (recorded unless it was a dry run).</summary>
    public int Planned { get; private set; }

    /// <summary>Occasions found again that an earlier run had already decided: left as they were.</summary>
    public int AlreadyExisted { get; private set; }

    /// <summary>Days the catch-up left unplanned because they lie beyond its limit.</summary>
    public int SkippedDays { get; internal set; }

    /// <summary>The days planned, in order.</summary>
    public List<DateOnly> Days { get; } = [];

    /// <summary>Reasons a communication was dropped (the last step of its decision), with up to <see cref="ExamplesPerReason"/> communication ids each.</summary>
    public IReadOnlyDictionary<string, List<string>> DropExamples => dropExamples;

    internal void Add(Communication c)
    {
        Planned++;
        var key = new PlanCount(c.SendOn, c.Trigger, c.Segment, c.Channel is { } ch ? ChannelName(ch) : Dropped);
        counts[key] = counts.GetValueOrDefault(key) + 1;
        if (c.Status == CommunicationStatus.Dropped && c.Reasons.Count > 0)
        {
            var reason = DropKind(c.Reasons[^1]);
            if (!dropExamples.TryGetValue(reason, out var ids)) dropExamples[reason] = ids = [];
            if (ids.Count < ExamplesPerReason) ids.Add(c.Id);
        }
    }

    internal void AddExisting(int count) => AlreadyExisted += count;

    internal void Merge(PlanReport other)
    {
        foreach (var (k, v) in other.counts) counts[k] = counts.GetValueOrDefault(k) + v;
        foreach (var (reason, ids) in other.dropExamples)
        {
            if (!dropExamples.TryGetValue(reason, out var mine)) dropExamples[reason] = mine = [];
            mine.AddRange(ids.Take(ExamplesPerReason - mine.Count));
        }
        Planned += other.Planned;
        SkippedDays += other.SkippedDays;
        AlreadyExisted += other.AlreadyExisted;
        Days.AddRange(other.Days);
    }

    /// <summary>Lower-case channel names as in the settings file and the plan output.</summary>
    public static string ChannelName(Print.Core.Customers.Channel channel) => channel.ToString().ToLowerInvariant();

    // Reasons name dates and numbers; examples group by the words before the first colon.
    private static string DropKind(string reason) => reason.IndexOf(':') is > 0 and var i ? reason[..i] : reason;

    private static int Compare(PlanCount a, PlanCount b)
    {
        int c = a.SendOn.CompareTo(b.SendOn);
        if (c == 0) c = TriggerRank(a.Trigger).CompareTo(TriggerRank(b.Trigger));
        if (c == 0) c = string.CompareOrdinal(a.Segment, b.Segment);
        if (c == 0) c = string.CompareOrdinal(a.Channel, b.Channel);
        return c;
    }

    private static readonly Dictionary<string, int> Rank =
        Triggers.ByPriority.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);

    private static int TriggerRank(string trigger) => Rank.GetValueOrDefault(trigger, int.MaxValue);
}
