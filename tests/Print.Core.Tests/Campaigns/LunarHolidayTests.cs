using Print.Core.Campaigns;
using static Print.Core.Tests.Campaigns.CampaignTestData;

namespace Print.Core.Tests.Campaigns;

/// <summary>Lunar holidays from ChineseLunisolarCalendar against the published dates, leap months included.</summary>
public class LunarHolidayTests
{
    private static DateOnly Holiday(string id, int year) =>
        Assert.Single(Calendar.HolidayTiming.Holidays.Single(h => h.Id == id).DatesIn(year));

    [Theory]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-03")]
    public void SpringFestival(int year, string date) => Assert.Equal(DateOnly.Parse(date), Holiday("spring-festival", year));

    [Theory]
    [InlineData(2023, "2023-09-29")]   // after 2023's leap 2nd month
    [InlineData(2024, "2024-09-17")]
    [InlineData(2025, "2025-10-06")]   // after 2025's leap 6th month
    [InlineData(2026, "2026-09-25")]
    [InlineData(2027, "2027-09-15")]
    [InlineData(2020, "2020-10-01")]   // after 2020's leap 4th month, the same day as National Day
    public void MidAutumn(int year, string date) => Assert.Equal(DateOnly.Parse(date), Holiday("mid-autumn", year));

    [Theory]
    [InlineData(2023, "2023-06-22")]   // after 2023's leap 2nd month
    [InlineData(2024, "2024-06-10")]
    [InlineData(2025, "2025-05-31")]   // before 2025's leap 6th month
    [InlineData(2026, "2026-06-19")]
    [InlineData(2027, "2027-06-09")]
    [InlineData(2020, "2020-06-25")]   // after 2020's leap 4th month
    public void DragonBoat(int year, string date) => Assert.Equal(DateOnly.Parse(date), Holiday("dragon-boat", year));

    [Theory]
    [InlineData(2025, "2025-02-12")]
    [InlineData(2026, "2026-03-03")]
    [InlineData(2027, "2027-02-20")]
    public void Lantern(int year, string date) => Assert.Equal(DateOnly.Parse(date), Holiday("lantern", year));

    [Fact]
    public void LeapMonthsAreNamedByTheirOrdinaryMonth()
    {
        Assert.Equal(6, LunarDates.LeapMonth(2025));
        Assert.Equal(2, LunarDates.LeapMonth(2023));
        Assert.Equal(0, LunarDates.LeapMonth(2026));
        // 2025: the 6th month starts 2025-06-25, the leap 6th month 2025-07-25, the 7th month 2025-08-23.
        Assert.Equal(new DateOnly(2025, 6, 25), LunarDates.ToGregorian(2025, 6, 1));
        Assert.Equal(new DateOnly(2025, 8, 23), LunarDates.ToGregorian(2025, 7, 1));
        // 2023: the 2nd month starts 2023-02-20, the leap 2nd month 2023-03-22, the 3rd month 2023-04-20.
        Assert.Equal(new DateOnly(2023, 2, 20), LunarDates.ToGregorian(2023, 2, 1));
        Assert.Equal(new DateOnly(2023, 4, 20), LunarDates.ToGregorian(2023, 3, 1));
    }

    [Fact]
    public void DayThirtyIsTheLastDayOfAShortMonth()
    {
        // 除夕: the 12th month of lunar 2024 has 29 days, of lunar 2025 30 days.
        var eve = new HolidayDefinition { Id = "new-years-eve", Name = "除夕", Lunar = true, Month = 12, Day = 30 };
        Assert.Equal([new DateOnly(2025, 1, 28)], eve.DatesIn(2025));
        Assert.Equal([new DateOnly(2026, 2, 16)], eve.DatesIn(2026));
        Assert.Equal([new DateOnly(2024, 2, 9)], eve.DatesIn(2024));
    }

    [Fact]
    public void ACustomLunarHolidayFromTheSettingsFile()
    {
        // 重阳节 (lunar 9/9): 2025-10-29, after the leap 6th month.
        var settings = With("\"national-day\":", """
            "double-ninth": { "name": "重阳节", "lunar": "09-09", "segments": ["high-value"] },
            "national-day":
            """);
        var due = Assert.Single(settings.Calendar.Agenda(new DateOnly(2025, 10, 22)).Holidays);
        Assert.Equal(("double-ninth", "重阳节", new DateOnly(2025, 10, 29)), (due.Id, due.Name, due.Date));
    }

    [Fact]
    public void OutsideTheCalendarsYearsThereIsNoLunarDate()
    {
        Assert.Empty(Calendar.HolidayTiming.Holidays.Single(h => h.Id == "spring-festival").DatesIn(2101));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarDates.ToGregorian(2025, 13, 1));
    }
}
