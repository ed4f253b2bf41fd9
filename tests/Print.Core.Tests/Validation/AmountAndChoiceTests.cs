using Print.Core.Customers;
using Print.Core.Validation;

namespace Print.Core.Tests.Validation;

public class AmountAndChoiceTests
{
    [Theory]
    [InlineData("6200", 6200)]
    [InlineData("6,200.00", 6200)]
    [InlineData("¥6,200.50", 6200.5)]
    [InlineData("￥6200元", 6200)]
    [InlineData("0", 0)]
    public void Amounts(string text, double expected) => Assert.Equal((decimal)expected, Amount.NonNegative(text).Value);

    [Theory]
    [InlineData("-1", "must not be negative")]
    [InlineData("abc", "not an amount (e.g. 6200 or 6,200.00)")]
    [InlineData("6200.123", "an amount has at most 2 decimals (fen)")]
    public void BadAmounts(string text, string reason) => Assert.Equal(reason, Amount.NonNegative(text).Error);

    [Fact]
    public void ProfitMayBeNegative() => Assert.Equal(-350m, Amount.Parse("-350").Value);

    [Theory]
    [InlineData("3", 3)]
    [InlineData("0", 0)]
    public void Counts(string text, int expected) => Assert.Equal(expected, Amount.Count(text).Value);

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("two")]
    public void BadCounts(string text) => Assert.Equal("not a whole number from 0", Amount.Count(text).Error);

    [Theory]
    [InlineData("18%", 0.18)]
    [InlineData("18 %", 0.18)]
    [InlineData("0.18", 0.18)]
    [InlineData("-25%", -0.25)]
    public void Margins(string text, double expected) => Assert.Equal((decimal)expected, Amount.Margin(text).Value);

    [Fact]
    public void AMarginAbove100PercentIsATypo() => Assert.Equal("a margin is at most 100% (write 18% or 0.18)", Amount.Margin("18").Error);

    [Theory]
    [InlineData("男", Gender.Male)]
    [InlineData("F", Gender.Female)]
    [InlineData("female", Gender.Female)]
    [InlineData("1", Gender.Male)]
    [InlineData("2", Gender.Female)]
    [InlineData("未知", Gender.Unknown)]
    public void Genders(string text, Gender expected) => Assert.Equal(expected, GenderText.Parse(text).Value);

    [Fact]
    public void NotAGender() => Assert.Equal("not a gender (男 or 女)", GenderText.Parse("x").Error);

    [Theory]
    [InlineData("是", true)]
    [InlineData("Y", true)]
    [InlineData("√", true)]
    [InlineData("否", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void YesNoFlags(string text, bool expected) => Assert.Equal(expected, YesNo.Parse(text).Value);

    [Fact]
    public void NotAFlag() => Assert.Equal("not a yes/no value (是 or 否)", YesNo.Parse("maybe").Error);

    [Theory]
    [InlineData("信件", Channel.Mail)]
    [InlineData("短信", Channel.Sms)]
    [InlineData("电子邮件", Channel.Email)]
    [InlineData("Phone", Channel.Phone)]
    public void Channels(string text, Channel expected) => Assert.Equal(expected, ChannelText.Parse(text).Value);

    [Fact]
    public void NotAChannel() => Assert.Equal("not a channel (信件, 短信, 邮件 or 电话)", ChannelText.Parse("微信").Error);
}
