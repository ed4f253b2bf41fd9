using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Production;
using Print.Production.Batches;

namespace Print.Store.Tests.Production;

public class BatchStatesTests : IDisposable
{
    private readonly ProductionWorld world = new();
    public void Dispose() => world.Dispose();

    private string ThankYouBatch(int customers = 3)
    {
        for (int i = 1; i <= customers; i++) world.Person($"C00{i}", postcode: $"33000{i}");
        world.Record([.. Enumerable.Range(1, customers).Select(i => ProductionWorld.Mail(Triggers.ThankYou, $"C00{i}"))]);
        return world.Create().Batches.Single().Id;
    }

    [Fact]
    public void AnApprovedBatchGoesThroughPrintingToPostedAndEveryStepIsRecorded()
    {
        var id = ThankYouBatch();
        world.Render(id);
        var states = world.States();

        states.Approve(id, "李经理");
        states.Printed(id, "print shop");
        states.Posted(id, "王师傅");

        world.Reopen();
        var batch = world.Production.FindBatch(id)!;
        Assert.Equal(BatchState.Posted, batch.History.State);
        Assert.Equal(["rendering", "rendered", "approved", "printing", "printed", "posted"], batch.History.Events.Select(e => StateNames.Of(e.To)));
        Assert.Equal(["renderer", "renderer", "李经理", "print shop", "print shop", "王师傅"], batch.History.Events.Select(e => e.Actor));
        Assert.Equal(world.Templates.Hash(["thank-you", "survey"]), batch.History.Approval!.TemplateHash);
        Assert.All(world.Production.PiecesOf(id), p => Assert.Equal(PieceState.Posted, p.History.State));
    }

    [Fact]
    public void ATemplateChangedAfterTheApprovalStopsPrinting()
    {
        var id = ThankYouBatch();
        world.Render(id);
        var states = world.States();
        states.Approve(id, "李经理");

        File.AppendAllText(Path.Combine(world.TemplatesRoot, "survey", "piece.sbn"), "\n");

        var e = Assert.Throws<InvalidTransitionException>(() => states.StartPrinting(id, "print shop"));
        Assert.StartsWith($"batch {id}: the template changed after it was approved by 李经理", e.Message);
        Assert.Throws<InvalidTransitionException>(() => states.Printed(id, "print shop"));
        Assert.Equal(BatchState.Approved, world.Production.FindBatch(id)!.History.State);
    }

    [Fact]
    public void TheApprovalHashesTheTemplatesAsTheRendererDoes()
    {
        var library = new Print.Templates.TemplateLibrary(world.TemplatesRoot, Print.Documents.DocumentEngine.Default);
        foreach (string[] documents in new[] { ["thank-you", "survey"], new[] { "greeting-card" } })
        {
            var batch = new Batch
            {
                Id = "B1", WorkOrderId = "W1", CreatedOn = ProductionWorld.Day, Documents = documents, Paper = "A4", Envelope = "DL",
                MailClass = MailClass.Ordinary, Limits = SplitLimits.None, PieceCount = 0, History = new BatchHistory("B1"),
            };
            Assert.Equal(Print.Production.Rendering.BatchRenderer.Hash(batch, [.. documents.Select(library.Load)]), world.Templates.Hash(documents));
        }
    }

    [Fact]
    public void ABatchRenderedFromAnotherTemplateIsNotApproved()
    {
        var id = ThankYouBatch();
        world.Render(id, templateHash: "0123456789abcdef");

        var e = Assert.Throws<InvalidTransitionException>(() => world.States().Approve(id, "李经理"));
        Assert.Contains("the template changed after the batch was rendered", e.Message);
    }

    [Fact]
    public void StatesOnlyGoForward()
    {
        var id = ThankYouBatch();
        var states = world.States();

        var e = Assert.Throws<InvalidTransitionException>(() => states.Approve(id, "李经理"));
        Assert.Equal($"batch {id}: cannot go from created to approved; from created a batch goes to rendering", e.Message);
        world.Render(id);
        states.Approve(id, "李经理");
        states.Printed(id, "print shop");
        Assert.Throws<InvalidTransitionException>(() => states.Approve(id, "李经理"));
        states.Posted(id, "print shop");
        e = Assert.Throws<InvalidTransitionException>(() => states.Posted(id, "print shop"));
        Assert.Contains("posted is final", e.Message);
        Assert.Throws<ProductionException>(() => states.Approve("B19990101-01", "李经理"));
    }

    [Fact]
    public void ASpoiledPieceIsReprintedAsTheNextCopyAndAnUnprintedCopyHoldsThePostingBack()
    {
        var id = ThankYouBatch();
        world.Render(id);
        var states = world.States();
        states.Approve(id, "李经理");
        states.Printed(id, "print shop");
        var pieces = world.Production.PiecesOf(id);

        var spoiled = states.Spoil(pieces[0].Id, "print shop", "torn in the inserter", reprint: true);
        states.Spoil(pieces[1].Id, "print shop", "ink smear");

        Assert.Equal((2, PieceState.Planned, pieces[0].TrackingNumber), (spoiled.History.Copy, spoiled.History.State, spoiled.TrackingNumber));
        var e = Assert.Throws<ProductionException>(() => states.Posted(id, "print shop"));
        Assert.Equal($"batch {id} cannot be posted: 1 piece is not printed ({pieces[0].Id} planned); print them or mark them spoiled first", e.Message);

        states.PieceStep(pieces[0].Id, PieceState.Rendered, "renderer");
        states.PieceStep(pieces[0].Id, PieceState.Printed, "print shop");
        states.Posted(id, "print shop");

        var after = world.Production.PiecesOf(id);
        Assert.Equal([PieceState.Posted, PieceState.Spoiled, PieceState.Posted], after.Select(p => p.History.State));
        Assert.Equal(1, BatchKpis.Compute(after.Select(p => p.History)).Reprints);
    }

