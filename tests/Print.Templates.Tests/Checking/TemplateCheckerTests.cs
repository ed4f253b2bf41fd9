namespace Print.Templates.Tests.Checking;

/// <summary>
/// <see cref="TemplateChecker"/> on small template folders: every kind of problem is reported with the file,
/// line and column of the TEMPLATE (never of the merged markup), and a template that fails is never used.
/// </summary>
public sealed class TemplateCheckerTests : IDisposable
{
    private readonly TemplateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A4 letter for a DL window envelope, window at x=20mm y=45mm, 90×35mm.</summary>
    private const string WindowMetadata = """
        {
          "title": "窗口信封测试",
          "page": "A4",
          "envelope": { "size": "DL", "window": { "x": "20mm", "y": "45mm", "width": "90mm", "height": "35mm" } },
          "mail_class": "registered",
          "sheets": 1
        }
        """;

    private static TemplateProblem Single(List<TemplateProblem> problems)
    {
        var errors = problems.Where(p => p.IsError).ToList();
        Assert.True(errors.Count == 1, "expected exactly one error, got:\n" + string.Join("\n", problems));
        return errors[0];
    }

    private static void At(TemplateProblem p, string file, int line, int column)
    {
        Assert.True((file, line, column) == (p.File, p.Line, p.Column), $"expected {file}:{line}:{column}, got {p}");
        Assert.StartsWith($"{file}:{line}:{column}: error: ", p.ToString());
    }

    // ---- the good case ---------------------------------------------------------------------------------

    [Fact]
    public void ASmallCorrectTemplatePassesAndIsUsable()
    {
        _folder.Add("good", """
            <document size="A5" margin="15mm">
              <p>尊敬的{{ customer.name }}{{ customer.honorific }}：</p>
              {{ for c in policy.coverages }}
              <p>{{ c.name }} {{ yuan c.premium }}</p>
              {{ end }}
            </document>
            """);
        Assert.Empty(_folder.Check("good"));
        var template = _folder.Library().Get("good");
        Assert.Equal("good", template.Name);
    }

    [Fact]
    public void TheRepositorysThankYouLetterPassesWithOnlyTheSmsLengthWarning()
    {
        var problems = new TemplateChecker(TestSupport.Engine, TestSupport.Library.DefaultSender).Check(TestSupport.Library.Load("thank-you"));
        Assert.True(problems.All(p => !p.IsError), string.Join("\n", problems));
        // The adversarial name (with 𠮷, two UTF-16 units) makes the SMS 74 characters: a warning, not an error.
        Assert.All(problems, p => Assert.Equal(("templates/thank-you/sms.sbn", "adversarial data"), (p.File, p.Sample)));
    }

    /// <summary>Regression: the check completed the sample without template.json's mail_class and the default
    /// sender, so a registered-only branch was never checked (fixed in 532c3f0: the checker now prepares the sample as production does).</summary>
    [Fact]
    public void SampleIsPreparedAsInProduction_MailClassFromTemplateJsonAndTheDefaultSender()
    {
        File.WriteAllText(Path.Combine(_folder.Root, "sender.json"), """{ "company": "安和财产保险股份有限公司", "branch": "江西分公司" }""");
        _folder.Add("registered", "<document size=\"A5\">\n  <p>{{ sender.company }}</p>\n  {{ if piece.mail_class == \"registered\" }}<bogus/>{{ end }}\n  {{ if sender.branch == \"江西分公司\" }}<bogus2/>{{ end }}\n</document>\n",
            metadata: """{ "page": "A5", "mail_class": "registered" }""");
        var problems = _folder.Check("registered");
        Assert.Contains(problems, p => p.IsError && p.Line == 3 && p.Message.Contains("<bogus>"));
        // The markup parser stops at the first unknown element, so the sender branch is checked separately:
        File.WriteAllText(Path.Combine(_folder.Root, "registered", "template.json"), """{ "page": "A5", "mail_class": "ordinary" }""");
        Assert.Contains(_folder.Check("registered"), p => p.IsError && p.Line == 4 && p.Message.Contains("<bogus2>"));
    }

