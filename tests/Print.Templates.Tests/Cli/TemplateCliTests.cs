using System.Text.Json.Nodes;
using Print.Server.Cli;
using UglyToad.PdfPig;

namespace Print.Templates.Tests.Cli;

/// <summary>
/// <c>print render --template</c> and <c>print template check</c> as a marketer runs them: bad records are
/// reported by row (and customer) with the reason, the good ones are rendered, and the exit code says whether
/// anything was rejected.
/// </summary>
public sealed class TemplateCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record Run(int ExitCode, string Out, string Err);

    private static Run Print(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Commands.Run(args, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }

    /// <summary>The thank-you sample as a JSON record, with its own customer and piece id.</summary>
    private static JsonObject Record(string customerId, string pieceId, string? name = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(TestSupport.TemplatesRoot, "thank-you", "sample.json")))!.AsObject();
        node["customer"]!["id"] = customerId;
        node["piece"]!["id"] = pieceId;
        if (name is not null) node["customer"]!["name"] = name;
        return node;
    }

    private string Write(string file, string text) => _dir.Write(file, text);

    /// <summary>Four records: 1 and 4 good, 2 with an unknown field, 3 with a name no font can print.</summary>
    private string MixedJson()
    {
        var bad = Record("C2", "P2");
        bad["customer"]!["nmae"] = "李四";
        var array = new JsonArray(Record("C1", "P1"), bad, Record("C3", "P3", "王\uE000五"), Record("C4", "P4", "赵六"));
        return Write("records.json", array.ToJsonString());
    }

    [Fact]
    public void RenderJsonRejectsBadRecordsByRowAndRendersTheOthers()
    {
        var data = MixedJson();
        var outDir = _dir.File("out");
        var run = Print("render", "--template", "thank-you", "--data", data, "--out", outDir, "--templates", TestSupport.TemplatesRoot);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { "P1.pdf", "P4.pdf" }, Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        Assert.Contains("rendered 2 pieces, rejected 2", run.Out);

        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var row2 = Assert.Single(lines, l => l.Contains(": row 2"));
        Assert.StartsWith(data + ": row 2: ", row2);
        Assert.Contains("$.customer.nmae", row2);
        var row3 = Assert.Single(lines, l => l.Contains(": row 3"));
        Assert.StartsWith(data + ": row 3 (customer C3): ", row3);
        Assert.Contains("U+E000", row3);
        Assert.Contains("templates/thank-you/piece.sbn:", row3); // where in the template the name is printed
        Assert.DoesNotContain(lines, l => l.Contains("row 1") || l.Contains("row 4"));

        using var pdf = PdfDocument.Open(Path.Combine(outDir, "P4.pdf"));
        Assert.Contains("赵六", pdf.GetPage(1).Text);
    }

    [Fact]
    public void RenderJsonWithThreeRecordsWritesOnlyTheGoodOne()
    {
        var bad = Record("C2", "P2");
        bad["customer"]!["nmae"] = "李四";
        var data = Write("three.json", new JsonArray(Record("C1", "P1"), bad, Record("C3", "P3", "王\uE000五")).ToJsonString());
        var outDir = _dir.File("three");
        var run = Print("render", "--template", "thank-you", "--data", data, "--out", outDir, "--templates", TestSupport.TemplatesRoot);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { "P1.pdf" }, Directory.GetFiles(outDir).Select(Path.GetFileName));
        Assert.Contains("row 2", run.Err);
        Assert.Contains("row 3 (customer C3)", run.Err);
    }

    [Fact]
    public void BatchWritesOnePdfWithTheGoodPagesInOrder()
    {
        var data = MixedJson();
        var pdfPath = _dir.File("batch.pdf");
        var run = Print("render", "--template", "thank-you", "--data", data, "--out", pdfPath, "--batch", "--templates", TestSupport.TemplatesRoot);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("row 2", run.Err);
        Assert.Contains("row 3 (customer C3)", run.Err);
        using var pdf = PdfDocument.Open(pdfPath);
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Contains("张三", pdf.GetPage(1).Text);
        Assert.Contains("赵六", pdf.GetPage(2).Text);
        Assert.DoesNotContain("李四", pdf.GetPage(1).Text + pdf.GetPage(2).Text);
    }

    [Fact]
    public void AllGoodRecordsExitZero()
    {
        var data = Write("good.json", new JsonArray(Record("C1", "P1"), Record("C2", "P2", "李四")).ToJsonString());
        var run = Print("render", "--template", "thank-you", "--data", data, "--out", _dir.File("good"), "--templates", TestSupport.TemplatesRoot);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(2, Directory.GetFiles(_dir.File("good"), "*.pdf").Length);
        Assert.Contains("rendered 2 pieces, rejected 0", run.Out);
    }

    [Fact]
    public void OutNamingAPdfWritesThatFileForOneRecordAndRefusesSeveral()
    {
        var one = Write("one.json", Record("C1", "P1").ToJsonString());
        var run = Print("render", "--template", "thank-you", "--data", one, "--out", _dir.File("letter.pdf"), "--templates", TestSupport.TemplatesRoot);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.True(File.Exists(_dir.File("letter.pdf")), "the PDF is the named file, not a folder of that name");

        var two = Write("two.json", new JsonArray(Record("C1", "P1"), Record("C2", "P2")).ToJsonString());
        run = Print("render", "--template", "thank-you", "--data", two, "--out", _dir.File("both.pdf"), "--templates", TestSupport.TemplatesRoot);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2 records", run.Err);
        Assert.False(Path.Exists(_dir.File("both.pdf")));
    }

    private const string CsvHeader =
        "customer.id,customer.name,customer.gender,customer.postcode,customer.province,customer.city,customer.district,customer.street," +
        "policy.number,policy.plate,policy.start_date,piece.id,piece.tracking_number,piece.response_code,piece.response_url,campaign.valid_until";

    [Fact]
    public void RenderCsvWithQuotedCommaAndLineBreakAndABadDate()
    {
        var csv = CsvHeader + "\r\n" +
            "C1,张三,男,330038,江西省,南昌市,红谷滩区,\"丰和中大道 1288 号,\r\n绿地中央广场 B 区\",PDAA1,赣A·D6161,2026-11-18,P1,RR473124829CN,AB12CD34,https://www.example.com.cn/r/AB12CD34,2026-12-31\r\n" +
            "C2,李四,女,330006,江西省,南昌市,东湖区,八一大道 357 号,PDAA2,赣A·12345,2026-13-45,P2,RR473124832CN,EF56GH78,https://www.example.com.cn/r/EF56GH78,2026-12-31\r\n" +
            "C3,\"王\"\"五\"\"\",M,330029,江西省,南昌市,青山湖区,北京东路 1688 号,PDAA3,,2026-11-20,P3,RR473124846CN,IJ90KL12,https://www.example.com.cn/r/IJ90KL12,2026-12-31\r\n";
        var data = Write("records.csv", "\uFEFF" + csv); // with the BOM Excel writes
        var outDir = _dir.File("csv");
        var run = Print("render", "--template", "thank-you", "--data", data, "--out", outDir, "--templates", TestSupport.TemplatesRoot);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { "P1.pdf", "P3.pdf" }, Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        var error = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith(data + ": row 2: ", error);
        Assert.Contains("$.policy.start_date", error);

        // The quoted comma and line break stayed inside the street; the doubled quotes became one.
        var first = TestSupport.StripWhitespace(Tool.PdfToText(Path.Combine(outDir, "P1.pdf")));
        Assert.Contains("江西省南昌市红谷滩区丰和中大道1288号,绿地中央广场B区", first);
        var third = Tool.PdfToText(Path.Combine(outDir, "P3.pdf"));
        Assert.Contains("王\"五\" 先生 收", third);
        Assert.DoesNotContain("车牌号码", third); // empty plate
    }

    [Fact]
    public void CsvColumnThatIsNoModelPathRejectsTheRows()
    {
        var data = Write("bad-header.csv", "customer.id,name\nC1,张三\n");
        var run = Print("render", "--template", "thank-you", "--data", data, "--out", _dir.File("bh"), "--templates", TestSupport.TemplatesRoot);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("row 1", run.Err);
        Assert.Contains("column 'name' is not a model path", run.Err);
    }

    [Fact]
    public void CsvRowWithMoreFieldsThanColumnsIsRejected()
    {
        var data = Write("extra.csv", "customer.id,customer.name\nC1,张三,多余\n");
        var run = Print("render", "--template", "thank-you", "--data", data, "--out", _dir.File("ex"), "--templates", TestSupport.TemplatesRoot);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("row 1: 3 fields but 2 columns", run.Err);
    }

    [Fact]
    public void TemplateCheckOfTheThankYouLetterIsOk()
    {
        var run = Print("template", "check", "thank-you", "--templates", TestSupport.TemplatesRoot);
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        // "thank-you: ok", plus the count of warnings (the SMS is longer than 70 characters with the adversarial name).
        Assert.Matches(@"^thank-you: ok(, \d+ warning\(s\))?$", run.Out.Trim());
        Assert.All(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains(": warning: ", l));
    }

    [Fact]
    public void TemplateCheckOfABrokenTemplateExitsOneWithFileLineColumn()
    {
        using var folder = new TemplateFolder();
        folder.Add("broken", "<document size=\"A5\">\n  <p>{{ customer.nmae }}</p>\n  <bogus/>\n</document>\n");
        folder.Add("fine", "<document size=\"A5\">\n  <p>{{ customer.name }}</p>\n</document>\n");

        var run = Print("template", "check", "broken", "--templates", folder.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("broken: 1 error(s)", run.Out.Trim());
        Assert.StartsWith("templates/broken/piece.sbn:2:18: error: unknown member 'nmae' of customer", run.Err.Trim());

        var all = Print("template", "check", "--all", "--templates", folder.Root);
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("broken: 1 error(s)", all.Out);
        Assert.Contains("fine: ok", all.Out);

        // Once the member is fixed, the markup error on line 3 comes to light, at its template line.
        File.WriteAllText(Path.Combine(folder.Root, "broken", "piece.sbn"), "<document size=\"A5\">\n  <p>{{ customer.name }}</p>\n  <bogus/>\n</document>\n");
        var again = Print("template", "check", "broken", "--templates", folder.Root);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("templates/broken/piece.sbn:3:4: error: <bogus>: unknown element", again.Err);
    }

    [Fact]
    public void RenderWithAFailingTemplateRendersNothing()
    {
        using var folder = new TemplateFolder();
        folder.Add("broken", "<document size=\"A5\">\n  <p>{{ customer.nmae }}</p>\n</document>\n");
        var data = Write("one.json", Record("C1", "P1").ToJsonString());
        var outDir = _dir.File("none");
        var run = Print("render", "--template", "broken", "--data", data, "--out", outDir, "--templates", folder.Root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("template 'broken' failed its check", run.Err);
        Assert.Contains("templates/broken/piece.sbn:2:18", run.Err);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFiles(outDir).Any());
    }

    [Fact]
    public void TemplateListShowsTitlePageAndMailClass()
    {
        // A copy, so templates other people are half-way through writing cannot break this test.
        using var folder = new TemplateFolder();
        var copy = Path.Combine(folder.Root, "thank-you");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Path.Combine(TestSupport.TemplatesRoot, "thank-you")))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var run = Print("template", "list", "--templates", folder.Root);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("thank-you\t感谢信\tA4\tregistered", run.Out.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void UsageErrorsExitTwo()
    {
        Assert.Equal(2, Print("render", "--template", "thank-you", "--out", _dir.File("x")).ExitCode); // no --data
        Assert.Equal(2, Print("template", "check", "--templates", TestSupport.TemplatesRoot).ExitCode); // no name
        Assert.Equal(2, Print("template", "check", "thank-you", "--templtes", "x").ExitCode); // misspelt option
        var missing = Print("render", "--template", "thank-you", "--data", _dir.File("nothere.json"), "--out", _dir.File("x"), "--templates", TestSupport.TemplatesRoot);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Err);
    }
}
