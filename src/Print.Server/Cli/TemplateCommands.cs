using System.Diagnostics;
using Print.Documents;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Print.Templates;
using Print.Templates.Data;

namespace Print.Server.Cli;

/// <summary>
/// <c>print template list|check</c> and <c>print render --template</c>: the marketers' loop of editing a
/// template, checking it, and rendering it with data.
/// </summary>
public static class TemplateCommands
{
    private static TemplateLibrary Library(Arguments args) =>
        new(args.Optional("templates") ?? TemplateLibrary.Locate(), DocumentEngine.Default);

    /// <summary><c>print template list</c> / <c>print template check NAME|--all</c></summary>
    public static int Template(Arguments args, TextWriter output, TextWriter error)
    {
        var verb = args.Positional.FirstOrDefault() ?? throw new UsageException("template needs list or check");
        bool all = args.Flag("all");
        var library = Library(args);
        args.RejectUnknown();
        switch (verb)
        {
            case "list":
                foreach (var name in library.Names)
                {
                    try
                    {
                        var t = library.Load(name);
                        output.WriteLine($"{name}\t{t.Metadata.Title}\t{t.Metadata.Page}\t{t.Metadata.MailClass}");
                    }
                    catch (TemplateException e) { output.WriteLine($"{name}\t(cannot be read: {e.Message})"); }
                }
                return 0;
            case "check":
                var names = all ? library.Names.ToList() : args.Positional.Skip(1).ToList();
                if (names.Count == 0) throw new UsageException("template check needs a template name or --all");
                int failed = 0;
                foreach (var name in names)
                {
                    List<TemplateProblem> problems;
                    try { problems = new TemplateChecker(library.Engine, library.DefaultSender).Check(library.Load(name)); }
                    catch (TemplateException e) { problems = new() { new(e.File, e.Line, e.Column, e.Reason, "") }; }
                    foreach (var p in problems) error.WriteLine(p);
                    bool ok = !problems.Any(p => p.IsError);
                    if (!ok) failed++;
                    output.WriteLine($"{name}: {(ok ? "ok" : $"{problems.Count(p => p.IsError)} error(s)")}{(problems.Any(p => !p.IsError) ? $", {problems.Count(p => !p.IsError)} warning(s)" : "")}");
                }
                return failed == 0 ? 0 : 1;
            default:
                throw new UsageException($"unknown template verb '{verb}' (list, check)");
        }
    }

    /// <summary><c>print render --template NAME --data FILE.json|FILE.csv --out DIR|FILE.pdf [--png DIR] [--batch]</c></summary>
    public static int Render(Arguments args, TextWriter output, TextWriter error)
    {
        var name = args.Required("template");
        var data = args.Required("data");
        var outPath = args.Required("out");
        var pngDir = args.Optional("png");
        var dpi = args.Int("dpi", 150, 36, 1200);
        bool batch = args.Flag("batch");
        var library = Library(args);
        args.RejectUnknown();
        if (!File.Exists(data)) throw new UsageException($"data file {data} does not exist");

        var template = library.Get(name);
        var renderer = new PieceRenderer(library.Engine);
        var records = TemplateRecords.Load(data).ToList();
        // "--out letter.pdf" names one file: fine for one record; several need a folder or --batch.
        bool oneFile = !batch && outPath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
        if (oneFile && records.Count != 1)
            throw new UsageException($"{data} has {records.Count} records: give a folder for one PDF each, or --batch for one PDF of all");
        using var writer = batch ? new PdfBatchWriter(new DocumentInfo(template.Metadata.Title, "", name, "Print")) : null;
        if (!batch && !oneFile) Directory.CreateDirectory(outPath);
        int rendered = 0, rejected = 0;
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var progress = Stopwatch.StartNew();
        foreach (var record in records)
        {
            if (record.Model is null)
            {
                rejected++;
                error.WriteLine($"{data}: {record.Label}: {record.Error}");
                continue;
            }
            LaidOutDocument document;
            try
            {
                document = renderer.Render(template, library.Prepare(template, record.Model));
            }
            catch (TemplateException e)
            {
                rejected++;
                error.WriteLine($"{data}: {record.Label}: {e.File}:{e.Line}:{e.Column}: {e.Reason}");
                continue;
            }
            var pieceName = FileName(record);
            // Two pieces for one customer without piece ids must not overwrite each other.
            if (!usedNames.Add(pieceName)) usedNames.Add(pieceName = $"{pieceName}-row{record.Row}");
            if (writer is not null) writer.Append(document);
            else DocumentEngine.WritePdf(document, oneFile ? outPath : Path.Combine(outPath, pieceName + ".pdf"));
            if (pngDir is not null) DocumentEngine.WritePngs(document, pngDir, dpi, pieceName);
            rendered++;
            if (progress.Elapsed.TotalSeconds >= 2)
            {
                error.WriteLine($"… {rendered} rendered, {rejected} rejected");
                progress.Restart();
            }
        }
        if (writer is not null && rendered > 0) writer.Save(outPath);
        output.WriteLine($"rendered {rendered} piece{(rendered == 1 ? "" : "s")}, rejected {rejected} → {outPath}");
        return rejected == 0 ? 0 : 1;
    }

    /// <summary>A piece's file name: its piece id, else its customer id, else its row.</summary>
    private static string FileName(TemplateRecord record)
    {
        var m = record.Model!;
        var name = m.Piece.Id.Length > 0 ? m.Piece.Id : m.Customer.Id.Length > 0 ? m.Customer.Id : $"row-{record.Row:00000}";
        return string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
    }
}
