using Print.Core.Text;

namespace Print.Core.Tests.Text;

public class SmallTextTests
{
    [Theory]
    [InlineData("１３８　１２３４－５６７８", "138 1234-5678")]
    [InlineData("ａｂｃ＠ｘ．ｃｎ", "abc@x.cn")]
    [InlineData("张三", "张三")]
    public void FullWidthFormsBecomeAscii(string text, string expected) => Assert.Equal(expected, HalfWidth.Normalize(text));

    [Theory]
    [InlineData("6200", "¥6,200.00")]
    [InlineData("0.005", "¥0.01")]
    [InlineData("-1234.5", "-¥1,234.50")]
    public void YuanAreWrittenWithSignThousandsAndFen(string amount, string expected) =>
        Assert.Equal(expected, Yuan.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
