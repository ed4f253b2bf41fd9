using Print.Documents.Geometry;
using Print.Documents.Pages;
using SkiaSharp;
using Xunit;
using static Print.Documents.Tests.TestSupport;

namespace Print.Documents.Tests.Engine;

/// <summary>
/// One test per defect fixed in "Fix engine defects found in review" (collapsed table borders, page breaks
/// where content is drawn whole, trailing page break, page numbers past 99, explicit sizes, silently ignored
/// attributes, em-relative image sizes, row width overflow, header-only tables, whole colspans, cmyk in
/// percent, licence plates, barcode caption location, stray text location). Each asserts what is printed on
/// the laid-out pages, or the error with its place, so that it fails again if the fix is undone.
/// </summary>
public class RegressionTests
{
    private const string FileName = "reg.xml";
    private static readonly double Margin = Length.Mm(20);

    private static string Doc(string body, string attributes = "") => $"<document{attributes}>\n{body}\n</document>";

    private static TException FailsAt<TException>(string markup, int line, int column) where TException : DocumentException
    {
        var e = Assert.Throws<TException>(() => LayoutDoc(markup, FileName));
        Assert.Equal(new SourceLocation(FileName, line, column), e.Location);
        Assert.StartsWith($"{FileName}:{line}:{column}: ", e.Message);
        return e;
    }

    // 1 ------------------------------------------------------------------------------------------------

    [Fact]
    public void TableCellBordersAreDrawnOnTheCellBoundsSoSharedEdgesCoincide()
    {
        var doc = LayoutDoc(Doc("""
              <table border="1mm">
                <tr><td>甲</td><td>乙</td></tr>
                <tr><td>丙</td><td>丁</td></tr>
              </table>
            """, " margin=\"20mm\" font-size=\"10pt\""));

        var page = Assert.Single(doc.Pages);
        var strokes = page.Items.OfType<StrokeRect>().OrderBy(s => Math.Round(s.Rect.Y, 3)).ThenBy(s => s.Rect.X).ToList();
        Assert.Equal(4, strokes.Count);
        Assert.All(strokes, s => Assert.Equal(Length.Mm(1), s.LineWidth, 6));
        var (c00, c01, c10, c11) = (strokes[0].Rect, strokes[1].Rect, strokes[2].Rect, strokes[3].Rect);

        // Exact cell bounds: the grid starts at the margin and spans the 170 mm body, in two 85 mm columns.
        Assert.Equal(Margin, c00.X, 6);
        Assert.Equal(Margin, c00.Y, 6);
        Assert.Equal(Length.Mm(85), c00.Width, 6);
        Assert.Equal(Length.Mm(190), c11.Right, 6);
        // A shared edge is one line, drawn at the same coordinate by both cells.
        Assert.Equal(c00.Right, c01.X, 6);
        Assert.Equal(c10.Right, c11.X, 6);
        Assert.Equal(c00.Bottom, c10.Y, 6);
        Assert.Equal(c01.Bottom, c11.Y, 6);
        Assert.Equal(c00.X, c10.X, 6);
    }

    // 2 ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("td", "  <table><tr><td>甲</td><td>乙\n      <page-break/>丙</td></tr></table>", 3, 8)]
    [InlineData("place", "  <place x=\"10mm\" y=\"10mm\" width=\"60mm\" height=\"30mm\"><p>甲</p>\n    <column><page-break/></column></place>", 3, 14)]
    [InlineData("header", "  <header><p>页眉</p>\n   <page-break/>\n  </header>\n  <p>正文</p>", 3, 5)]
    public void PageBreakInsideContentDrawnWholeIsRefusedAtThePageBreak(string container, string body, int line, int column)
    {
        var e = FailsAt<MarkupException>(Doc(body), line, column);
        Assert.Contains("<page-break>", e.Message);
        Assert.Contains($"<{container}>", e.Message);
    }

    // 3 ------------------------------------------------------------------------------------------------

    private const string PageCountFooter = "<footer><p>共<page-count/>页</p></footer>";

    private static string PageCountText(LaidOutPage page) =>
        Lines(page).Last().Runs.Single(r => r.Text.All(char.IsAsciiDigit)).Text;

    [Fact]
    public void TrailingPageBreakAddsNoBlankPageButABreakBetweenParagraphsStillDoes()
    {
        var trailing = LayoutDoc(Doc("  " + PageCountFooter + "\n  <p>甲</p>\n  <page-break/>"));
        var only = Assert.Single(trailing.Pages);
        Assert.Equal("1", PageCountText(only)); // the dropped page is not counted either

        var between = LayoutDoc(Doc("  " + PageCountFooter + "\n  <p>甲</p>\n  <page-break/>\n  <p>乙</p>"));
        Assert.Equal(2, between.Pages.Count);
        Assert.Equal("甲", Lines(between.Pages[0])[0].Text);
        Assert.Equal("乙", Lines(between.Pages[1])[0].Text);
        Assert.All(between.Pages, p => Assert.Equal("2", PageCountText(p)));
    }

