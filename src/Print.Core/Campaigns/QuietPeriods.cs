namespace Print.Core.Campaigns;

/// <summary>
/// A stretch of days in which pieces of <see cref="Triggers"/> are not handed off: either fixed dates
/// (<see cref="From"/>–<see cref="Until"/>) or every year around a holiday (<see cref="Holiday"/>, from
/// <see cref="DaysBefore"/> days before it to <see cref="DaysAfter"/> days after it, e.g. the Spring Festival week
/// when the post runs slowly and families are away).
/// </summary>
public sealed record QuietPeriod
{
    public required string Name { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? Until { get; init; }
    public HolidayDefinition? Holiday { get; init; }
    public int DaysBefore { get; init; }
    public int DaysAfter { get; init; }
    /// <summary>The triggers it holds back; every trigger when empty.</summary>
    public IReadOnlyList<string> Triggers { get; init; } = [];

    public bool AppliesTo(string trigger) => Triggers.Count == 0 || Triggers.Contains(trigger);

    /// <summary>The period's stretch of days that contains <paramref name="day"/>, if any.</summary>
    public (DateOnly From, DateOnly Until)? Containing(DateOnly day)
    {
        if (Holiday is null) return From <= day && day <= Until ? (From!.Value, Until!.Value) : null;
        for (int year = day.Year - 1; year <= day.Year + 1; year++)
            foreach (var date in Holiday.DatesIn(year))
            {
                DateOnly from = date.AddDays(-DaysBefore), until = date.AddDays(DaysAfter);
                if (from <= day && day <= until) return (from, until);
            }
        return null;
    }
}

/// <summary>
/// The quiet periods (README.md beside this file). A piece that falls into one waits for the first day after
/// it; the planner drops it when that day is past the occasion's <see cref="Occasion.Deadline"/>.
/// </summary>
public sealed class QuietPeriods
{
    internal QuietPeriods(IReadOnlyList<QuietPeriod> periods) => Periods = periods;

    public IReadOnlyList<QuietPeriod> Periods { get; }

    /// <summary>The first day on or after <paramref name="earliest"/> outside every quiet period that applies to the occasion's trigger.</summary>
    public DateOnly SendDay(Occasion occasion, DateOnly earliest) => Walk(occasion, earliest, null);

    /// <summary>
    /// Why the occasion cannot be handed off on <paramref name="earliest"/>, one line per quiet period that moved it
    /// ("quiet period 春节假期 (2027-02-05 to 2027-02-12): postponed to 2027-02-13"); empty when it is not held back.
    /// </summary>
    public IReadOnlyList<string> Postponements(Occasion occasion, DateOnly earliest)
    {
        var reasons = new List<string>();
        Walk(occasion, earliest, reasons);
        return reasons;
    }

    private DateOnly Walk(Occasion occasion, DateOnly earliest, List<string>? reasons)
    {
        var day = earliest;
        var applying = Periods.Where(p => p.AppliesTo(occasion.Trigger)).ToList();
        bool moved;
        do
        {
            moved = false;
            foreach (var period in applying)
            {
                if (period.Containing(day) is not { } range) continue;
                day = range.Until.AddDays(1);
                reasons?.Add($"quiet period {period.Name} ({range.From:yyyy-MM-dd} to {range.Until:yyyy-MM-dd}): postponed to {day:yyyy-MM-dd}");
                moved = true;
            }
        } while (moved);
        return day;
    }
}
