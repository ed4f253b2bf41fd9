using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Segmentation;
using Print.Store.Campaigns;
using Print.Store.LiteDb;

namespace Print.Store.Tests.Campaigns;

/// <summary>The planner on a real LiteDB file with the shipped campaign settings, unless a test says otherwise.</summary>
public class PlannerTests : IDisposable
{
    private readonly TempDir dir = new();
    private readonly PrintDatabase database;
    private readonly LiteDbCustomerStore customers;
    private readonly LiteDbCommunicationStore communications;

    public PlannerTests()
    {
        database = new PrintDatabase(dir.File("print.db"));
        customers = new LiteDbCustomerStore(database);
        communications = new LiteDbCommunicationStore(database);
    }

    public void Dispose()
    {
        database.Dispose();
        dir.Dispose();
    }

    private CampaignPlanner Planner(CampaignSettings? settings = null, int chunkSize = 2000) =>
        new(customers, communications, settings ?? CampaignSettings.Default) { ChunkSize = chunkSize };

    private static Customer Person(string id, string segment = Segments.HighValue, string postcode = "330006", DateOnly? birthday = null,
        ContactPreferences? contact = null, string mobile = "13870651234")
    {
        var c = new Customer
        {
            Id = id, Name = "张伟", Mobile = mobile, Birthday = birthday ?? new DateOnly(1978, 6, 15), Contact = contact ?? new(),
            Segment = new SegmentAssignment { Segment = segment, Rule = "test", On = new DateOnly(2026, 1, 1) },
        };
        c.Addresses.Correct(new Address { Province = "江西省", City = "南昌市", District = "东湖区", Street = "八一大道357号", Postcode = postcode },
            AddressSource.Import, new DateOnly(2025, 1, 1));
        return c;
    }

    private static Policy Cover(string number, string customerId, DateOnly start, string plate = "赣A·D6161") =>
        new() { Number = number, CustomerId = customerId, Plate = plate, CarModel = "宝马 X3", Start = start, End = start.AddYears(1).AddDays(-1), Premium = 6200 };

    private void Store(Customer customer, params Policy[] policies) => customers.Save([customer], policies);

