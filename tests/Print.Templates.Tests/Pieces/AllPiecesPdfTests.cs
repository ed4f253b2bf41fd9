using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Print.Documents;
using Print.Templates.Helpers;
using Print.Templates.Model;
using ZXing;
using ZXing.Common;

namespace Print.Templates.Tests.Pieces;

/// <summary>One barcode symbol found on a page of a raster: 1-based page, "CODE-128" or "QR-Code", who found it.</summary>
public sealed record FoundSymbol(int Page, string Type, string Text, string Decoder)
{
    public override string ToString() => $"p{Page} {Type} \"{Text}\" ({Decoder})";
}

/// <summary>
/// Every template folder merged with its own sample.json (prepared as production prepares a record), written to
/// a PDF once per piece; the extracted text, the 300 dpi rasters and the barcodes found on them are computed on
/// first use and shared by all the checks of that piece.
/// </summary>
public sealed class RenderedPieces : IDisposable
{
    public const int Dpi = 300;
    private readonly TempDir _dir = new();
    private readonly ConcurrentDictionary<string, Lazy<RenderedPiece>> _pieces = new();

    public RenderedPiece Get(string name) =>
        _pieces.GetOrAdd(name, n => new Lazy<RenderedPiece>(() => new RenderedPiece(n, Path.Combine(_dir.Path, n)))).Value;

    public void Dispose() => _dir.Dispose();
}

public sealed class RenderedPiece
{
    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly string _dir;
    private readonly Lazy<string> _text;
    private readonly Lazy<IReadOnlyList<string>> _pages;
    private readonly Lazy<IReadOnlyList<FoundSymbol>> _symbols;

    public string Name { get; }
    public PrintTemplate Template { get; }
    /// <summary>sample.json as the marketers wrote it: every expected value is read from here.</summary>
    public JsonObject Sample { get; }
    public TemplateModel Model { get; }
    public string PdfPath { get; }

