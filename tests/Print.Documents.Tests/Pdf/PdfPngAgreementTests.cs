using System.Globalization;
using Print.Documents.Geometry;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Xunit;
using Xunit.Abstractions;
using static Print.Documents.Tests.TestSupport;

namespace Print.Documents.Tests.Pdf;

/// <summary>
/// The preview (SkiaSharp) and the print PDF (rasterised by poppler) must show glyphs in the same places:
/// compared on the ink of the two rasters at 100 dpi, not on our own numbers.
/// </summary>
public class PdfPngAgreementTests(ITestOutputHelper output)
{
    private const int Dpi = 100;
    private const int Tolerance = 2;   // px
    private const byte Ink = 128;      // grey below this is ink

    private const string Markup = """
        <document size="A6" margin="10mm" font-size="10pt">
          <p size="16pt" weight="bold">春季专享 Spring 2026</p>
          <box width="100pt"><p align="justify">春夏秋冬 Internationalization 东南西北中</p></box>
          <p align="justify">尊敬的客户：感谢您长期以来的支持，本行推出“春季专享”活动（详见《活动细则》），凡在活动期间消费满一百元，即可获赠积分与礼品。</p>
          <p>收件人：<span size="14pt">王𠮷祥</span> 先生</p>
          <p align="right" font="LXGW WenKai">此致 敬礼</p>
          <p align="center" size="8pt" color="cmyk(0,0,0,100)">第 <page-number/> 页</p>
        </document>
        """;

    private static GrayImage RenderWithPoppler(LaidOutDocument doc, TempDir dir)
    {
        var pdf = dir.File("page.pdf");
        DocumentEngine.WritePdf(doc, pdf);
        Tool.Run("pdftoppm", "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", pdf, dir.File("poppler"));
        return GrayImage.Load(dir.File("poppler.png"));
    }

    /// <summary>Text rows: bands of rows with ink, gaps of one pixel bridged.</summary>
    private static List<(int Start, int End)> Rows(GrayImage img) =>
        GrayImage.Runs(img.Height, y => img.RowHasInk(y, 0, img.Width, Ink), bridge: 1);

    private static List<(int Start, int End)> Columns(GrayImage img, int y0, int y1, int bridge) =>
        GrayImage.Runs(img.Width, x => img.ColumnHasInk(x, y0, y1 + 1, Ink), bridge);

    [Fact]
    public void PreviewAndPdfPutTheInkInTheSamePlaces()
    {
        using var dir = new TempDir();
        var doc = LayoutDoc(Markup);
        Assert.Single(doc.Pages);
        var preview = GrayImage.DecodePng(PngRenderer.Render(doc.Pages[0], Dpi));
        var poppler = RenderWithPoppler(doc, dir);
        Assert.InRange(preview.Width - poppler.Width, -1, 1);
        Assert.InRange(preview.Height - poppler.Height, -1, 1);

        var rowsPreview = Rows(preview);
        var rowsPdf = Rows(poppler);
        output.WriteLine("preview rows: " + string.Join(" ", rowsPreview));
        output.WriteLine("poppler rows: " + string.Join(" ", rowsPdf));
        Assert.True(rowsPreview.Count >= 8, $"expected at least eight text rows, found {rowsPreview.Count}");
        Assert.Equal(rowsPreview.Count, rowsPdf.Count);
        for (int i = 0; i < rowsPreview.Count; i++)
        {
            var (a, b) = (rowsPreview[i], rowsPdf[i]);
            Assert.True(Math.Abs(a.Start - b.Start) <= Tolerance && Math.Abs(a.End - b.End) <= Tolerance,
                $"text row {i}: preview rows {a.Start}–{a.End}, PDF rows {b.Start}–{b.End}");
            // Left and right end of the ink on that row.
            int y0 = Math.Min(a.Start, b.Start), y1 = Math.Max(a.End, b.End);
            var ca = Columns(preview, y0, y1, int.MaxValue);
            var cb = Columns(poppler, y0, y1, int.MaxValue);
            Assert.True(Math.Abs(ca[0].Start - cb[0].Start) <= Tolerance && Math.Abs(ca[^1].End - cb[^1].End) <= Tolerance,
                $"text row {i}: preview ink x {ca[0].Start}–{ca[^1].End}, PDF ink x {cb[0].Start}–{cb[^1].End}");
            // The centre of the ink, weighted by darkness: a whole row moved by a point would show here even if
            // anti-aliasing kept its edges within tolerance. Skia places glyphs on whole pixel rows, poppler
            // rounds differently, so up to one pixel is the renderers' business.
            var (ax, ay) = InkCentre(preview, y0 - 2, y1 + 2);
            var (bx, by) = InkCentre(poppler, y0 - 2, y1 + 2);
            Assert.True(Math.Abs(ax - bx) <= 1.5 && Math.Abs(ay - by) <= 1.5,
                $"text row {i}: ink centre ({ax:0.0}, {ay:0.0}) in the preview, ({bx:0.0}, {by:0.0}) in the PDF");
        }
    }

