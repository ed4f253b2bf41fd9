using SkiaSharp;
using Xunit;
using static Print.Documents.Tests.TestSupport;

namespace Print.Documents.Tests.Engine;

/// <summary>
/// Every authoring mistake is reported as "file:line:column: &lt;element&gt;: reason" before anything is laid
/// out or written. Columns follow System.Xml: an element's column is that of its name (one after "&lt;"),
/// an attribute's that of the attribute name.
/// </summary>
public class MarkupErrorTests
{
    private const string FileName = "mail.xml";

    private static MarkupException Fails(string markup, int line, int column, string? baseDirectory = null)
    {
        var e = Assert.Throws<MarkupException>(() => LayoutDoc(markup, FileName, baseDirectory));
        Assert.Equal(new SourceLocation(FileName, line, column), e.Location);
        Assert.StartsWith($"{FileName}:{line}:{column}: ", e.Message);
        return e;
    }

    private static string Doc(string line2) => "<document>\n" + line2 + "\n</document>";

    [Fact]
    public void MismatchedEndTagIsNotWellFormed()
    {
        var e = Fails(Doc("  <p>abc</q>"), 2, 11);
        Assert.Contains("not well-formed", e.Message);
        Assert.Contains("'p'", e.Message);
        Assert.Contains("'q'", e.Message);
        Assert.DoesNotContain("Line 2", e.Message); // the position is said once, in front
    }

    [Fact]
    public void UnclosedDocumentIsNotWellFormed()
    {
        var e = Fails("<document>\n  <p>x</p>\n", 3, 1);
        Assert.Contains("not well-formed", e.Message);
        Assert.Contains("document", e.Message);
    }

    [Fact]
    public void UnknownElementIsNamed()
    {
        var e = Fails(Doc("  <para>文字</para>"), 2, 4);
        Assert.Contains("<para>: unknown element", e.Message);
    }

    [Fact]
    public void BlockElementInsideAParagraphIsRefused()
    {
        var e = Fails(Doc("  <p>abc<b>x</b></p>"), 2, 10);
        Assert.Contains("<b>: is not allowed inside a paragraph", e.Message);
    }

    [Fact]
    public void UnknownAttributeSuggestsTheClosestName()
    {
        var e = Fails(Doc("  <p colour=\"red\">文字</p>"), 2, 6);
        Assert.Contains("<p>: unknown attribute 'colour'", e.Message);
        Assert.Contains("did you mean 'color'?", e.Message);
    }

    [Fact]
    public void UnknownAttributeFarFromEveryNameGetsNoSuggestion()
    {
        var e = Fails(Doc("  <p xyzzyq=\"1\">文字</p>"), 2, 6);
        Assert.Contains("unknown attribute 'xyzzyq'", e.Message);
        Assert.DoesNotContain("did you mean", e.Message);
    }

    [Theory]
    [InlineData("  <p space-before=\"20xx\">文字</p>", 6, "space-before")]
    [InlineData("  <spacer height=\"20xx\"/>", 11, "height")]
    public void BadLengthNamesValueAndAttribute(string line, int column, string attribute)
    {
        var e = Fails(Doc(line), 2, column);
        Assert.Contains("'20xx'", e.Message);
        Assert.Contains($"'{attribute}'", e.Message);
    }

    [Fact]
    public void BadLengthOnTheDocumentElement()
    {
        var e = Fails("<document\n    margin=\"20xx\">\n</document>", 2, 5);
        Assert.Contains("<document>: '20xx' is not a valid 'margin'", e.Message);
    }

    [Theory]
    [InlineData("#12345")]
    [InlineData("cmyk(0,0,0,120)")]
    [InlineData("cmyk(0,0,0)")]
    [InlineData("rot")]
    public void BadColourNamesValueAndAttribute(string colour)
    {
        var e = Fails(Doc($"  <p size=\"9pt\" color=\"{colour}\">文字</p>"), 2, 17);
        Assert.Contains($"'{colour}' is not a valid colour for 'color'", e.Message);
    }

