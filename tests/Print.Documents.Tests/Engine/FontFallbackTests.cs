using Print.Documents.Pages;
using Xunit;
using static Print.Documents.Tests.TestSupport;

namespace Print.Documents.Tests.Engine;

/// <summary>
/// Characters the requested font lacks come from the next font of the chain (Noto Sans SC → HanaMinB);
/// a character no font has is an error that names it, the element, the text and the line.
/// </summary>
public class FontFallbackTests
{
    private const int Tsuchiyoshi = 0x20BB7; // 𠮷, CJK Extension B, a surname character
    private const string Name = "王𠮷祥";

    [Fact]
    public void PreconditionNotoSansScLacksTheExtensionBCharacterAndHanaMinBHasIt()
    {
        // (LXGW WenKai has it too; the default chain Noto Sans SC → HanaMinB is what matters here.)
        Assert.All(SharedFonts.Faces.Where(f => f.Family == "Noto Sans SC"), f => Assert.False(f.Has(Tsuchiyoshi), f.Key));
        Assert.Contains(SharedFonts.Faces, f => f.Family == "HanaMinB" && f.Has(Tsuchiyoshi));
        Assert.Equal(new[] { "Noto Sans SC", "HanaMinB" }, SharedFonts.FallbackFamilies);
    }

    [Fact]
    public void RareNameCharacterIsSetInHanaMinBAndTheRestInTheRequestedFont()
    {
        var doc = LayoutDoc($"<document><p>{Name}</p><p weight=\"bold\">{Name}</p></document>");
        var lines = Lines(doc.Pages[0]);
        Assert.Equal(2, lines.Count);
        foreach (var (line, weight) in lines.Zip(new[] { 400, 700 }))
        {
            Assert.Equal(Name, line.Text);
            Assert.Equal(new[] { "王", "𠮷", "祥" }, line.Runs.Select(r => r.Text));
            Assert.Equal(new[] { "Noto Sans SC", "HanaMinB", "Noto Sans SC" }, line.Runs.Select(r => r.Face.Family));
            Assert.Equal(weight, line.Runs[0].Face.Weight);
            // The fallback glyph is measured with its own font: the next character follows it by HanaMinB's advance.
            var fallback = line.Runs[1];
            Assert.Equal(fallback.X + fallback.Face.Advance(Tsuchiyoshi) * fallback.Size, line.Runs[2].X, 3);
        }
    }

    [Fact]
    public void FallbackIsOnlyUsedWhenTheRequestedFontLacksTheCharacter()
    {
        var doc = LayoutDoc($"<document font=\"LXGW WenKai\"><p>{Name}</p></document>");
        var run = Assert.Single(Lines(doc.Pages[0])).Runs.Single();
        Assert.Equal(Name, run.Text);
        Assert.Equal("LXGW WenKai", run.Face.Family);
    }

    [Theory]
    [InlineData(0xE000)]  // private use
    [InlineData(0x1F600)] // 😀
    public void CharacterInNoFontFailsNamingItTheElementTheTextAndTheLine(int codePoint)
    {
        Assert.DoesNotContain(SharedFonts.Faces, f => f.Has(codePoint)); // precondition: really in no font
        var ch = char.ConvertFromUtf32(codePoint);
        var markup = $"""
            <document>
              <p>第一段。</p>
              <p>客户编号{ch}一二三</p>
            </document>
            """;
        var e = Assert.Throws<LayoutException>(() => LayoutDoc(markup, "letter.xml"));
        Assert.Equal(new SourceLocation("letter.xml", 3, 4), e.Location);
        Assert.StartsWith("letter.xml:3:4: ", e.Message);
        Assert.Contains($"U+{codePoint:X4}", e.Message);
        Assert.Contains("<p>", e.Message);
        Assert.Contains($"客户编号{ch}一二三", e.Message);
    }

    [Fact]
    public void CharacterInNoFontInsideASpanInATableCellNamesTheCellParagraphsLine()
    {
        var markup = """
            <document>
              <table>
                <tr><td>姓名</td><td>地址</td></tr>
                <tr><td>王五</td><td>北京<span weight="bold">朝阳</span></td></tr>
              </table>
            </document>
            """;
        Assert.Contains(Lines(LayoutDoc(markup).Pages[0]), l => l.Text.Contains("北京朝阳")); // fine without the bad character
        var e = Assert.Throws<LayoutException>(() => LayoutDoc(markup.Replace("朝阳", "朝\uE000阳"), "t.xml"));
        Assert.Equal(4, e.Location.Line);
        Assert.Contains("U+E000", e.Message);
        Assert.Contains("朝\uE000阳", e.Message);
    }

    /// <summary>
    /// BUG (src/Print.Documents/Elements/Barcode.cs, constructor): the caption paragraph is created without a
    /// Source, so its missing-glyph error reports "&lt;markup&gt;" with line 0 and names "&lt;p&gt;", an element
    /// the author never wrote. It should name the &lt;barcode&gt; and its file and line.
    /// </summary>
    [Fact]
    public void CharacterInNoFontInABarcodeCaptionNamesTheBarcodeAndItsLine()
    {
        var markup = "<document>\n  <p>正文</p>\n  <barcode type=\"qr\" value=\"ID\uE000X\" text=\"below\"/>\n</document>";
        var e = Assert.Throws<LayoutException>(() => LayoutDoc(markup, "card.xml"));
        Assert.Contains("U+E000", e.Message);
        Assert.Equal(new SourceLocation("card.xml", 3, 4), e.Location);
        Assert.Contains("<barcode>", e.Message);
    }
}
