using Print.Documents;

namespace Print.Server.Cli;

/// <summary><c>print render --markup FILE.xml --out FILE.pdf [--png DIR] [--dpi N]</c></summary>
public static class RenderCommand
{
    public const string Usage = "print render --markup FILE.xml --out FILE.pdf [--png DIR] [--dpi N]";

    public static int Run(Arguments args, TextWriter output)
    {
        var markup = args.Required("markup");
        var outPath = args.Required("out");
        var pngDir = args.Optional("png");
        var dpi = args.Int("dpi", 150, 36, 1200);
        args.RejectUnknown();
        if (!File.Exists(markup)) throw new UsageException($"markup file {markup} does not exist");

        var engine = DocumentEngine.Default;
        var document = engine.LayoutFile(markup);
        DocumentEngine.WritePdf(document, outPath);
        output.WriteLine($"wrote {outPath} ({document.Pages.Count} page{(document.Pages.Count == 1 ? "" : "s")}, {new FileInfo(outPath).Length / 1024.0:0.#} KB)");
        if (pngDir is not null)
        {
            var pngs = DocumentEngine.WritePngs(document, pngDir, dpi, Path.GetFileNameWithoutExtension(outPath));
            output.WriteLine($"wrote {pngs.Count} PNG preview{(pngs.Count == 1 ? "" : "s")} at {dpi} dpi to {pngDir}");
        }
        return 0;
    }
}
