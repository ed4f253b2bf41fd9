namespace Print.Core.Campaigns;

/// <summary>
/// A holiday that carries a greeting card: its id (the card template's occasion, e.g. <c>spring-festival</c>),
/// its Chinese name, and its date every year, either solar (month and day of the Gregorian calendar) or lunar
/// (month and day of the Chinese calendar, computed per year).
/// </summary>
public sealed record HolidayDefinition
{
    public required string Id { get; init; }
    /// <summary>春节, 中秋节, …</summary>
    public required string Name { get; init; }
    /// <summary>True for a date of the Chinese lunar calendar, false for a Gregorian one.</summary>
    public required bool Lunar { get; init; }
    public required int Month { get; init; }
    public required int Day { get; init; }
    /// <summary>Whether cards are sent for it (a disabled holiday still anchors quiet periods).</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>The segments that get the card.</summary>
    public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>
    /// The holiday's days in Gregorian <paramref name="year"/>: one for a solar date; for a lunar date the one of
    /// the lunar year starting in <paramref name="year"/> and, for dates late in the lunar year (除夕 falls in
    /// the next January or February), the one of the lunar year before. None outside the calendar's years.
    /// </summary>
    public IEnumerable<DateOnly> DatesIn(int year)
    {
        if (!Lunar)
        {
            yield return new DateOnly(year, Month, Day);
            yield break;
        }
        foreach (int lunarYear in new[] { year - 1, year })
        {
            if (lunarYear is < LunarDates.FirstYear or > LunarDates.LastYear) continue;
            var date = LunarDates.ToGregorian(lunarYear, Month, Day);
            if (date.Year == year) yield return date;
        }
    }

    /// <summary>"lunar 08-15" or "solar 10-01", as the settings file writes the date.</summary>
    public string Rule => $"{(Lunar ? "lunar" : "solar")} {Month:00}-{Day:00}";
}
