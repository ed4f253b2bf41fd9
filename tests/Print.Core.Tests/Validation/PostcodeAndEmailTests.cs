using Print.Core.Validation;

namespace Print.Core.Tests.Validation;

public class PostcodeAndEmailTests
{
    [Theory]
    [InlineData("330006", "330006")]
    [InlineData(" 330006 ", "330006")]
    [InlineData("３３０００６", "330006")]
    public void SixDigitPostcodes(string text, string expected) => Assert.Equal(expected, Postcode.Check(text).Value);

    [Theory]
    [InlineData("33006")]
    [InlineData("3300061")]
    [InlineData("33000A")]
    [InlineData("330 006")]
    public void OtherPostcodesAreRefused(string text) => Assert.Equal("a postcode has exactly 6 digits", Postcode.Check(text).Error);

    [Theory]
    [InlineData("zhangsan@example.com.cn")]
    [InlineData("li.si+dm@163.com")]
    public void EmailShapes(string text) => Assert.True(EmailAddress.Check(text).IsValid);

    [Theory]
    [InlineData("zhangsan")]
    [InlineData("zhangsan@")]
    [InlineData("@example.com")]
    [InlineData("zhang san@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("zhangsan@localhost")]
    [InlineData("zhangsan@example..com")]
    public void NotEmailShapes(string text) => Assert.Equal("not an e-mail address (name@domain.cn)", EmailAddress.Check(text).Error);
}
