namespace Print.Core.Production;

/// <summary>How long a seed piece took: posted on one day, delivered on another (null while not delivered).</summary>
public sealed record SeedDelivery(string PieceId, DateOnly? PostedOn, DateOnly? DeliveredOn)
{
    /// <summary>Calendar days from posting to delivery (China time), or null.</summary>
    public int? Days => PostedOn is { } p && DeliveredOn is { } d ? d.DayNumber - p.DayNumber : null;
}

/// <summary>
/// The production and delivery figures of a batch or a campaign (definitions in README.md beside this file).
/// Customer pieces and seed pieces are counted apart: seeds measure the post, they are not mail to customers.
/// Each piece counts once, by its current copy, however often it was re-printed.
/// </summary>
public sealed record BatchKpis
{
    /// <summary>Customer pieces.</summary>
    public required int Pieces { get; init; }
    /// <summary>Customer pieces handed to the post office (now posted, delivered, re-routed or returned).</summary>
    public required int Posted { get; init; }
    public required int Delivered { get; init; }
    /// <summary>Customer pieces re-routed at some point (some of them since delivered or returned).</summary>
    public required int ReRouted { get; init; }
    public required int Returned { get; init; }
    /// <summary>Returned customer pieces by return reason code, largest first.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> ReturnedByReason { get; init; }
    /// <summary>Posted customer pieces with no final outcome yet (posted or re-routed).</summary>
    public required int InTransit { get; init; }
    /// <summary>Spoiled copies re-printed (copies beyond the first), a print-shop quality figure.</summary>
    public required int Reprints { get; init; }
    /// <summary>Delivered ÷ posted; null when nothing was posted. Pieces still in transit count as not delivered.</summary>
    public double? DeliveryRate => Posted == 0 ? null : (double)Delivered / Posted;
    public required IReadOnlyList<SeedDelivery> Seeds { get; init; }
    /// <summary>Mean days posted → delivered over the delivered seeds; null when none is delivered.</summary>
    public double? SeedAverageDays
    {
        get
        {
            var days = Seeds.Where(s => s.Days is not null).Select(s => (double)s.Days!.Value).ToList();
            return days.Count == 0 ? null : days.Average();
        }
    }

    public int? SeedMaxDays => Seeds.Max(s => s.Days);

    /// <summary>
    /// The figures of <paramref name="pieces"/>: the pieces of one batch, or of every batch of a campaign
    /// (the definitions add up, so a campaign is computed the same way over all its pieces).
    /// </summary>
    public static BatchKpis Compute(IEnumerable<PieceHistory> pieces)
    {
        var all = pieces.ToList();
        var customers = all.Where(p => !p.IsSeed).ToList();
        var returned = customers.Where(p => p.State == PieceState.Returned).ToList();
        return new BatchKpis
        {
            Pieces = customers.Count,
            Posted = customers.Count(p => p.When(PieceState.Posted) is not null),
            Delivered = customers.Count(p => p.State == PieceState.Delivered),
            ReRouted = customers.Count(p => p.WasReRouted),
            Returned = returned.Count,
            ReturnedByReason = [.. returned.GroupBy(p => p.ReturnReason!).Select(g => KeyValuePair.Create(g.Key, g.Count()))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)],
            InTransit = customers.Count(p => p.State is PieceState.Posted or PieceState.ReRouted),
            Reprints = customers.Sum(p => p.Copy - 1),
            Seeds = [.. all.Where(p => p.IsSeed).Select(p => new SeedDelivery(p.PieceId, Day(p.When(PieceState.Posted)), Day(p.When(PieceState.Delivered))))],
        };
    }

    private static DateOnly? Day(DateTimeOffset? at) =>
        at is { } t ? DateOnly.FromDateTime(t.ToOffset(DeliveryEvent.ChinaOffset).DateTime) : null;
}
