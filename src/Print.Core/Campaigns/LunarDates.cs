using System.Globalization;

namespace Print.Core.Campaigns;

/// <summary>
/// Chinese lunar dates to Gregorian days, with .NET's <see cref="ChineseLunisolarCalendar"/> (1901–2100).
/// The calendar numbers the months of a lunar year 1–13 when the year has a leap month, the leap month taking
/// the number after its namesake (2025's 闰六月 is month 7, and the eighth month becomes month 9), so a
/// festival named by its ordinary month ("the 15th of the 8th month") is shifted past the leap month here.
/// </summary>
public static class LunarDates
{
    private static readonly ChineseLunisolarCalendar Calendar = new();

    /// <summary>The first and last Gregorian years whose lunar dates can all be computed.</summary>
    public const int FirstYear = 1902, LastYear = 2100;

    /// <summary>
    /// The Gregorian day of lunar <paramref name="month"/>/<paramref name="day"/> of the lunar year that starts
    /// in Gregorian <paramref name="year"/> (Spring Festival 2027 = 1/1 of lunar year 2027 = 2027-02-06).
    /// The month is the ordinary, not the leap month of that name. A day the month lacks (30 in a 29-day month)
    /// is the month's last day, so 12/30 is always New Year's Eve (除夕).
    /// </summary>
    public static DateOnly ToGregorian(int year, int month, int day)
    {
        if (year is < FirstYear or > LastYear) throw new ArgumentOutOfRangeException(nameof(year), year, $"lunar dates are known for {FirstYear}–{LastYear}");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "a lunar month is 1–12");
        if (day is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(day), day, "a lunar day is 1–30");
        int leap = Calendar.GetLeapMonth(year);
        int index = leap > 0 && month >= leap ? month + 1 : month;
        int last = Calendar.GetDaysInMonth(year, index);
        return DateOnly.FromDateTime(Calendar.ToDateTime(year, index, Math.Min(day, last), 0, 0, 0, 0));
    }

    /// <summary>The leap month of the lunar year starting in <paramref name="year"/> by its ordinary name (2025 → 6, for 闰六月), or 0 when it has none.</summary>
    public static int LeapMonth(int year)
    {
        int leap = Calendar.GetLeapMonth(year);
        return leap > 0 ? leap - 1 : 0;
    }
}
