using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Production.Batches;

namespace Print.Store.Tests.Production;

public class BatchAssemblyTests : IDisposable
{
    private readonly ProductionWorld world = new();
    public void Dispose() => world.Dispose();

    [Fact]
    public void AWorkOrderBatchesTheDueMailByKindInPostcodeOrderWithTrackingNumbersForRegisteredPieces()
    {
        world.Person("C001", postcode: "330200");
        world.Person("C002", postcode: "330006");
        world.Person("C003", postcode: "330100");
        world.Record(
            ProductionWorld.Mail(Triggers.ThankYou, "C001"), ProductionWorld.Mail(Triggers.ThankYou, "C002"), ProductionWorld.Mail(Triggers.ThankYou, "C003"),
            ProductionWorld.Mail(Triggers.Birthday, "C001", key: "2026"), ProductionWorld.Mail(Triggers.Birthday, "C002", key: "2026"),
            // not for this work order: SMS, still planned, handed off tomorrow
            ProductionWorld.Mail(Triggers.Holiday, "C003", key: "sms", channel: Channel.Sms),
            ProductionWorld.Mail(Triggers.Magazine, "C001", key: "planned", status: CommunicationStatus.Planned),
            ProductionWorld.Mail(Triggers.Invitation, "C002", key: "tomorrow", handedOffOn: ProductionWorld.Day.AddDays(1)));

        var result = world.Create();

        Assert.Equal("W20261125-01", result.Order!.Id);
        Assert.Equal(["B20261125-01", "B20261125-02"], result.Batches.Select(b => b.Id));
        var cards = world.Production.FindBatch("B20261125-01")!;
        var letters = world.Production.FindBatch("B20261125-02")!;
        Assert.Equal("greeting-card (birthday)", cards.Kind);
        Assert.Equal(("birthday", "postcard", "none", MailClass.Ordinary, 2), (cards.Variant, cards.Paper, cards.Envelope, cards.MailClass, cards.PieceCount));
        Assert.Equal(["thank-you", "survey"], letters.Documents);
        Assert.Equal((null, "A4", "DL", MailClass.Registered, 3), (letters.Variant, letters.Paper, letters.Envelope, letters.MailClass, letters.PieceCount));
        Assert.Equal(new SplitLimits(5000, null), letters.Limits);
        Assert.Equal(BatchState.Created, letters.History.State);

        var pieces = world.Production.PiecesOf("B20261125-02");
        Assert.Equal(["B20261125-02-00001", "B20261125-02-00002", "B20261125-02-00003"], pieces.Select(p => p.Id));
        Assert.Equal(["C002", "C003", "C001"], pieces.Select(p => p.CustomerId)); // 330006, 330100, 330200
        Assert.Equal(["RR473000002CN", "RR473000016CN", "RR473000020CN"], pieces.Select(p => p.TrackingNumber.ToString()));
        Assert.All(pieces, p => Assert.Equal((PieceState.Planned, "张伟", ProductionWorld.PolicyOf("K1", p.CustomerId)), (p.History.State, p.Name, p.PolicyNumber)));
        Assert.Equal("thank-you/K1/C002", pieces[0].CommunicationId);
        Assert.Equal("八一大道357号", pieces[0].Address.Street);
        // What the letter prints about the customer and the policy is kept with the piece, as the addressee is.
        Assert.All(pieces, p => Assert.Equal(("13870651234", p.PolicyNumber, "大众朗逸"), (p.Letter!.Mobile, p.Letter.Policy!.Number, p.Letter.Policy.CarModel)));
        Assert.All(world.Production.PiecesOf("B20261125-01"), p => Assert.Null(p.TrackingNumber));

        Assert.Equal(47300003L, world.Production.NextSerials()["nanchang-2026-rr"]);
        var audit = Assert.Single(world.Production.Audit());
        Assert.Equal(("nanchang-2026-rr", 47300000L, 47300002L, "B20261125-02", "operator"), (audit.RangeId, audit.FirstSerial, audit.LastSerial, audit.BatchId, audit.By));
        Assert.Empty(world.Production.DueForProduction(ProductionWorld.Day));
        Assert.Equal(5, world.Production.Batched(["thank-you/K1/C001", "thank-you/K1/C002", "thank-you/K1/C003", "birthday/2026/C001", "birthday/2026/C002"]).Count);
        var order = world.Production.FindWorkOrder("W20261125-01")!;
        Assert.Equal((ProductionWorld.Day, "operator", 5), (order.CreatedOn, order.CreatedBy, order.Pieces));
        Assert.Equal(["B20261125-01", "B20261125-02"], order.BatchIds);
    }

