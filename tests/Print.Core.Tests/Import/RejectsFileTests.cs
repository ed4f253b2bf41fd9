using System.Text;
using Print.Core.Import;
using Print.Core.Text;

namespace Print.Core.Tests.Import;

public class RejectsFileTests : IDisposable
{
    private readonly TempDirectory dir = new();
    public void Dispose() => dir.Dispose();

    [Fact]
    public void OneLinePerProblemWithQuotingAndDefusedFormulas()
    {
        var writer = new StringWriter();
        RejectsFile.Write(writer,
        [
            new RowError(2, "手机", "******4567", "a mobile number has 11 digits, this has 10"),
            new RowError(5, "详细地址", "八一****", "x, with a comma"),
            new RowError(9, "姓名", "=HYPERLINK(\"x\")", "formula"),
            new RowError(9, "利润", "-350", "negative numbers stay numbers"),
            new RowError(11, "", "", "28 fields but the header has 27 columns"),
        ]);
        Assert.Equal(
            "row,column,value,reason\r\n" +
            "2,手机,******4567,\"a mobile number has 11 digits, this has 10\"\r\n" +
            "5,详细地址,八一****,\"x, with a comma\"\r\n" +
            "9,姓名,\"'=HYPERLINK(\"\"x\"\")\",formula\r\n" +
            "9,利润,-350,negative numbers stay numbers\r\n" +
            "11,,,28 fields but the header has 27 columns\r\n",
            writer.ToString());
    }

    [Fact]
    public void TheFileSitsBesideTheImportAndStartsWithABomForExcel()
    {
        var path = RejectsFile.PathFor(dir.File("customers-2026-11.csv"));
        Assert.Equal(dir.File("customers-2026-11.rejects.csv"), path);
        RejectsFile.Save(path, [new RowError(1, "邮编", "33006", "a postcode has exactly 6 digits")]);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = CsvRows.Read(FileEncoding.OpenText(path)).Select(r => r.Fields).ToList();
        Assert.Equal(["1", "邮编", "33006", "a postcode has exactly 6 digits"], rows[1]);
    }
}