    // 4 ------------------------------------------------------------------------------------------------

    [Fact]
    public void ThreeDigitPageNumbersDoNotOverlapTheTextAroundThem()
    {
        const int count = 120;
        var body = string.Join("\n  <page-break/>\n", Enumerable.Range(1, count).Select(i => $"  <p>第{i}段</p>"));
        var doc = LayoutDoc(Doc("  <footer><p>第<page-number/>页 共<page-count/>页</p></footer>\n" + body, " font-size=\"10pt\""));

        Assert.Equal(count, doc.Pages.Count);
        foreach (var number in new[] { 1, 9, 10, 99, 100, 110, 120 })
        {
            var footer = Lines(doc.Pages[number - 1]).Last();
            Assert.Equal($"第{number}页共{count}页", StripSpaces(footer.Text));
            var digits = footer.Runs.Where(r => r.Text.All(char.IsAsciiDigit)).Select(r => r.Text).ToList();
            Assert.Equal(new[] { number.ToString(), count.ToString() }, digits);
            for (int i = 0; i + 1 < footer.Runs.Count; i++)
            {
                var (run, next) = (footer.Runs[i], footer.Runs[i + 1]);
                Assert.True(run.X + run.Width <= next.X + 0.01,
                    $"page {number}: \"{run.Text}\" ends at {F(run.X + run.Width)}, after \"{next.Text}\" starts at {F(next.X)}");
                Assert.True(GlyphEnd(run) <= next.X + 0.01,
                    $"page {number}: glyphs of \"{run.Text}\" end at {F(GlyphEnd(run))}, after \"{next.Text}\" starts at {F(next.X)}");
            }
        }

        static string StripSpaces(string s) => s.Replace(" ", "");
    }

    // 5 ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("size=\"210 × 100 mm\"", 210, 100)]
    [InlineData("size=\"210 x 100mm\"", 210, 100)]
    [InlineData("size=\"90x54mm\"", 90, 54)]
    [InlineData("size=\"90x54mm\" orientation=\"portrait\"", 54, 90)]
    [InlineData("size=\"A5\"", 148, 210)]
    [InlineData("size=\"A5\" orientation=\"landscape\"", 210, 148)]
    public void ExplicitPageSizesAreTakenAsWrittenUnlessTurned(string attributes, double widthMm, double heightMm)
    {
        var doc = LayoutDoc($"<document {attributes} margin=\"5mm\"><p>文字</p></document>");
        var trim = Assert.Single(doc.Pages).TrimBox;
        Assert.Equal(widthMm * 72 / 25.4, trim.Width, 6);
        Assert.Equal(heightMm * 72 / 25.4, trim.Height, 6);
    }

    // 6 ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("  <barcode type=\"code128\" value=\"RR473124829CN\" size=\"20mm\"/>", 4, new[] { "<barcode>", "code128", "'size'" })]
    [InlineData("  <barcode type=\"datamatrix\" value=\"ABC123\" error-correction=\"H\"/>", 4, new[] { "<barcode>", "'error-correction'", "qr" })]
    [InlineData("  <barcode type=\"qr\" value=\"ABC123\" module=\"0.5mm\" width=\"20mm\"/>", 4, new[] { "<barcode>", "'module'", "not both" })]
    [InlineData("  <barcode type=\"qr\" value=\"ABC123\" module=\"0.5mm\" size=\"20mm\"/>", 4, new[] { "<barcode>", "'module'", "not both" })]
    [InlineData("  <p>甲<span align=\"right\">乙</span></p>", 13, new[] { "<span>", "unknown attribute 'align'" })]
    [InlineData("  <p size=\"12pt\" font-size=\"14pt\">甲</p>", 4, new[] { "<p>", "'size'", "'font-size'", "not both" })]
    public void AttributesThatWereSilentlyIgnoredAreErrors(string line2, int column, string[] fragments)
    {
        var e = FailsAt<MarkupException>(Doc(line2), 2, column);
        foreach (var fragment in fragments) Assert.Contains(fragment, e.Message);
    }

    // 7 ------------------------------------------------------------------------------------------------

