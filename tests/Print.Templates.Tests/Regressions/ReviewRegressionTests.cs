using System.Diagnostics;
using System.Text.Json.Nodes;
using Print.Server.Cli;
using Print.Templates.Data;
using Print.Templates.Helpers;

namespace Print.Templates.Tests.Regressions;

/// <summary>
/// Defects a review of src/ found, each fixed since: one test per defect, stating the correct behaviour.
/// </summary>
public sealed class ReviewRegressionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // ---- helpers ------------------------------------------------------------------------------------------

    /// <summary>ChineseFormats.cs:83: with `m.Length &lt; 7` a seven-character number gets no star at all.</summary>
    [Theory]
    [InlineData("1234567")]
    [InlineData("8765432")] // a local landline number in the mobile field
    public void MaskMobile_SevenCharactersAreReturnedUnmasked(string number) =>
        Assert.Contains('*', ChineseFormats.MaskMobile(number));

    /// <summary>ChineseFormats.cs:16 and :28 take the sign before rounding: −0.004 prints as "-¥0.00" and "负零元整".</summary>
    [Fact]
    public void Yuan_NegativeAmountThatRoundsToZeroHasNoSign()
    {
        Assert.Equal("¥0.00", ChineseFormats.Yuan(-0.004m));
        Assert.Equal("零元整", ChineseFormats.YuanInCapitals(-0.004m));
    }

    // ---- merge sandbox --------------------------------------------------------------------------------------

    /// <summary>
    /// Everything written inside a <c>capture</c> is escaped as it is written, so the captured text is markup:
    /// written back with <c>markup</c> it prints each value exactly once escaped (a plain <c>{{ g }}</c> would
    /// escape it a second time, which templates/README.md warns about).
    /// </summary>
    [Fact]
    public void Capture_IsMarkupAndIsWrittenBackWithMarkup()
    {
        var model = InMemory.Model();
        model.Customer.Name = "A&B<C>";
        Assert.Equal("[A&amp;B&lt;C&gt;]", InMemory.Merge("{{ capture greeting }}[{{ customer.name }}]{{ end }}{{ markup greeting }}", model));
    }

    /// <summary>
    /// MarkupContext.cs:27-41 sets no RegexTimeOut, so Scriban's default (10 s) applies: one regex with heavy
    /// backtracking runs for 10 s although PieceRenderer.TimeLimit is 2 s (the cancellation is not checked
    /// inside a regex).
    /// </summary>
    [Fact]
    public void Regex_StopsWithinTheTimeLimit()
    {
        var watch = Stopwatch.StartNew();
        Assert.Throws<TemplateException>(() => InMemory.Merge("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}"));
        Assert.True(watch.Elapsed < PieceRenderer.TimeLimit + TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// PieceRenderer.cs:63-70: the time limit surfaces as Scriban's ScriptAbortException, a ScriptRuntimeException,
    /// so the first catch reports "The operation was cancelled" and the intended message ("merging took longer
    /// than 2 s (an endless loop?)") in the OperationCanceledException catch is never used.
    /// </summary>
    [Fact]
    public void TimeLimit_SaysThatTheMergeTookTooLong()
    {
        var e = Assert.Throws<TemplateException>(() =>
            InMemory.Merge("<document>\n{{ for i in 1..400 }}{{ 'aaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}{{ end }}\n</document>"));
        Assert.Contains("longer than", e.Reason);
    }

    /// <summary>
    /// MarkupContext.cs:36: Scriban's OutputLimit does not fail, it truncates the output and appends "...". A piece
    /// over the limit becomes broken markup (an XML error somewhere else); an SMS or e-mail text is cut silently.
    /// </summary>
    [Fact]
    public void OutputLimit_TruncatesSilently()
    {
        var sms = InMemory.Template("<document/>", sms: "{{ s = '' | string.pad_left 300 }}{{ for i in 1..9000 }}{{ s }}{{ end }}");
        Assert.Throws<TemplateException>(() => TestSupport.Renderer.MergeText(sms.Sms!, InMemory.Model()));
    }

    /// <summary>
    /// TemplateLibrary.cs:28 gives every record the same Sender instance, and templates may assign to model
    /// members ({{ sender.branch = … }} is allowed), so one piece changes the sender of every later piece.
    /// </summary>
    [Fact]
    public void Sender_OnePieceCannotChangeTheNextPiecesSender()
    {
        var library = new TemplateLibrary(TestSupport.TemplatesRoot, TestSupport.Engine); // not the shared one: this pollutes it
        var template = library.Load("thank-you");
        var piece = InMemory.Template("{{ sender.branch = sender.branch + '!' }}{{ sender.branch }}");
        string first, second;
        try { first = TestSupport.Renderer.Merge(piece, library.Prepare(template, InMemory.Model())); }
        catch (TemplateException) { return; } // refusing the assignment is a fix too
        second = TestSupport.Renderer.Merge(piece, library.Prepare(template, InMemory.Model()));
        Assert.Equal("江西分公司!", first);
        Assert.Equal("江西分公司!", second);
        Assert.Equal("江西分公司", library.DefaultSender.Branch);
    }

    // ---- template check -------------------------------------------------------------------------------------

    /// <summary>
    /// LineMarkers.cs:56 takes the FIRST marker of the merged line. When {{~ … ~}} lines before it are trimmed
    /// into the same line (the thank-you letter starts so), an error on &lt;document&gt; is reported at line 1.
    /// </summary>
    [Fact]
    public void MarkupErrorOnTheDocumentLineAfterTrimmedHeaderLines_IsReportedAtItsLine()
    {
        using var folder = new TemplateFolder();
        folder.Add("header", "{{~ # comment ~}}\n{{~ brand = \"cmyk(100,75,10,25)\" ~}}\n<document size=\"A5\" colour=\"{{ brand }}\">\n  <p>{{ customer.name }}</p>\n</document>\n");
        var problems = folder.Check("header");
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(3, p.Line));
    }

    /// <summary>
    /// TemplateChecker.CheckGeometry (page size, envelope window) and the new page-count check report at
    /// document.Source, a place in the MERGED markup, not traced back with LineMarkers: after trimmed header lines
    /// (as in the thank-you letter) the page-size error says line 1, not 3.
    /// </summary>
    [Fact]
    public void PageSizeMismatchAfterTrimmedHeaderLines_IsReportedAtTheDocumentLine()
    {
        using var folder = new TemplateFolder();
        folder.Add("pagesize", "{{~ # comment ~}}\n{{~ x = 1 ~}}\n<document size=\"A4\">\n  <p>{{ customer.name }}</p>\n</document>\n");
        var problems = folder.Check("pagesize");
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(3, p.Line));
    }

    /// <summary>
    /// Scriban's AutoIndent (on by default, MarkupContext.cs does not turn it off) indents a loop body's output by
    /// the indentation of its {{ for }}, so a markup error in a loop body is reported two columns too far right.
    /// </summary>
    [Fact]
    public void MarkupErrorInALoopBody_ColumnIsShiftedByScribansAutoIndent()
    {
        using var folder = new TemplateFolder();
        folder.Add("inloop", "<document size=\"A5\">\n  {{ for c in policy.coverages }}\n  <p>{{ c.name }}</p>\n  <bogus/>\n  {{ end }}\n</document>\n");
        var problems = folder.Check("inloop");
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal((4, 4), (p.Line, p.Column)));
    }

    /// <summary>ModelMemberCheck.cs:56-62 has no case for an indexer, so policy.coverages[0].sum_insurd is not checked.</summary>
    [Fact]
    public void ModelMemberCheck_MissesMembersAfterAnIndexer()
    {
        var problems = Templates.Merge.ModelMemberCheck.Check(Scriban.Template.Parse("{{ if false }}{{ policy.coverages[0].sum_insurd }}{{ end }}"));
        Assert.Contains(problems, p => p.Message.Contains("sum_insurd"));
    }

    /// <summary>
    /// A misspelt ROOT variable in a branch the sample data does not take passes the check (ModelMemberCheck only
    /// checks members of the five roots; strict variables only catch what is merged) and fails in production.
    /// </summary>
    [Fact]
    public void Checker_FindsAMisspeltRootVariableInABranchTheSampleDoesNotTake()
    {
        using var folder = new TemplateFolder();
        folder.Add("root", "<document size=\"A5\">\n  <p>{{ customer.name }}</p>\n  {{ if customer.segment == \"high-value\" }}<p>{{ custmer.name }}</p>{{ end }}\n</document>\n");
        var problems = folder.Check("root");
        Assert.Contains(problems, p => p.IsError && p.Line == 3 && p.Message.Contains("custmer"));
    }

    // ---- data files and the command line ----------------------------------------------------------------------

    /// <summary>
    /// TemplateRecords.cs:67 parses ANY cell starting with '[' as a JSON list, so a name or street such as
    /// "[VIP] 张三" rejects the whole row ("not a JSON list").
    /// </summary>
    [Fact]
    public void Csv_TextStartingWithABracketIsText()
    {
        var path = _dir.Write("bracket.csv", "customer.id,customer.name,customer.street\nC1,[VIP] 张三,[临时] 八一大道 1 号\n");
        var record = Assert.Single(TemplateRecords.Load(path));
        Assert.Null(record.Error);
        Assert.Equal("[VIP] 张三", record.Model!.Customer.Name);
    }

    /// <summary>TemplateRecords.cs:58 refuses one-part paths, so the model's top-level "today" cannot come from CSV (JSON can set it).</summary>
    [Fact]
    public void Csv_CanSetToday()
    {
        var path = _dir.Write("today.csv", "customer.id,today\nC1,2026-12-01\n");
        var record = Assert.Single(TemplateRecords.Load(path));
        Assert.Null(record.Error);
        Assert.Equal(new DateTime(2026, 12, 1), record.Model!.Today);
    }

    /// <summary>
    /// TemplateCommands.cs:93-95/113 name each PDF after piece.id, else customer.id: two letters to one customer
    /// (two policies, no piece ids) write the same file, the second silently replaces the first, and the run
    /// still says "rendered 2 pieces" with exit code 0.
    /// </summary>
    [Fact]
    public void Cli_TwoPiecesForOneCustomerAreTwoFiles()
    {
        JsonObject Record(string policy)
        {
            var node = JsonNode.Parse(File.ReadAllText(Path.Combine(TestSupport.TemplatesRoot, "thank-you", "sample.json")))!.AsObject();
            node["piece"]!.AsObject().Remove("id");
            node["policy"]!["number"] = policy;
            return node;
        }
        var data = _dir.Write("same-customer.json", new JsonArray(Record("PDAA0001"), Record("PDAA0002")).ToJsonString());
        var outDir = _dir.File("out");
        var output = new StringWriter();
        int code = Commands.Run(new[] { "render", "--template", "thank-you", "--data", data, "--out", outDir, "--templates", TestSupport.TemplatesRoot }, output, new StringWriter());
        Assert.Contains("rendered 2 pieces", output.ToString());
        Assert.Equal(0, code);
        Assert.Equal(2, Directory.GetFiles(outDir, "*.pdf").Length);
    }

    /// <summary>A template's own functions may take named parameters; the check must know them.</summary>
    [Fact]
    public void Checker_AcceptsNamedFunctionParameters()
    {
        var problems = Print.Templates.Merge.ModelMemberCheck.Check(Scriban.Template.Parse(
            "{{~ func named(label) ~}}<p>{{ label }}</p>{{~ end ~}}\n<document size=\"A5\">{{ named customer.name }}</document>"));
        Assert.Empty(problems);
    }
}
