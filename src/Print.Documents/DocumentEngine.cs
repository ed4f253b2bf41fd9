using Print.Documents.Fonts;
using Print.Documents.Layout;
using Print.Documents.Markup;
using Print.Documents.Pages;
using Print.Documents.Rendering;

namespace Print.Documents;

/// <summary>The engine's front door: markup in, laid-out pages, PDF and PNG out.</summary>
public sealed class DocumentEngine(FontRegistry fonts)
{
    public FontRegistry Fonts { get; } = fonts;

    public static DocumentEngine Default => new(FontRegistry.Default);

    /// <param name="file">Name for error messages; <paramref name="baseDirectory"/> is where images are found.</param>
    public LaidOutDocument Layout(string markup, string file = "<markup>", string? baseDirectory = null) =>
        DocumentLayout.Layout(MarkupParser.Parse(markup, file, baseDirectory ?? Directory.GetCurrentDirectory(), Fonts), Fonts);

    public LaidOutDocument LayoutFile(string path) => DocumentLayout.Layout(MarkupParser.ParseFile(path, Fonts), Fonts);

    /// <summary>Writes one document as its own PDF (via a temporary file, so a failure leaves nothing behind).</summary>
    public static void WritePdf(LaidOutDocument document, string path)
    {
        using var writer = new PdfBatchWriter(document.Info);
        writer.Append(document);
        writer.Save(path);
    }

    public static byte[] PdfBytes(LaidOutDocument document)
    {
        using var writer = new PdfBatchWriter(document.Info);
        writer.Append(document);
        return writer.ToBytes();
    }

    /// <summary>Writes page-001.png, page-002.png, … into <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> WritePngs(LaidOutDocument document, string directory, double dpi = 150, string prefix = "page")
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        for (int i = 0; i < document.Pages.Count; i++)
        {
            var path = Path.Combine(directory, $"{prefix}-{i + 1:000}.png");
            File.WriteAllBytes(path, PngRenderer.Render(document.Pages[i], dpi));
            paths.Add(path);
        }
        return paths;
    }
}
