using Print.Core.Campaigns;
using static Print.Core.Tests.Campaigns.CampaignTestData;

namespace Print.Core.Tests.Campaigns;

/// <summary>Each trigger of the shipped calendar at its boundaries: what falls due on a day, the occasion's key, documents and deadline.</summary>
public class CalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void ThankYouIsDueAWeekAfterThePolicyStartsAcrossAMonthEnd()
    {
        var agenda = Calendar.Agenda(D(2026, 2, 7));
        Assert.Equal(D(2026, 1, 31), agenda.PoliciesStartedOn);

        var occasion = Calendar.ThankYou(Policy(D(2026, 1, 31), number: "PDAA2026001"), D(2026, 2, 7));
        Assert.Equal(Triggers.ThankYou, occasion.Trigger);
        Assert.Equal("PDAA2026001", occasion.Key);
        Assert.Equal("PDAA2026001", occasion.PolicyNumber);
        Assert.Equal("C0001", occasion.CustomerId);
        Assert.Equal(D(2026, 2, 7), occasion.DueOn);
        Assert.Equal(["thank-you", "survey"], occasion.Documents);
        Assert.Equal(MailClass.Registered, occasion.MailClass);
        Assert.Null(occasion.Variant);
        Assert.Equal("thank-you/PDAA2026001/C0001", occasion.Id);
    }

    [Fact]
    public void ThankYouStaysUsefulTwentyOneDaysAfterItWasDue()
    {
        // Planned late (catch-up on 20 February): the deadline still counts from the policy start.
        var occasion = Calendar.ThankYou(Policy(D(2026, 1, 31)), D(2026, 2, 20));
        Assert.Equal(D(2026, 2, 20), occasion.DueOn);
        Assert.Equal(D(2026, 2, 28), occasion.Deadline);
        Assert.Equal("a thank-you is welcome until 21 days after it was due on 2026-02-07 (policy P0001 started 2026-01-31)", occasion.DeadlineReason);
    }

    [Fact]
    public void ProposalForAnExpiryOnALeapDay()
    {
        var agenda = Calendar.Agenda(D(2028, 2, 15));
        Assert.Equal(D(2028, 2, 29), agenda.PoliciesEndingOn);

        var occasion = Calendar.Proposal(Policy(D(2027, 3, 1), D(2028, 2, 29), number: "P28"), D(2028, 2, 15));
        Assert.Equal("P28", occasion.Key);
        Assert.Equal(["proposal"], occasion.Documents);
        Assert.Equal(MailClass.RegisteredWithReturnReceipt, occasion.MailClass);
        Assert.Equal(D(2028, 2, 26), occasion.Deadline);
        Assert.Equal("policy P28 ends on 2028-02-29 and the post takes 3 days", occasion.DeadlineReason);
    }

    [Fact]
    public void ProposalAcrossTheYearEnd()
    {
        Assert.Equal(D(2027, 1, 10), Calendar.Agenda(D(2026, 12, 27)).PoliciesEndingOn);
        var occasion = Calendar.Proposal(Policy(D(2026, 1, 11), D(2027, 1, 10)), D(2026, 12, 27));
        Assert.Equal(D(2027, 1, 7), occasion.Deadline);
    }

    [Fact]
    public void BirthdayCardsGoOutFiveDaysAhead()
    {
        var agenda = Calendar.Agenda(D(2026, 3, 3));
        var due = Assert.Single(agenda.Birthdays);
        Assert.Equal(new BirthdayDue(3, 8, D(2026, 3, 8)), due);
        Assert.Equal(["high-value", "risk", "opportunity", "low-value", "unsegmented"], agenda.BirthdaySegments);

        var occasion = Calendar.Birthday(Customer(), due, D(2026, 3, 3));
        Assert.Equal("2026", occasion.Key);
        Assert.Equal("birthday", occasion.Variant);
        Assert.Equal(["greeting-card"], occasion.Documents);
        Assert.Equal(MailClass.Ordinary, occasion.MailClass);
        Assert.Equal(D(2026, 3, 5), occasion.Deadline);
        Assert.Equal("the birthday is 2026-03-08 and the post takes 3 days", occasion.DeadlineReason);
    }

    [Fact]
    public void BornOnTwentyNinthFebruaryCelebrateOnTheTwentyEighthInCommonYears()
    {
        var common = Calendar.Agenda(D(2027, 2, 23));
        Assert.Equal([new BirthdayDue(2, 28, D(2027, 2, 28)), new BirthdayDue(2, 29, D(2027, 2, 28))], common.Birthdays);
        Assert.Equal([new BirthdayDue(3, 1, D(2027, 3, 1))], Calendar.Agenda(D(2027, 2, 24)).Birthdays);

        var occasion = Calendar.Birthday(Customer(), common.Birthdays[1], D(2027, 2, 23));
        Assert.Equal("2027", occasion.Key);
        Assert.Equal(D(2027, 2, 25), occasion.Deadline);
        Assert.Equal("the birthday is 2027-02-28 (born on 29 February: celebrated on 28 February in a common year) and the post takes 3 days", occasion.DeadlineReason);

        // In a leap year the 28th and the 29th are days of their own.
        Assert.Equal([new BirthdayDue(2, 28, D(2028, 2, 28))], Calendar.Agenda(D(2028, 2, 23)).Birthdays);
        Assert.Equal([new BirthdayDue(2, 29, D(2028, 2, 29))], Calendar.Agenda(D(2028, 2, 24)).Birthdays);
        Assert.Equal([new BirthdayDue(3, 1, D(2028, 3, 1))], Calendar.Agenda(D(2028, 2, 25)).Birthdays);
    }

    [Fact]
    public void BirthdayLeadDaysCrossTheYearEnd()
    {
        var due = Assert.Single(Calendar.Agenda(D(2026, 12, 29)).Birthdays);
        Assert.Equal(new BirthdayDue(1, 3, D(2027, 1, 3)), due);
        var occasion = Calendar.Birthday(Customer(), due, D(2026, 12, 29));
        Assert.Equal("2027", occasion.Key);
        Assert.Equal(D(2026, 12, 31), occasion.Deadline);
        Assert.Equal("birthday/2027/C0001", occasion.Id);
    }

    [Fact]
    public void HolidayCardsGoOutSevenDaysAheadAcrossAYearEnd()
    {
        // New Year's Day 2027: the first part of the customers handed off on 25 December 2026.
        var due = Assert.Single(Calendar.Agenda(D(2026, 12, 25)).Holidays);
        Assert.Equal((0, 5), (due.Part, due.Parts));
        Assert.Equal("new-year", due.Id);
        Assert.Equal("元旦", due.Name);
        Assert.Equal(D(2027, 1, 1), due.Date);
        Assert.Equal(["high-value", "risk", "opportunity"], due.Segments);

        var occasion = Calendar.Holiday(Customer(), due, D(2026, 12, 25));
        Assert.Equal(Triggers.Holiday, occasion.Trigger);
        Assert.Equal("new-year-2027", occasion.Key);
        Assert.Equal("new-year", occasion.Variant);
        Assert.Equal(["greeting-card"], occasion.Documents);
        Assert.Equal(D(2026, 12, 28), occasion.Deadline);
        Assert.Equal("元旦 is on 2027-01-01 and the post takes 4 days", occasion.DeadlineReason);
        Assert.Empty(Calendar.Agenda(D(2026, 12, 26)).Holidays);
        // The other four parts on the four days before (spread_days 5), the last on 21 December.
        Assert.Equal([4, 3, 2, 1], Enumerable.Range(21, 4).Select(d => Assert.Single(Calendar.Agenda(D(2026, 12, d)).Holidays))
            .Select(h => { Assert.Equal(D(2027, 1, 1), h.Date); return h.Part; }));
        Assert.Empty(Calendar.Agenda(D(2026, 12, 20)).Holidays);
    }

    [Fact]
    public void TheSpreadGivesEveryCustomerExactlyOnePartOfAHoliday()
    {
        var dues = Enumerable.Range(21, 5).Select(d => Assert.Single(Calendar.Agenda(D(2026, 12, d)).Holidays)).ToList();
        var ids = Enumerable.Range(1, 10_000).Select(i => $"C{i:D9}").ToList();

        Assert.All(ids, id => Assert.Single(dues, due => due.Includes(id)));
        // Roughly a fifth each: the print shop gets five days' work, not one.
        Assert.All(dues, due => Assert.InRange(ids.Count(due.Includes), 1700, 2300));
        Assert.Equal(HolidayDue.PartOf("C000000042", 5), HolidayDue.PartOf("C000000042", 5));
    }

    [Fact]
    public void SpringFestivalCardIsDueAWeekBefore()
    {
        var due = Assert.Single(Calendar.Agenda(D(2027, 1, 30)).Holidays);
        Assert.Equal(("spring-festival", "春节", D(2027, 2, 6)), (due.Id, due.Name, due.Date));
        Assert.Equal(["high-value", "risk", "opportunity", "low-value", "unsegmented"], due.Segments);
        Assert.Equal("spring-festival-2027", Calendar.Holiday(Customer(), due, D(2027, 1, 30)).Key);
        Assert.Equal(D(2027, 2, 2), Calendar.Holiday(Customer(), due, D(2027, 1, 30)).Deadline);
    }

    [Fact]
    public void LanternIsOffByDefault()
    {
        // 元宵节 2027 is 2027-02-20; off in the shipped file, on when the marketer enables it.
        Assert.Empty(Calendar.Agenda(D(2027, 2, 13)).Holidays);
        var settings = With("\"lunar\": \"01-15\", \"enabled\": false", "\"lunar\": \"01-15\", \"enabled\": true");
        var due = Assert.Single(settings.Calendar.Agenda(D(2027, 2, 13)).Holidays);
        Assert.Equal(("lantern", D(2027, 2, 20)), (due.Id, due.Date));
    }

    [Fact]
    public void InvitationsGoOutOnTheFirstDayOfTheirWindow()
    {
        var settings = With("\"events\": []", """
            "events": [ { "id": "safe-driving-2027", "title": "安全驾驶专家讲座", "date": "2027-04-17", "place": "南昌市红谷滩区会展中心",
                          "invite_from": "2027-03-20", "invite_until": "2027-04-05", "segments": ["high-value", "opportunity"] } ]
            """);
        Assert.Empty(settings.Calendar.Agenda(D(2027, 3, 19)).Invitations);
        var e = Assert.Single(settings.Calendar.Agenda(D(2027, 3, 20)).Invitations);
        Assert.Equal(new CampaignEvent("safe-driving-2027", "安全驾驶专家讲座", D(2027, 4, 17), "南昌市红谷滩区会展中心", D(2027, 3, 20), D(2027, 4, 5), e.Segments), e);
        Assert.Equal(["high-value", "opportunity"], e.Segments);
        Assert.Empty(settings.Calendar.Agenda(D(2027, 3, 21)).Invitations);

        var occasion = settings.Calendar.Invitation(Customer(), e, D(2027, 3, 20));
        Assert.Equal(("safe-driving-2027", "safe-driving-2027"), (occasion.Key, occasion.EventId));
        Assert.Equal(["invitation"], occasion.Documents);
        Assert.Equal(D(2027, 4, 5), occasion.Deadline);
        Assert.Equal("invitations to safe-driving-2027 go out until 2027-04-05", occasion.DeadlineReason);

        // A window that stays open until just before the event: the post decides the deadline.
        var late = settings.Calendar.Invitation(Customer(), e with { InviteUntil = D(2027, 4, 16) }, D(2027, 3, 20));
        Assert.Equal(D(2027, 4, 14), late.Deadline);
        Assert.Equal("the event safe-driving-2027 is on 2027-04-17 and the post takes 3 days", late.DeadlineReason);
    }

    [Fact]
    public void MagazineGoesOutOnTheFifthAndIsUsefulWithinItsMonth()
    {
        Assert.Null(Calendar.Agenda(D(2026, 12, 4)).Magazine);
        var issue = Calendar.Agenda(D(2026, 12, 5)).Magazine;
        Assert.NotNull(issue);
        Assert.Equal("2026-12", issue.Key);
        Assert.Equal(D(2026, 12, 31), issue.Deadline);
        Assert.Equal(["high-value", "risk", "opportunity"], issue.Segments);
        Assert.Equal(D(2028, 2, 29), Calendar.Agenda(D(2028, 2, 5)).Magazine!.Deadline);

        var occasion = Calendar.Magazine(Customer(), issue, D(2026, 12, 9));
        Assert.Equal(("2026-12", D(2026, 12, 31)), (occasion.Key, occasion.Deadline));
        Assert.Equal(["magazine"], occasion.Documents);
        Assert.Equal("the 2026-12 issue is only worth sending within its month (until 2026-12-31)", occasion.DeadlineReason);
    }

    [Fact]
    public void ATriggerSwitchedOffLeavesItsPartOfTheAgendaEmpty()
    {
        var settings = With("\"thank-you\": { \"enabled\": true", "\"thank-you\": { \"enabled\": false");
        var agenda = settings.Calendar.Agenda(D(2026, 12, 5));
        Assert.Null(agenda.PoliciesStartedOn);
        Assert.NotNull(agenda.PoliciesEndingOn);
        Assert.False(settings.Calendar.IsEnabled(Triggers.ThankYou));

        var off = With("\"birthday\": {\n      \"enabled\": true", "\"birthday\": {\n      \"enabled\": false");
        Assert.Empty(off.Calendar.Agenda(D(2026, 12, 5)).Birthdays);
        Assert.Empty(off.Calendar.Agenda(D(2026, 12, 5)).BirthdaySegments);
    }

    [Fact]
    public void EveryDayOfAYearHasOneBirthdayAndTheShippedHolidaysOnce()
    {
        var holidays = new List<HolidayDue>();
        // From the first part of New Year 2027 to the day before the first part of New Year 2028.
        for (var day = D(2026, 12, 21); day < D(2027, 12, 21); day = day.AddDays(1))
        {
            var agenda = Calendar.Agenda(day);
            Assert.InRange(agenda.Birthdays.Count, 1, 2);
            holidays.AddRange(agenda.Holidays);
        }
        var once = holidays.GroupBy(h => (h.Id, h.Date)).ToList();
        Assert.Equal(["new-year", "spring-festival", "dragon-boat", "mid-autumn", "national-day"], once.Select(g => g.Key.Id));
        Assert.Equal([D(2027, 1, 1), D(2027, 2, 6), D(2027, 6, 9), D(2027, 9, 15), D(2027, 10, 1)], once.Select(g => g.Key.Date));
        Assert.All(once, g => Assert.Equal([4, 3, 2, 1, 0], g.Select(h => h.Part)));
    }
}
