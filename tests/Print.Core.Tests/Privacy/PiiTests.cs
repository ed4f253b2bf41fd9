using Print.Core.Customers;
using Print.Core.Privacy;

namespace Print.Core.Tests.Privacy;

public class PiiTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("王小明", "王*明")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("李", "*")]
    [InlineData("𠮷野家", "𠮷*家")] // a character outside the BMP counts as one
    public void NamesKeepTheirFirstAndLastCharacter(string name, string masked) => Assert.Equal(masked, Pii.MaskName(name));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 138-1234-5678", "138****5678")]
    [InlineData("12345", "*2345")]
    public void Mobiles(string mobile, string masked) => Assert.Equal(masked, Pii.MaskMobile(mobile));

    [Fact]
    public void IdNumbersKeepRegionPrefixAndLastFour() => Assert.Equal("3601**********1234", Pii.MaskIdNumber("360102199001011234"));

    [Fact]
    public void Emails() => Assert.Equal("z*******@example.com", Pii.MaskEmail("zhangsan@example.com"));

    [Fact]
    public void AddressesKeepTheRoutingPartAndMaskTheStreet()
    {
        var address = new Address { Province = "江西省", City = "南昌市", District = "东湖区", Street = "八一大道 357 号 2 栋 501 室", Postcode = "330006" };
        Assert.Equal("江西省南昌市东湖区八一**** 330006", Pii.MaskAddress(address));
        Assert.Equal("", Pii.MaskStreet(""));
    }

    [Theory]
    [InlineData("1949-12-31", "1949-**-**")]
    [InlineData("1949年12月31日", "1949年**月**日")]
    [InlineData("19491231", "1949****")]
    public void BirthdaysKeepTheYear(string birthday, string masked) => Assert.Equal(masked, Pii.MaskBirthday(birthday));

    [Fact]
    public void ScrubMasksNumbersHiddenInFreeText() =>
        Assert.Equal("customer 3601**********123X called from 138****5678 about order 2026112400001",
            Pii.Scrub("customer 36010219900101123X called from +86 138 1234 5678 about order 2026112400001"));
}