    [Fact]
    public void PageCountOtherThanTemplateJsonDeclaresIsAnError()
    {
        _folder.Add("pages", "<document size=\"A5\">\n  <p>{{ customer.name }}</p>\n</document>\n", metadata: """{ "page": "A5", "pages": 2 }""");
        var problems = _folder.Check("pages");
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("1 pages; template.json says it has 2", p.Message));
        _folder.Add("twopages", "<document size=\"A5\">\n  <p>正面</p>\n  <page-break/>\n  <p>{{ customer.name }}</p>\n</document>\n", metadata: """{ "page": "A5", "pages": 2 }""");
        Assert.Empty(_folder.Check("twopages"));
    }

    // ---- Scriban and model ---------------------------------------------------------------------------------

    [Fact]
    public void ScribanSyntaxErrorIsReportedAtItsTemplateLine()
    {
        _folder.Add("syntax", """
            <document size="A5">
              <p>{{ customer.name }}</p>
              <p>{{ customer.name | }}</p>
            </document>
            """);
        var p = Single(_folder.Check("syntax"));
        Assert.Equal("templates/syntax/piece.sbn", p.File);
        Assert.Equal(3, p.Line);
        Assert.InRange(p.Column, 6, 25);
        Assert.Equal("", p.Sample); // found without data
    }

    [Fact]
    public void UnclosedBlockIsASyntaxError()
    {
        _folder.Add("unclosed", "<document size=\"A5\">\n{{ if customer.name != \"\" }}\n  <p>x</p>\n</document>\n");
        var p = Single(_folder.Check("unclosed"));
        Assert.Equal("templates/unclosed/piece.sbn", p.File);
        Assert.True(p.Line >= 2, p.ToString());
    }

    [Fact]
    public void UnknownModelMemberIsReportedBeforeAnyMerge()
    {
        _folder.Add("member", """
            <document size="A5">
              <p>尊敬的{{ customer.name }}：</p>
              {{ if customer.segment == "never-in-the-sample" }}
              <p>{{ customer.nmae }}</p>
              {{ end }}
            </document>
            """);
        var p = Single(_folder.Check("member"));
        At(p, "templates/member/piece.sbn", 4, 18);
        Assert.Contains("unknown member 'nmae' of customer", p.Message);
        Assert.Equal("", p.Sample);
    }

    [Fact]
    public void UnknownVariableIsReportedBeforeAnyMerge()
    {
        _folder.Add("variable", "<document size=\"A5\">\n  <p>{{ custmer.name }}</p>\n</document>\n");
        var problem = Assert.Single(_folder.Check("variable"));
        At(problem, "templates/variable/piece.sbn", 2, 9);
        Assert.Contains("unknown variable 'custmer'", problem.Message);
        Assert.Equal("", problem.Sample); // found in the template itself, whatever the data
    }

    [Fact]
    public void ProblemsInTheSmsAndEmailTemplatesAreReportedAgainstThoseFiles()
    {
        _folder.Add("texts", "<document size=\"A5\"><p>x</p></document>",
            metadata: """{ "page": "A5", "sms": "sms.sbn", "email_text": "mail.txt.sbn", "email_subject": "感谢{{ sender.compnay }}" }""",
            more: new[] { ("sms.sbn", "您好{{ customer.nmae }}"), ("mail.txt.sbn", "\n\n{{ policy.numbr }}") });
        var problems = _folder.Check("texts");
        Assert.Equal(3, problems.Count(p => p.IsError));
        At(problems.Single(p => p.File.EndsWith("sms.sbn")), "templates/texts/sms.sbn", 1, 15);
        At(problems.Single(p => p.File.EndsWith("mail.txt.sbn")), "templates/texts/mail.txt.sbn", 3, 11);
        var subject = problems.Single(p => p.File.Contains("#email_subject"));
        Assert.Equal("templates/texts/template.json#email_subject", subject.File);
        Assert.Contains("compnay", subject.Message);
    }

    [Fact]
    public void LongSmsIsAWarningThatDoesNotBlockTheTemplate()
    {
        var sms = "【安和财险】" + new string('好', 80) + "{{ customer.name }}";
        _folder.Add("longsms", "<document size=\"A5\"><p>x</p></document>",
            metadata: """{ "page": "A5", "sms": "sms.sbn" }""", more: new[] { ("sms.sbn", sms) });
        var problems = _folder.Check("longsms");
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.False(p.IsError));
        Assert.Contains(problems, p => p.Message.Contains($"{TemplateChecker.SmsSegment}") && p.ToString().Contains("warning"));
        _folder.Library().Get("longsms"); // usable
    }

    // ---- markup errors, traced back to the template line ------------------------------------------------

    [Fact]
    public void UnknownElementIsReportedAtItsTemplateLine()
    {
        _folder.Add("element", """
            <document size="A5">
              <p>{{ customer.name }}</p>
              <p>第三行</p>
              <bogus/>
            </document>
            """);
        var problems = _folder.Check("element");
        Assert.NotEmpty(problems);
        foreach (var p in problems)
        {
            Assert.Equal(("templates/element/piece.sbn", 4), (p.File, p.Line));
            Assert.Contains("bogus", p.Message);
        }
    }

    [Fact]
    public void UnknownElementAfterAForLoopIsReportedAtItsTemplateLine()
    {
        // The loop writes three paragraphs (one per coverage) on several merged lines: the merged markup's line
        // numbers are not the template's.
        _folder.Add("afterloop", """
            <document size="A5">
              {{ for c in policy.coverages }}
              <p>{{ c.name }}</p>
              <p>{{ yuan c.premium }}</p>
              {{ end }}
              <bogus/>
            </document>
            """);
        var problems = _folder.Check("afterloop");
        Assert.NotEmpty(problems);
        foreach (var p in problems)
        {
            At(p, "templates/afterloop/piece.sbn", 6, 4); // markup errors point at the element name
            Assert.Contains("bogus", p.Message);
        }
    }

    [Fact]
    public void UnknownElementInsideALoopIsReportedAtItsLineInTheLoopBody()
    {
        _folder.Add("inloop", """
            <document size="A5">
              {{ for c in policy.coverages }}
              <p>{{ c.name }}</p>
              <bogus>{{ c.premium }}</bogus>
              {{ end }}
            </document>
            """);
        var problems = _folder.Check("inloop");
        Assert.NotEmpty(problems);
        // The line (the column is checked in ReviewRegressionTests).
        foreach (var p in problems) Assert.Equal(("templates/inloop/piece.sbn", 4), (p.File, p.Line));
    }

    [Fact]
    public void BadAttributeValueOnALaterLineOfAMultiLineTagIsReportedOnThatLine()
    {
        _folder.Add("attr", """
            <document size="A5">
              <p>{{ customer.name }}</p>
              <p size="12pt"
                 color="nocolor">x</p>
            </document>
            """);
        var problems = _folder.Check("attr");
        Assert.NotEmpty(problems);
        foreach (var p in problems)
        {
            Assert.Equal("templates/attr/piece.sbn", p.File);
            Assert.InRange(p.Line, 3, 4); // the tag starts on 3, the bad attribute is on 4
            Assert.Contains("nocolor", p.Message);
        }
    }

    [Fact]
    public void MalformedXmlFromTheTemplateTextIsReportedAtItsLine()
    {
        _folder.Add("xml", "<document size=\"A5\">\n  <p>{{ customer.name }}</p>\n  <p>a & b</p>\n</document>\n");
        var problems = _folder.Check("xml");
        Assert.NotEmpty(problems);
        foreach (var p in problems) Assert.Equal(("templates/xml/piece.sbn", 3), (p.File, p.Line));
    }

    // ---- layout: window overflow, glyphs, page size, window position -------------------------------------

    private const string AddressWindow = """
        <document size="A4" margin="20mm">
          <place x="20mm" y="45mm" width="90mm" height="35mm">
            <postcode-boxes value="{{ customer.postcode }}"/>
            <p size="12pt">{{ customer.address }}</p>
            <p size="14pt" weight="bold">{{ customer.name }} {{ customer.honorific }} 收</p>
          </place>
          <spacer height="70mm"/>
          <p>尊敬的{{ customer.name }}{{ customer.honorific }}：</p>
        </document>
        """;

    [Fact]
    public void AddressThatFitsOnlyWithTheSampleIsAnErrorWithTheAdversarialData()
    {
        _folder.Add("overflow", AddressWindow, metadata: WindowMetadata);
        var p = Single(_folder.Check("overflow"));
        At(p, "templates/overflow/piece.sbn", 2, 4); // the <place>
        Assert.Equal("adversarial data", p.Sample);
        Assert.Contains("<place>", p.Message);
        Assert.Contains("35mm", p.Message);

        var e = Assert.Throws<TemplateCheckException>(() => _folder.Library().Get("overflow"));
        Assert.Contains(e.Problems, x => x.IsError && x.Line == 2);
        Assert.Contains("template 'overflow' failed its check", e.Message);
    }

    [Fact]
    public void TheSameAddressBlockInALargerWindowPasses()
    {
        var piece = AddressWindow.Replace("height=\"35mm\"", "height=\"60mm\"");
        _folder.Add("roomy", piece, metadata: WindowMetadata.Replace("\"35mm\"", "\"60mm\""));
        Assert.Empty(_folder.Check("roomy"));
    }

    [Fact]
    public void CharacterInNoFontIsReportedAtItsTemplateLine()
    {
        _folder.Add("glyph", "<document size=\"A5\">\n  <p>{{ customer.name }}</p>\n  <p>图标\uE000在此</p>\n</document>\n");
        var problems = _folder.Check("glyph");
        Assert.NotEmpty(problems);
        foreach (var p in problems)
        {
            Assert.Equal(("templates/glyph/piece.sbn", 3), (p.File, p.Line));
            Assert.Contains("U+E000", p.Message);
        }
    }

    [Fact]
    public void CharacterInNoFontFromTheDataIsFoundWhenRendering()
    {
        _folder.Add("dataglyph", "<document size=\"A5\">\n  <p>尊敬的{{ customer.name }}：</p>\n</document>\n");
        var library = _folder.Library();
        var template = library.Get("dataglyph"); // the sample is fine
        var model = InMemory.Model();
        model.Customer.Name = "张\uE000";
        var e = Assert.Throws<TemplateException>(() => TestSupport.Renderer.Render(template, library.Prepare(template, model)));
        Assert.Equal(("templates/dataglyph/piece.sbn", 2), (e.File, e.Line));
        Assert.Contains("U+E000", e.Reason);
        Assert.Equal("C1", e.Record);
    }

    [Fact]
    public void PageSizeOtherThanTemplateJsonDeclaresIsAnError()
    {
        _folder.Add("pagesize", "{{ # comment line }}\n<document size=\"A4\">\n  <p>{{ customer.name }}</p>\n</document>\n");
        var problems = _folder.Check("pagesize");
        Assert.Equal(2, problems.Count); // sample and adversarial
        foreach (var p in problems)
        {
            At(p, "templates/pagesize/piece.sbn", 2, 2);
            Assert.Contains("210×297mm", p.Message);
            Assert.Contains("'A5'", p.Message);
        }
    }

    [Fact]
    public void LandscapeOfTheDeclaredSizeIsAccepted()
    {
        _folder.Add("landscape", "<document size=\"A5\" orientation=\"landscape\"><p>{{ customer.name }}</p></document>");
        Assert.Empty(_folder.Check("landscape"));
    }

    [Fact]
    public void AddressPlaceNotAtTheDeclaredWindowIsAnError()
    {
        var piece = AddressWindow.Replace("height=\"35mm\"", "height=\"60mm\"").Replace("y=\"45mm\"", "y=\"50mm\"");
        _folder.Add("window", piece, metadata: WindowMetadata.Replace("\"35mm\"", "\"60mm\""));
        var problems = _folder.Check("window");
        Assert.Equal(2, problems.Count);
        foreach (var p in problems)
        {
            At(p, "templates/window/piece.sbn", 1, 2);
            Assert.Contains("window", p.Message);
            Assert.Contains("x=20mm y=45mm", p.Message);
        }
    }

    // ---- metadata and sample data -------------------------------------------------------------------------

    [Fact]
    public void UnknownFieldInTemplateJsonNamesItsPath()
    {
        _folder.Add("meta", "<document size=\"A5\"><p>x</p></document>",
            metadata: "{\n  \"title\": \"x\",\n  \"page\": \"A5\",\n  \"envelope\": { \"size\": \"DL\", \"windwo\": {} }\n}\n");
        var e = Assert.Throws<TemplateException>(() => _folder.Library().Load("meta"));
        Assert.Equal("templates/meta/template.json", e.File);
        Assert.Equal(4, e.Line);
        Assert.Contains("$.envelope.windwo", e.Reason);
        Assert.Throws<TemplateException>(() => _folder.Library().Get("meta"));
    }

    [Theory]
    [InlineData("\"page\": \"A9\"", "page 'A9' is not a page size")]
    [InlineData("\"mail_class\": \"express\"", "mail_class 'express'")]
    [InlineData("\"sheets\": 0", "sheets must be at least 1")]
    [InlineData("\"envelope\": { \"size\": \"DL\", \"window\": { \"x\": \"20\", \"y\": \"45mm\", \"width\": \"90mm\", \"height\": \"35mm\" } }", "envelope.window")]
    public void BadMetadataValuesAreErrorsInTemplateJson(string field, string message)
    {
        _folder.Add("badmeta", "<document size=\"A5\"><p>x</p></document>", metadata: "{ \"page\": \"A5\", " + field + " }");
        var problems = _folder.Check("badmeta");
        var p = Assert.Single(problems, x => x.Message.Contains(message));
        Assert.Equal("templates/badmeta/template.json", p.File);
        Assert.True(p.IsError);
    }

    [Fact]
    public void MissingDocumentFileIsReportedAgainstTemplateJson()
    {
        _folder.Add("nodoc", "", metadata: """{ "page": "A5", "document": "letter.sbn" }""");
        var e = Assert.Throws<TemplateException>(() => _folder.Library().Load("nodoc"));
        Assert.Equal("templates/nodoc/template.json", e.File);
        Assert.Contains("letter.sbn", e.Reason);
    }

    [Fact]
    public void UnknownFieldInSampleJsonNamesItsPath()
    {
        var sample = TemplateFolder.DefaultSample.Replace("\"gender\": \"男\",", "\"gender\": \"男\", \"nmae\": \"x\",");
        _folder.Add("sample", "<document size=\"A5\"><p>{{ customer.name }}</p></document>", sample: sample);
        var p = Single(_folder.Check("sample"));
        Assert.Equal("templates/sample/sample.json", p.File);
        Assert.Equal(2, p.Line);
        Assert.Contains("$.customer.nmae", p.Message);
        Assert.Equal("sample", p.Sample);
        Assert.Throws<TemplateCheckException>(() => _folder.Library().Get("sample"));
    }

    [Fact]
    public void MissingSampleIsAnError()
    {
        var dir = _folder.Add("nosample", "<document size=\"A5\"><p>x</p></document>");
        File.Delete(Path.Combine(dir, "sample.json"));
        var p = Single(_folder.Check("nosample"));
        Assert.Equal("templates/nosample/sample.json", p.File);
        Assert.Contains("missing", p.Message);
    }

    [Fact]
    public void TemplateNamesCannotLeaveTheTemplatesFolder()
    {
        var library = _folder.Library();
        Assert.Throws<TemplateException>(() => library.Load("../templates"));
        Assert.Throws<TemplateException>(() => library.Load(""));
        var e = Assert.Throws<TemplateException>(() => library.Load("nothere"));
        Assert.Contains("no template 'nothere'", e.Reason);
    }

    [Fact]
    public void FailingTemplateIsNeverUsed_EveryGetThrows()
    {
        _folder.Add("broken", "<document size=\"A5\">\n  <p>{{ customer.nmae }}</p>\n</document>\n");
        var library = _folder.Library();
        var first = Assert.Throws<TemplateCheckException>(() => library.Get("broken"));
        var p = Assert.Single(first.Problems);
        At(p, "templates/broken/piece.sbn", 2, 18);
        Assert.Contains("templates/broken/piece.sbn:2:18: error: unknown member 'nmae'", first.Message);
        Assert.Throws<TemplateCheckException>(() => library.Get("broken")); // not "checked once, then used"
        Assert.Contains("broken", library.Names);
    }
}