    [Fact]
    public void MissingImageFileIsNamed()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("images"));
        WritePng(dir.File("images/logo.png"));
        // Control: the same markup with an existing file lays out.
        LayoutDoc(Doc("  <image src=\"images/logo.png\" width=\"20mm\"/>"), FileName, dir.Path);

        var e = Fails(Doc("  <image src=\"images/nope.png\" width=\"20mm\"/>"), 2, 4, dir.Path);
        Assert.Contains("<image>: image file 'images/nope.png' not found", e.Message);
    }

    private static void WritePng(string path)
    {
        using var bmp = new SKBitmap(8, 8);
        bmp.Erase(SKColors.Black);
        using var image = SKImage.FromBitmap(bmp);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    [Fact]
    public void UnknownBarcodeTypeIsNamed()
    {
        var e = Fails(Doc("  <barcode type=\"ean13\" value=\"6901234567892\"/>"), 2, 4);
        Assert.Contains("<barcode>: 'ean13' is not a barcode type", e.Message);
    }

    [Fact]
    public void NonAsciiInCode128IsNamedWithItsCodePoint()
    {
        var e = Fails(Doc("  <p>正文</p><barcode type=\"code128\" value=\"RR47312482ÄCN\"/>"), 2, 13);
        Assert.Contains("<barcode>:", e.Message);
        Assert.Contains("RR47312482ÄCN", e.Message);
        Assert.Contains("U+00C4", e.Message);
    }

    [Theory]
    [InlineData("10008")]
    [InlineData("1000800")]
    [InlineData("10008A")]
    [InlineData("１０００８０")] // fullwidth digits: a sorting machine reads ASCII digits only
    public void PostcodeThatIsNotSixDigitsIsRefused(string postcode)
    {
        var e = Fails(Doc($"  <postcode-boxes value=\"{postcode}\"/>"), 2, 4);
        Assert.Contains($"<postcode-boxes>: postcode '{postcode}' is not six digits", e.Message);
    }

    [Fact]
    public void UnknownFontIsNamedWithTheFamiliesThatExist()
    {
        var e = Fails(Doc("  <p font=\"Comic Sans\">文字</p>"), 2, 4);
        Assert.Contains("font 'Comic Sans' is not in the font folder", e.Message);
        Assert.Contains("Noto Sans SC", e.Message);
        Assert.Contains("HanaMinB", e.Message);
    }

    [Fact]
    public void TableRowWithTheWrongNumberOfCellsIsNamed()
    {
        var markup = "<document>\n  <table>\n    <tr><td>甲</td><td>乙</td></tr>\n    <tr><td>丙</td></tr>\n  </table>\n</document>";
        var e = Fails(markup, 4, 6);
        Assert.Contains("<tr>: has 1 columns of cells, the table has 2", e.Message);
    }

    [Fact]
    public void TextDirectlyInsideARowIsRefusedAtTheText()
    {
        var e = Fails(Doc("  <row>oops<cell>文字</cell></row>"), 2, 8);
        Assert.Contains("<row>: text \"oops\" is not allowed directly here", e.Message);
    }

    /// <summary>
    /// BUG (src/Print.Documents/Markup/MarkupParser.cs, ElementsOnly): the location of stray text is that of
    /// the XText node, which begins with the whitespace after "&lt;row&gt;", so text on the next line is
    /// reported on the row's line. It should point at the first non-blank character of the text.
    /// </summary>
    [Fact]
    public void TextDirectlyInsideARowOnItsOwnLineIsReportedOnThatLine()
    {
        var e = Fails("<document>\n  <row>\n    oops\n    <cell>文字</cell>\n  </row>\n</document>", 3, 5);
        Assert.Contains("\"oops\"", e.Message);
    }

    [Theory]
    [InlineData("<document>\n  <p colour=\"red\">文字</p>\n</document>", typeof(MarkupException), 2, 6)]
    [InlineData("<document>\n  <p>正文</p>\n  <p>客户\uE000</p>\n</document>", typeof(LayoutException), 3, 4)]
    public void NothingIsWrittenWhenTheDocumentFails(string markup, Type error, int line, int column)
    {
        // The command line's flow: lay out the file, then write the PDF.
        using var dir = new TempDir();
        var input = dir.File("letter.xml");
        var output = dir.File("out/letter.pdf");
        File.WriteAllText(input, markup);

        var e = Assert.Throws(error, () =>
        {
            var document = SharedEngine.LayoutFile(input);
            DocumentEngine.WritePdf(document, output);
        });
        Assert.Equal(new SourceLocation(input, line, column), ((DocumentException)e).Location);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".tmp"));
        Assert.Equal(new[] { input }, Directory.GetFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories));
    }
}
