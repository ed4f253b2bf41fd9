using Print.Core.Validation;

namespace Print.Core.Tests.Validation;

public class DateTextTests
{
    [Theory]
    [InlineData("2026-11-18")]
    [InlineData("2026/11/18")]
    [InlineData("2026.11.18")]
    [InlineData("20261118")]
    [InlineData("2026年11月18日")]
    [InlineData("2026/11/18 0:00")]
    [InlineData("2026-11-18 00:00:00")]
    [InlineData("２０２６年１１月１８日")]
    public void TheInsurersFormats(string text)
    {
        var date = DateText.Parse(text);
        Assert.True(date.IsValid, date.Error);
        Assert.Equal(new DateOnly(2026, 11, 18), date.Value);
    }

    [Fact]
    public void MissingLeadingZerosAreFine() => Assert.Equal(new DateOnly(2026, 1, 5), DateText.Parse("2026/1/5").Value);

    [Theory]
    [InlineData("2026-02-29", "no such date: February 29 in a year that is not a leap year")]
    [InlineData("2026-04-31", "no such date: month 4 has no day 31")]
    [InlineData("2026-13-01", "no such date: there is no month 13")]
    [InlineData("20260230", "no such date: month 2 has no day 30")]
    [InlineData("2026年2月0日", "no such date: month 2 has no day 0")]
    [InlineData("1899-12-31", "no date before 1900 is expected")]
    public void DatesThatDoNotExist(string text, string reason) => Assert.Equal(reason, DateText.Parse(text).Error);

    [Theory]
    [InlineData("18/11/2026")]
    [InlineData("2026-11/18")]
    [InlineData("2026-11")]
    [InlineData("tomorrow")]
    public void TextThatIsNoDate(string text) => Assert.StartsWith("not a date (write 2026-11-18", DateText.Parse(text).Error);

    [Fact]
    public void LeapDaysExist() => Assert.Equal(new DateOnly(2024, 2, 29), DateText.Parse("2024-02-29").Value);
}
