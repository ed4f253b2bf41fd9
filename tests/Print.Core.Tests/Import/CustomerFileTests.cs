using System.Text;
using Print.Core.Import;
using Print.Core.Text;

namespace Print.Core.Tests.Import;

public class CustomerFileTests : IDisposable
{
    private readonly TempDirectory dir = new();
    public void Dispose() => dir.Dispose();
    private static readonly DateOnly Today = new(2026, 11, 24);

    private const string Csv =
        "客户编号,姓名,手机,省,市,区,详细地址,邮编,保单号,车牌号,车型,起保日期,终保日期,保费\r\n" +
        "C001,张三,13812345678,江西省,南昌市,红谷滩区,\"丰和中大道 1288 号,\r\n绿地中央广场 B 区\",330038,P1,赣A·D6161,宝马 X3,2026-03-01,2027-02-28,6200\r\n" +
        "C001,张三,13812345678,江西省,南昌市,红谷滩区,\"丰和中大道 1288 号,\r\n绿地中央广场 B 区\",330038,P2,赣A·12345,大众朗逸,2026-05-01,2027-04-30,3100\r\n" +
        "C002,李四,1381234,江西省,南昌市,东湖区,八一大道 357 号,330006,P3,,,2026-01-01,2026-12-31,2800\r\n";

    [Fact]
    public void AGbkFileIsDetectedAndEveryRowParsed()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = dir.Write("customers.csv", Encoding.GetEncoding("GBK").GetBytes(Csv));

        var rows = CustomerFile.Read(path, Today).ToList();

        Assert.Equal([1, 2, 3], rows.Select(r => r.Row));
        Assert.True(rows[0].IsValid && rows[1].IsValid);
        Assert.Equal("丰和中大道 1288 号,\r\n绿地中央广场 B 区", rows[0].Customer!.Addresses.Current!.Address.Street);
        Assert.Equal(["P1", "P2"], rows.Take(2).Select(r => r.Policy!.Number)); // one customer, two policies in two rows
        Assert.Equal("row 3, 手机: a mobile number has 11 digits, this has 7", Assert.Single(rows[2].Errors).ToString());
    }

    [Fact]
    public void AUtf8FileWithBomReadsTheSame()
    {
        var path = dir.Write("customers.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)]);
        Assert.Equal("张三", CustomerFile.Read(path, Today).First().Customer!.Name);
    }

    [Fact]
    public void AHeaderProblemStopsTheFileBeforeAnyRow()
    {
        var path = dir.Write("customers.csv", Encoding.UTF8.GetBytes("客户编号,姓名,手机号码x\r\nC001,张三,1\r\n"));
        var e = Assert.Throws<InvalidFileException>(() => CustomerFile.Read(path, Today).ToList());
        Assert.Contains("column 3 \"手机号码x\" is not a known header; map it in a mapping file, or list it under \"ignore\"", e.Errors);
    }

    [Fact]
    public void AnEmptyFileHasNoHeaderRow()
    {
        var e = Assert.Throws<InvalidFileException>(() => CustomerFile.Read(new StringReader(""), Today).ToList());
        Assert.Equal("header row: the file is empty: no header row", e.Message);
    }
}
