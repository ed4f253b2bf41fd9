using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Store.LiteDb;

namespace Print.Store.Tests.Production;

/// <summary>
/// <see cref="IProductionStore.RecordPrintFile"/>: a print file's pieces recorded as one record, and every way of
/// reading a piece afterwards giving it its pages and its step to rendered; <see cref="IProductionStore.RestartRendering"/>
/// writing them into the pieces before the records go.
/// </summary>
public class PrintFileRecordTests : IDisposable
{
    private readonly ProductionWorld world = new();
    public void Dispose() => world.Dispose();

    private static readonly DateOnly Day = ProductionWorld.Day;
    private static readonly DateTimeOffset RenderedAt = ProductionWorld.Now;

    /// <summary>Batch B1 of <paramref name="count"/> registered pieces (tracking numbers RR…1 to RR…count) of trigger thank-you.</summary>
    private void Batch(int count = 10)
    {
        var batch = new Batch
        {
            Id = "B1", WorkOrderId = "W1", CreatedOn = Day, Documents = ["thank-you"], Paper = "A4", Envelope = "DL",
            MailClass = MailClass.Registered, Limits = new SplitLimits(MaxPieces: 4), PieceCount = count, History = new BatchHistory("B1"),
        };
        var pieces = Enumerable.Range(1, count).Select(s =>
        {
            var number = TrackingNumber.Create("RR", 10_000_000 + s, "CN");
            return new MailPiece
            {
                Id = $"B1-{s:00000}", BatchId = "B1", Sequence = s, CustomerId = $"C{s:000}", CommunicationId = $"thank-you/P{s}/C{s:000}",
                Documents = ["thank-you"], MailClass = MailClass.Registered, TrackingNumber = number, Segment = "high-value", Name = "张伟",
                Address = ProductionWorld.Home, History = new PieceHistory($"B1-{s:00000}", number),
            };
        }).ToList();
        world.Production.CreateWorkOrder(new WorkOrder("W1", Day, "test", ["B1"], count), [batch], pieces, new Dictionary<string, long>(), []);
    }

    /// <summary>Pieces <paramref name="from"/>–<paramref name="to"/> laid out in <paramref name="file"/>, two pages each from page 1, and recorded.</summary>
    private PrintFilePieces Record(string file, int from, int to, IReadOnlyCollection<MailPiece>? moved = null)
    {
        var store = world.Production;
        var batch = store.FindBatch("B1")!;
        var pieces = store.PiecesOf("B1", from, to - from + 1).ToList();
        for (int i = 0; i < pieces.Count; i++) pieces[i].Pages = new PiecePages(file, 2 * i + 1, 2 * i + 2, 1);
        var record = PrintFilePieces.Of(file, pieces, RenderedAt, "print");
        batch.Files = [.. batch.Files, new BatchOutputFile(file, "00", 1, 2 * pieces.Count, pieces.Count)];
        batch.RenderedPieces += pieces.Count;
        store.RecordPrintFile(batch, record, moved ?? []);
        return record;
    }

    private static void AssertRenderedIn(MailPiece piece, string file, int firstPage)
    {
        Assert.Equal(PieceState.Rendered, piece.History.State);
        Assert.Equal(new PiecePages(file, firstPage, firstPage + 1, 1), piece.Pages);
        var step = Assert.Single(piece.History.Events);
        Assert.Equal((PieceState.Planned, PieceState.Rendered, RenderedAt, "print"), (step.From, step.To, step.At, step.Actor));
    }

