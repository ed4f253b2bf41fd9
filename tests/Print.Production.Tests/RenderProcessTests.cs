using System.Diagnostics;
using System.Text;
using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Server.Cli;
using Print.Store.LiteDb;

namespace Print.Production.Tests;

/// <summary>The <c>print</c> executable killed while it renders a batch, then run again.</summary>
public class RenderProcessTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private const int Pieces = 3_000;
    private const int PerFile = 200;

    [Fact]
    public void ARenderingKilledAfterItsFirstFileResumesAndEveryPieceIsPrintedExactlyOnce()
    {
        var db = dir.File("print.db");
        var outDir = dir.File("out");
        BatchFixture.Create(db, Pieces, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: PerFile));

        var stderr = StartAndKill(db, outDir);
        var folder = Path.Combine(outDir, BatchFixture.BatchId);
        using (var database = new PrintDatabase(db))
        {
            var batch = new LiteDbProductionStore(database).FindBatch(BatchFixture.BatchId)!;
            Assert.Equal(BatchState.Rendering, batch.History.State);
            Assert.InRange(batch.RenderedPieces, PerFile, Pieces - PerFile);
            Assert.Equal(0, batch.RenderedPieces % PerFile);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, Commands.Run(["batch", "render", BatchFixture.BatchId, "--out", outDir, "--db", db], output, error));
        Assert.Contains("(resumed after", output.ToString());

        // Every file whole, with the pages the manifest says.
        var printFiles = Directory.GetFiles(folder, "print-*.pdf").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Pieces / PerFile, printFiles.Count);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        var manifest = File.ReadAllLines(Path.Combine(folder, "manifest.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Enumerable.Range(1, Pieces).Select(i => $"B20261125-01-{i:00000}"), manifest.Select(m => m[0]));
        foreach (var file in printFiles)
        {
            Tool.Run("qpdf", "--check", file);
            var rows = manifest.Where(m => m[4] == Path.GetFileName(file)).ToList();
            Assert.Equal(PerFile, rows.Count);
            Assert.Equal(Enumerable.Range(1, PerFile).Select(p => $"{p},{p}"), rows.Select(m => $"{m[5]},{m[6]}"));
            Assert.Equal(PerFile, RenderingTests.PdfPages(file));
        }
        Tool.Run("sh", "-c", $"cd '{folder}' && sha256sum -c --quiet SHA256SUMS");
        Assert.Equal(Pieces / PerFile + 3, File.ReadAllLines(Path.Combine(folder, "SHA256SUMS")).Length);

        // A sheet of a file rendered after the restart, read back by libdmtx; its piece's tracking number is on the page.
        var last = printFiles[^1];
        Assert.Equal($"B20261125-01-{Pieces - 1:00000} 1/1", RenderingTests.ReadSheetMark(last, PerFile - 1));
        Assert.Contains(BatchFixture.Tracking(Pieces - 1).ToString(), Tool.PdfToText(last).Split('\f')[PerFile - 2]);

        using (var database = new PrintDatabase(db))
        {
            var store = new LiteDbProductionStore(database);
            var batch = store.FindBatch(BatchFixture.BatchId)!;
            Assert.Equal(BatchState.Rendered, batch.History.State);
            Assert.Equal(Pieces, batch.RenderedPieces);
            Assert.All(store.PiecesOf(BatchFixture.BatchId), p => Assert.Equal([PieceState.Rendered], p.History.Events.Select(e => e.To)));
        }
        Assert.DoesNotContain("error", stderr);
    }

    /// <summary>Runs <c>print batch render</c> in a child process and kills it once it reports its first whole file.</summary>
    private static string StartAndKill(string db, string outDir)
    {
        using var process = PrintProcess.Start(["batch", "render", BatchFixture.BatchId, "--out", outDir, "--db", db]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new StringBuilder();
        var clock = Stopwatch.StartNew();
        bool killed = false;
        while (!killed && process.StandardError.ReadLine() is { } line)
        {
            stderr.AppendLine(line);
            if (line.Contains("wrote print-001.pdf", StringComparison.Ordinal))
            {
                Thread.Sleep(150); // mid-way through the second file
                process.Kill(entireProcessTree: true);
                killed = true;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"no first file within a minute:\n{stderr}");
        }
        process.WaitForExit();
        Assert.True(killed, $"the rendering ended before it could be killed:\n{stderr}\n{stdout.Result}");
        return stderr.ToString();
    }
}
