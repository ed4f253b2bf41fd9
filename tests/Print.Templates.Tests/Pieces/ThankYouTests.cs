using System.Globalization;
using Print.Documents;
using Print.Documents.Barcodes;
using Print.Documents.Geometry;
using Print.Documents.Pages;
using Print.Templates.Model;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace Print.Templates.Tests.Pieces;

/// <summary>The thank-you letter merged with its sample, laid out and written to a PDF once for the class.</summary>
public sealed class ThankYouLetter : IDisposable
{
    public const int Dpi = 300;
    private readonly TempDir _dir = new();
    private readonly Lazy<GrayImage> _raster;
    private readonly Lazy<string> _text;

    public PrintTemplate Template { get; }
    public TemplateModel Model { get; }
    public LaidOutDocument Document { get; }
    public string PdfPath { get; }

    public ThankYouLetter()
    {
        try
        {
            Template = TestSupport.Library.Get("thank-you");
            Model = TestSupport.Sample(Template);
            Document = TestSupport.Renderer.Render(Template, Model);
            PdfPath = _dir.File("thank-you.pdf");
            DocumentEngine.WritePdf(Document, PdfPath);
        }
        catch
        {
            _dir.Dispose();
            throw;
        }
        _raster = new(() =>
        {
            var prefix = _dir.File("page1");
            Tool.Run("pdftoppm", "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", PdfPath, prefix);
            return GrayImage.Load(prefix + ".png");
        });
        _text = new(() => Tool.PdfToText(PdfPath));
    }

    /// <summary>Page 1 rasterised by poppler at 300 dpi, grey.</summary>
    public GrayImage Raster => _raster.Value;
    public string RasterPath => _dir.File("page1.png");
    public string Text => _text.Value;

    public BarcodeItem Barcode(BarcodeType type) => Document.Pages[0].Items.OfType<BarcodeItem>().Single(b => b.Type == type);

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// The thank-you letter as the print shop and the customer get it: the PDF says what the data says, both
/// barcodes scan to the right values from a poppler raster, the address sits in the envelope window.
/// </summary>
public class ThankYouTests(ThankYouLetter letter) : IClassFixture<ThankYouLetter>
{
    [Fact]
    public void SampleIsWhatTheseTestsExpect()
    {
        Assert.Equal("张三", letter.Model.Customer.Name);
        Assert.Equal("RR473124829CN", letter.Model.Piece.TrackingNumber);
        Assert.Equal("PDAA202636010000004821", letter.Model.Policy.Number);
        Assert.Equal("https://www.example.com.cn/r/AB12CD34", letter.Model.Piece.ResponseUrl);
        Assert.Equal("先生", letter.Model.Customer.Honorific); // derived from 男
        Assert.Equal("安和财产保险股份有限公司", letter.Model.Sender.Company); // from templates/sender.json
        Assert.Equal("registered", letter.Model.Piece.MailClass); // from template.json
    }

    [Fact]
    public void PdftotextShowsTheMergedData()
    {
        var text = letter.Text;
        var flat = TestSupport.StripWhitespace(text);
        Assert.Contains("张三 先生 收", text);
        Assert.Contains("尊敬的张三先生：", text);
        Assert.Contains("RR473124829CN", text); // the caption under the Code 128
        Assert.Contains("PDAA202636010000004821", text);
        Assert.Contains("赣A·D6161", text);
        Assert.Contains("江西省南昌市红谷滩区丰和中大道1288号绿地中央广场B区3栋1502室", flat);
        Assert.Contains("2026年11月18日", text); // policy.start_date
        Assert.Contains("2026年12月31日前反馈问卷", flat); // campaign.valid_until
        Assert.Contains("2026年11月25日", text); // today, the letter's date
        Assert.Contains("回执编码AB12CD34", flat);
        Assert.Contains("400-800-1234", text);
        Assert.Contains("第1页共1页", flat);
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("&amp;", text);
    }

    [Fact]
    public void PdfPigReadsTheSameTextAndTheMetadata()
    {
        using var pdf = PdfDocument.Open(letter.PdfPath);
        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(595.28, page.Width, 0.5);
        Assert.Equal(841.89, page.Height, 0.5);
        var text = TestSupport.StripWhitespace(page.Text);
        Assert.Contains("张三", text);
        Assert.Contains("RR473124829CN", text);
        Assert.Contains("PDAA202636010000004821", text);
        Assert.Equal("感谢信 · 张三", pdf.Information.Title);
        Assert.Equal("安和财产保险股份有限公司 江西分公司", pdf.Information.Author);
    }

    private static GrayImage CropAround(GrayImage page, BarcodeItem b, double marginMm)
    {
        double s = ThankYouLetter.Dpi / 72.0, m = Length.Mm(marginMm);
        return page.Crop((int)((b.X - m) * s), (int)((b.Y - m) * s), (int)((b.Width + 2 * m) * s), (int)((b.Height + 2 * m) * s));
    }

