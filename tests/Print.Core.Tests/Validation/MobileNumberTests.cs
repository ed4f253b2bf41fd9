using Print.Core.Validation;

namespace Print.Core.Tests.Validation;

public class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+86-138-1234-5678")]
    [InlineData("8613812345678")]
    [InlineData("008613812345678")]
    [InlineData("(138) 1234-5678")]
    [InlineData("１３８１２３４５６７８")]
    public void SeparatorsAndTheCountryCodeAreNormalisedAway(string text)
    {
        var mobile = MobileNumber.Normalize(text);
        Assert.True(mobile.IsValid, mobile.Error);
        Assert.Equal("13812345678", mobile.Value);
    }

    [Theory]
    [InlineData("1381234567", "a mobile number has 11 digits, this has 10")]
    [InlineData("138123456789", "a mobile number has 11 digits, this has 12")]
    [InlineData("12812345678", "a mobile number starts with 13 to 19")]
    [InlineData("23812345678", "a mobile number starts with 13 to 19")]
    [InlineData("0791-8888888", "a mobile number starts with 13 to 19")] // a landline: 11 digits, wrong prefix
    [InlineData("138-1234-567x", "a mobile number has only digits (and +86, spaces or dashes)")]
    public void WrongNumbersSayWhy(string text, string reason)
        => Assert.Equal(reason, MobileNumber.Normalize(text).Error);
}