    public RenderedPiece(string name, string dir)
    {
        Name = name;
        _dir = dir;
        Directory.CreateDirectory(dir);
        Template = TestSupport.Library.Get(name);
        var json = File.ReadAllText(Template.SamplePath);
        Sample = JsonNode.Parse(json, documentOptions: JsonOptions) as JsonObject
                 ?? throw new InvalidDataException($"{Template.SamplePath} is not a JSON object");
        var model = TemplateJson.Read<TemplateModel>(json, Template.SamplePath);
        if (!Sample.ContainsKey("today")) model.Today = TemplateSnapshotTests.FixedToday; // letters are dated with it
        Model = TestSupport.Library.Prepare(Template, model);
        PdfPath = Path.Combine(dir, name + ".pdf");
        DocumentEngine.WritePdf(TestSupport.Renderer.Render(Template, Model), PdfPath);

        _text = new(() => Tool.PdfToText(PdfPath));
        _pages = new(() =>
        {
            // All pages at once, grey: page-1.png, page-2.png, … (poppler pads the number to the page count's width).
            var prefix = Path.Combine(_dir, "page");
            Tool.Run("pdftoppm", "-r", RenderedPieces.Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", PdfPath, prefix);
            return Directory.GetFiles(_dir, "page-*.png")
                .OrderBy(p => int.Parse(Path.GetFileNameWithoutExtension(p)["page-".Length..], CultureInfo.InvariantCulture))
                .ToList();
        });
        _symbols = new(() => Zbar(Pages).Concat(Pages.SelectMany((p, i) => ZXingSymbols(i + 1, GrayImage.Load(p)))).ToList());
    }

    /// <summary>pdftotext of the whole PDF, white space removed.</summary>
    public string FlatText => TestSupport.StripWhitespace(_text.Value);

    /// <summary>The PNG of every page, 300 dpi grey, in page order.</summary>
    public IReadOnlyList<string> Pages => _pages.Value;

    /// <summary>Every Code 128 and QR symbol zbarimg or ZXing finds on the pages.</summary>
    public IReadOnlyList<FoundSymbol> Symbols => _symbols.Value;

    /// <summary>
    /// Whether the piece's layout template writes the model value at <paramref name="path"/>: a greeting card
    /// prints no policy number and a survey travelling in the letter's envelope no tracking number, so only
    /// what a template writes must come out of its PDF exactly.
    /// </summary>
    public bool Prints(string path) => Template.Document.Text.Contains(path, StringComparison.Ordinal);

    /// <summary>A string value of sample.json at a dotted path ("piece.tracking_number"), or null if absent or empty.</summary>
    public string? SampleString(string path)
    {
        JsonNode? node = Sample;
        foreach (var key in path.Split('.')) node = node is JsonObject o && o.TryGetPropertyValue(key, out var v) ? v : null;
        return node is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
    }

    /// <summary>zbarimg over all pages in one run; --xml tells which page each symbol is on. Exit 4 is "nothing found".</summary>
    private static IEnumerable<FoundSymbol> Zbar(IReadOnlyList<string> pages)
    {
        var args = new List<string> { "-c", "zbarimg -q --xml -Sdisable -Scode128.enable -Sqrcode.enable \"$@\"; s=$?; [ $s -eq 0 ] || [ $s -eq 4 ]", "zbarimg" };
        args.AddRange(pages);
        var xml = Tool.Run("sh", args.ToArray()).StdOut;
        if (xml.Trim().Length == 0) yield break;
        var sources = XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName == "source").ToList();
        foreach (var source in sources)
        {
            int page = pages.ToList().FindIndex(p => Path.GetFileName(p) == Path.GetFileName((string?)source.Attribute("href"))) + 1;
            foreach (var symbol in source.Descendants().Where(e => e.Name.LocalName == "symbol"))
            {
                var data = symbol.Elements().First(e => e.Name.LocalName == "data");
                var text = (string?)data.Attribute("format") == "base64" ? Encoding.UTF8.GetString(Convert.FromBase64String(data.Value)) : data.Value;
                yield return new FoundSymbol(page, (string?)symbol.Attribute("type") ?? "?", text, "zbarimg");
            }
        }
    }

    private static IEnumerable<FoundSymbol> ZXingSymbols(int page, GrayImage image)
    {
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = new[] { BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE }, TryHarder = true },
        };
        var results = reader.DecodeMultiple(new RGBLuminanceSource(image.Pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8));
        return (results ?? []).Select(r => new FoundSymbol(page, r.BarcodeFormat == BarcodeFormat.QR_CODE ? "QR-Code" : "CODE-128", r.Text, "ZXing"));
    }
}

/// <summary>
/// Every piece under templates/ (whatever is there when the tests run), rendered with its own sample.json and
/// judged from the PDF by independent tools: poppler's text and rasters, zbarimg and ZXing, qpdf, pdffonts.
/// Expected values come from the sample, so the tests follow the samples when they are edited.
/// </summary>
public class AllPiecesPdfTests(RenderedPieces pieces) : IClassFixture<RenderedPieces>
{
    private const string Code128 = "CODE-128", Qr = "QR-Code";

    public static TheoryData<string> Templates => TemplateSnapshotTests.Templates;

    private static string Found(RenderedPiece piece) =>
        piece.Symbols.Count == 0 ? "no barcodes found" : "found: " + string.Join("; ", piece.Symbols);

