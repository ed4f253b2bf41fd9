using Print.Server.Cli;

namespace Print.Store.Tests;

public class CliTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Commands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Db => dir.File("print.db");

    /// <summary>Every mobile, ID number and e-mail in <see cref="Data.Csv"/>, none of which may appear unmasked.</summary>
    private static readonly string[] Personal = ["13870651234", "13907912345", "18607001234", "360102197803120017", "360103198507210027", "zhangwei@163.com", "八一大道357号"];

    [Fact]
    public void ImportEndsWithExactlyOneSummaryLine()
    {
        var csv = Data.Csv + "C009,坏行,男,,1387065,,江西省,南昌市,东湖区,阳明路1号,330006,,P009,,,2026-01-01,2026-12-31,1000,0,0,100\r\n";
        var file = dir.WriteBytes("customers.csv", Data.Utf8(csv));

        var (code, output, error) = Run("import", "customers", file, "--db", Db);

        Assert.Equal(0, code);
        Assert.Equal($"imported 3 customers, 5 policies; rejected 1 rows → {dir.File("customers.rejects.csv")}" + Environment.NewLine, output);
        Assert.Contains("row 6, 手机: a mobile number has 11 digits, this has 7", error);
        Assert.DoesNotContain("1387065", error);
        Assert.True(File.Exists(dir.File("customers.rejects.csv")));
    }

    [Fact]
    public void TheSampleFileImportsAsTheReadmeSays()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Print.sln"))) root = root.Parent!;
        var sample = dir.File("customers-sample.csv");
        File.Copy(Path.Combine(root.FullName, "src/Print.Store/Samples/customers-sample.csv"), sample);

        var (code, output, _) = Run("import", "customers", sample, "--db", Db);

        Assert.Equal((0, $"imported 14 customers, 19 policies; rejected 3 rows → {dir.File("customers-sample.rejects.csv")}"), (code, output.Trim()));
    }

    [Fact]
    public void AGbkFileImportsThroughTheCli()
    {
        var file = dir.WriteBytes("gbk.csv", Data.Gb18030(Data.Csv));
        var (code, output, _) = Run("import", "customers", file, "--db", Db);
        Assert.Equal(0, code);
        Assert.StartsWith("imported 3 customers, 5 policies; rejected 0 rows → ", output);
    }

    [Fact]
    public void AnUnreadableFileExitsOneNamingIt()
    {
        var utf16 = dir.WriteBytes("utf16.csv", [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(Data.Csv)]);
        var (code, output, error) = Run("import", "customers", utf16, "--db", Db);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {utf16}: cannot be read: the file is UTF-16", error);

        var badHeader = dir.WriteBytes("header.csv", Data.Utf8("客户编号,姓名,手机号码x\r\nC001,张三,1\r\n"));
        (code, _, error) = Run("import", "customers", badHeader, "--db", Db);
        Assert.Equal(1, code);
        Assert.Contains($"error: {badHeader}: header row: column 3 \"手机号码x\" is not a known header", error);
        Assert.False(File.Exists(dir.File("header.rejects.csv")));

        (code, _, error) = Run("import", "customers", dir.File("missing.csv"), "--db", Db);
        Assert.Equal((1, $"error: {dir.File("missing.csv")}: no such file"), (code, error.Trim()));
    }

    [Fact]
    public void CustomersShowMasksEverythingPersonalButTheName()
    {
        Run("import", "customers", dir.WriteBytes("customers.csv", Data.Utf8(Data.Csv)), "--db", Db);

        var (code, output, error) = Run("customers", "show", "C001", "--db", Db);

        Assert.Equal((0, ""), (code, error));
        Assert.StartsWith("customer C001  张伟", output);
        Assert.Contains("mobile:      138****1234", output);
        Assert.Contains("ID number:   3601**********0017", output);
        Assert.Contains("e-mail:      z*******@163.com", output);
        Assert.Contains("birthday:    1978-**-**", output);
        Assert.Contains("current  江西省南昌市东湖区八一**** 330006", output);
        Assert.Contains("P001  赣A·D6161  宝马 X3  2026-03-01 to 2027-02-28  premium ¥6,200.00", output);
        Assert.Contains("P003", output);
        Assert.Contains("contact preferences: mail yes", output);
        Assert.Contains("segment: high-value (rule: large premium, profitable, few claims)", output);
        Assert.Contains("  because premium ¥9,300.00 ≥ ¥5,000.00", output);
        foreach (var value in Personal) Assert.DoesNotContain(value, output);

        Assert.Contains("mailable:    no (no postcode)", Run("customers", "show", "C002", "--db", Db).Out);
        Assert.Equal((1, "error: no customer C999 in " + Db), Run("customers", "show", "C999", "--db", Db) is var r ? (r.Code, r.Err.Trim()) : default);
    }

    [Fact]
    public void SegmentPrintsOneTabLinePerSegmentAddingUpToTheCustomersThenSampleReasons()
    {
        Run("import", "customers", dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(7) )), "--db", Db);
        Run("import", "customers", dir.WriteBytes("more.csv", Data.Utf8(Data.Csv)), "--db", Db);

        var (code, output, error) = Run("segment", "--db", Db);

        Assert.Equal(0, code);
        // The import segmented them today already: nothing to save. In this test's process, with its collector
        // (the restart with a larger young generation is `print`'s own: SegmentCommandProcessTests).
        Assert.Matches(@"^segmented 10 customers in \d+\.\d s, 0 records saved \(young generation up to (\d+ MB|default)(, DOTNET_GCgen0size)?\)\r?\n$", error);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var counts = lines.Where(l => l.Split('\t') is [_, var n] && int.TryParse(n, out _)).ToList();
        Assert.Equal(["high-value", "risk", "opportunity", "low-value"], counts.Select(l => l.Split('\t')[0]));
        Assert.Equal(10, counts.Sum(l => int.Parse(l.Split('\t')[1])));
        var samples = lines.Except(counts).ToList();
        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.DoesNotContain('\t', s));
        Assert.Contains(samples, s => s.StartsWith("e.g. customer C001 is high-value: premium ¥9,300.00"));
        foreach (var value in Personal) Assert.DoesNotContain(value, output);
    }

    [Fact]
    public void ARulesFileWithAMistakeExitsOneWithItsPath()
    {
        var rules = dir.Write("rules.json", """{ "rules": [ { "segment": "vip", "conditions": [] } ] }""");
        var (code, _, error) = Run("segment", "--db", Db, "--rules", rules);
        Assert.Equal(1, code);
        Assert.Contains($"error: {rules}: $.rules[0].segment: unknown segment \"vip\"", error);
    }

    [Fact]
    public void WrongWordsAreUsageErrors()
    {
        Assert.Equal(2, Run("import", "policies", "x.csv").Code);
        Assert.Equal(2, Run("customers", "list").Code);
        Assert.Equal(2, Run("segment", "--dbx", Db).Code);
    }
}