    private static Result? Decode(GrayImage image, BarcodeFormat format) =>
        new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = new[] { format }, TryHarder = true } }
            .Decode(new RGBLuminanceSource(image.Pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8));

    [Fact]
    public void Code128DecodesToTheTrackingNumberWhereTheLayoutPutIt()
    {
        var code = letter.Barcode(BarcodeType.Code128);
        Assert.Equal("RR473124829CN", code.Value);
        var result = Decode(CropAround(letter.Raster, code, 3.5), BarcodeFormat.CODE_128);
        Assert.NotNull(result);
        Assert.Equal("RR473124829CN", result.Text);
        // Top right, inside its place (x=130mm y=14mm, 60×24mm), right-aligned.
        Assert.InRange(code.X, Length.Mm(130), Length.Mm(190));
        Assert.InRange(code.X + code.Width, Length.Mm(180), Length.Mm(190) + 0.01);
        Assert.InRange(code.Y, Length.Mm(14), Length.Mm(38));
    }

    [Fact]
    public void QrDecodesToTheResponseUrl()
    {
        var qr = letter.Barcode(BarcodeType.Qr);
        var result = Decode(CropAround(letter.Raster, qr, 2), BarcodeFormat.QR_CODE);
        Assert.NotNull(result);
        Assert.Equal(letter.Model.Piece.ResponseUrl, result.Text);
        Assert.Equal(Length.Mm(22), qr.Width + 8 * qr.ModuleWidth, 1); // 22 mm with its quiet zone
    }

    [Fact]
    public void ZbarimgFindsBothBarcodesOnThePage()
    {
        _ = letter.Raster;
        var found = Tool.Run("zbarimg", "-q", "--raw", "-Sdisable", "-Scode128.enable", "-Sqrcode.enable", letter.RasterPath).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "RR473124829CN", "https://www.example.com.cn/r/AB12CD34" }.Order(StringComparer.Ordinal), found);
    }

    /// <summary>The DL window of template.json, in points.</summary>
    private static Rect Window(PrintTemplate t)
    {
        var w = t.Metadata.Envelope!.Window!;
        double P(string v) => Length.TryParse(v, 0, out var pt) ? pt : throw new System.FormatException(v);
        return new Rect(P(w.X), P(w.Y), P(w.Width), P(w.Height));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddressNameAndPostcodeAreInsideTheEnvelopeWindow(bool adversarial)
    {
        var model = adversarial ? AdversarialSample.From(TestSupport.Sample(letter.Template)) : letter.Model;
        var document = adversarial ? TestSupport.Renderer.Render(letter.Template, model) : letter.Document;
        var window = Window(letter.Template);
        var runs = document.Pages[0].Items.OfType<TextRun>().ToList();

        // The name line and the six postcode digits.
        var nameRuns = runs.Where(r => r.Baseline > window.Y && r.Baseline < window.Y + window.Height && r.X < window.X + window.Width).ToList();
        var nameLine = string.Concat(nameRuns.Select(r => r.Text));
        Assert.Contains(model.Customer.Name.Replace("𠮷", ""), nameLine.Replace("𠮷", ""));
        Assert.Contains(" 收", nameLine);
        foreach (var digit in model.Customer.Postcode)
            Assert.Contains(nameRuns, r => r.Text == digit.ToString());

        // Everything printed in that block lies inside the window, with its descenders.
        foreach (var r in nameRuns)
        {
            Assert.InRange(r.X, window.X, window.X + window.Width);
            Assert.InRange(r.X + r.Width, window.X, window.X + window.Width + 0.01);
            Assert.InRange(r.Baseline + 0.25 * r.Size, window.Y, window.Y + window.Height);
        }
        Assert.Contains(document.Pages[0].Items.OfType<StrokeRect>(), s =>
            s.Rect.X >= window.X && s.Rect.Y >= window.Y && s.Rect.Y + s.Rect.Height <= window.Y + window.Height); // postcode boxes
    }

    [Fact]
    public void AdversarialLetterRendersWithTheRareCharacterAndWithoutThePlate()
    {
        var model = AdversarialSample.From(TestSupport.Sample(letter.Template));
        var document = TestSupport.Renderer.Render(letter.Template, model);
        Assert.Single(document.Pages);
        var runs = document.Pages[0].Items.OfType<TextRun>().ToList();
        Assert.Contains(runs, r => r.Text == "𠮷" && r.Face.Key == "HanaMinB"); // font fallback for Extension B
        Assert.DoesNotContain(runs, r => r.Text.Contains("车牌号码")); // optional row left out for an empty plate
        Assert.DoesNotContain(runs, r => r.Text.Contains("（）"));
        Assert.Contains(runs, r => r.Text.Contains(AdversarialSample.Markup)); // the markup characters print as text

        using var dir = new TempDir();
        var pdf = dir.File("adversarial.pdf");
        DocumentEngine.WritePdf(document, pdf);
        var text = TestSupport.StripWhitespace(Tool.PdfToText(pdf));
        Assert.Contains("阿卜杜热合曼·𠮷买提", text);
        Assert.Contains("<b>&</p>\"'", text);
    }

    [Fact]
    public void SmsFitsOneMessageAndNamesTheLastFourDigitsOfThePolicy()
    {
        var sms = TestSupport.Renderer.MergeText(letter.Template.Sms!, letter.Model);
        Assert.Equal("【安和财险】张三先生，感谢您投保车险（保单尾号4821）。满意度问卷已随信寄出，扫码或回寄可参加季度抽奖。客服400-800-1234", sms);
        Assert.True(sms.Length <= TemplateChecker.SmsSegment, $"{sms.Length} characters");
    }
}