    [Fact]
    public void SeedPiecesGoFirstAndLastAndAreNumberedLikeTheOthers()
    {
        for (int i = 1; i <= 4; i++) world.Person($"C00{i}", postcode: $"33000{i}");
        world.Record([.. Enumerable.Range(1, 4).Select(i => ProductionWorld.Mail(Triggers.ThankYou, $"C00{i}"))]);
        var settings = ProductionSettings.Parse("""
            { "seeds": [
                { "name": "质检甲", "province": "江西省", "city": "南昌市", "street": "北京西路1号", "postcode": "330046" },
                { "name": "质检乙", "city": "赣州市", "street": "红旗大道2号", "postcode": "341000" } ],
              "max_pieces_per_file": 2, "max_sheets_per_file": 9 }
            """);

        var batch = Assert.Single(world.Create(settings: settings).Batches);

        var pieces = world.Production.PiecesOf(batch.Id);
        Assert.Equal(["seed:质检甲", "C001", "C002", "C003", "C004", "seed:质检乙"], pieces.Select(p => p.CustomerId));
        Assert.Equal([true, false, false, false, false, true], pieces.Select(p => p.IsSeed));
        Assert.All(pieces, p => Assert.NotNull(p.TrackingNumber));
        Assert.Equal(6, pieces.Select(p => p.TrackingNumber).Distinct().Count());
        Assert.Equal(("seed", null), (pieces[0].Segment, pieces[0].CommunicationId));
        Assert.Equal(new SplitLimits(2, 9), batch.Limits);
    }

    [Fact]
    public void ACustomerWhoCannotBeMailedAnyMoreIsSkippedWithTheReasonAndNotBatched()
    {
        world.Person("C001");
        var bad = world.Person("C002");
        bad.Addresses.MarkBad("迁移新址不明", new DateOnly(2026, 11, 20));
        world.Customers.Upsert(bad);
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"), ProductionWorld.Mail(Triggers.ThankYou, "C002"),
            ProductionWorld.Mail(Triggers.ThankYou, "C404"), ProductionWorld.Mail(Triggers.ThankYou, "C001", key: "late", deadline: ProductionWorld.Day.AddDays(-1)));

        var result = world.Create();

