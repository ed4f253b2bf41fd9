using System.Globalization;
using System.Text.RegularExpressions;
using Print.Documents.Barcodes;
using Print.Documents.Geometry;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using UglyToad.PdfPig;
using Xunit;
using Xunit.Abstractions;
using ZXing;
using ZXing.Common;
using static Print.Documents.Tests.TestSupport;

namespace Print.Documents.Tests.Pdf;

/// <summary>
/// The PDF judged by tools that share no code with ours: poppler (pdftotext, pdffonts, pdfinfo, pdftoppm),
/// PdfPig, qpdf, ghostscript, ZXing over poppler's raster, zbar and libdmtx.
/// </summary>
public class PdfOutputTests(SampleLetter letter, ITestOutputHelper output) : IClassFixture<SampleLetter>
{
    /// <summary>Kangxi radicals and CJK radicals supplement: glyph-identical to hanzi, wrong when extracted.</summary>
    private static bool IsRadicalLookAlike(int cp) => cp is >= 0x2F00 and <= 0x2FDF or >= 0x2E80 and <= 0x2EFF;

    [Fact]
    public void SampleLetterIsWhatTheTestsAssume()
    {
        Assert.Equal(2, letter.Document.Pages.Count);
        Assert.InRange(SampleLetter.Paragraph.Count(c => c is >= '\u4E00' and <= '\u9FFF' or '〇'), 580, 620);
        var runs = letter.Document.Pages[0].Items.OfType<TextRun>().ToList();
        Assert.Contains(runs, r => r.Text == "𠮷" && r.Face.Family == "HanaMinB");
        Assert.Contains(runs, r => r.LetterSpacing > 0); // the justified paragraph really is stretched
        Assert.DoesNotContain(SampleLetter.Paragraph.EnumerateRunes(), r => IsRadicalLookAlike(r.Value));
    }

    [Fact]
    public void PdftotextExtractsTheParagraphAndTheNameExactly()
    {
        var text = letter.PdftotextOutput;
        var stripped = StripWhitespace(text);
        Assert.Contains(StripWhitespace(SampleLetter.Paragraph), stripped);
        Assert.Contains(SampleLetter.Name, stripped);
        Assert.Contains(SampleLetter.Address, stripped);
        Assert.Contains(StripWhitespace(SampleLetter.ReplyText), stripped);
        var lookAlikes = text.EnumerateRunes().Where(r => IsRadicalLookAlike(r.Value)).Select(r => $"U+{r.Value:X4}").Distinct().ToList();
        Assert.True(lookAlikes.Count == 0, "radical look-alikes in the extracted text: " + string.Join(", ", lookAlikes));
    }