    private static (double X, double Y) InkCentre(GrayImage img, int y0, int y1)
    {
        double sum = 0, sx = 0, sy = 0;
        for (int y = Math.Max(0, y0); y <= Math.Min(img.Height - 1, y1); y++)
        for (int x = 0; x < img.Width; x++)
        {
            double d = 255 - img[x, y];
            sum += d; sx += d * x; sy += d * y;
        }
        return (sx / sum, sy / sum);
    }

    [Fact]
    public void LetterSpacedJustifiedLineHasItsGlyphsAtTheSamePlacesInBoth()
    {
        using var dir = new TempDir();
        var doc = LayoutDoc(Markup);
        // The line "春夏秋冬" is stretched over 100pt because the long word does not fit after it.
        var spaced = Lines(doc.Pages[0]).Single(l => l.Text == "春夏秋冬");
        var run = Assert.Single(spaced.Runs);
        Assert.True(run.LetterSpacing > 15, $"precondition: wide letter spacing, got {F(run.LetterSpacing)}pt");

        var preview = GrayImage.DecodePng(PngRenderer.Render(doc.Pages[0], Dpi));
        var poppler = RenderWithPoppler(doc, dir);
        double s = Dpi / 72.0;
        int y0 = (int)((spaced.Baseline - run.Size) * s), y1 = (int)((spaced.Baseline + 0.3 * run.Size) * s);

        // Each hanzi is a separate island of ink; bridge the gaps inside a glyph, not the 20pt between glyphs.
        var a = Columns(preview, y0, y1, bridge: 6);
        var b = Columns(poppler, y0, y1, bridge: 6);
        output.WriteLine("preview glyphs: " + string.Join(" ", a));
        output.WriteLine("poppler glyphs: " + string.Join(" ", b));
        Assert.Equal(4, a.Count);
        Assert.Equal(4, b.Count);
        var expected = GlyphPositions(run);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(a[i].Start - b[i].Start) <= Tolerance && Math.Abs(a[i].End - b[i].End) <= Tolerance,
                $"glyph {i}: preview x {a[i].Start}–{a[i].End}, PDF x {b[i].Start}–{b[i].End}");
            // And both where layout put the glyph: its ink centre within the em box of its position.
            double centre = (expected[i].X + run.Size / 2) * s;
            Assert.InRange((b[i].Start + b[i].End) / 2.0, centre - run.Size * s / 4, centre + run.Size * s / 4);
        }
        // The last glyph ends at the right edge of the 100pt box.
        double right = (Geometry.Length.Mm(10) + 100) * s;
        Assert.InRange(b[^1].End, right - run.Size * s * 0.25, right + 1);
    }

    /// <summary>
    /// A table's cell borders are written as one path a row (<see cref="PdfBatchWriter"/> draws the first rectangle
    /// through PDFsharp and the rest itself): every rule where layout put it, in the PDF as in the preview.
    /// </summary>
    [Fact]
    public void TableRulesAreWhereLayoutPutThemInBoth()
    {
        using var dir = new TempDir();
        var doc = LayoutDoc("""
            <document size="A6" margin="10mm" font-size="9pt">
              <table columns="20mm * 18mm" border="0.5mm" border-color="cmyk(0,0,0,100)" padding="1mm">
                <thead background="cmyk(0,0,0,5)"><tr><th>序号</th><th>收件人</th><th>邮编</th></tr></thead>
                <tr><td>1</td><td>王小明</td><td>330000</td></tr>
                <tr><td>2</td><td>李四</td><td>330001</td></tr>
                <tr><td colspan="2">本页小计</td><td>2 件</td></tr>
              </table>
            </document>
            """);
        var rects = doc.Pages[0].Items.OfType<StrokeRect>().ToList();
        Assert.Equal(11, rects.Count);
        var preview = GrayImage.DecodePng(PngRenderer.Render(doc.Pages[0], Dpi));
        var poppler = RenderWithPoppler(doc, dir);
        double s = Dpi / 72.0;
        // Horizontal rules: rows inked across most of the table's width; vertical rules likewise on columns.
        var table = new Rect(rects.Min(r => r.Rect.X), rects.Min(r => r.Rect.Y), rects.Max(r => r.Rect.Right) - rects.Min(r => r.Rect.X),
            rects.Max(r => r.Rect.Bottom) - rects.Min(r => r.Rect.Y));
        int x0 = (int)(table.X * s) + 2, x1 = (int)(table.Right * s) - 2, y0 = (int)(table.Y * s) + 2, y1 = (int)(table.Bottom * s) - 2;
        List<(int Start, int End)> Horizontal(GrayImage img) =>
            GrayImage.Runs(img.Height, y => Enumerable.Range(x0, x1 - x0).Count(x => img[x, y] < Ink) > 0.9 * (x1 - x0), bridge: 0);
        var expected = rects.SelectMany(r => new[] { r.Rect.Y, r.Rect.Bottom }).Select(y => y * s).Distinct().OrderBy(y => y).ToList();
        var a = Horizontal(preview);
        var b = Horizontal(poppler);
        output.WriteLine($"rules expected at {string.Join(" ", expected.Select(y => F(y)))} px; preview {string.Join(" ", a)}; PDF {string.Join(" ", b)}");
        Assert.Equal(expected.Count, b.Count);
        Assert.Equal(expected.Count, a.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(b[i].Start - Tolerance <= expected[i] && expected[i] <= b[i].End + 1 + Tolerance,
                $"rule {i}: layout puts it at {F(expected[i])} px, the PDF at {b[i].Start}–{b[i].End}");
        // The first body row's four vertical rules, looked for in its cells' top padding (no text there).
        int mid = (int)((rects[4].Rect.Y + Length.Mm(0.8)) * s);
        var va = Columns(preview, mid - 1, mid + 1, bridge: 0).Where(c => c.End - c.Start <= 4).ToList();
        var vb = Columns(poppler, mid - 1, mid + 1, bridge: 0).Where(c => c.End - c.Start <= 4).ToList();
        Assert.True(vb.Count == 4, $"expected the row's four vertical rules in the PDF, found {string.Join(" ", vb)}");
        foreach (var x in rects.Where(r => Math.Abs(r.Rect.Y - rects[4].Rect.Y) < 0.01).SelectMany(r => new[] { r.Rect.X, r.Rect.Right }).Distinct())
        {
            Assert.Contains(vb, c => c.Start - Tolerance <= x * s && x * s <= c.End + 1 + Tolerance);
            Assert.Contains(va, c => c.Start - Tolerance <= x * s && x * s <= c.End + 1 + Tolerance);
        }
    }
}
