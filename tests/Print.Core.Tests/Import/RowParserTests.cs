using Print.Core.Customers;
using Print.Core.Import;

namespace Print.Core.Tests.Import;

public class RowParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static readonly string[] Headers =
        ["客户编号", "姓名", "性别", "出生日期", "身份证号", "手机", "邮箱", "省", "市", "区", "详细地址", "邮编", "职业",
         "保单号", "车牌号", "车型", "起保日期", "终保日期", "保费", "出险次数", "赔款金额", "利润",
         "不寄信", "不发短信", "不发邮件", "不致电", "首选渠道"];

    private static Dictionary<string, string> Good() => new()
    {
        ["客户编号"] = "C001", ["姓名"] = "张三", ["性别"] = "男", ["出生日期"] = "1990-01-01", ["身份证号"] = "36010219900101123X",
        ["手机"] = "+86 138-1234-5678", ["邮箱"] = "zhangsan@example.com", ["省"] = "江西省", ["市"] = "南昌市", ["区"] = "东湖区",
        ["详细地址"] = "八一大道 357 号", ["邮编"] = "330006", ["职业"] = "教师",
        ["保单号"] = "PDAA202636010000000001", ["车牌号"] = "赣A·D6161", ["车型"] = "大众朗逸", ["起保日期"] = "2026/03/01",
        ["终保日期"] = "2027年2月28日", ["保费"] = "¥4,850.00", ["出险次数"] = "1", ["赔款金额"] = "2,300", ["利润"] = "620.5",
        ["不寄信"] = "否", ["不发短信"] = "是", ["不发邮件"] = "", ["不致电"] = "", ["首选渠道"] = "信件",
    };

    private static ParsedRow Parse(Dictionary<string, string> cells, int row = 7) =>
        new RowParser(HeaderMapping.BuiltIn.Resolve(Headers), Today).Parse(row, [.. Headers.Select(h => cells[h])]);

    private static ParsedRow ParseWith(params (string Header, string Value)[] changes)
    {
        var cells = Good();
        foreach (var (header, value) in changes) cells[header] = value;
        return Parse(cells);
    }

    [Fact]
    public void AGoodRowGivesTheCustomerAndThePolicy()
    {
        var row = Parse(Good());
        Assert.True(row.IsValid, string.Join("; ", row.Errors));
        var c = row.Customer;
        Assert.Equal(("C001", "张三", Gender.Male, new DateOnly(1990, 1, 1), "36010219900101123X"), (c.Id, c.Name, c.Gender, c.Birthday!.Value, c.IdNumber));
        Assert.Equal(("13812345678", "zhangsan@example.com", "教师"), (c.Mobile, c.Email, c.Occupation));
        Assert.Equal(new ContactPreferences { DoNotSms = true, PreferredChannel = Channel.Mail }, c.Contact);
        var entry = c.Addresses.Current!;
        Assert.Equal(new Address { Province = "江西省", City = "南昌市", District = "东湖区", Street = "八一大道 357 号", Postcode = "330006" }, entry.Address);
        Assert.Equal((AddressSource.Import, Today), (entry.Source, entry.Since));
        Assert.True(c.IsMailable);

        var p = row.Policy;
        Assert.Equal(("PDAA202636010000000001", "C001", "赣A·D6161", "大众朗逸"), (p.Number, p.CustomerId, p.Plate, p.CarModel));
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28)), (p.Start, p.End));
        Assert.Equal((4850m, 1, 2300m, (decimal?)620.5m), (p.Premium, p.ClaimsCount, p.ClaimsAmount, p.Profit));
    }

    [Fact]
    public void OptionalCellsMayBeEmpty_AndTheIdNumberFillsBirthdayAndGender()
    {
        var cells = Good();
        foreach (var h in new[] { "性别", "出生日期", "手机", "邮箱", "省", "市", "区", "详细地址", "邮编", "职业", "车牌号", "车型", "出险次数", "赔款金额", "利润", "不寄信", "不发短信", "首选渠道" })
            cells[h] = "";
        var row = Parse(cells);
        Assert.True(row.IsValid, string.Join("; ", row.Errors));
        Assert.Equal((Gender.Male, (DateOnly?)new DateOnly(1990, 1, 1)), (row.Customer.Gender, row.Customer.Birthday));
        Assert.Equal("no address", row.Customer.NotMailableReason);
        Assert.Equal((0, 0m, (decimal?)null), (row.Policy.ClaimsCount, row.Policy.ClaimsAmount, row.Policy.Profit));
    }

    [Fact]
    public void NoPostcodeImportsTheCustomerAsNotMailable()
    {
        var row = ParseWith(("邮编", ""));
        Assert.True(row.IsValid);
        Assert.Equal("no postcode", row.Customer.NotMailableReason);
    }

    [Fact]
    public void AnInvalidPostcodeRejectsTheRow()
    {
        var row = ParseWith(("邮编", "33006"));
        Assert.False(row.IsValid);
        Assert.Equal(new RowError(7, "邮编", "33006", "a postcode has exactly 6 digits"), Assert.Single(row.Errors));
    }

    [Fact]
    public void EveryBadCellIsReportedWithRowColumnAndMaskedValue()
    {
        var row = ParseWith(("客户编号", ""), ("手机", "1381234567"), ("出生日期", "1990-02-30"), ("邮箱", "zhangsan"),
            ("保费", "-100"), ("出险次数", "两次"), ("终保日期", "2026-02-28"), ("不寄信", "也许"));
        Assert.Equal(
        [
            new RowError(7, "客户编号", "", "required, but empty"),
            new RowError(7, "出生日期", "1990-**-**", "no such date: month 2 has no day 30"),
            new RowError(7, "手机", "******4567", "a mobile number has 11 digits, this has 10"),
            new RowError(7, "邮箱", "z*******", "not an e-mail address (name@domain.cn)"),
            new RowError(7, "不寄信", "也许", "not a yes/no value (是 or 否)"),
            new RowError(7, "终保日期", "2026-02-28", "the policy ends before it starts"),
            new RowError(7, "保费", "-100", "must not be negative"),
            new RowError(7, "出险次数", "两次", "not a whole number from 0"),
        ], row.Errors);
        Assert.Null(row.Customer);
    }

    [Fact]
    public void IdNumberConflictsAndCheckErrorsAreReportedOnTheIdColumn()
    {
        var conflict = ParseWith(("性别", "女"), ("出生日期", "1990-01-02"));
        Assert.Equal(
        [
            new RowError(7, "身份证号", "3601**********123X", "the birthday in the ID number differs from the one given"),
            new RowError(7, "身份证号", "3601**********123X", "the ID number is a man's, the gender given is female"),
        ], conflict.Errors);

        var typo = ParseWith(("身份证号", "36010219900101124X"));
        Assert.Equal("the check character is wrong (the first 17 digits give 8): a digit is mistyped", Assert.Single(typo.Errors).Reason);
    }

    [Fact]
    public void APreferredChannelMustBeReachable()
    {
        Assert.Equal("the preferred channel is one the customer refused", Assert.Single(ParseWith(("不寄信", "是")).Errors).Reason);
        Assert.Equal("the preferred channel is e-mail, and there is no e-mail address", Assert.Single(ParseWith(("首选渠道", "邮件"), ("邮箱", "")).Errors).Reason);
        Assert.Equal("the preferred channel needs a mobile number, and there is none", Assert.Single(ParseWith(("首选渠道", "电话"), ("手机", "")).Errors).Reason);
    }

    [Fact]
    public void AMarginGivesTheProfitWhenNoProfitIsGiven()
    {
        string[] headers = ["customer_id", "name", "policy_number", "start_date", "end_date", "premium", "margin"];
        var parser = new RowParser(HeaderMapping.BuiltIn.Resolve(headers), Today);
        var row = parser.Parse(1, ["C9", "李四", "P9", "2026-01-01", "2026-12-31", "5000", "18%"]);
        Assert.Equal(900m, row.Policy!.Profit);
    }

    [Fact]
    public void MisalignedRowsAreRejectedWhole_TrailingEmptyCellsAreNot()
    {
        var cells = Headers.Select(h => Good()[h]).ToList();
        var parser = new RowParser(HeaderMapping.BuiltIn.Resolve(Headers), Today);
        Assert.True(parser.Parse(3, [.. cells, "", " "]).IsValid);
        Assert.Equal(new RowError(3, "", "", "28 fields but the header has 27 columns"), Assert.Single(parser.Parse(3, [.. cells, "多余"]).Errors));
        Assert.True(parser.Parse(4, cells.Take(26).ToList()).IsValid); // a short row: the missing cells are empty
    }
}
