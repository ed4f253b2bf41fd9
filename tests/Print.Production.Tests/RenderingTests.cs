using System.Text.RegularExpressions;
using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Documents;
using Print.Production.Rendering;
using Print.Store.LiteDb;
using Print.Templates;

namespace Print.Production.Tests;

/// <summary>Batch rendering into real PDFs in a real LiteDB store, judged by poppler, qpdf, libdmtx and sha256sum.</summary>
public class RenderingTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private string Db => dir.File("print.db");
    private string Out => dir.File("out");

    private BatchRenderResult Render(string batchId = BatchFixture.BatchId, string? templates = null, string? again = null,
        CampaignSettings? campaign = null, CancellationToken ct = default, List<BatchRenderProgress>? progress = null,
        int composers = 1, int piecesPerRead = 4)
    {
        using var database = new PrintDatabase(Db);
        var library = new TemplateLibrary(templates ?? BatchFixture.Templates, DocumentEngine.Default);
        // Four pieces a read: every batch here is read from the store in several pages, across file boundaries. One
        // composer, as on the two cores CI has, unless a test deals the units to more.
        var renderer = new BatchRenderer(new LiteDbProductionStore(database), new LiteDbCustomerStore(database), library, campaign)
            { ProgressEvery = 5, PiecesPerRead = piecesPerRead, Composers = composers };
        return renderer.Render(batchId, Out, progress is null ? null : new Collect(progress), ct, again);
    }

    private sealed class Collect(List<BatchRenderProgress> list) : IProgress<BatchRenderProgress>
    {
        public void Report(BatchRenderProgress value) => list.Add(value);
    }

    private (Batch Batch, IReadOnlyList<MailPiece> Pieces) Stored(string batchId = BatchFixture.BatchId)
    {
        using var database = new PrintDatabase(Db);
        var store = new LiteDbProductionStore(database);
        return (store.FindBatch(batchId)!, store.PiecesOf(batchId));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(3, 2)] // units of 2 dealt to three composers in turn: the first composes units 1 and 4
    public void AThankYouAndSurveyBatchIsSplitIntoWholeFilesWithAManifestChecksumsAndSheetMarks(int composers, int piecesPerRead)
    {
        // thank-you (1 sheet) + survey (2 sheets): 3 sheets a piece; at most 10 sheets a file → 3 pieces a file.
        BatchFixture.Create(Db, 7, ["thank-you", "survey"], MailClass.Registered, new SplitLimits(MaxPieces: 5, MaxSheets: 10));
        var progress = new List<BatchRenderProgress>();
        var result = Render(progress: progress, composers: composers, piecesPerRead: piecesPerRead);

        var folder = Path.Combine(Out, BatchFixture.BatchId);
        Assert.Equal(folder, result.Directory);
        Assert.Equal(["SHA256SUMS", "manifest.csv", "posting-list.pdf", "print-001.pdf", "print-002.pdf", "print-003.pdf", "proof.pdf"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (file, pages) in new[] { ("print-001.pdf", 9), ("print-002.pdf", 9), ("print-003.pdf", 3) })
        {
            Tool.Run("qpdf", "--check", Path.Combine(folder, file));
            Assert.Equal(pages, PdfPages(Path.Combine(folder, file)));
        }

        var manifest = File.ReadAllLines(Path.Combine(folder, "manifest.csv"));
        Assert.Equal(BatchOutput.ManifestHeader, manifest[0]);
        Assert.Equal(8, manifest.Length);
        Assert.Equal($"B20261125-01-00001,C000001,{BatchFixture.Tracking(1)},330011,print-001.pdf,1,3,3,high-value,false", manifest[1]);
        Assert.Equal($"B20261125-01-00004,C000004,{BatchFixture.Tracking(4)},330014,print-002.pdf,1,3,3,high-value,false", manifest[4]);
        Assert.Equal($"B20261125-01-00007,C000007,{BatchFixture.Tracking(7)},330017,print-003.pdf,1,3,3,high-value,false", manifest[7]);

        var sums = Tool.Run("sh", "-c", $"cd '{folder}' && sha256sum -c SHA256SUMS");
        Assert.Equal(6, Regex.Matches(sums.StdOut, ": OK").Count);

        // The second piece of file 2 is pages 4–6: the letter on sheet 1, the survey on sheets 2 and 3.
        var text = Tool.PdfToText(Path.Combine(folder, "print-002.pdf")).Split('\f');
        Assert.Contains(BatchFixture.NameOf(5), text[3]);
        Assert.Contains("感谢", text[3]);
        Assert.Contains(PieceComposer.ResponseCode("B20261125-01-00005"), text[4]);
        Assert.Equal(["B20261125-01-00005 1/3", "B20261125-01-00005 2/3", "B20261125-01-00005 3/3"],
            Enumerable.Range(4, 3).Select(p => ReadSheetMark(Path.Combine(folder, "print-002.pdf"), p)));

        var (batch, pieces) = Stored();
        Assert.Equal(BatchState.Rendered, batch.History.State);
        Assert.Equal([BatchState.Rendering, BatchState.Rendered], batch.History.Events.Select(e => e.To));
        Assert.Equal(BatchRenderer.Hash(batch, [new TemplateLibrary(BatchFixture.Templates, DocumentEngine.Default).Load("thank-you"),
            new TemplateLibrary(BatchFixture.Templates, DocumentEngine.Default).Load("survey")]), batch.TemplateHash);
        Assert.Equal(7, batch.RenderedPieces);
        Assert.Equal(["print-001.pdf", "print-002.pdf", "print-003.pdf", "proof.pdf", "manifest.csv", "posting-list.pdf"], batch.Files.Select(f => f.Name));
        Assert.All(pieces, p => Assert.Equal(PieceState.Rendered, p.History.State));
        Assert.Equal(new PiecePages("print-003.pdf", 1, 3, 3), pieces[6].Pages);
        // Each print file recorded its pieces as one record: their own documents stay as the batch stored them.
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = Db }))
        {
            Assert.Equal(3, db.GetCollection(LiteDbProductionStore.PrintFiles).Count());
            Assert.All(db.GetCollection(LiteDbProductionStore.Pieces).FindAll(), d => Assert.Equal("Planned", d["state"].AsString));
        }
        Assert.Equal(["started", "wrote print-001.pdf", "wrote print-002.pdf", "wrote print-003.pdf", "writing the proof, the manifest and the posting list", "rendered"],
            progress.Select(p => p.Step).Where(s => !s.StartsWith("rendering ", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void TheProofHoldsTheFirstCustomerPiecesAsPrintedThenEachDocumentWithItsAdversarialSample()
    {
        BatchFixture.Create(Db, 5, ["thank-you", "survey"], MailClass.Registered, new SplitLimits(MaxPieces: 100));
        Render();
        var folder = Path.Combine(Out, BatchFixture.BatchId);
        var proof = Path.Combine(folder, "proof.pdf");
        Tool.Run("qpdf", "--check", proof);
        File.Copy(proof, Path.Combine(PreviewDir, "proof.pdf"), overwrite: true);

        // Three pieces of three sheets each, as in print-001.pdf, then the letter (1 page) and the survey (2) of the adversarial sample.
        Assert.Equal(9 + 3, PdfPages(proof));
        var printed = Tool.PdfToText(Path.Combine(folder, "print-001.pdf")).Split('\f');
        var pages = Tool.PdfToText(proof).Split('\f');
        // Every proof page carries the banner, and is otherwise the page as printed; the print file carries none.
        var banner = ProofMark.Text(BatchFixture.BatchId);
        Assert.All(pages.Take(12), p => Assert.Contains(banner, p));
        Assert.DoesNotContain("样张", string.Concat(printed));
        Assert.Equal(printed.Take(9), pages.Take(9).Select(p => p.Replace(banner + "\n\n", "")));
        Assert.Equal("B20261125-01-00003 3/3", ReadSheetMark(proof, 9));
        Assert.DoesNotContain(BatchFixture.NameOf(4), string.Concat(pages));
        Assert.Contains(AdversarialSample.LongestName, pages[9]);
        Assert.Contains("幸福家园小区", pages[9]);
        Assert.Contains("<b>&</p>", pages[9]); // markup characters print as text

        var (batch, _) = Stored();
        var file = batch.Files.Single(f => f.Name == "proof.pdf");
        Assert.Equal((12, 5), (file.Pages, file.Pieces));
    }

    [Fact]
    public void TheWindowPrintsThePiecesAddresseeSnapshotNotTheNewerAddress()
    {
        BatchFixture.Create(Db, 2, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 100));
        Render();
        var text = Tool.PdfToText(Path.Combine(Out, BatchFixture.BatchId, "print-001.pdf"));
        Assert.Contains("阳明路1号2栋201室", text);
        Assert.DoesNotContain("新址大道", text);
        Assert.Contains($"{BatchFixture.NameOf(1)} 先生 收", text);
        Assert.Contains("P000001", text); // the piece's policy, not the customer's older one
        Assert.DoesNotContain("P000001-OLD", text);
    }

    [Fact]
    public void TheLetterPrintsThePolicyAsThePieceKeptItNotAsTheStoreHoldsItNow()
    {
        BatchFixture.Create(Db, 2, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 100));
        using (var database = new PrintDatabase(Db))
        {
            var customers = new LiteDbCustomerStore(database);
            var policy = customers.FindPolicy("P000001")!;
            policy.Plate = "赣B·99999"; // a correction after the batch was made, and before it was rendered
            customers.Upsert(policy);
        }
        Render();
        var text = Tool.PdfToText(Path.Combine(Out, BatchFixture.BatchId, "print-001.pdf"));
        Assert.Contains("赣A·00001", text);
        Assert.DoesNotContain("赣B·99999", text);
    }

    [Fact]
    public void PiecesStoredBeforePiecesKeptTheirLetterAreRenderedFromTheCustomerInTheStore()
    {
        BatchFixture.Create(Db, 3, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 100), keepLetters: false);
        Render();
        var text = Tool.PdfToText(Path.Combine(Out, BatchFixture.BatchId, "print-001.pdf"));
        Assert.Contains("P000003", text); // the piece's policy, not the customer's older one
        Assert.DoesNotContain("P000003-OLD", text);
        Assert.Contains("赣A·00002", text);
    }

    [Fact]
    public void APieceStoredBeforePiecesKeptTheirLetterWhoseCustomerIsGoneStopsTheBatchNamingIt()
    {
        BatchFixture.Create(Db, 3, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 100), keepLetters: false);
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = Db }))
            Assert.True(db.GetCollection(LiteDbCustomerStore.Customers).Delete("C000002"));
        var e = Assert.Throws<BatchRenderException>(() => Render());
        Assert.Equal(("B20261125-01-00002", "piece B20261125-01-00002 (customer C000002): customer C000002 is not in the store"), (e.PieceId, e.Message));
        Assert.Empty(Directory.GetFiles(Path.Combine(Out, BatchFixture.BatchId), "*.pdf"));
    }

    [Fact]
    public void TheProposalsReturnReceiptCardCarriesThePiecesTrackingNumber()
    {
        BatchFixture.Create(Db, 2, ["proposal"], MailClass.RegisteredWithReturnReceipt, new SplitLimits(MaxPieces: 100));
        Render();
        var (_, pieces) = Stored();
        var pdf = Path.Combine(Out, BatchFixture.BatchId, "print-001.pdf");
        var pages = Tool.PdfToText(pdf).Split('\f');
        foreach (var piece in pieces)
        {
            var card = pages[piece.Pages!.LastPage - 1];
            Assert.Contains("邮件回执", card);
            Assert.Contains(piece.TrackingNumber!.Value.ToString(), card);
            Assert.Contains(piece.Id, card);
            Assert.Equal(piece.Pages.LastPage - piece.Pages.FirstPage + 1, piece.Pages.Sheets); // letters: a page per sheet
        }
    }

    [Fact]
    public void ThePostingListListsEveryItemInFullWithPageAndGrandTotals()
    {
        BatchFixture.Create(Db, 65, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 40),
            name: i => i == 64 ? "阿卜杜热合曼·𠮷买提" : BatchFixture.NameOf(i));
        Render();
        var list = Path.Combine(Out, BatchFixture.BatchId, "posting-list.pdf");
        Tool.Run("qpdf", "--check", list);
        Tool.Run("pdftoppm", "-r", "70", "-png", list, Path.Combine(PreviewDir, "posting-list"));
        File.Copy(list, Path.Combine(PreviewDir, "posting-list.pdf"), overwrite: true);
        var pages = Tool.PdfToText(list).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, pages.Length);
        Assert.Contains("国内挂号信函交寄清单", pages[0]);
        Assert.Contains(BatchFixture.Tracking(1).ToString(), pages[0]);
        Assert.Contains(BatchFixture.NameOf(1), pages[0]);
        Assert.Contains("阿卜杜热合曼·𠮷买提", pages[2]);
        Assert.Matches(@"第\s*1\s*页\s*共\s*3\s*页", pages[0]);
        Assert.Contains("感谢信", pages[0]);
        Assert.Contains("本页小计", pages[0]);
        Assert.Contains("30 件", pages[0]);
        Assert.Contains("30 件", pages[1]);
        Assert.Contains("5 件", pages[2]);
        Assert.Contains("合计 65 件", pages[2]);
        Assert.DoesNotContain("合计 65 件", pages[0]);
    }

    [Fact]
    public void ABrokenPostingListTemplateStopsTheRenderingWithItsErrorAndLeavesNoPostingList()
    {
        BatchFixture.Create(Db, 12, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 5));
        var templates = dir.CopyOf(BatchFixture.Templates, "templates");
        var list = Path.Combine(templates, "posting-list", "list.sbn");
        File.WriteAllText(list, File.ReadAllText(list).Replace("{{ item.postcode }}", "{{ item.postcode | no_such_function }}"));

        var e = Assert.ThrowsAny<Exception>(() => Render(templates: templates));
        Assert.IsNotType<OperationCanceledException>(e);
        Assert.Contains("list.sbn", e.Message);
        Assert.False(File.Exists(Path.Combine(Out, BatchFixture.BatchId, "posting-list.pdf")));
        Assert.False(File.Exists(Path.Combine(Out, BatchFixture.BatchId, "manifest.csv")));
        Assert.Empty(Directory.GetFiles(Path.Combine(Out, BatchFixture.BatchId), "*.tmp"));
    }

    /// <summary>PRINT_PREVIEW_DIR keeps the posting list's previews for a person to look at.</summary>
    private string PreviewDir => Environment.GetEnvironmentVariable("PRINT_PREVIEW_DIR") is { Length: > 0 } d ? Directory.CreateDirectory(d).FullName : dir.Path;

    [Fact]
    public void ATemplateErrorNamesTemplateLinePieceAndCustomerAndLeavesNoHalfFile()
    {
        // A customer whose name no font has: the layout fails on piece 5, in the second file.
        BatchFixture.Create(Db, 6, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 3),
            name: i => i == 5 ? "张😀" : BatchFixture.NameOf(i));
        var e = Assert.Throws<BatchRenderException>(() => Render());
        Assert.Matches(@"^piece B20261125-01-00005 \(customer C000005\): templates/thank-you/piece\.sbn:\d+:\d+: ", e.Message);
        Assert.Contains("U+1F600", e.Message);
        Assert.DoesNotContain("张😀", e.Message); // the name is masked in the message

        var folder = Path.Combine(Out, BatchFixture.BatchId);
        Assert.Equal(["print-001.pdf"], Directory.GetFiles(folder).Select(Path.GetFileName));
        var (batch, pieces) = Stored();
        Assert.Equal(BatchState.Rendering, batch.History.State);
        Assert.Equal(3, batch.RenderedPieces);
        Assert.Equal([PieceState.Rendered, PieceState.Rendered, PieceState.Rendered, PieceState.Planned, PieceState.Planned, PieceState.Planned],
            pieces.Select(p => p.History.State));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void APieceThatFailsAheadOfOthersStopsTheBatchWithItsOwnErrorNotTheCancellationOfThoseAfterIt(int composers)
    {
        // Units of 4: the second fails at piece 5; the drawing thread meets it before the third (cancelled behind it by
        // one composer, composed beside it by two) and the fourth.
        BatchFixture.Create(Db, 16, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 100),
            name: i => i == 5 ? "张😀" : BatchFixture.NameOf(i));
        var e = Assert.Throws<BatchRenderException>(() => Render(composers: composers));
        Assert.Equal("B20261125-01-00005", e.PieceId);
        Assert.Contains("U+1F600", e.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(Out, BatchFixture.BatchId), "*.pdf"));
        Assert.All(Stored().Pieces, p => Assert.Equal(PieceState.Planned, p.History.State));
    }

    [Theory]
    [InlineData("B20261125-01-00003", "batch B20261125-01 has 5 pieces but the store holds no piece 3 of it")]
    [InlineData("B20261125-01-00005", "batch B20261125-01 has 5 pieces but the store holds fewer of them")]
    public void APieceMissingFromTheStoreStopsTheBatchBeforeAnythingIsWritten(string missing, string message)
    {
        BatchFixture.Create(Db, 5, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 2));
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = Db }))
            Assert.True(db.GetCollection(LiteDbProductionStore.Pieces).Delete(missing));
        var e = Assert.Throws<BatchRenderException>(() => Render());
        Assert.Equal(message, e.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(Out, BatchFixture.BatchId), "*.pdf"));
    }

    [Fact]
    public void AnInvitationWithoutItsEventIsAClearErrorNamingThePiece()
    {
        BatchFixture.Create(Db, 1, ["invitation"], MailClass.Ordinary, new SplitLimits(MaxPieces: 10), eventId: _ => "tour-2026-12");
        var e = Assert.Throws<BatchRenderException>(() => Render());
        Assert.Equal("piece B20261125-01-00001 (customer C000001): event 'tour-2026-12' is not in the campaign settings (events: none)", e.Message);
    }

    [Fact]
    public void ACancelledRenderingResumesAfterItsLastWholeFileAndARenderedBatchIsRenderedAgainOnlyWithAReason()
    {
        BatchFixture.Create(Db, 9, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 3));
        using (var cts = new CancellationTokenSource())
        {
            var progress = new CancelAfterFirstFile(cts);
            using var database = new PrintDatabase(Db);
            var renderer = new BatchRenderer(new LiteDbProductionStore(database), new LiteDbCustomerStore(database),
                new TemplateLibrary(BatchFixture.Templates, DocumentEngine.Default));
            Assert.Throws<OperationCanceledException>(() => renderer.Render(BatchFixture.BatchId, Out, progress, cts.Token));
        }
        Assert.Equal(3, Stored().Batch.RenderedPieces);
        var first = File.ReadAllBytes(Path.Combine(Out, BatchFixture.BatchId, "print-001.pdf"));

        var result = Render();
        Assert.Equal(3, result.ResumedAfterPieces);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(Out, BatchFixture.BatchId, "print-001.pdf"))); // not rendered again
        // The manifest takes the lines of print-001.pdf from the store and the rest as the files are recorded.
        var manifest = File.ReadAllLines(Path.Combine(Out, BatchFixture.BatchId, "manifest.csv"));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"B20261125-01-{i:00000}"), manifest.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal($"B20261125-01-00003,C000003,{BatchFixture.Tracking(3)},330013,print-001.pdf,3,3,1,high-value,false", manifest[3]);
        Assert.Equal($"B20261125-01-00004,C000004,{BatchFixture.Tracking(4)},330014,print-002.pdf,1,1,1,high-value,false", manifest[4]);
        // The posting list takes the pieces of print-001.pdf from the store and the rest as they are drawn: all nine, in order.
        var listed = Regex.Matches(Tool.PdfToText(Path.Combine(Out, BatchFixture.BatchId, "posting-list.pdf")), @"RR\d{9}CN").Select(m => m.Value);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => BatchFixture.Tracking(i).ToString()), listed);

        var again = Assert.Throws<BatchRenderException>(() => Render());
        Assert.Equal("batch B20261125-01 is already rendered (6 files); to render it again, say why (its approval lapses)", again.Message);
        Assert.Equal(0, Render(again: "new sender address").ResumedAfterPieces);
        var (batch, pieces) = Stored();
        Assert.Equal([BatchState.Rendering, BatchState.Rendered, BatchState.Rendering, BatchState.Rendered], batch.History.Events.Select(e => e.To));
        Assert.All(pieces, p => Assert.Equal([PieceState.Rendered], p.History.Events.Select(e => e.To)));
    }

    private sealed class CancelAfterFirstFile(CancellationTokenSource cts) : IProgress<BatchRenderProgress>
    {
        public void Report(BatchRenderProgress value)
        {
            if (value.Step == "wrote print-001.pdf") cts.Cancel();
        }
    }

    internal static int PdfPages(string pdf) =>
        int.Parse(Regex.Match(Tool.Run("pdfinfo", pdf).StdOut, @"^Pages:\s+(\d+)", RegexOptions.Multiline).Groups[1].Value);

    /// <summary>The sheet mark of page <paramref name="page"/>, read by libdmtx from a 300 dpi raster of the page's bottom-left corner.</summary>
    internal static string ReadSheetMark(string pdf, int page)
    {
        var png = Path.Combine(Path.GetDirectoryName(pdf)!, $"mark-{Guid.NewGuid():N}");
        // The bottom-left 40 × 40 mm of an A4 page at 300 dpi.
        Tool.Run("pdftoppm", "-r", "300", "-f", $"{page}", "-l", $"{page}", "-x", "0", "-y", "3035", "-W", "472", "-H", "472", "-png", "-singlefile", pdf, png);
        try
        {
            return Tool.Run("dmtxread", ["-n", "-m", "5000", png + ".png"], TimeSpan.FromSeconds(30)).StdOut.Trim();
        }
        finally
        {
            File.Delete(png + ".png");
        }
    }
}
