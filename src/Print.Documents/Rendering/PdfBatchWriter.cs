using System.IO.Compression;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using Print.Documents.Geometry;
using Print.Documents.Pages;

namespace Print.Documents.Rendering;

/// <summary>
/// Writes laid-out documents into one print PDF: CMYK colour, every font embedded as a subset once per file,
/// content streams compressed. Append many documents for a batch; each is drawn page by page as laid out.
/// <para>
/// PDFsharp holds every page until the file is saved, so each page's content stream is deflated as soon as the
/// page is drawn (a letter's page: about 11 KB of drawing operators, 2–3 KB deflated): a 5,000-page print file
/// holds and saves a fifth of the bytes it otherwise would. Saving writes the compressed file straight to its
/// destination (<see cref="PdfStreamCompressor"/>).
/// </para>
/// </summary>
public sealed class PdfBatchWriter : IDisposable
{
    private readonly PdfDocument _pdf = new();
    private readonly Dictionary<(string Face, double Size), XFont> _fonts = new();
    private readonly Dictionary<PrintColor, XSolidBrush> _brushes = new();
    private readonly Dictionary<(PrintColor, double, bool), XPen> _pens = new();
    private readonly Dictionary<ImageSource, XImage> _images = new();
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private bool _hasSupplementaryCharacters;
    /// <summary>The page contents deflated here (zlib with its checksum): the compressor copies them as they are.</summary>
    private readonly List<PdfReference> _deflated = new();
    private readonly MemoryStream _scratch = new();

    public PdfBatchWriter(DocumentInfo info)
    {
        _pdf.Options.ColorMode = PdfColorMode.Cmyk;
        // PdfStreamCompressor compresses every stream after saving; PDFsharp's own Flate output is defective.
        _pdf.Options.NoCompression = true;
        _pdf.Options.CompressContentStreams = false;
        _pdf.Info.Title = info.Title;
        _pdf.Info.Author = info.Author;
        _pdf.Info.Subject = info.Subject;
        _pdf.Info.Creator = info.Creator;
    }

    public int PageCount { get; private set; }

    public void Append(LaidOutDocument document)
    {
        foreach (var page in document.Pages) AppendPage(page);
    }

    private void AppendPage(LaidOutPage page)
    {
        var pdfPage = _pdf.AddPage();
        PageCount++;
        pdfPage.Width = XUnit.FromPoint(page.Width);
        pdfPage.Height = XUnit.FromPoint(page.Height);
        if (page.TrimBox.X > 0)
        {
            pdfPage.TrimBox = Box(page.TrimBox, page.Height);
            pdfPage.BleedBox = Box(page.BleedBox, page.Height);
        }
        using (var gfx = XGraphics.FromPdfPage(pdfPage))
            Draw(gfx, page);
        DeflateContent(pdfPage);
    }

