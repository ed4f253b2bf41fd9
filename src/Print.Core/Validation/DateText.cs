using System.Text.RegularExpressions;
using Print.Core.Text;

namespace Print.Core.Validation;

/// <summary>
/// Dates in the forms the insurer's systems and spreadsheets export: 2026-11-18, 2026/11/18, 2026.11.18,
/// 20261118, 2026年11月18日; months and days may lack the leading zero, and a time of day after the date
/// (Excel's "2026/11/18 0:00") is ignored.
/// </summary>
public static partial class DateText
{
    public static Validated<DateOnly> Parse(string text)
    {
        var m = Shape().Match(HalfWidth.Normalize(text).Trim());
        if (!m.Success) return Validated.Fail("not a date (write 2026-11-18, 2026/11/18, 20261118 or 2026年11月18日)");
        int year = int.Parse(m.Groups["y"].Value), month = int.Parse(m.Groups["m"].Value), day = int.Parse(m.Groups["d"].Value);
        if (year < 1900) return Validated.Fail("no date before 1900 is expected");
        if (month is < 1 or > 12) return Validated.Fail($"no such date: there is no month {month}");
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            return Validated.Fail(month == 2 && day == 29 ? "no such date: February 29 in a year that is not a leap year" : $"no such date: month {month} has no day {day}");
        return new DateOnly(year, month, day);
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})|(?<m>\d{2})(?<d>\d{2})|\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")]
    private static partial Regex Shape();
}