    [Fact]
    public void ImageWidthInEmIsRelativeToTheFontSizeInScope()
    {
        using var dir = new TempDir();
        using (var bitmap = new SKBitmap(40, 20))
        {
            bitmap.Erase(SKColors.Black);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(dir.File("dot.png"), data.ToArray());
        }

        var doc = SharedEngine.Layout(Doc("""
              <column font-size="12pt">
                <image src="dot.png" width="10em"/>
              </column>
            """, " font-size=\"10pt\""), "t.xml", dir.Path);

        var image = Assert.Single(Assert.Single(doc.Pages).Items.OfType<ImageItem>());
        Assert.Equal(120, image.Rect.Width, 6);
        Assert.Equal(60, image.Rect.Height, 6); // the height follows the 2 : 1 aspect ratio
    }

    // 8 ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("<cell width=\"100mm\">甲</cell><cell width=\"50%\">乙</cell>")] // 100 mm + 85 mm > 170 mm
    [InlineData("<cell width=\"60%\">甲</cell><cell width=\"50%\">乙</cell><cell>丙</cell>")]
    [InlineData("<cell width=\"90mm\">甲</cell><cell width=\"90mm\">乙</cell>")]
    public void RowWhoseFixedAndPercentageWidthsExceedTheSpaceFails(string cells)
    {
        var markup = Doc($"  <p>正文</p>\n  <row>\n    {cells}\n  </row>", " margin=\"20mm\"");
        var e = Assert.Throws<LayoutException>(() => LayoutDoc(markup, FileName));
        Assert.Equal(new SourceLocation(FileName, 3, 4), e.Location);
        Assert.Contains("<row>", e.Message);
        Assert.Contains("170mm", e.Message);
    }

    [Fact]
    public void RowWhoseFixedWidthsLeaveNothingForAStarCellFails()
    {
        var markup = Doc("  <row>\n    <cell width=\"170mm\">甲</cell><cell>乙乙乙</cell>\n  </row>", " margin=\"20mm\"");
        var e = Assert.Throws<LayoutException>(() => LayoutDoc(markup, FileName));
        Assert.Equal(new SourceLocation(FileName, 2, 4), e.Location);
        Assert.Contains("\"*\"", e.Message);
    }

    [Theory]
    [InlineData("100mm 100mm")]
    [InlineData("170mm *")]
    [InlineData("60% 50%")]
    public void TableWhoseColumnsDoNotFitTheSpaceFails(string columns)
    {
        var markup = Doc($"  <table columns=\"{columns}\">\n    <tr><td>甲</td><td>乙</td></tr>\n  </table>", " margin=\"20mm\"");
        var e = Assert.Throws<LayoutException>(() => LayoutDoc(markup, FileName));
        Assert.Equal(new SourceLocation(FileName, 2, 4), e.Location);
        Assert.Contains("<table>", e.Message);
        Assert.Contains("170mm", e.Message);
    }