    [Fact]
    public void PdfPigExtractionAgrees()
    {
        using var pdf = PdfDocument.Open(letter.PdfBytes);
        Assert.Equal(2, pdf.NumberOfPages);
        var text = StripWhitespace(string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)));
        Assert.Contains(StripWhitespace(SampleLetter.Paragraph), text);
        Assert.Contains(SampleLetter.Name, text);
        Assert.DoesNotContain(text.EnumerateRunes(), r => IsRadicalLookAlike(r.Value));
        Assert.Contains(StripWhitespace(SampleLetter.ReplyText), StripWhitespace(string.Concat(pdf.GetPage(2).Letters.Select(l => l.Value))));
        Assert.Equal(SampleLetter.Title, pdf.Information.Title);
        Assert.Equal(SampleLetter.Author, pdf.Information.Author);
    }

    [Fact]
    public void EveryGlyphIsWhereLayoutPutIt()
    {
        // PdfPig computes each glyph's origin from the content stream (Tm, Tf, Tc and the /W widths), so this
        // checks that the PDF prints letter-spaced, justified text exactly where layout measured it.
        using var pdf = PdfDocument.Open(letter.PdfBytes);
        for (int p = 0; p < letter.Document.Pages.Count; p++)
        {
            var page = letter.Document.Pages[p];
            var expected = page.Items.OfType<TextRun>().Where(t => t.Text.Length > 0)
                .SelectMany(t => GlyphPositions(t).Select(g => (Text: char.ConvertFromUtf32(g.CodePoint), g.X, t.Baseline))).ToList();
            var actual = pdf.GetPage(p + 1).Letters;
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                var (ch, x, baseline) = expected[i];
                var l = actual[i];
                Assert.Equal(ch, l.Value);
                Assert.True(Math.Abs(l.StartBaseLine.X - x) < 0.05 && Math.Abs(page.Height - l.StartBaseLine.Y - baseline) < 0.05,
                    $"page {p + 1} glyph {i} '{ch}': PDF has it at ({F(l.StartBaseLine.X)}, {F(page.Height - l.StartBaseLine.Y)}), layout at ({F(x)}, {F(baseline)})");
            }
        }
    }

    /// <summary>pdffonts' table rows split on blanks: name … type … encoding emb sub uni object generation.</summary>
    private static List<string[]> PdffontsRows(string path)
    {
        var lines = Tool.Run("pdffonts", path).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("name", lines[0]);
        Assert.StartsWith("----", lines[1]);
        return lines.Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    [Fact]
    public void EveryFontIsAnEmbeddedSubsetWithIdentityH()
    {
        var rows = PdffontsRows(letter.PdfPath);
        Assert.NotEmpty(rows);
        foreach (var t in rows)
        {
            var line = string.Join(" ", t);
            Assert.True(t[^6] == "Identity-H", $"not Identity-H: {line}");
            Assert.True(t[^5] == "yes", $"not embedded: {line}");
            Assert.True(t[^4] == "yes", $"not subset: {line}");
            Assert.True(t[^3] == "yes", $"no ToUnicode: {line}");
            Assert.Matches("^[A-Z]{6}\\+", t[0]);
        }
        var names = string.Join("\n", rows.Select(r => string.Join(" ", r)));
        Assert.Contains("Noto Sans SC", names);
        Assert.Contains("HanaMinB", names);
        // One font per face used, not one per size or per run.
        var faces = letter.Document.Pages.SelectMany(p => p.Items.OfType<TextRun>()).Where(t => t.Text.Length > 0).Select(t => t.Face.Key).Distinct().Count();
        Assert.Equal(faces, rows.Count);
    }

    [Fact]
    public void QpdfFindsNoErrors()
    {
        var result = Tool.Run("qpdf", "--check", letter.PdfPath);
        Assert.Contains("No syntax or stream encoding errors", result.StdOut);
        Assert.DoesNotContain("WARNING", result.StdOut + result.StdErr);
    }

    /// <summary>Ghostscript's ink coverage per page: C, M, Y, K as fractions of the page.</summary>
    private static List<double[]> InkCoverage(string path)
    {
        var stdout = Tool.Run("gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=inkcov", "-o", "-", path).StdOut;
        return stdout.Split('\n').Where(l => l.Contains("CMYK")).Select(l =>
            l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
    }

    [Fact]
    public void BlackTextAndBarcodesPrintOnTheBlackPlateOnly()
    {
        var pages = InkCoverage(letter.PdfPath);
        Assert.Equal(2, pages.Count);
        // Page 2: text and barcodes only, all black → K only.
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, pages[1][..3]);
        Assert.True(pages[1][3] > 0.001, "page 2 has no black ink");
        // Page 1 has the red postcode boxes (M+Y): the measurement does see colour, and still no cyan.
        Assert.True(pages[0][1] > 0 && pages[0][2] > 0, "red postcode boxes not seen");
        Assert.Equal(0.0, pages[0][0]);
    }

    private static (double Width, double Height) PageSize(string pdfinfo)
    {
        var m = Regex.Match(pdfinfo, @"Page size:\s+([\d.]+) x ([\d.]+) pts");
        Assert.True(m.Success, pdfinfo);
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static string InfoField(string pdfinfo, string field) =>
        Regex.Match(pdfinfo, "^" + field + @":[ \t]*(.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();

    [Fact]
    public void PdfinfoShowsA4AndTheDocumentMetadata()
    {
        var info = Tool.Run("pdfinfo", "-enc", "UTF-8", letter.PdfPath).StdOut;
        var (w, h) = PageSize(info);
        Assert.Equal(595.28, w, 0.01);
        Assert.Equal(841.89, h, 0.01);
        Assert.Equal("2", InfoField(info, "Pages"));
        Assert.Equal(SampleLetter.Title, InfoField(info, "Title"));
        Assert.Equal(SampleLetter.Author, InfoField(info, "Author"));
        Assert.Equal("直邮测试", InfoField(info, "Subject"));
    }

    private static GrayImage CropAround(GrayImage page, BarcodeItem b, double marginPt)
    {
        double s = SampleLetter.Dpi / 72.0;
        return page.Crop((int)((b.X - marginPt) * s), (int)((b.Y - marginPt) * s), (int)((b.Width + 2 * marginPt) * s), (int)((b.Height + 2 * marginPt) * s));
    }

    private static Result? Decode(GrayImage image, BarcodeFormat format)
    {
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = new[] { format }, TryHarder = true },
        };
        return reader.Decode(new RGBLuminanceSource(image.Pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8));
    }

    [Fact]
    public void Code128AndQrDecodeWithZxingFromPopplersRasterWhereLayoutPutThem()
    {
        var code128 = letter.Barcode(0, BarcodeType.Code128);
        var qr = letter.Barcode(0, BarcodeType.Qr);
        // Crops of symbol and quiet zone, located from the layout: a symbol drawn anywhere else would not decode.
        var linear = Decode(CropAround(letter.Raster, code128, Length.Mm(3.5)), BarcodeFormat.CODE_128);
        Assert.NotNull(linear);
        Assert.Equal(BarcodeFormat.CODE_128, linear.BarcodeFormat);
        Assert.Equal(SampleLetter.Tracking, linear.Text);

        var square = Decode(CropAround(letter.Raster, qr, Length.Mm(2)), BarcodeFormat.QR_CODE);
        Assert.NotNull(square);
        Assert.Equal(BarcodeFormat.QR_CODE, square.BarcodeFormat);
        Assert.Equal(SampleLetter.Url, square.Text);
        // 22 mm is the symbol with its four-module quiet zone on each side.
        Assert.Equal(Length.Mm(22), qr.Width + 8 * qr.ModuleWidth, 2);
    }

    [Fact]
    public void ZbarimgFindsBothBarcodesOnTheRaster()
    {
        _ = letter.Raster;
        var result = Tool.Run("zbarimg", "-q", "--raw", "-Sdisable", "-Scode128.enable", "-Sqrcode.enable", letter.RasterPath);
        var found = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Order().ToList();
        Assert.Equal(new[] { SampleLetter.Tracking, SampleLetter.Url }.Order(), found);
    }

    [Fact]
    public void DataMatrixDecodesWithDmtxread()
    {
        var prefix = letter.Dir.File("page2-datamatrix");
        var dm = letter.Barcode(1, BarcodeType.DataMatrix);
        double s = SampleLetter.Dpi / 72.0, margin = Length.Mm(3);
        string Px(double pt) => ((int)(pt * s)).ToString(CultureInfo.InvariantCulture);
        // Only the symbol's neighbourhood, rendered by poppler: small and fast for libdmtx.
        Tool.Run("pdftoppm", "-r", "300", "-gray", "-png", "-f", "2", "-l", "2", "-singlefile",
            "-x", Px(dm.X - margin), "-y", Px(dm.Y - margin), "-W", Px(dm.Width + 2 * margin), "-H", Px(dm.Height + 2 * margin),
            letter.PdfPath, prefix);
        var result = Tool.Run("dmtxread", new[] { "-N1", "-m", "10000", prefix + ".png" }, TimeSpan.FromSeconds(30));
        Assert.Equal(SampleLetter.DataMatrixValue, result.StdOut.Trim());
    }

    private static Dictionary<string, double[]> Boxes(string path)
    {
        var info = Tool.Run("pdfinfo", "-box", path).StdOut;
        return Regex.Matches(info, @"^(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => Enumerable.Range(2, 4).Select(g => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture)).ToArray());
    }

    [Fact]
    public void CardWithBleedAndCropMarksHasALargerMediaBoxAndATrimBoxOfTheCardSize()
    {
        using var dir = new TempDir();
        var path = dir.File("card.pdf");
        var doc = LayoutDoc("""
            <document size="90x54mm" orientation="landscape" bleed="3mm" crop-marks="true" margin="5mm" background="cmyk(0,0,0,10)">
              <p>名片 王𠮷祥</p>
            </document>
            """);
        DocumentEngine.WritePdf(doc, path);
        var boxes = Boxes(path);
        static double W(double[] b) => b[2] - b[0];
        static double H(double[] b) => b[3] - b[1];
        var (media, trim, bleed) = (boxes["MediaBox"], boxes["TrimBox"], boxes["BleedBox"]);

        Assert.Equal(Length.Mm(90), W(trim), 0.01);
        Assert.Equal(Length.Mm(54), H(trim), 0.01);
        Assert.Equal(Length.Mm(96), W(bleed), 0.01);
        Assert.Equal(Length.Mm(60), H(bleed), 0.01);
        Assert.Equal(trim[0] - Length.Mm(3), bleed[0], 0.01);
        Assert.Equal(trim[1] - Length.Mm(3), bleed[1], 0.01);
        // Room outside the bleed for the crop marks.
        Assert.True(media[0] < bleed[0] && media[1] < bleed[1] && media[2] > bleed[2] && media[3] > bleed[3],
            $"MediaBox {string.Join(" ", media)} does not surround BleedBox {string.Join(" ", bleed)}");
        Assert.Equal(PageSize(Tool.Run("pdfinfo", path).StdOut).Width, W(media), 0.01);

        // The crop marks lie outside the bleed, where they are cut away.
        var page = doc.Pages[0];
        var marks = page.Items.OfType<LineItem>().ToList();
        Assert.Equal(8, marks.Count);
        var b = page.BleedBox;
        Assert.All(marks, l => Assert.True(
            Math.Max(l.X1, l.X2) <= b.X + 0.01 || Math.Min(l.X1, l.X2) >= b.Right - 0.01 || Math.Max(l.Y1, l.Y2) <= b.Y + 0.01 || Math.Min(l.Y1, l.Y2) >= b.Bottom - 0.01,
            $"crop mark {l} reaches into the bleed box"));
    }

    /// <summary>
    /// BUG (src/Print.Documents/Markup/MarkupParser.cs, Document(): "if (orientation != (size.Width &gt; size.Height)) size = …"):
    /// orientation defaults to portrait even for an explicit "W×H" size, so size="90x54mm" silently becomes a
    /// 54 × 90 mm portrait card. An explicit width × height should be taken as written unless orientation is given.
    /// </summary>
    [Fact]
    public void ExplicitWidthByHeightSizeIsNotRotated()
    {
        var doc = LayoutDoc("<document size=\"90x54mm\" margin=\"5mm\"><p>名片</p></document>");
        Assert.Equal(Length.Mm(90), doc.Pages[0].TrimBox.Width, 0.01);
        Assert.Equal(Length.Mm(54), doc.Pages[0].TrimBox.Height, 0.01);
    }

    [Fact]
    public void BatchOfFiftyDocumentsIsOnePdfWithEachFontEmbeddedOnce()
    {
        using var dir = new TempDir();
        var path = dir.File("batch.pdf");
        string[] surnames = { "张", "王", "李", "赵", "陈", "杨", "黄", "周", "吴", "徐" };
        string[] given = { "伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "杰" };
        var faces = new HashSet<string>();
        var names = new List<string>();
        using (var writer = new PdfBatchWriter(new DocumentInfo("批量直邮", SampleLetter.Author, "", "Print")))
        {
            for (int i = 0; i < 50; i++)
            {
                var name = surnames[i % 10] + given[i / 5 % 10] + (i % 7 == 0 ? "𠮷" : "");
                names.Add(name);
                var doc = LayoutDoc($"""
                    <document size="A5" margin="15mm">
                      <place x="15mm" y="10mm" width="90mm" height="30mm">
                        <postcode-boxes value="{100000 + i * 137:000000}" box-color="black"/>
                        <p>收件人：{name} 先生</p>
                      </place>
                      <spacer height="35mm"/>
                      <p align="justify">尊敬的{name}：您好！您是我们的第{i + 1}位受邀客户，感谢您长期以来的支持。我们为您准备了专属优惠，详情请扫描下方二维码。</p>
                      <p weight="bold">客户编号 C{i:0000}</p>
                      <barcode type="qr" value="https://www.example.com.cn/r/{i:X6}" size="20mm"/>
                      <barcode type="code128" value="RR{473124800 + i}CN" text="below"/>
                    </document>
                    """, $"mail-{i}.xml");
                Assert.Single(doc.Pages);
                foreach (var t in doc.Pages[0].Items.OfType<TextRun>()) if (t.Text.Length > 0) faces.Add(t.Face.Key);
                writer.Append(doc);
            }
            Assert.Equal(50, writer.PageCount);
            writer.Save(path);
        }

        Assert.Equal("50", InfoField(Tool.Run("pdfinfo", path).StdOut, "Pages"));
        var rows = PdffontsRows(path);
        var fontNames = rows.Select(r => Regex.Replace(string.Join(" ", r.TakeWhile(x => x != "CID")), "^[A-Z]{6}\\+", "")).ToList();
        Assert.Equal(fontNames.Distinct().Count(), fontNames.Count); // each font once, not once per document
        Assert.Equal(faces.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r[^5] == "yes" && r[^4] == "yes", string.Join(" ", r)));

        // Pages in order: page i carries document i's recipient and number.
        var pages = Tool.Run("pdftotext", "-enc", "UTF-8", path, "-").StdOut.Split('\f');
        for (int i = 0; i < 50; i++)
        {
            var page = StripWhitespace(pages[i]);
            Assert.Contains($"客户编号C{i:0000}", page);
            Assert.Contains("收件人：" + names[i], page);
        }

        long size = new FileInfo(path).Length;
        double perPage = size / 50.0 / 1024;
        output.WriteLine($"batch of 50 one-page documents: {size / 1024.0:0.#} KB, {perPage:0.##} KB per page; fonts: {string.Join(", ", fontNames)}");
        Assert.True(perPage < 12, $"{perPage:0.##} KB per page");
    }

    [Fact]
    public void AFailedSaveLeavesNoTemporaryFileBehind()
    {
        using var dir = new TempDir();
        var target = dir.File("out.pdf");
        Directory.CreateDirectory(target); // a directory where the PDF should go: the final move must fail
        var doc = LayoutDoc("<document><p>一页</p></document>");
        Assert.ThrowsAny<IOException>(() => DocumentEngine.WritePdf(doc, target));
        Assert.Equal(new[] { target }, Directory.GetFileSystemEntries(dir.Path));
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }
}
