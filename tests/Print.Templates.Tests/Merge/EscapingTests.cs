using System.Text.RegularExpressions;
using Print.Documents;
using Print.Documents.Pages;
using UglyToad.PdfPig;

namespace Print.Templates.Tests.Merge;

/// <summary>
/// Customer data is text, never markup: merged into a piece it is XML-escaped, so it can neither break the
/// markup nor change the layout. Only the <c>markup</c> function writes markup, and plain-text outputs
/// (SMS, e-mail text) are not escaped at all.
/// </summary>
public class EscapingTests
{
    private const string Hostile = "<b>&</p>";

    [Fact]
    public void HostileCustomerNameInTheThankYouLetterIsLiteralTextInThePdf()
    {
        var template = TestSupport.Library.Get("thank-you");
        var model = TestSupport.Sample(template);
        model.Customer.Name = Hostile;

        var merged = TestSupport.Renderer.Merge(template, model);
        Assert.DoesNotContain(Hostile, merged);
        Assert.Contains("&lt;b&gt;&amp;&lt;/p&gt;", merged);

        var document = TestSupport.Renderer.Render(template, model);
        using var dir = new TempDir();
        var pdf = dir.File("hostile.pdf");
        DocumentEngine.WritePdf(document, pdf);

        // Two independent extractors: poppler and PdfPig.
        var text = Tool.PdfToText(pdf);
        Assert.Contains(Hostile + " 先生 收", text);
        Assert.Contains("尊敬的" + Hostile + "先生：", text);
        using (var doc = PdfDocument.Open(pdf))
        {
            Assert.Equal(1, doc.NumberOfPages);
            var pageText = doc.GetPage(1).Text;
            Assert.Contains(Hostile, pageText);
            Assert.Equal(2, Regex.Matches(pageText, Regex.Escape(Hostile)).Count);
            Assert.Equal("感谢信 · " + Hostile, doc.Information.Title);
        }
    }

    [Fact]
    public void HostileCustomerNameChangesNothingButTheNameItself()
    {
        var template = TestSupport.Library.Get("thank-you");
        var sample = TestSupport.Sample(template);
        var original = sample.Customer.Name;
        var expected = TestSupport.Renderer.Render(template, sample).Dump();

        var hostile = TestSupport.Sample(template);
        hostile.Customer.Name = Hostile;
        var actual = TestSupport.Renderer.Render(template, hostile).Dump();

        // Same items at the same places; only the runs holding the name say something else (and are wider).
        var e = expected.Replace(original, Hostile).Split('\n');
        var a = actual.Split('\n');
        Assert.Equal(e.Length, a.Length);
        int changed = 0;
        for (int i = 0; i < e.Length; i++)
        {
            if (e[i] == a[i]) continue;
            Assert.Contains(Hostile, a[i]);
            Assert.Equal(WithoutWidth(e[i]), WithoutWidth(a[i]));
            changed++;
        }
        Assert.Equal(2, changed); // the address window and the salutation
    }

    private static string WithoutWidth(string dumpLine) => Regex.Replace(dumpLine, @" w=[0-9.]+ ", " w=? ");

    [Theory]
    [InlineData("<b>&</p>", "&lt;b&gt;&amp;&lt;/p&gt;")]
    [InlineData("\"'", "&quot;&apos;")]
    [InlineData("A&amp;B", "A&amp;amp;B")] // an entity in the data is text too, not decoded
    [InlineData("]]>", "]]&gt;")]
    public void EveryWayOfWritingAValueEscapesIt(string value, string escaped)
    {
        var model = InMemory.Model();
        model.Customer.Name = value;
        model.Policy.Coverages[0].Note = value;
        // A member, a filter result, a string built in the template, a loop variable's member, a function result.
        Assert.Equal(escaped, InMemory.Merge("{{ customer.name }}", model));
        Assert.Equal(escaped, InMemory.Merge("{{ customer.name | string.strip }}", model));
        Assert.Equal("[" + escaped + "]", InMemory.Merge("{{ x = '[' + customer.name + ']' }}{{ x }}", model));
        Assert.Equal(escaped, InMemory.Merge("{{ for c in policy.coverages limit:1 }}{{ c.note }}{{ end }}", model));
        Assert.Equal(escaped, InMemory.Merge("{{ customer.name ?? '' }}", model));
    }