    private (string BatchId, MailPiece Seed, MailPiece Customer) PostedOrdinaryBatchWithSeeds()
    {
        for (int i = 1; i <= 2; i++) world.Person($"C00{i}", postcode: $"33000{i}");
        world.Record([.. Enumerable.Range(1, 2).Select(i => ProductionWorld.Mail(Triggers.Birthday, $"C00{i}"))]);
        var settings = ProductionSettings.Parse("""
            { "seeds": [ { "name": "质检甲", "city": "南昌市", "street": "北京西路1号", "postcode": "330046" },
                         { "name": "质检乙", "city": "赣州市", "street": "红旗大道2号", "postcode": "341000" } ] }
            """);
        var id = world.Create(settings: settings).Batches.Single().Id;
        world.Render(id);
        var posting = world.States(new FixedClock(ProductionWorld.Now));
        posting.Approve(id, "李经理");
        posting.Printed(id, "print shop");
        posting.Posted(id, "王师傅");
        var pieces = world.Production.PiecesOf(id);
        Assert.All(pieces, p => Assert.Null(p.TrackingNumber)); // ordinary mail: the post office reports nothing
        return (id, pieces.First(p => p.IsSeed), pieces.First(p => !p.IsSeed));
    }

    [Fact]
    public void ASeedOfOrdinaryMailIsReportedReceivedByItsAddresseeAndGivesTheBatchItsDeliveryTime()
    {
        var (id, seed, _) = PostedOrdinaryBatchWithSeeds();
        var states = world.States(FixedClock.At(new DateOnly(2026, 11, 30)));

        Assert.True(states.SeedReceived(seed.Id, new DateOnly(2026, 11, 28), "质检甲"));
        Assert.False(states.SeedReceived(seed.Id, new DateOnly(2026, 11, 28), "质检甲")); // reported twice: nothing changes

        world.Reopen();
        var stored = world.Production.FindPiece(seed.Id)!;
        Assert.Equal(PieceState.Delivered, stored.History.State);
        var delivered = Assert.Single(stored.History.Events, e => e.To == PieceState.Delivered);
        Assert.Equal(("质检甲", new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(8))), (delivered.Actor, delivered.At));
        var kpis = BatchKpis.Compute(world.Production.PiecesOf(id).Select(p => p.History));
        Assert.Equal([(seed.Id, (int?)3), (world.Production.PiecesOf(id).Last().Id, null)], kpis.Seeds.Select(s => (s.PieceId, s.Days)));
        Assert.Equal((3.0, 3), (kpis.SeedAverageDays, kpis.SeedMaxDays));
    }

    [Fact]
    public void OnlyAPostedSeedCanBeReceivedAndOnlyBetweenItsPostingAndToday()
    {
        var (id, seed, customer) = PostedOrdinaryBatchWithSeeds();
        var states = world.States(FixedClock.At(new DateOnly(2026, 11, 30)));

        var e = Assert.Throws<ProductionException>(() => states.SeedReceived(customer.Id, new DateOnly(2026, 11, 28), "质检甲"));
        Assert.Equal($"piece {customer.Id} is not a seed piece: a customer's piece is delivered through the post office's feedback", e.Message);
        e = Assert.Throws<ProductionException>(() => states.SeedReceived(seed.Id, new DateOnly(2026, 12, 1), "质检甲"));
        Assert.Equal($"piece {seed.Id}: received on 2026-12-01 is after today (2026-11-30)", e.Message);
        e = Assert.Throws<ProductionException>(() => states.SeedReceived(seed.Id, new DateOnly(2026, 11, 24), "质检甲"));
        Assert.Equal($"piece {seed.Id}: received on 2026-11-24, before it was posted on 2026-11-25", e.Message);
        Assert.Throws<ProductionException>(() => states.SeedReceived("B19990101-01-00001", new DateOnly(2026, 11, 28), "质检甲"));

        states.SeedReceived(seed.Id, new DateOnly(2026, 11, 27), "质检甲");
        // Delivered is final: another day is a contradiction, refused.
        Assert.Throws<InvalidTransitionException>(() => states.SeedReceived(seed.Id, new DateOnly(2026, 11, 29), "质检甲"));
        Assert.Single(world.Production.FindPiece(seed.Id)!.History.Events, e => e.To == PieceState.Delivered);
        Assert.All(world.Production.PiecesOf(id).Where(p => p.Id != seed.Id), p => Assert.Equal(PieceState.Posted, p.History.State));
    }

    [Fact]
    public void ASeedNotYetPostedCannotBeReceived()
    {
        world.Person("C001");
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"));
        var settings = ProductionSettings.Parse("""{ "seeds": [ { "name": "质检甲", "city": "南昌市", "street": "北京西路1号", "postcode": "330046" } ] }""");
        var id = world.Create(settings: settings).Batches.Single().Id;
        var seed = world.Production.PiecesOf(id).First(p => p.IsSeed);

        Assert.Throws<InvalidTransitionException>(() => world.States(FixedClock.At(new DateOnly(2026, 11, 30))).SeedReceived(seed.Id, new DateOnly(2026, 11, 28), "质检甲"));
        Assert.Equal(PieceState.Planned, world.Production.FindPiece(seed.Id)!.History.State);
    }
}
