using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Production.Feedback;
using Print.Production.Kpis;

namespace Print.Store.Tests.Production;

public class FeedbackTests : IDisposable
{
    private readonly ProductionWorld world = new();
    public void Dispose() => world.Dispose();

    private IReadOnlyList<MailPiece> pieces = [];
    private string batchId = "";

    /// <summary>Four thank-you letters to C001..C004, rendered, approved, printed and posted.</summary>
    private void PostedBatch()
    {
        for (int i = 1; i <= 4; i++) world.Person($"C00{i}", postcode: $"33000{i}");
        world.Record([.. Enumerable.Range(1, 4).Select(i => ProductionWorld.Mail(Triggers.ThankYou, $"C00{i}"))]);
        batchId = world.Create().Batches.Single().Id;
        world.Render(batchId);
        var states = world.States();
        states.Approve(batchId, "李经理");
        states.Printed(batchId, "print shop");
        states.Posted(batchId, "print shop");
        pieces = world.Production.PiecesOf(batchId);
    }

    private string Feedback(string rows) => world.Dir.Write("feedback.csv", "邮件号,事件,日期,原因代码,新地址,新邮编\n" + rows);

    private FeedbackImport Import() => new(world.Production, world.Customers) { ChunkSize = 2 };

    [Fact]
    public void DeliveredReRoutedAndReturnedUpdateThePiecesAndTheAddressBook()
    {
        PostedBatch();
        var file = Feedback(
            $"{pieces[0].TrackingNumber},投递,2026-11-27,,,\n" +
            $"{pieces[1].TrackingNumber},改寄,2026-11-27,,江西省南昌市红谷滩区丰和中大道1288号,330038\n" +
            $"{pieces[2].TrackingNumber},退回,2026-11-28,迁移新址不明,,\n" +
            "RR473124829CN,投递,2026-11-28,,,\n" +
            $"{pieces[1].TrackingNumber},投递,2026-11-29,,,\n" +
            $"{pieces[3].TrackingNumber},投递,2026-11-29,原址查无此人,,\n");

        var summary = Import().Import(file);

        Assert.Equal((6, 4, 0), (summary.Rows, summary.Applied, summary.AlreadyRecorded));
        var unknown = Assert.Single(summary.Unknown);
        Assert.Equal("row 4, 邮件号: unknown tracking number: no piece of ours carries it", unknown.ToString());
        Assert.Equal(6, Assert.Single(summary.BadRows).Row);
        Assert.Equal((1, 1, 2, 1), (summary.AddressesCorrected, summary.AddressesMarkedBad, summary.AddressesVerified, summary.RedeliveriesQueued));

        var after = world.Production.PiecesOf(batchId);
        Assert.Equal([PieceState.Delivered, PieceState.Delivered, PieceState.Returned, PieceState.Posted], after.Select(p => p.History.State));
        Assert.Equal("moved", after[2].History.ReturnReason);
        Assert.Equal("post office feedback feedback.csv", after[0].History.Events[^1].Actor);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8)), after[0].History.When(PieceState.Delivered));

        Assert.True(world.Customers.FindCustomer("C001")!.Addresses.Current!.Verified);
        var moved = world.Customers.FindCustomer("C002")!.Addresses.Current!;
        Assert.Equal(("江西省南昌市红谷滩区丰和中大道1288号", "330038", AddressSource.PostOffice, new DateOnly(2026, 11, 27)),
            (moved.Address.Street, moved.Address.Postcode, moved.Source, moved.Since));
        var returned = world.Customers.FindCustomer("C003")!;
        Assert.Equal("the address was marked bad on 2026-11-28: 迁移新址不明", returned.NotMailableReason);
        Assert.Equal(RedeliveryStatus.Waiting, world.Production.FindRedelivery(pieces[2].Id)!.Status);
    }

    [Fact]
    public void ImportingTheSameFileTwiceChangesNothingTheSecondTime()
    {
        PostedBatch();
        var file = Feedback(
            $"{pieces[0].TrackingNumber},投递,2026-11-27,,,\n" +
            $"{pieces[1].TrackingNumber},改寄,2026-11-27,,江西省南昌市红谷滩区丰和中大道1288号,330038\n" +
            $"{pieces[2].TrackingNumber},退回,2026-11-28,地址不详,,\n");
        Import().Import(file);
        var customers = world.Customers.Dump();
        var stored = world.Production.PiecesOf(batchId).Select(p => p.History.Events.Count).ToList();

        var second = Import().Import(file);

        Assert.Equal((0, 3), (second.Applied, second.AlreadyRecorded));
        Assert.Equal((0, 0, 0), (second.AddressesCorrected, second.AddressesMarkedBad, second.RedeliveriesQueued));
        Assert.Equal(customers, world.Customers.Dump());
        Assert.Equal(stored, world.Production.PiecesOf(batchId).Select(p => p.History.Events.Count));
    }

    [Fact]
    public void AnImpossibleEventIsRefusedWithThePiecesMessage()
    {
        PostedBatch();
        var file = Feedback($"{pieces[0].TrackingNumber},投递,2026-11-27,,,\n{pieces[0].TrackingNumber},退回,2026-11-28,拒收,,\n");

        var summary = Import().Import(file);

        var refused = Assert.Single(summary.Refused);
        Assert.Equal(2, refused.Row);
        Assert.Contains("cannot go from delivered to returned: delivered is final", refused.Reason);
        Assert.Equal(PieceState.Delivered, world.Production.FindPiece(pieces[0].Id)!.History.State);
    }

    [Fact]
    public void ACrashInAChunkKeepsTheChunksBeforeItAndTheNextImportCompletesTheFile()
    {
        PostedBatch();
        var file = Feedback(string.Concat(pieces.Select(p => $"{p.TrackingNumber},投递,2026-11-27,,,\n")));
        int saves = 0;
        world.Production.BeforeCommit = () => { if (++saves == 2) { world.Production.Abandon(); throw new IOException("power cut"); } };

        Assert.Throws<IOException>(() => Import().Import(file));

        world.Reopen();
        Assert.Equal([PieceState.Delivered, PieceState.Delivered, PieceState.Posted, PieceState.Posted],
            world.Production.PiecesOf(batchId).Select(p => p.History.State));
        var summary = Import().Import(file);
        Assert.Equal((2, 2), (summary.Applied, summary.AlreadyRecorded));
        Assert.All(world.Production.PiecesOf(batchId), p => Assert.Equal(PieceState.Delivered, p.History.State));
    }

    [Fact]
    public void AReturnedPieceIsDeliveredAgainOnceACorrectedAddressArrives()
    {
        PostedBatch();
        Import().Import(Feedback($"{pieces[2].TrackingNumber},退回,2026-11-28,原址查无此人,,\n"));

        // Still the bad address: the redelivery waits, nothing is due.
        Assert.Null(world.Create(day: new DateOnly(2026, 11, 29)).Order);

        var customer = world.Customers.FindCustomer("C003")!;
        customer.Addresses.Correct(ProductionWorld.Home with { Street = "孺子路188号", Postcode = "330008" }, AddressSource.CustomerService, new DateOnly(2026, 11, 30));
        world.Customers.Upsert(customer);
        var result = world.Create(day: new DateOnly(2026, 11, 30));

        var piece = Assert.Single(world.Production.PiecesOf(Assert.Single(result.Batches).Id));
        Assert.Equal((pieces[2].Id, pieces[2].CommunicationId, "孺子路188号"), (piece.RedeliveryOf, piece.CommunicationId, piece.Address.Street));
        Assert.NotEqual(pieces[2].TrackingNumber, piece.TrackingNumber);
        var redelivery = world.Production.FindRedelivery(pieces[2].Id)!;
        Assert.Equal((RedeliveryStatus.Batched, piece.Id), (redelivery.Status, redelivery.BatchedIn));
        Assert.Null(world.Create(day: new DateOnly(2026, 12, 1)).Order);
    }

    [Fact]
    public void ARedeliveryPastItsLastUsefulDayIsClosedWithTheReason()
    {
        PostedBatch();
        Import().Import(Feedback($"{pieces[2].TrackingNumber},退回,2026-11-28,原址查无此人,,\n"));

        var result = world.Create(day: new DateOnly(2027, 1, 30));

        Assert.StartsWith($"redelivery of {pieces[2].Id} too late", Assert.Single(result.Skipped).Reason);
        Assert.Equal(RedeliveryStatus.Dropped, world.Production.FindRedelivery(pieces[2].Id)!.Status);
        Assert.Empty(world.Production.WaitingRedeliveries());
    }

    [Fact]
    public void KpisOfTheBatchAndOfTheCampaign()
    {
        PostedBatch();
        Import().Import(Feedback(
            $"{pieces[0].TrackingNumber},投递,2026-11-27,,,\n" +
            $"{pieces[1].TrackingNumber},改寄,2026-11-27,,江西省南昌市红谷滩区丰和中大道1288号,330038\n" +
            $"{pieces[2].TrackingNumber},退回,2026-11-28,拒收,,\n"));
        var kpis = new ProductionKpis(world.Production);

        var batch = kpis.ForBatch(batchId);
        Assert.Equal((4, 4, 1, 1, 1, 2), (batch.Pieces, batch.Posted, batch.Delivered, batch.Returned, batch.ReRouted, batch.InTransit));
        Assert.Equal(0.25, batch.DeliveryRate);
        Assert.Equal("refused", Assert.Single(batch.ReturnedByReason).Key);
        Assert.Equal(batch, kpis.ForCampaign(Triggers.ThankYou) with { ReturnedByReason = batch.ReturnedByReason, Seeds = batch.Seeds });
        Assert.Equal(0, kpis.ForCampaign(Triggers.Birthday).Pieces);
        Assert.Equal(Triggers.ThankYou, Assert.Single(kpis.ByCampaign()).Trigger);
        Assert.Equal("delivery rate 25.0% (1 of 4 posted)", ProductionKpis.Describe(batch).ElementAt(1));
        // A refusal is not an address problem: the address stays good and nothing is redelivered.
        Assert.True(world.Customers.FindCustomer("C003")!.IsMailable);
        Assert.Empty(world.Production.WaitingRedeliveries());
    }

    [Fact]
    public void ADeceasedCustomerIsContactedOnNoChannelAgain()
    {
        PostedBatch();
        var summary = Import().Import(Feedback($"{pieces[3].TrackingNumber},退回,2026-11-28,收件人已故,,\n"));

        Assert.Equal(1, summary.ContactStopped);
        Assert.EndsWith("; all contact stopped for 1 customer", summary.ToString());
        world.Reopen();
        var customer = world.Customers.FindCustomer("C004")!;
        Assert.Equal(new ContactStop($"收件人已故 (post office return of {pieces[3].Id})", new DateOnly(2026, 11, 28)), customer.Contact.Stopped);
        Assert.Equal($"all contact stopped on 2026-11-28: 收件人已故 (post office return of {pieces[3].Id})", customer.NotMailableReason);
        Assert.All(Enum.GetValues<Channel>(), c => Assert.False(customer.Contact.Allows(c)));
        Assert.Null(CampaignSettings.Default.Channels.Decide(customer, ProductionWorld.Mail(Triggers.Birthday, "C004").Occasion).Channel);
    }
}