    [Fact]
    public void APolicyStartingOn31JanuaryGetsItsThankYouAndSurveyOn7February()
    {
        Store(Person("C001"), Cover("P001", "C001", new DateOnly(2026, 1, 31)));

        Assert.Equal(0, Planner().PlanDays(new DateOnly(2026, 2, 6), 1).Planned);
        var report = Planner().PlanDays(new DateOnly(2026, 2, 7), 1);

        var c = Assert.Single(communications.OfCustomers(["C001"], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(1, report.Planned);
        Assert.Equal(("thank-you/P001/C001", CommunicationStatus.Planned, Channel.Mail, new DateOnly(2026, 2, 7)), (c.Id, c.Status, c.Channel, c.SendOn));
        Assert.Equal(["thank-you", "survey"], c.Occasion.Documents);
        Assert.Equal(MailClass.Registered, c.Occasion.MailClass);
        Assert.Equal(1, report.Counts[new PlanCount(new DateOnly(2026, 2, 7), Triggers.ThankYou, Segments.HighValue, "mail")]);
    }

    [Fact]
    public void PlanningTheSameDaysTwiceRecordsNothingTheSecondTime()
    {
        Store(Person("C001", birthday: new DateOnly(1980, 3, 20)), Cover("P001", "C001", new DateOnly(2026, 3, 1)));
        Store(Person("C002", Segments.LowValue), Cover("P002", "C002", new DateOnly(2025, 3, 22)));

        var first = Planner().PlanDays(new DateOnly(2026, 3, 1), 20);
        int stored = communications.Count;
        var second = Planner().PlanDays(new DateOnly(2026, 3, 1), 20);

        Assert.True(first.Planned >= 3, $"a thank-you, a proposal and a birthday card are due in those days, planned {first.Planned}");
        Assert.Equal(first.Planned, stored);
        Assert.Equal((0, first.Planned), (second.Planned, second.AlreadyExisted));
        Assert.Equal(stored, communications.Count);
    }

    [Fact]
    public void ACrashBetweenChunksLeavesWholeChunksAndTheNextRunCompletesWithoutDuplicates()
    {
        var start = new DateOnly(2026, 4, 1);
        for (int i = 1; i <= 7; i++) Store(Person($"C{i:000}"), Cover($"P{i:000}", $"C{i:000}", start));
        int chunks = 0;
        communications.BeforeCommit = () => { if (++chunks == 2) throw new IOException("disk unplugged"); };

        Assert.Throws<IOException>(() => Planner(chunkSize: 3).PlanDays(start.AddDays(7), 1));
        Assert.Equal(3, communications.Count); // the first chunk only: the second was rolled back whole

        communications.BeforeCommit = null;
        var rerun = Planner(chunkSize: 3).PlanDays(start.AddDays(7), 1);

        Assert.Equal((4, 3), (rerun.Planned, rerun.AlreadyExisted));
        var all = communications.OfCustomers(Enumerable.Range(1, 7).Select(i => $"C{i:000}").ToList(), start, start.AddDays(30));
        Assert.Equal(7, all.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void AHolidayPlannedForEveryoneAndStoppedMidwayIsCompletedWithoutDuplicates()
    {
        var settings = CampaignSettings.Parse(CampaignSettings.DefaultJson.Replace("\"spread_days\": 5", "\"spread_days\": 1"), "one-day.json");
        for (int i = 1; i <= 7; i++) Store(Person($"C{i:000}", i % 2 == 0 ? Segments.LowValue : Segments.HighValue));
        int chunks = 0;
        communications.BeforeCommit = () => { if (++chunks == 2) throw new IOException("power cut"); };

        Assert.Throws<IOException>(() => Planner(settings, chunkSize: 3).PlanDays(new DateOnly(2027, 1, 30), 1));
        Assert.True(communications.AnyOf(Triggers.Holiday, "spring-festival-2027"));
        Assert.False(communications.AnyOf(Triggers.Holiday, "spring-festival-2028"));
        communications.BeforeCommit = null;
        var rerun = Planner(settings, chunkSize: 3).PlanDays(new DateOnly(2027, 1, 30), 1);

        Assert.Equal((4, 3), (rerun.Planned, rerun.AlreadyExisted));
        Assert.All(Enumerable.Range(1, 7), i => Assert.NotNull(communications.Find($"holiday/spring-festival-2027/C{i:000}")));
        Assert.Equal(7, communications.Count);
    }

    [Fact]
    public void ARenewedPolicyGetsNoProposalAndTheReasonSaysWhichPolicyRenewedIt()
    {
        var start = new DateOnly(2025, 3, 1); // ends 2026-02-28
        Store(Person("C001"), Cover("P001", "C001", start), Cover("P002", "C001", new DateOnly(2026, 3, 1)));

        Planner().PlanDays(new DateOnly(2026, 2, 14), 1);

        var c = communications.Find("proposal/P001/C001")!;
        Assert.Equal((CommunicationStatus.Dropped, (Channel?)null), (c.Status, c.Channel));
        Assert.Contains(c.Reasons, r => r.Contains("already renewed") && r.Contains("P002"));
    }

    [Fact]
    public void AnExpiryOnALeapDayIsProposedTwoWeeksBefore()
    {
        Store(Person("C001"), Cover("P001", "C001", new DateOnly(2027, 3, 1))); // last day 2028-02-29

        Planner().PlanDays(new DateOnly(2028, 2, 14), 1);
        Assert.Null(communications.Find("proposal/P001/C001"));
        Planner().PlanDays(new DateOnly(2028, 2, 15), 1);

        var c = communications.Find("proposal/P001/C001")!;
        Assert.Equal((CommunicationStatus.Planned, Channel.Mail, MailClass.RegisteredWithReturnReceipt), (c.Status, c.Channel, c.Occasion.MailClass));
    }

    [Fact]
    public void ACustomerWithoutPostcodeGetsTheNextChannelAndTheReasonIsRecorded()
    {
        Store(Person("C001", Segments.Opportunity, postcode: ""), Cover("P001", "C001", new DateOnly(2026, 5, 1)));

        Planner().PlanDays(new DateOnly(2026, 5, 8), 1);

        var c = communications.Find("thank-you/P001/C001")!;
        Assert.Equal(Channel.Sms, c.Channel);
        Assert.Contains(c.Reasons, r => r.Contains("postcode"));
    }

    [Fact]
    public void ACustomerWhoRefusesEveryChannelIsRecordedAsDroppedWithWhy()
    {
        var refusesAll = new ContactPreferences { DoNotMail = true, DoNotSms = true, DoNotEmail = true, DoNotCall = true };
        Store(Person("C001", contact: refusesAll), Cover("P001", "C001", new DateOnly(2026, 5, 1)));

        var report = Planner().PlanDays(new DateOnly(2026, 5, 8), 1);

        var c = communications.Find("thank-you/P001/C001")!;
        Assert.Equal(CommunicationStatus.Dropped, c.Status);
        Assert.Contains(c.Reasons, r => r.Contains("mail"));
        Assert.Equal(1, report.Counts[new PlanCount(new DateOnly(2026, 5, 8), Triggers.ThankYou, Segments.HighValue, PlanReport.Dropped)]);
    }

    [Fact]
    public void AfterDowntimeAUsefulThankYouIsStillSentAndABirthdayCardTooLateIsDroppedWithItsReason()
    {
        // Thank-you due 2026-06-08; birthday 2026-06-12, card due 06-07 (five days' lead), useless after 06-09 (three days' post).
        Store(Person("C001", birthday: new DateOnly(1980, 6, 12)), Cover("P001", "C001", new DateOnly(2026, 6, 1)));
        communications.SetLastPlannedDay(new DateOnly(2026, 6, 5));

        var report = Planner().CatchUp(new DateOnly(2026, 6, 11));

        Assert.Equal(Enumerable.Range(6, 6).Select(d => new DateOnly(2026, 6, d)), report.Days);
        Assert.Equal(new DateOnly(2026, 6, 11), communications.LastPlannedDay);
        var thankYou = communications.Find("thank-you/P001/C001")!;
        Assert.Equal((CommunicationStatus.Planned, new DateOnly(2026, 6, 11)), (thankYou.Status, thankYou.SendOn));
        var card = communications.Find("birthday/2026/C001")!;
        Assert.Equal(CommunicationStatus.Dropped, card.Status);
        Assert.Contains(card.Reasons, r => r.StartsWith("too late") && r.Contains("2026-06-07"));

        Assert.Equal(0, Planner().CatchUp(new DateOnly(2026, 6, 11)).Planned);
    }

    [Fact]
    public void TheFirstScheduledRunPlansOnlyToday()
    {
        Store(Person("C001"), Cover("P001", "C001", new DateOnly(2026, 6, 1)));

        var report = Planner().CatchUp(new DateOnly(2026, 7, 1));

        Assert.Equal([new DateOnly(2026, 7, 1)], report.Days);
        Assert.Null(communications.Find("thank-you/P001/C001"));
    }

    [Fact]
    public void TheFrequencyCapKeepsTheMoreImportantPieceAndDropsTheOther()
    {
        var json = CampaignSettings.DefaultJson.Replace(
            "\"frequency_cap\": { \"max_pieces\": 4, \"days\": 30, \"exempt_triggers\": [\"thank-you\", \"proposal\"] }",
            "\"frequency_cap\": { \"max_pieces\": 1, \"days\": 30, \"exempt_triggers\": [] }");
        Assert.NotEqual(CampaignSettings.DefaultJson, json);
        var settings = CampaignSettings.Parse(json, "cap.json");
        // The thank-you for P001 and the birthday card are both due on 2026-05-08.
        Store(Person("C001", birthday: new DateOnly(1980, 5, 13)), Cover("P001", "C001", new DateOnly(2026, 5, 1)));

        Planner(settings).PlanDays(new DateOnly(2026, 5, 8), 1);

        Assert.Equal(CommunicationStatus.Planned, communications.Find("thank-you/P001/C001")!.Status);
        var card = communications.Find("birthday/2026/C001")!;
        Assert.Equal(CommunicationStatus.Dropped, card.Status);
        Assert.StartsWith("frequency cap", card.Reasons[^1]);
    }

    [Fact]
    public void ADryRunDecidesTheSameButStoresNothing()
    {
        for (int i = 1; i <= 3; i++) Store(Person($"C{i:000}"), Cover($"P{i:000}", $"C{i:000}", new DateOnly(2026, 5, 1)));

        var dry = Planner().PlanDays(new DateOnly(2026, 5, 8), 1, dryRun: true);
        Assert.Equal(0, communications.Count);
        var real = Planner().PlanDays(new DateOnly(2026, 5, 8), 1);

        Assert.Equal(dry.Counts, real.Counts);
        Assert.Equal(3, communications.Count);
    }

    [Fact]
    public void SpringFestivalCardsGoToTheSegmentsOfTheHolidaySpreadOverFiveDays()
    {
        // Spring Festival 2027 is 6 February: cards are handed off from eleven to seven days before, a fifth of
        // the customers each day.
        for (int i = 1; i <= 40; i++) Store(Person($"C{i:000}", i % 2 == 0 ? Segments.LowValue : Segments.HighValue));

        var report = Planner().PlanDays(new DateOnly(2027, 1, 26), 5);

        Assert.Equal(40, report.Planned);
        var cards = Enumerable.Range(1, 40).Select(i => communications.Find($"holiday/spring-festival-2027/C{i:000}")!).ToList();
        Assert.All(cards, c => Assert.Equal(int.Parse(c.CustomerId[1..]) % 2 == 0 ? Channel.Sms : Channel.Mail, c.Channel));
        Assert.All(cards, c => Assert.Equal("spring-festival", c.Occasion.Variant));
        Assert.True(cards.Select(c => c.SendOn).Distinct().Count() >= 4, "the cards are handed off over the five days");
        Assert.All(cards, c => Assert.InRange(c.SendOn, new DateOnly(2027, 1, 26), new DateOnly(2027, 1, 30)));
        Assert.Equal(0, Planner().PlanDays(new DateOnly(2027, 1, 26), 5).Planned);
    }

    [Fact]
    public void HandOffGivesTheDueOnesAwayAndDropsThoseWhoseDeadlinePassedMeanwhile()
    {
        Store(Person("C001"), Cover("P001", "C001", new DateOnly(2026, 5, 1)));
        Store(Person("C002", birthday: new DateOnly(1980, 5, 13)));
        Planner().PlanDays(new DateOnly(2026, 5, 8), 1); // thank-you (useful until 05-29) and birthday card (until 05-10)

        var report = Planner().HandOff(new DateOnly(2026, 5, 12));

        Assert.Equal((1, 1), (report.HandedOff, report.DroppedTooLate));
        Assert.Equal(CommunicationStatus.HandedOff, communications.Find("thank-you/P001/C001")!.Status);
        var card = communications.Find("birthday/2026/C002")!;
        Assert.Equal(CommunicationStatus.Dropped, card.Status);
        Assert.StartsWith("too late: handed off on 2026-05-12", card.Reasons[^1]);
        Assert.Equal(0, Planner().HandOff(new DateOnly(2026, 5, 12)).HandedOff);
    }
}