    [Theory]
    [InlineData("type=\"qr\" width=\"20mm\" height=\"40mm\"", "square")]
    [InlineData("type=\"qr\" size=\"20mm\" width=\"40mm\"", "square")]
    [InlineData("type=\"datamatrix\" module=\"1mm\" height=\"40mm\"", "square")]
    [InlineData("type=\"code128\" text-size=\"8pt\"", "text=\"below\"")]
    public void BarcodeSizesThatContradictEachOtherFail(string attributes, string expected)
    {
        var e = FailsAt<MarkupException>(Doc($"  <barcode {attributes} value=\"RR473124829CN\"/>"), 2, 4);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void SquareBarcodeWithEqualWidthAndHeightIsAccepted()
    {
        var doc = LayoutDoc(Doc("  <barcode type=\"qr\" width=\"20mm\" height=\"20mm\" value=\"AB12\"/>"));
        var code = Assert.Single(doc.Pages[0].Items.OfType<BarcodeItem>());
        Assert.Equal(code.Width, code.Height, 3);
    }

    // 9 ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("  <p>正文</p>\n")]
    public void TableOfOnlyHeaderRowsTallerThanThePageFails(string before)
    {
        // The body of a 100 × 60 mm page with 10 mm margins is 40 mm high; the header row needs 50 mm.
        var markup = "<document size=\"100x60mm\" margin=\"10mm\">\n" + before +
                     "  <table>\n    <thead><tr><th>表头<spacer height=\"50mm\"/></th></tr></thead>\n  </table>\n</document>";
        int tableLine = 2 + before.Count(c => c == '\n');
        var e = Assert.Throws<LayoutException>(() => LayoutDoc(markup, FileName));
        Assert.Equal(new SourceLocation(FileName, tableLine, 4), e.Location);
        Assert.Contains("<table>", e.Message);
        Assert.Contains("header", e.Message);
    }

    // 10 -----------------------------------------------------------------------------------------------

    [Fact]
    public void FractionalColspanIsRefused()
    {
        var e = FailsAt<MarkupException>(Doc("  <table>\n    <tr><td colspan=\"1.5\">甲</td><td>乙</td></tr>\n  </table>"), 3, 10);
        Assert.Contains("<td>", e.Message);
        Assert.Contains("whole number", e.Message);
        Assert.Contains("1.5", e.Message);
    }

    // 11 -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("cmyk(0,0,0,1)", 0, 0.01)]
    [InlineData("cmyk(0,0,0,100)", 0, 1.0)]
    [InlineData("cmyk(0,0,0,1.0)", 0, 0.01)]  // was read as fractions: 100 % black
    [InlineData("cmyk(0,0,0,0.5)", 0, 0.005)] // was 50 % black
    [InlineData("cmyk(0.5, 0, 0, 1)", 0.005, 0.01)] // one decimal point used to turn every value into a fraction
    [InlineData("cmyk(50%,0,0,100%)", 0.5, 1.0)]
    public void CmykValuesAreAlwaysPercent(string text, double c, double k)
    {
        Assert.True(PrintColor.TryParse(text, out var color), text);
        Assert.True(color.IsCmyk);
        Assert.Equal(c, color.C, 9);
        Assert.Equal(0, color.M, 9);
        Assert.Equal(0, color.Y, 9);
        Assert.Equal(k, color.K, 9);
    }

    // 12 -----------------------------------------------------------------------------------------------

    private const string Plate = "赣A·D6161";
    private const string PlateTail = "A·D6161"; // what follows the province character
    private const double PlateSize = 10;

    /// <summary>
    /// The text of the printed lines, joined by "|", of two sentences holding the plate in a box
    /// <paramref name="em"/> × 10 pt wide, for every width from 3 to 12 em in quarter-em steps that is at
    /// least <paramref name="minimumWidth"/> (narrower than that, no rule can keep the text whole).
    /// </summary>
    private static List<(double Em, string Text)> PlateLayouts(double minimumWidth, bool nowrap = false)
    {
        var plate = nowrap ? $"<span nowrap=\"true\">{Plate}</span>" : Plate;
        var result = new List<(double, string)>();
        for (double em = 3; em <= 12 + 1e-9; em += 0.25)
        {
            if (em * PlateSize < minimumWidth) continue;
            var doc = LayoutDoc($"""
                <document margin="20mm" font-size="{F(PlateSize)}pt">
                  <box width="{F(em * PlateSize)}pt"><p>车辆号牌{plate}已登记，车主{plate}号牌有效</p></box>
                </document>
                """);
            result.Add((em, string.Join("|", Lines(Assert.Single(doc.Pages)).Select(l => l.Text))));
        }
        return result;
    }

    private static double TextWidth(string text)
    {
        var doc = LayoutDoc($"<document font-size=\"{F(PlateSize)}pt\"><p>{text}</p></document>");
        var line = Assert.Single(Lines(doc.Pages[0]));
        Assert.Equal(text, line.Text);
        return line.Right - line.Left;
    }

    [Fact]
    public void LicencePlateIsNotBrokenAfterItsMiddleDot()
    {
        // "·" is not Chinese punctuation: "A·D6161" is one unbreakable word, not "A·" + "D6161".
        var layouts = PlateLayouts(TextWidth(PlateTail));
        Assert.True(layouts.Count > 20, "too few widths tried");
        var broken = layouts.Where(l => l.Text.Split(PlateTail).Length != 3).Select(l => $"{F(l.Em)}em: {l.Text}").ToList();
        Assert.True(broken.Count == 0, "plate broken after its middle dot:\n" + string.Join("\n", broken));
    }

    /// <summary>
    /// A line may break between a hanzi and a Latin letter ("我们|MP3"), so the province character of a plate
    /// needs the markup's word for "never break this": a nowrap span keeps the whole plate on one line
    /// whenever the line is wide enough for it.
    /// </summary>
    [Fact]
    public void LicencePlateInANowrapSpanIsNeverBrokenInside()
    {
        var layouts = PlateLayouts(TextWidth(Plate), nowrap: true);
        Assert.True(layouts.Count > 20, "too few widths tried");
        var broken = layouts.Where(l => l.Text.Split(Plate).Length != 3).Select(l => $"{F(l.Em)}em: {l.Text}").ToList();
        Assert.True(broken.Count == 0, "plate broken inside:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void ASpaceBeforeANowrapSpanIsStillABreakOpportunity()
    {
        // 28 mm holds "ABC DEFG" but not "ABC DEFG HIJ KL": the span moves down alone, not with "DEFG".
        var doc = LayoutDoc(Doc("  <box width=\"28mm\"><p>ABC DEFG <span nowrap=\"true\">HIJ KL</span></p></box>"));
        var lines = Lines(doc.Pages[0]).Select(l => l.Text).ToList();
        Assert.Equal(new[] { "ABC DEFG", "HIJ KL" }, lines);
    }

    [Fact]
    public void APageNumberInsideANowrapSpanStaysWithItsText()
    {
        var doc = LayoutDoc(Doc("  <box width=\"30mm\"><p>共计一二三四五<span nowrap=\"true\">第<page-number/>页</span></p></box>", " font-size=\"10pt\""));
        var lines = Lines(doc.Pages[0]).Select(l => l.Text).ToList();
        Assert.Contains(lines, l => l.StartsWith("第", StringComparison.Ordinal) && l.Contains('1') && l.EndsWith("页", StringComparison.Ordinal));
    }

    [Fact]
    public void JustificationDoesNotLetterSpaceANowrapSpan()
    {
        var doc = LayoutDoc(Doc($"  <box width=\"50mm\"><p align=\"justify\">车主的号牌为<span nowrap=\"true\">{Plate}</span>，已登记在册，保单有效期内请妥善保管。</p></box>"));
        var plateRuns = doc.Pages[0].Items.OfType<TextRun>().Where(r => r.Text.Contains("D6161")).ToList();
        Assert.NotEmpty(plateRuns);
        Assert.All(plateRuns, r => Assert.Equal(0, r.LetterSpacing));
    }

    [Fact]
    public void FractionalQuietZoneIsRefused()
    {
        var e = FailsAt<MarkupException>(Doc("  <barcode type=\"qr\" size=\"20mm\" quiet-zone=\"2.5\" value=\"AB\"/>"), 2, 4);
        Assert.Contains("whole number", e.Message);
    }

    [Fact]
    public void PageBreakInAFixedHeightBoxIsRefusedAtThePageBreak()
    {
        var e = FailsAt<MarkupException>(Doc("  <box height=\"30mm\">\n    <p>甲</p><page-break/>\n  </box>"), 3, 14);
        Assert.Contains("<page-break>", e.Message);
        Assert.Contains("<box>", e.Message);
    }

    [Fact]
    public void APageHoldingOnlyPlacesIsNotEmptyForAPageBreak()
    {
        // A two-sided card: each side is made of places only; the break must start the second side.
        var doc = LayoutDoc(Doc("  <place x=\"10mm\" y=\"10mm\" width=\"50mm\" height=\"10mm\"><p>正面</p></place>\n  <page-break/>\n" +
                                "  <place x=\"10mm\" y=\"10mm\" width=\"50mm\" height=\"10mm\"><p>背面</p></place>", " size=\"postcard\""));
        Assert.Equal(2, doc.Pages.Count);
        Assert.Contains(doc.Pages[0].Items.OfType<TextRun>(), r => r.Text == "正面");
        Assert.Contains(doc.Pages[1].Items.OfType<TextRun>(), r => r.Text == "背面");
        Assert.DoesNotContain(doc.Pages[0].Items.OfType<TextRun>(), r => r.Text == "背面");
    }

    // 13 -----------------------------------------------------------------------------------------------

    [Fact]
    public void MissingGlyphInABarcodeCaptionNamesTheBarcodeAndItsLine()
    {
        var markup = "<document>\n  <p>正文</p>\n\n  <barcode type=\"qr\" size=\"20mm\" value=\"ID\uE000X\" text=\"below\"/>\n</document>";
        var e = FailsAt<LayoutException>(markup, 4, 4);
        Assert.Contains("<barcode>", e.Message);
        Assert.DoesNotContain("<p>", e.Message);
        Assert.Contains("U+E000", e.Message);
    }

    // 14 -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("  <row>\n      散落的文字\n    <cell>甲</cell>\n  </row>", 3, 7, "row")]
    [InlineData("  <row>\n\n\t stray <cell>甲</cell>\n  </row>", 4, 3, "row")]
    [InlineData("  <row><cell>甲</cell>  stray\n  </row>", 2, 24, "row")]
    [InlineData("  <table>\n    <tr>\n       散落<td>甲</td></tr>\n  </table>", 4, 8, "tr")]
    public void StrayTextIsReportedAtItsFirstVisibleCharacter(string body, int line, int column, string container)
    {
        var e = FailsAt<MarkupException>(Doc(body), line, column);
        Assert.Contains($"<{container}>", e.Message);
        Assert.Contains("is not allowed directly here", e.Message);
    }
}