    private void Draw(XGraphics gfx, LaidOutPage page)
    {
        gfx.Internals.ContentStringBuilder?.EnsureCapacity(16 * 1024); // a letter's page; growing in 16-char steps is slow
        var items = page.Items;
        for (int i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case TextRun t: DrawText(gfx, t); break;
                case FillRect f: gfx.DrawRectangle(Brush(f.Color), f.Rect.X, f.Rect.Y, f.Rect.Width, f.Rect.Height); break;
                case StrokeRect: i = DrawStrokes(gfx, items, i, page.Height) - 1; break;
                case LineItem l: gfx.DrawLine(Pen(l.Color, l.LineWidth, l.Dashed), l.X1, l.Y1, l.X2, l.Y2); break;
                case ImageItem im: gfx.DrawImage(Image(im.Image), im.Rect.X, im.Rect.Y, im.Rect.Width, im.Rect.Height); break;
                case BarcodeItem b: DrawBarcode(gfx, b, page.Height); break;
            }
        }
    }

    /// <summary>
    /// The rectangles from <paramref name="first"/> on that share one pen (a table row's cell borders) as one path;
    /// returns the index after them. PDFsharp draws the first, which leaves text mode and sets the pen, so its own
    /// state stays true; the rest are written directly, as PDFsharp would (y up from the page's bottom): through
    /// PDFsharp each cost its string.Format calls, and a posting-list page has 150 of them.
    /// </summary>
    private int DrawStrokes(XGraphics gfx, List<PageItem> items, int first, double pageHeight)
    {
        var s = (StrokeRect)items[first];
        gfx.DrawRectangle(Pen(s.Color, s.LineWidth, dashed: false), s.Rect.X, s.Rect.Y, s.Rect.Width, s.Rect.Height);
        int next = first + 1;
        System.Text.StringBuilder? content = null;
        for (; next < items.Count && items[next] is StrokeRect r && r.Color == s.Color && r.LineWidth == s.LineWidth; next++)
        {
            content ??= gfx.Internals.ContentStringBuilder ?? throw new InvalidOperationException("not a PDF page");
            content.Append(Invariant(r.Rect.X)).Append(' ').Append(Invariant(pageHeight - r.Rect.Bottom)).Append(' ')
                .Append(Invariant(r.Rect.Width)).Append(' ').Append(Invariant(r.Rect.Height)).Append(" re\n");
        }
        content?.Append("S\n");
        return next;
    }

    /// <summary>
    /// Deflates the page's content stream, now that it is drawn (disposing the XGraphics wrote it), as
    /// <see cref="PdfStreamCompressor"/> would at saving: best ratio for a stream up to its large-stream size.
    /// </summary>
    private void DeflateContent(PdfPage pdfPage)
    {
        foreach (var item in pdfPage.Contents.Elements)
        {
            if (item is not PdfReference { Value: PdfDictionary { Stream: { } stream } content } reference
                || content.Elements.GetName("/Filter").Length > 0) continue;
            var data = stream.Value;
            if (data.Length == 0) continue;
            _scratch.SetLength(0);
            using (var zlib = new ZLibStream(_scratch, PdfStreamCompressor.Level(data.Length), leaveOpen: true))
                zlib.Write(data);
            if (_scratch.Length >= data.Length) continue;
            stream.Value = _scratch.ToArray();
            content.Elements.SetInteger("/Length", stream.Value.Length);
            content.Elements.SetName("/Filter", "/FlateDecode");
            _deflated.Add(reference);
        }
    }

    private static PdfRectangle Box(Rect r, double pageHeight) =>
        new(new XPoint(r.X, pageHeight - r.Bottom), new XPoint(r.Right, pageHeight - r.Y));

    private void DrawText(XGraphics gfx, TextRun t)
    {
        if (t.Text.Length == 0) return;
        var key = (t.Face.Key, t.Size);
        if (!_fonts.TryGetValue(key, out var font))
            _fonts[key] = font = new XFont(t.Face.Key, t.Size, XFontStyleEx.Regular, Unicode);
        foreach (var c in t.Text) _hasSupplementaryCharacters |= char.IsSurrogate(c);
        // Tc spaces the glyphs exactly as layout did (CJK justification); it is text state, valid in or out of BT.
        var content = gfx.Internals.ContentStringBuilder ?? throw new InvalidOperationException("not a PDF page");
        if (t.LetterSpacing != 0) content.Append(Invariant(t.LetterSpacing)).Append(" Tc\n");
        gfx.DrawString(t.Text, font, Brush(t.Color), t.X, t.Baseline, XStringFormats.BaseLineLeft);
        if (t.LetterSpacing != 0) content.Append("0 Tc\n");
    }

    private static string Invariant(double v) => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One filled path of module rectangles. PDFsharp formats each rectangle through string.Format, which made
    /// barcodes a fifth of the drawing time; here they are written directly after a zero-size rectangle has
    /// let PDFsharp leave text mode and select the fill colour, so its own state stays true.
    /// </summary>
    private void DrawBarcode(XGraphics gfx, BarcodeItem b, double pageHeight)
    {
        gfx.DrawRectangle(Brush(b.Color), b.X, b.Y, 0, 0);
        var content = gfx.Internals.ContentStringBuilder ?? throw new InvalidOperationException("not a PDF page");
        // In module units, with y down from the symbol's top-left (PDF page space has y up): small integers
        // that compress to a few hundred bytes even for a QR code.
        content.Append("q ").Append(Invariant(b.ModuleWidth)).Append(" 0 0 ").Append(Invariant(-b.ModuleHeight)).Append(' ')
            .Append(Invariant(b.X)).Append(' ').Append(Invariant(pageHeight - b.Y)).Append(" cm\n");
        foreach (var (row, col, len) in b.Matrix.DarkRuns)
            content.Append(col).Append(' ').Append(row).Append(' ').Append(len).Append(" 1 re\n");
        content.Append("f Q\n");
    }

    private XImage Image(ImageSource source)
    {
        if (!_images.TryGetValue(source, out var image))
            _images[source] = image = XImage.FromStream(new MemoryStream(source.Bytes, writable: false));
        return image;
    }

    private static XColor Color(PrintColor c) => c.IsCmyk ? XColor.FromCmyk(c.C, c.M, c.Y, c.K) : XColor.FromArgb(c.R, c.G, c.B);

    private XPen Pen(PrintColor c, double width, bool dashed)
    {
        if (!_pens.TryGetValue((c, width, dashed), out var pen))
        {
            _pens[(c, width, dashed)] = pen = new XPen(Color(c), width);
            if (dashed) pen.DashPattern = new[] { 3.0, 3.0 }; // in line widths, as the preview draws it
        }
        return pen;
    }

    private XSolidBrush Brush(PrintColor c)
    {
        if (!_brushes.TryGetValue(c, out var brush)) _brushes[c] = brush = new XSolidBrush(Color(c));
        return brush;
    }

    /// <summary>Writes the PDF to a temporary name beside <paramref name="path"/> and moves it into place, so a reader never sees half a file.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                Save(stream);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public void Save(Stream stream)
    {
        var buffer = new MemoryStream();
        _pdf.Save(buffer, closeStream: false);
        // Object numbers are final once saved; a repaired file is written anew, and all its streams are checked.
        IReadOnlySet<int> deflated = new HashSet<int>(_deflated.Select(r => r.ObjectNumber));
        if (_hasSupplementaryCharacters)
        {
            var repaired = new MemoryStream();
            ToUnicodeRepair.Repair(buffer, repaired);
            buffer = repaired;
            deflated = new HashSet<int>();
        }
        PdfStreamCompressor.Compress(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), stream, deflated);
    }

    public byte[] ToBytes()
    {
        var buffer = new MemoryStream();
        Save(buffer);
        return buffer.ToArray();
    }

    public void Dispose() => _pdf.Dispose();
}
