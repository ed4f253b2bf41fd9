using System.Diagnostics;
using Print.Core.Campaigns;
using Print.Core.Privacy;
using Print.Documents;
using Print.Production.Rendering;
using Print.Store.LiteDb;
using Print.Templates;

namespace Print.Server.Cli;

/// <summary>
/// <c>print batch render ID --out DIR [--db PATH] [--templates DIR] [--campaign FILE.json] [--again REASON]</c>:
/// renders a batch into DIR/ID/ (print files, manifest.csv, posting-list.pdf, SHA256SUMS), resuming a
/// rendering that was stopped. Progress goes to stderr after every file.
/// </summary>
public static class BatchRenderCommand
{
    public const string Usage = "usage: print batch render ID --out DIR [--db PATH] [--templates DIR] [--campaign FILE.json] [--again REASON]";

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var words = args.Positional.SkipWhile(w => w == "render").ToList();
        var outDir = args.Optional("out") ?? throw new UsageException($"option --out is required; {Usage}");
        var db = args.Optional("db") ?? PrintDatabase.DefaultPath;
        var templates = args.Optional("templates");
        var campaignFile = args.Optional("campaign");
        var again = args.Optional("again");
        args.RejectUnknown();
        if (words.Count != 1) throw new UsageException($"batch render takes one batch id{(words.Count > 1 ? $", got '{string.Join(" ", words)}'" : "")}; {Usage}");
        if (again is not null && string.IsNullOrWhiteSpace(again)) throw new UsageException("--again needs the reason the batch is rendered again");

        var settings = campaignFile is null ? CampaignSettings.Default : CampaignSettings.Load(campaignFile);
        var library = new TemplateLibrary(templates ?? TemplateLibrary.Locate(), DocumentEngine.Default);
        using var database = StoreFile.Open(db);
        var renderer = new BatchRenderer(new LiteDbProductionStore(database), new LiteDbCustomerStore(database), library, settings);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = renderer.Render(words[0], outDir, new Reporter(error), CancellationToken.None, again);
            var printFiles = result.Files.Count(f => BatchOutput.IsPrintFileName(f.Name, out _));
            output.WriteLine($"rendered batch {result.BatchId} → {result.Directory}: {result.Pieces:N0} pieces, {result.Pages:N0} pages in " +
                $"{printFiles} print file{(printFiles == 1 ? "" : "s")}; {BatchOutput.Manifest}, {BatchOutput.PostingList}, {BatchOutput.Checksums}" +
                (result.ResumedAfterPieces > 0 ? $" (resumed after {result.ResumedAfterPieces:N0} pieces)" : "") +
                $" in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }
        catch (BatchRenderException e)
        {
            // Template errors quote template lines, never data; the message is scrubbed all the same.
            error.WriteLine($"error: {Pii.Scrub(e.Message)}");
            return 1;
        }
    }

    /// <summary>Writes each reported step on its own line, synchronously (the renderer runs on this thread).</summary>
    private sealed class Reporter(TextWriter error) : IProgress<BatchRenderProgress>
    {
        public void Report(BatchRenderProgress p)
        {
            double rate = p.Elapsed.TotalSeconds > 0 ? p.PagesDone / p.Elapsed.TotalSeconds : 0;
            if (p.Step.StartsWith("rendering ", StringComparison.Ordinal)) return; // within a file: too chatty for a terminal
            error.WriteLine($"{p.BatchId}: {p.Step}: {p.PiecesDone:N0} of {p.PieceCount:N0} pieces in {p.FilesDone} file{(p.FilesDone == 1 ? "" : "s")}" +
                (p.PagesDone > 0 ? $", {p.PagesDone:N0} pages ({rate:N0} pages/s)" : ""));
            error.Flush();
        }
    }
}
