using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;

namespace Print.Store.Tests.Production;

/// <summary><see cref="IProductionStore.PiecesOf(string, int, int)"/>: a batch read a page at a time, in presort order.</summary>
public class PiecesPagingTests : IDisposable
{
    private readonly ProductionWorld world = new();
    public void Dispose() => world.Dispose();

    private static readonly DateOnly Day = ProductionWorld.Day;

    /// <summary>Batches B1 (12 pieces) and B10 (3): one id is the start of the other. Stored out of presort order.</summary>
    private void TwoBatches()
    {
        Batch Batch(string id, int count) => new()
        {
            Id = id, WorkOrderId = "W1", CreatedOn = Day, Documents = ["thank-you"], Paper = "A4", Envelope = "DL",
            MailClass = MailClass.Ordinary, Limits = new SplitLimits(MaxPieces: 100), PieceCount = count, History = new BatchHistory(id),
        };
        MailPiece Piece(string batchId, int sequence) => new()
        {
            Id = $"{batchId}-{sequence:00000}", BatchId = batchId, Sequence = sequence, CustomerId = $"C{sequence:000}",
            CommunicationId = $"thank-you/{batchId}/{sequence}", Documents = ["thank-you"], MailClass = MailClass.Ordinary,
            Segment = "high-value", Name = "张伟", Address = ProductionWorld.Home, History = new PieceHistory($"{batchId}-{sequence:00000}", null),
        };
        var pieces = new[] { 7, 3, 12, 1, 9, 2, 11, 4, 10, 5, 8, 6 }.Select(s => Piece("B1", s))
            .Concat(new[] { 3, 1, 2 }.Select(s => Piece("B10", s))).ToList();
        world.Production.CreateWorkOrder(new WorkOrder("W1", Day, "test", ["B1", "B10"], pieces.Count), [Batch("B1", 12), Batch("B10", 3)],
            pieces, new Dictionary<string, long>(), []);
    }

    [Fact]
    public void PagesComeInPresortOrderFromTheGivenSequenceAndNeverFromAnotherBatch()
    {
        TwoBatches();
        var store = world.Production;
        Assert.Equal([1, 2, 3, 4, 5], store.PiecesOf("B1", 1, 5).Select(p => p.Sequence));
        Assert.Equal([6, 7, 8, 9, 10], store.PiecesOf("B1", 6, 5).Select(p => p.Sequence));
        Assert.Equal([11, 12], store.PiecesOf("B1", 11, 5).Select(p => p.Sequence));
        Assert.Empty(store.PiecesOf("B1", 13, 5));
        Assert.Empty(store.PiecesOf("B1", 1, 0));
        Assert.All(store.PiecesOf("B1", 1, 100), p => Assert.Equal("B1", p.BatchId));
        Assert.Equal([1, 2, 3], store.PiecesOf("B10", 1, 100).Select(p => p.Sequence));
        Assert.Empty(store.PiecesOf("B2", 1, 100));

        // Page by page, the same pieces as the whole batch at once.
        var paged = new List<MailPiece>();
        for (int from = 1; store.PiecesOf("B1", from, 5) is { Count: > 0 } page; from = page[^1].Sequence + 1) paged.AddRange(page);
        Assert.Equal(store.PiecesOf("B1").Select(p => p.Id), paged.Select(p => p.Id));
        Assert.Equal(store.PiecesOf("B1")[6].History.Events.Count, paged[6].History.Events.Count);
    }

    [Fact]
    public void AnUpdateWithAPieceThatIsNotStoredChangesNothingAndNamesThePiece()
    {
        TwoBatches();
        var store = world.Production;
        var batch = store.FindBatch("B1")!;
        var pieces = store.PiecesOf("B1", 1, 3).ToList();
        foreach (var p in pieces) p.Pages = new PiecePages("print-001.pdf", p.Sequence, p.Sequence, 1);
        batch.RenderedPieces = 3;
        var stranger = new MailPiece
        {
            Id = "B1-00099", BatchId = "B1", Sequence = 99, CustomerId = "C099", Documents = ["thank-you"], MailClass = MailClass.Ordinary,
            Segment = "high-value", Name = "张伟", Address = ProductionWorld.Home, History = new PieceHistory("B1-00099", null),
        };

        var e = Assert.Throws<InvalidOperationException>(() => store.Update(batch, [.. pieces, stranger]));
        Assert.Equal("no piece B1-00099 is stored", e.Message);
        Assert.Equal(0, store.FindBatch("B1")!.RenderedPieces);
        Assert.All(store.PiecesOf("B1", 1, 3), p => Assert.Null(p.Pages));

        var other = store.PiecesOf("B10", 1, 1)[0];
        Assert.Throws<ArgumentException>(() => store.Update(batch, [other]));

        store.Update(batch, pieces);
        Assert.Equal(3, store.FindBatch("B1")!.RenderedPieces);
        Assert.Equal([1, 2, 3], store.PiecesOf("B1", 1, 3).Select(p => p.Pages!.FirstPage));
    }

    [Fact]
    public void AStoreOpenedAgainPagesAsBefore()
    {
        TwoBatches();
        world.Reopen();
        Assert.Equal([4, 5, 6], world.Production.PiecesOf("B1", 4, 3).Select(p => p.Sequence));
    }
}
