using Print.Core.Campaigns;
using static Print.Core.Tests.Campaigns.CampaignTestData;

namespace Print.Core.Tests.Campaigns;

/// <summary>The frequency cap, the quiet periods, and how a postponement meets an occasion's deadline.</summary>
public class CapAndQuietTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static List<Communication> ThreeInSeptember() =>
    [
        Sent(Triggers.Magazine, D(2026, 9, 5), "2026-09"),
        Sent(Triggers.Holiday, D(2026, 9, 18), "mid-autumn-2026"),
        Sent(Triggers.Holiday, D(2026, 9, 24), "national-day-2026"),
    ];

    [Fact]
    public void AtMostFourPiecesInAnyThirtyDays()
    {
        var cap = Settings.Cap;
        Assert.Equal((4, 30), (cap.MaxPieces, cap.Days));
        var birthday = Occasion(Triggers.Birthday, "2026");
        var history = ThreeInSeptember();
        Assert.Null(cap.Refusal(birthday, D(2026, 9, 30), history));

        history.Add(Sent(Triggers.Invitation, D(2026, 9, 28), "autumn-tour"));
        Assert.Equal("frequency cap: at most 4 pieces in 30 days, and 2026-09-01 to 2026-09-30 already has magazine/2026-09/C0001 on 2026-09-05, "
            + "holiday/mid-autumn-2026/C0001 on 2026-09-18, holiday/national-day-2026/C0001 on 2026-09-24, invitation/autumn-tour/C0001 on 2026-09-28",
            cap.Refusal(birthday, D(2026, 9, 30), history));
        // 30 days after the first piece the window has room again.
        Assert.NotNull(cap.Refusal(birthday, D(2026, 10, 4), history));
        Assert.Null(cap.Refusal(birthday, D(2026, 10, 5), history));
    }

    [Fact]
    public void TheWindowSlidesOverPlannedPiecesAfterTheSendDayToo()
    {
        var history = ThreeInSeptember();
        history.Add(Sent(Triggers.Magazine, D(2026, 10, 5), "2026-10", status: CommunicationStatus.Planned));
        // No 30-day window around 30 September holds four of them.
        Assert.Null(Settings.Cap.Refusal(Occasion(Triggers.Birthday), D(2026, 9, 30), history));
        history.Add(Sent(Triggers.Birthday, D(2026, 10, 1), "2025"));
        // The first window holding four: 2 September to 1 October.
        Assert.Equal("frequency cap: at most 4 pieces in 30 days, and 2026-09-02 to 2026-10-01 already has magazine/2026-09/C0001 on 2026-09-05, "
            + "holiday/mid-autumn-2026/C0001 on 2026-09-18, holiday/national-day-2026/C0001 on 2026-09-24, birthday/2025/C0001 on 2026-10-01",
            Settings.Cap.Refusal(Occasion(Triggers.Invitation, "x"), D(2026, 9, 30), history));
        Assert.Null(Settings.Cap.Refusal(Occasion(Triggers.Invitation, "x"), D(2026, 11, 4), history));
    }

    [Fact]
    public void ExemptTriggersNeitherCountNorAreRefused()
    {
        var history = ThreeInSeptember();
        history.Add(Sent(Triggers.Invitation, D(2026, 9, 28), "autumn-tour"));
        Assert.Null(Settings.Cap.Refusal(Occasion(Triggers.Proposal, "P0001"), D(2026, 9, 30), history));
        Assert.Null(Settings.Cap.Refusal(Occasion(Triggers.ThankYou, "P0002"), D(2026, 9, 30), history));

        List<Communication> service = [.. ThreeInSeptember(), Sent(Triggers.ThankYou, D(2026, 9, 20), "P0002"), Sent(Triggers.Proposal, D(2026, 9, 21), "P0001")];
        Assert.Null(Settings.Cap.Refusal(Occasion(Triggers.Birthday), D(2026, 9, 30), service));

        var strict = With("\"exempt_triggers\": [\"thank-you\", \"proposal\"]", "\"exempt_triggers\": []");
        Assert.NotNull(strict.Cap.Refusal(Occasion(Triggers.Birthday), D(2026, 9, 30), service));
        Assert.NotNull(strict.Cap.Refusal(Occasion(Triggers.Proposal, "P0003"), D(2026, 9, 30), service));
    }

    [Fact]
    public void DroppedPiecesPiecesWithoutAChannelOtherCustomersAndTheOccasionItselfDoNotCount()
    {
        List<Communication> history =
        [
            .. ThreeInSeptember(),
            Sent(Triggers.Invitation, D(2026, 9, 28), "a", status: CommunicationStatus.Dropped, channel: null),
            Sent(Triggers.Invitation, D(2026, 9, 28), "b", channel: null),
            Sent(Triggers.Invitation, D(2026, 9, 28), "c", customerId: "C0002"),
            Sent(Triggers.Birthday, D(2026, 9, 28), "2026"),
        ];
        Assert.Null(Settings.Cap.Refusal(Occasion(Triggers.Birthday, "2026"), D(2026, 9, 30), history));
        Assert.NotNull(Settings.Cap.Refusal(Occasion(Triggers.Birthday, "2027"), D(2026, 9, 30), history));
    }

    [Fact]
    public void SpringFestivalQuietPeriodPostponesAThankYou()
    {
        // Spring Festival 2027 is 2027-02-06: quiet from 2027-02-05 to 2027-02-12 for thank-you, invitation and magazine.
        var thankYou = Calendar.ThankYou(Policy(D(2027, 1, 30)), D(2027, 2, 6));
        Assert.Equal(D(2027, 2, 13), Settings.Quiet.SendDay(thankYou, D(2027, 2, 6)));
        Assert.Equal(["quiet period 春节假期 (2027-02-05 to 2027-02-12): postponed to 2027-02-13"], Settings.Quiet.Postponements(thankYou, D(2027, 2, 6)));
        Assert.True(Settings.Quiet.SendDay(thankYou, D(2027, 2, 6)) <= thankYou.Deadline);

        Assert.Equal(D(2027, 2, 4), Settings.Quiet.SendDay(thankYou, D(2027, 2, 4)));
        Assert.Empty(Settings.Quiet.Postponements(thankYou, D(2027, 2, 4)));
        Assert.Equal(D(2027, 2, 13), Settings.Quiet.SendDay(thankYou, D(2027, 2, 12)));

        // The magazine of February 2027 (due the 5th) waits as well; proposals are never held back by default.
        var magazine = Calendar.Magazine(Customer(), Calendar.Agenda(D(2027, 2, 5)).Magazine!, D(2027, 2, 5));
        Assert.Equal(D(2027, 2, 13), Settings.Quiet.SendDay(magazine, D(2027, 2, 5)));
        var proposal = Calendar.Proposal(Policy(D(2026, 2, 20)), D(2027, 2, 5));
        Assert.Equal(D(2027, 2, 7), Settings.Quiet.SendDay(proposal, D(2027, 2, 7)));
    }

    [Fact]
    public void NationalDayWeekAndItsLeapMonthYear()
    {
        var thankYou = Occasion(Triggers.ThankYou, "P1");
        Assert.Equal(D(2025, 10, 8), Settings.Quiet.SendDay(thankYou, D(2025, 10, 1)));
        Assert.Equal(D(2025, 9, 30), Settings.Quiet.SendDay(thankYou, D(2025, 9, 30)));
        // Spring Festival 2025 (2025-01-29): quiet 2025-01-28 to 2025-02-04.
        Assert.Equal(D(2025, 2, 5), Settings.Quiet.SendDay(thankYou, D(2025, 1, 28)));
    }

    [Fact]
    public void APostponementPastTheDeadlineMeansTheOccasionIsDropped()
    {
        var settings = With("\"quiet_periods\": [", """
            "quiet_periods": [
              { "name": "仓库盘点", "from": "2027-03-01", "until": "2027-03-07", "triggers": ["birthday"] },
              { "name": "系统升级", "from": "2027-03-08", "until": "2027-03-09" },
            """);
        var due = Assert.Single(settings.Calendar.Agenda(D(2027, 3, 3)).Birthdays);
        var birthday = settings.Calendar.Birthday(Customer(), due, D(2027, 3, 3));
        // Birthday 2027-03-08, deadline 2027-03-05; both periods hold it back until 2027-03-10, past the deadline.
        var sendDay = settings.Quiet.SendDay(birthday, D(2027, 3, 3));
        Assert.Equal(D(2027, 3, 10), sendDay);
        Assert.True(sendDay > birthday.Deadline);
        Assert.Equal(["quiet period 仓库盘点 (2027-03-01 to 2027-03-07): postponed to 2027-03-08",
            "quiet period 系统升级 (2027-03-08 to 2027-03-09): postponed to 2027-03-10"], settings.Quiet.Postponements(birthday, D(2027, 3, 3)));

        // A thank-you is only held back by the period without a trigger list.
        var thankYou = settings.Calendar.ThankYou(Policy(D(2027, 3, 1)), D(2027, 3, 8));
        Assert.Equal(D(2027, 3, 10), settings.Quiet.SendDay(thankYou, D(2027, 3, 8)));
        Assert.Equal(D(2027, 3, 5), settings.Quiet.SendDay(thankYou, D(2027, 3, 5)));
        Assert.True(settings.Quiet.SendDay(thankYou, D(2027, 3, 8)) <= thankYou.Deadline);
    }
}