        Assert.Equal(1, result.Pieces);
        Assert.Equal(3, result.Skipped.Count);
        Assert.Equal("customer C002 cannot be mailed: the address was marked bad on 2026-11-20: 迁移新址不明",
            result.Skipped.Single(s => s.CustomerId == "C002").Reason);
        Assert.Contains("no longer in the store", result.Skipped.Single(s => s.CustomerId == "C404").Reason);
        Assert.StartsWith("too late", result.Skipped.Single(s => s.CommunicationId == "thank-you/late/C001").Reason);
        Assert.Equal(result.Skipped, world.Production.SkippedBy(result.Order!.Id));
        var dropped = world.Communications.Find("thank-you/K1/C002")!;
        Assert.Equal(CommunicationStatus.Dropped, dropped.Status);
        Assert.Equal("production 2026-11-25: customer C002 cannot be mailed: the address was marked bad on 2026-11-20: 迁移新址不明", dropped.Reasons[^1]);
        Assert.Empty(world.Production.DueForProduction(ProductionWorld.Day));
    }

    [Fact]
    public void AProposalWhosePolicyTheCustomerNoLongerHoldsIsSkippedWithTheReason()
    {
        world.Person("C001");
        world.Person("C002");
        var proposal = ProductionWorld.Mail(Triggers.Proposal, "C002", key: "gone");
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"), proposal);
        // The policy moved to another customer after the proposal was planned (a corrected export).
        world.Customers.Upsert(new Policy { Number = proposal.Occasion.PolicyNumber!, CustomerId = "C001", Start = ProductionWorld.Day, End = ProductionWorld.Day.AddYears(1) });

        var result = world.Create();

        Assert.Equal(1, result.Pieces);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("proposal/gone/C002", $"policy {proposal.Occasion.PolicyNumber} is not among customer C002's policies in the store"),
            (skipped.CommunicationId, skipped.Reason));
        Assert.Equal(CommunicationStatus.Dropped, world.Communications.Find("proposal/gone/C002")!.Status);
    }

    [Fact]
    public void TrackingNumbersAreNeverRepeatedAcrossWorkOrdersAndTheCounterSurvivesReopening()
    {
        world.Person("C001");
        world.Person("C002");
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"), ProductionWorld.Mail(Triggers.ThankYou, "C002"));
        var first = world.Create();
        var firstNumbers = world.Production.PiecesOf(first.Batches[0].Id).Select(p => p.TrackingNumber!.Value).ToList();

        world.Reopen();
        world.Record(ProductionWorld.Mail(Triggers.Proposal, "C001", key: "P9"), ProductionWorld.Mail(Triggers.ThankYou, "C002", key: "K2"));
        var second = world.Create();

        Assert.Equal("W20261125-02", second.Order!.Id);
        Assert.Equal(["B20261125-02", "B20261125-03"], second.Batches.Select(b => b.Id));
        var secondNumbers = second.Batches.SelectMany(b => world.Production.PiecesOf(b.Id)).Select(p => p.TrackingNumber!.Value).ToList();
        Assert.Equal(4, firstNumbers.Concat(secondNumbers).Distinct().Count());
        Assert.Equal(Enumerable.Range(47300000, 4), firstNumbers.Concat(secondNumbers).Select(n => n.Serial).Order());
        Assert.Equal(MailClass.RegisteredWithReturnReceipt, world.Production.FindBatch("B20261125-02")!.MailClass);
        Assert.Equal(3, world.Production.Audit().Count);
        Assert.Equal(47300004L, world.Production.NextSerials()["nanchang-2026-rr"]);
    }

    [Fact]
    public void AnExhaustedRangeStopsTheWorkOrderAndStoresNothing()
    {
        for (int i = 1; i <= 3; i++) world.Person($"C00{i}");
        world.Record([.. Enumerable.Range(1, 3).Select(i => ProductionWorld.Mail(Triggers.ThankYou, $"C00{i}")),
            ProductionWorld.Mail(Triggers.Birthday, "C001", key: "2026")]);

        var e = Assert.Throws<TrackingRangeExhaustedException>(() => world.Create(ProductionWorld.Ranges(100, 101)));

        Assert.Equal("tracking range nanchang-2026-rr cannot number the batch: 3 numbers needed, only 2 left; add a new range from the post office", e.Message);
        world.Reopen();
        Assert.Empty(world.Production.Batches());
        Assert.Empty(world.Production.WorkOrderIds());
        Assert.Empty(world.Production.NextSerials());
        Assert.Empty(world.Production.Audit());
        Assert.Equal(4, world.Production.DueForProduction(ProductionWorld.Day).Count);
    }

    [Fact]
    public void TheLastNumbersOfARangeAreHandedOutWithAWarning()
    {
        world.Person("C001");
        world.Person("C002");
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"), ProductionWorld.Mail(Triggers.ThankYou, "C002"));

        var result = world.Create(ProductionWorld.Ranges(100, 101, lowWater: 1));

        Assert.Equal(2, result.Pieces);
        Assert.Equal("tracking range nanchang-2026-rr is running low: 0 numbers left (warning below 1); ask the post office for a new range", Assert.Single(result.Warnings));
    }

    [Fact]
    public void RegisteredMailWithoutARangesFileIsRefusedBeforeAnythingIsStored()
    {
        world.Person("C001");
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"));

        var e = Assert.Throws<Print.Production.ProductionException>(() =>
            new BatchAssembly(world.Production, world.Customers, world.Communications, world.Templates, ProductionSettings.Default, null)
                .Create(ProductionWorld.Day, "operator", ProductionWorld.Now));

        Assert.Contains("give the ranges file (--ranges FILE.json)", e.Message);
        Assert.Empty(world.Production.Batches());
    }

    [Fact]
    public void ACrashBeforeTheCommitLeavesNothingAndTheNextRunHandsOutTheSameNumbers()
    {
        world.Person("C001");
        world.Person("C002", postcode: "330100");
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"), ProductionWorld.Mail(Triggers.ThankYou, "C002"));
        world.Production.BeforeCommit = () => { world.Production.Abandon(); throw new IOException("power cut"); };

        Assert.Throws<IOException>(() => world.Create());

        world.Reopen();
        Assert.Empty(world.Production.Batches());
        Assert.Empty(world.Production.NextSerials());
        Assert.Null(world.Production.FindPiece("B20261125-01-00001"));
        Assert.Equal(2, world.Production.DueForProduction(ProductionWorld.Day).Count);

        var again = world.Create();
        Assert.Equal(["RR473000002CN", "RR473000016CN"], world.Production.PiecesOf(again.Batches[0].Id).Select(p => p.TrackingNumber.ToString()));
    }

    [Fact]
    public void ACommunicationIsNeverBatchedTwice()
    {
        world.Person("C001");
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"));
        var first = world.Create();
        var piece = world.Production.PiecesOf(first.Batches[0].Id)[0];

        Assert.Null(world.Create().Order); // nothing due any more

        // A second work order that tries to take the same communication anyway is refused whole.
        var batch = new Batch
        {
            Id = "B20261126-01", WorkOrderId = "W20261126-01", CreatedOn = new DateOnly(2026, 11, 26), Documents = ["thank-you", "survey"],
            Paper = "A4", Envelope = "DL", MailClass = MailClass.Ordinary, Limits = SplitLimits.None, PieceCount = 1, History = new BatchHistory("B20261126-01"),
        };
        var twice = new MailPiece
        {
            Id = "B20261126-01-00001", BatchId = batch.Id, Sequence = 1, CommunicationId = piece.CommunicationId, CustomerId = "C001",
            Documents = batch.Documents, MailClass = MailClass.Ordinary, Segment = "x", Name = "张伟", Address = piece.Address,
            History = new PieceHistory("B20261126-01-00001"),
        };
        var e = Assert.Throws<Print.Store.LiteDb.AlreadyBatchedException>(() => world.Production.CreateWorkOrder(
            new WorkOrder("W20261126-01", new DateOnly(2026, 11, 26), "x", [batch.Id], 1), [batch], [twice],
            new Dictionary<string, long> { ["nanchang-2026-rr"] = 47309999 }, []));

        Assert.Contains("communication thank-you/K1/C001 is already in a piece", e.Message);
        Assert.Null(world.Production.FindBatch("B20261126-01"));
        Assert.Null(world.Production.FindWorkOrder("W20261126-01"));
        Assert.Equal(47300001L, world.Production.NextSerials()["nanchang-2026-rr"]);
    }

    [Fact]
    public void ThePiecesAreFoundByTrackingNumber()
    {
        world.Person("C001");
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"));
        world.Create();

        var piece = world.Production.FindPieceByTracking(TrackingNumber.Parse("RR473000002CN"));
        Assert.Equal("B20261125-01-00001", piece!.Id);
        Assert.Null(world.Production.FindPieceByTracking(TrackingNumber.Parse("RR473124829CN")));
        Assert.Single(world.Production.PiecesByTracking([TrackingNumber.Parse("RR473000002CN"), TrackingNumber.Parse("RR473124829CN")]));
    }

    [Fact]
    public void ProductionSettingsReportEveryMistakeWithItsPath()
    {
        var e = Assert.Throws<Print.Core.Text.InvalidFileException>(() => ProductionSettings.Parse("""
            { "seeds": [ { "name": "", "street": "x", "postcode": "3300" } ], "max_pieces_per_file": 0, "colour": 1 }
            """, "production.json"));
        Assert.Contains("$.colour: unknown property", e.Message);
        Assert.Contains("$.seeds[0].name: expected a non-empty text", e.Message);
        Assert.Contains("$.seeds[0].postcode:", e.Message);
        Assert.Contains("$.max_pieces_per_file: expected a whole number of at least 1", e.Message);
    }
}