    [Theory]
    [MemberData(nameof(Templates))]
    public void PdftotextShowsTheNameThePolicyAndTheTrackingNumber(string name)
    {
        var piece = pieces.Get(name);
        var text = piece.FlatText;
        var customer = piece.SampleString("customer.name");
        Assert.False(customer is null, $"{name}: sample.json has no customer.name");
        Assert.True(text.Contains(TestSupport.StripWhitespace(customer), StringComparison.Ordinal), $"{name}: customer name '{customer}' not in the PDF text");
        foreach (var path in new[] { "policy.number", "piece.tracking_number" })
            if (piece.SampleString(path) is { } expected && piece.Prints(path))
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{name}: {path} '{expected}' not in the PDF text");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void TrackingNumberDecodesFromACode128(string name)
    {
        var piece = pieces.Get(name);
        var meta = piece.Template.Metadata;
        // A registered piece in its own window envelope is what the post office scans: it must carry the number.
        if (meta.MailClass != "ordinary" && meta.Envelope?.Window is not null)
            Assert.True(piece.Prints("piece.tracking_number"), $"{name}: registered mail in a window envelope prints no piece.tracking_number");
        if (!piece.Prints("piece.tracking_number") || piece.SampleString("piece.tracking_number") is not { } tracking) return; // nothing to carry

        var pages = piece.Symbols.Where(s => s.Type == Code128 && s.Text == tracking).Select(s => s.Page).Distinct().Order().ToList();
        Assert.True(pages.Count > 0, $"{name}: no Code 128 decodes to the tracking number '{tracking}' on any of {piece.Pages.Count} page(s); {Found(piece)}");
        if (name == "proposal")
        {
            // The cover letter (page 1) and the return-receipt card (the last page) both carry it.
            Assert.True(pages.Count >= 2 && pages.Contains(1) && pages.Contains(piece.Pages.Count),
                $"{name}: the tracking number '{tracking}' must decode on the letter (page 1) and on the receipt card (page {piece.Pages.Count}); decoded on page(s) {string.Join(", ", pages)}; {Found(piece)}");
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void ResponseUrlDecodesFromAQrCode(string name)
    {
        var piece = pieces.Get(name);
        if (!piece.Prints("piece.response_url") || piece.SampleString("piece.response_url") is not { } url) return;

        Assert.True(piece.Symbols.Any(s => s.Type == Qr && s.Text == url), $"{name}: no QR code decodes to the response URL '{url}'; {Found(piece)}");
        if (name == "survey")
        {
            var code = piece.SampleString("piece.response_code");
            Assert.False(code is null, $"{name}: sample.json has no piece.response_code");
            Assert.True(piece.Symbols.Any(s => s.Type == Code128 && s.Text == code), $"{name}: no Code 128 decodes to the response code '{code}'; {Found(piece)}");
        }
    }

    [Fact]
    public void ProposalShowsTheTotalOfItsCoveragesInFiguresAndInCapitals()
    {
        var piece = pieces.Get("proposal");
        var coverages = piece.Sample["policy"]?["coverages"]?.AsArray();
        Assert.True(coverages is { Count: > 0 }, "proposal: sample.json has no policy.coverages");
        var total = Math.Round(coverages.Sum(c => c!["premium"]!.GetValue<decimal>()), 2, MidpointRounding.AwayFromZero);
        var figures = "¥" + total.ToString("#,##0.00", CultureInfo.InvariantCulture); // e.g. ¥4,613.87
        var capitals = ChineseFormats.YuanInCapitals(total);

        var text = piece.FlatText;
        Assert.True(text.Contains(figures, StringComparison.Ordinal), $"proposal: total premium '{figures}' not in the PDF text");
        Assert.True(text.Contains(capitals, StringComparison.Ordinal), $"proposal: total premium in capitals '{capitals}' not in the PDF text");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void QpdfChecksThePdfAndEveryFontIsAnEmbeddedSubset(string name)
    {
        var piece = pieces.Get(name);
        var check = Tool.Run("qpdf", "--check", piece.PdfPath); // exit 0 only: warnings (exit 3) fail too
        Assert.Contains("No syntax or stream encoding errors found", check.StdOut);

        // name  type  encoding  emb sub uni  object ID — read from the right, as a type may contain spaces.
        var rows = Tool.Run("pdffonts", piece.PdfPath).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.True(r.Length >= 7, $"{name}: unexpected pdffonts row '{string.Join(" ", r)}'");
            Assert.True(r[^5] == "yes" && r[^4] == "yes", $"{name}: font '{r[0]}' is not an embedded subset (emb {r[^5]}, sub {r[^4]})");
        });
    }
}