    [Fact]
    public void EveryReadOfAPieceCarriesWhatItsPrintFileRecorded()
    {
        Batch();
        Record("print-001.pdf", 1, 4);
        Record("print-002.pdf", 5, 8);
        world.Reopen();
        var store = world.Production;

        var all = store.PiecesOf("B1");
        for (int s = 1; s <= 8; s++) AssertRenderedIn(all[s - 1], s <= 4 ? "print-001.pdf" : "print-002.pdf", s <= 4 ? 2 * s - 1 : 2 * (s - 4) - 1);
        Assert.All(all.Skip(8), p => { Assert.Equal(PieceState.Planned, p.History.State); Assert.Null(p.Pages); });

        // A page across both files and past them, each piece from its own record.
        var page = store.PiecesOf("B1", 3, 7);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], page.Select(p => p.Sequence));
        AssertRenderedIn(page[1], "print-001.pdf", 7);
        AssertRenderedIn(page[2], "print-002.pdf", 1);
        Assert.Equal(PieceState.Planned, page[6].History.State);

        AssertRenderedIn(store.FindPiece("B1-00006")!, "print-002.pdf", 3);
        AssertRenderedIn(store.FindPieceByTracking(TrackingNumber.Create("RR", 10_000_002, "CN"))!, "print-001.pdf", 3);
        var byNumber = store.PiecesByTracking([TrackingNumber.Create("RR", 10_000_008, "CN"), TrackingNumber.Create("RR", 10_000_010, "CN")]);
        AssertRenderedIn(byNumber[TrackingNumber.Create("RR", 10_000_008, "CN")], "print-002.pdf", 7);
        Assert.Equal(PieceState.Planned, byNumber[TrackingNumber.Create("RR", 10_000_010, "CN")].History.State);
        Assert.Equal(8, store.PiecesOfTrigger("thank-you").Count(p => p.History.State == PieceState.Rendered));
        Assert.Equal(8, store.FindBatch("B1")!.RenderedPieces);

        // The pieces as stored are untouched: the records are the one place the file's pages are written.
        var stored = world.Database.Engine.GetCollection(LiteDbProductionStore.Pieces).FindById("B1-00001");
        Assert.Equal("Planned", stored["state"].AsString);
        Assert.Equal(2, world.Database.Engine.GetCollection(LiteDbProductionStore.PrintFiles).Count());
    }

    [Fact]
    public void APieceWrittenAfterwardsKeepsWhatItWasWrittenWithAndTheRecordAddsNothingToIt()
    {
        Batch();
        Record("print-001.pdf", 1, 4);
        var store = world.Production;
        var batch = store.FindBatch("B1")!;
        var piece = store.FindPiece("B1-00002")!;
        var printedAt = RenderedAt.AddHours(3);
        piece.History.Transition(PieceState.Printed, printedAt, "operator");
        store.Update(batch, [piece]);
        world.Reopen();

        var again = world.Production.FindPiece("B1-00002")!;
        Assert.Equal([PieceState.Rendered, PieceState.Printed], again.History.Events.Select(e => e.To));
        Assert.Equal(new PiecePages("print-001.pdf", 3, 4, 1), again.Pages);
        AssertRenderedIn(world.Production.FindPiece("B1-00003")!, "print-001.pdf", 5);
    }

    [Fact]
    public void APieceThatMovedBeforeIsSavedWithTheFileAndNotTakenFromTheRecord()
    {
        Batch();
        var store = world.Production;
        var batch = store.FindBatch("B1")!;
        // Piece 2 rendered, spoiled and re-printed before: its second copy is planned, with steps behind it.
        var reprinted = store.FindPiece("B1-00002")!;
        reprinted.History.Transition(PieceState.Rendered, RenderedAt.AddDays(-1), "print");
        reprinted.History.Transition(PieceState.Spoiled, RenderedAt.AddDays(-1), "operator", "jammed");
        reprinted.History.Reprint(RenderedAt.AddDays(-1), "operator");
        store.Update(batch, [reprinted]);

        var pieces = store.PiecesOf("B1", 1, 4).ToList();
        for (int i = 0; i < pieces.Count; i++) pieces[i].Pages = new PiecePages("print-001.pdf", i + 1, i + 1, 1);
        var record = PrintFilePieces.Of("print-001.pdf", pieces, RenderedAt, "print");
        var moved = pieces.Where(p => p.History.Events.Count > 0).ToList();
        Assert.Equal(["B1-00002"], moved.Select(p => p.Id));
        moved[0].History.Transition(PieceState.Rendered, RenderedAt, "print");
        store.RecordPrintFile(batch, record, moved);
        world.Reopen();

        var copy = world.Production.FindPiece("B1-00002")!;
        Assert.Equal(2, copy.History.Copy);
        Assert.Equal(PieceState.Rendered, copy.History.State);
        Assert.Equal(4, copy.History.Events.Count);
        Assert.Equal(new PiecePages("print-001.pdf", 2, 2, 1), copy.Pages);
    }

    [Fact]
    public void ARecordThatFailsToCommitLeavesTheBatchAndItsPiecesAsTheyWere()
    {
        Batch();
        world.Production.BeforeCommit = () => { world.Production.Abandon(); throw new IOException("power cut"); };
        Assert.Throws<IOException>(() => Record("print-001.pdf", 1, 4));
        world.Reopen();

        Assert.Equal(0, world.Production.FindBatch("B1")!.RenderedPieces);
        Assert.Empty(world.Production.FindBatch("B1")!.Files);
        Assert.All(world.Production.PiecesOf("B1"), p => { Assert.Equal(PieceState.Planned, p.History.State); Assert.Null(p.Pages); });
        Assert.Equal(0, world.Database.Engine.GetCollection(LiteDbProductionStore.PrintFiles).Count());
    }

    [Fact]
    public void RestartingTheRenderingWritesTheRecordsIntoThePiecesThenDropsThem()
    {
        Batch();
        Record("print-001.pdf", 1, 4);
        Record("print-002.pdf", 5, 8);
        var store = world.Production;
        var batch = store.FindBatch("B1")!;
        batch.Files = [];
        batch.RenderedPieces = 0;
        store.RestartRendering(batch);
        world.Reopen();

        Assert.Equal(0, world.Database.Engine.GetCollection(LiteDbProductionStore.PrintFiles).Count());
        Assert.Equal(0, world.Production.FindBatch("B1")!.RenderedPieces);
        var all = world.Production.PiecesOf("B1");
        // Rendered by the first rendering, with its time and pages, until the next one records its own.
        AssertRenderedIn(all[5], "print-002.pdf", 3);
        var stored = world.Database.Engine.GetCollection(LiteDbProductionStore.Pieces).FindById("B1-00006");
        Assert.Equal("Rendered", stored["state"].AsString);
        Assert.Equal(PieceState.Planned, all[8].History.State);

        // The next rendering's file: pieces rendered before are saved with their new pages, and keep their step.
        var pieces = world.Production.PiecesOf("B1", 1, 4).ToList();
        for (int i = 0; i < pieces.Count; i++) pieces[i].Pages = new PiecePages("print-001.pdf", 10 + i, 10 + i, 1);
        batch = world.Production.FindBatch("B1")!;
        batch.RenderedPieces = 4;
        world.Production.RecordPrintFile(batch, PrintFilePieces.Of("print-001.pdf", pieces, RenderedAt.AddDays(1), "print"), pieces);
        var first = world.Production.FindPiece("B1-00001")!;
        Assert.Equal(new PiecePages("print-001.pdf", 10, 10, 1), first.Pages);
        Assert.Equal(RenderedAt, Assert.Single(first.History.Events).At);
    }

    [Fact]
    public void AFileRecordNeedsConsecutivePiecesOfOneBatchWithTheirPagesInIt()
    {
        Batch();
        var pieces = world.Production.PiecesOf("B1", 1, 3).ToList();
        foreach (var p in pieces) p.Pages = new PiecePages("print-001.pdf", p.Sequence, p.Sequence, 1);
        var gap = Assert.Throws<ArgumentException>(() => PrintFilePieces.Of("print-001.pdf", [pieces[0], pieces[2]], RenderedAt, "print"));
        Assert.Contains("B1-00003 does not follow piece B1-00001", gap.Message);
        pieces[1].Pages = new PiecePages("print-002.pdf", 1, 1, 1);
        var elsewhere = Assert.Throws<ArgumentException>(() => PrintFilePieces.Of("print-001.pdf", pieces, RenderedAt, "print"));
        Assert.Contains("piece B1-00002 has no pages in print-001.pdf", elsewhere.Message);
    }
}