    [Fact]
    public void LiteralStringsInTheTemplateAreEscapedToo_MarkupNeedsTheMarkupFunction()
    {
        Assert.Equal("&lt;br/&gt;", InMemory.Merge("{{ '<br/>' }}"));
        Assert.Equal("<br/>", InMemory.Merge("{{ markup '<br/>' }}"));
        Assert.Equal("", InMemory.Merge("{{ markup null }}"));
    }

    [Fact]
    public void MarkupFunctionWritesTrustedMarkupThatTheLayoutObeys()
    {
        const string piece = """
            <document size="A5" margin="15mm">
              <p>{{ markup '<span weight="bold">加粗</span>' }}普通</p>
              <p>{{ '<span weight="bold">字面</span>' }}</p>
            </document>
            """;
        var document = TestSupport.Renderer.Render(InMemory.Template(piece), InMemory.Model());
        var runs = document.Pages[0].Items.OfType<TextRun>().ToList();
        Assert.Contains(runs, r => r.Text == "加粗" && r.Face.Key.Contains("Bold"));
        Assert.Contains(runs, r => r.Text == "普通" && !r.Face.Key.Contains("Bold"));
        Assert.DoesNotContain(runs, r => r.Text.Contains("span") && r.Text.Contains("加粗"));
        // The escaped one is printed as written, tags and all, in the regular face.
        var literal = Assert.Single(runs, r => r.Text.Contains("字面"));
        Assert.Equal("<span weight=\"bold\">字面</span>", literal.Text);
        Assert.DoesNotContain("Bold", literal.Face.Key);
    }

    [Fact]
    public void NumbersAndDatesAreWrittenInvariantly()
    {
        var model = InMemory.Model();
        Assert.Equal("4821.36 2026-11-25 2026-11-18", InMemory.Merge("{{ policy.premium }} {{ today }} {{ policy.start_date }}", model));
        Assert.Equal("¥4,821.36 肆仟捌佰贰拾壹元叁角陆分 2026年11月18日",
            InMemory.Merge("{{ yuan policy.premium }} {{ yuan_capitals policy.premium }} {{ cn_date policy.start_date }}", model));
    }

    [Fact]
    public void PlainTextSmsIsNotEscaped_HtmlEmailIs()
    {
        var template = TestSupport.Library.Get("thank-you");
        var model = TestSupport.Sample(template);
        model.Customer.Name = "A&B<C>\"";

        var sms = TestSupport.Renderer.MergeText(template.Sms!, model);
        Assert.StartsWith("【安和财险】A&B<C>\"先生，感谢您投保车险（保单尾号4821）。", sms);
        Assert.DoesNotContain("&amp;", sms);

        var text = TestSupport.Renderer.MergeText(template.EmailText!, model);
        Assert.StartsWith("尊敬的A&B<C>\"先生：", text);
        Assert.Contains(model.Piece.ResponseUrl, text);

        var html = TestSupport.Renderer.MergeText(template.EmailHtml!, model, html: true);
        Assert.Contains("<p>尊敬的A&amp;B&lt;C&gt;&quot;先生：</p>", html);
        Assert.DoesNotContain("A&B<C>", html);
        Assert.Contains($"<a href=\"{model.Piece.ResponseUrl}\">", html); // markup of the template itself stays markup

        var subject = TestSupport.Renderer.MergeText(template.EmailSubject!, model);
        Assert.Equal("感谢您选择安和财产保险股份有限公司", subject);
    }
}
