namespace Print.Core.Campaigns;

/// <summary>
/// At most <see cref="MaxPieces"/> pieces per customer in any <see cref="Days"/> consecutive days, so care does
/// not turn into nuisance (the seed's warning about complaints). Pieces of the <see cref="ExemptTriggers"/>
/// (by default the thank-you and the renewal proposal, which belong to the policy) neither count nor are refused.
/// </summary>
public sealed class FrequencyCap
{
    internal FrequencyCap(int maxPieces, int days, IReadOnlyList<string> exemptTriggers)
    {
        MaxPieces = maxPieces;
        Days = days;
        ExemptTriggers = exemptTriggers;
    }

    public int MaxPieces { get; }
    public int Days { get; }
    public IReadOnlyList<string> ExemptTriggers { get; }

    /// <summary>
    /// Null when <paramref name="occasion"/> may be sent on <paramref name="sendOn"/>; otherwise why not. Counts the
    /// customer's communications that are not dropped, have a channel, are not of an exempt trigger and are not this
    /// occasion itself, by their send day: the piece is refused when some window of <see cref="Days"/> days holding
    /// <paramref name="sendOn"/> already holds <see cref="MaxPieces"/> of them (planned pieces count as well as sent ones).
    /// </summary>
    public string? Refusal(Occasion occasion, DateOnly sendOn, IEnumerable<Communication> customersCommunications)
    {
        if (ExemptTriggers.Contains(occasion.Trigger)) return null;
        var counted = customersCommunications
            .Where(c => c.CustomerId == occasion.CustomerId && c.Id != occasion.Id && c.Status != CommunicationStatus.Dropped
                && c.Channel is not null && !ExemptTriggers.Contains(c.Trigger)
                && Math.Abs(c.SendOn.DayNumber - sendOn.DayNumber) < Days)
            .OrderBy(c => c.SendOn).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        for (var from = sendOn.AddDays(1 - Days); from <= sendOn; from = from.AddDays(1))
        {
            var until = from.AddDays(Days - 1);
            var inWindow = counted.Where(c => c.SendOn >= from && c.SendOn <= until).ToList();
            if (inWindow.Count < MaxPieces) continue;
            return $"frequency cap: at most {MaxPieces} {(MaxPieces == 1 ? "piece" : "pieces")} in {Days} days, and {from:yyyy-MM-dd} to {until:yyyy-MM-dd} already has "
                + string.Join(", ", inWindow.Select(c => $"{c.Id} on {c.SendOn:yyyy-MM-dd}"));
        }
        return null;
    }
}
