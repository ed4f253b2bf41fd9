using Print.Core.Customers;

namespace Print.Core.Campaigns;

/// <summary>
/// When each trigger fires and until when its piece is still worth handing off. <see cref="Agenda"/> says what
/// falls due on a planning day; the occasion methods turn one customer's due item into an <see cref="Occasion"/>
/// with its key (idempotence), documents, mail class and deadline. The timings are the settings file's
/// (README.md beside this file).
/// </summary>
public sealed class CampaignCalendar
{
    internal CampaignCalendar(ThankYouSettings thankYou, ProposalSettings proposal, BirthdaySettings birthday,
        HolidaySettings holiday, InvitationSettings invitation, MagazineSettings magazine)
    {
        ThankYouTiming = thankYou;
        ProposalTiming = proposal;
        BirthdayTiming = birthday;
        HolidayTiming = holiday;
        InvitationTiming = invitation;
        MagazineTiming = magazine;
    }

    public ThankYouSettings ThankYouTiming { get; }
    public ProposalSettings ProposalTiming { get; }
    public BirthdaySettings BirthdayTiming { get; }
    public HolidaySettings HolidayTiming { get; }
    public InvitationSettings InvitationTiming { get; }
    public MagazineSettings MagazineTiming { get; }

    /// <summary>Whether <paramref name="trigger"/> (one of <see cref="Triggers"/>) is switched on.</summary>
    public bool IsEnabled(string trigger) => trigger switch
    {
        Triggers.ThankYou => ThankYouTiming.Enabled,
        Triggers.Proposal => ProposalTiming.Enabled,
        Triggers.Birthday => BirthdayTiming.Enabled,
        Triggers.Holiday => HolidayTiming.Enabled,
        Triggers.Invitation => InvitationTiming.Enabled,
        Triggers.Magazine => MagazineTiming.Enabled,
        _ => throw new ArgumentException($"unknown trigger \"{trigger}\"", nameof(trigger)),
    };

    /// <summary>What falls due on planning day <paramref name="day"/>.</summary>
    public DayAgenda Agenda(DateOnly day)
    {
        var agenda = new DayAgenda(day);
        if (ThankYouTiming.Enabled) agenda = agenda with { PoliciesStartedOn = day.AddDays(-ThankYouTiming.DaysAfterStart) };
        if (ProposalTiming.Enabled) agenda = agenda with { PoliciesEndingOn = day.AddDays(ProposalTiming.DaysBeforeEnd) };
        if (BirthdayTiming.Enabled)
        {
            var birthday = day.AddDays(BirthdayTiming.LeadDays);
            List<BirthdayDue> dues = [new(birthday.Month, birthday.Day, birthday)];
            if (birthday is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(birthday.Year)) dues.Add(new(2, 29, birthday));
            agenda = agenda with { Birthdays = dues, BirthdaySegments = BirthdayTiming.Segments };
        }
        if (HolidayTiming.Enabled)
        {
            // Part p of a holiday's customers is handed off p days before the lead days (part 0 on the lead day).
            int parts = HolidayTiming.SpreadDays;
            agenda = agenda with
            {
                Holidays = [.. Enumerable.Range(0, parts).SelectMany(part =>
                {
                    var date = day.AddDays(HolidayTiming.LeadDays + part);
                    return HolidayTiming.Holidays.Where(h => h.Enabled && h.DatesIn(date.Year).Contains(date))
                        .Select(h => new HolidayDue(h.Id, h.Name, date, h.Segments, part, parts));
                })],
            };
        }
        if (InvitationTiming.Enabled) agenda = agenda with { Invitations = [.. InvitationTiming.Events.Where(e => e.InviteFrom == day)] };
        if (MagazineTiming.Enabled && day.Day == MagazineTiming.DayOfMonth)
        {
            var last = new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
            agenda = agenda with { Magazine = new MagazineIssue($"{day:yyyy-MM}", last, MagazineTiming.Segments) };
        }
        return agenda;
    }

    /// <summary>Thank-you letter and survey in one registered envelope; still welcome until late days after it was due.</summary>
    public Occasion ThankYou(Policy policy, DateOnly dueOn)
    {
        var due = policy.Start.AddDays(ThankYouTiming.DaysAfterStart);
        return new Occasion
        {
            Trigger = Triggers.ThankYou, Key = policy.Number, CustomerId = policy.CustomerId, DueOn = dueOn,
            Deadline = due.AddDays(ThankYouTiming.LateDays),
            DeadlineReason = $"a thank-you is welcome until {ThankYouTiming.LateDays} days after it was due on {due:yyyy-MM-dd} (policy {policy.Number} started {policy.Start:yyyy-MM-dd})",
            Documents = ["thank-you", "survey"], MailClass = MailClass.Registered, PolicyNumber = policy.Number,
        };
    }

    /// <summary>Renewal proposal, registered with return receipt; useless once it could no longer arrive before the cover ends.</summary>
    public Occasion Proposal(Policy policy, DateOnly dueOn) => new()
    {
        Trigger = Triggers.Proposal, Key = policy.Number, CustomerId = policy.CustomerId, DueOn = dueOn,
        Deadline = policy.End.AddDays(-ProposalTiming.PostageDays),
        DeadlineReason = $"policy {policy.Number} ends on {policy.End:yyyy-MM-dd} and the post takes {Days(ProposalTiming.PostageDays)}",
        Documents = ["proposal"], MailClass = MailClass.RegisteredWithReturnReceipt, PolicyNumber = policy.Number,
    };

    /// <summary>Birthday card; useless once the post could no longer deliver it by the birthday.</summary>
    public Occasion Birthday(Customer customer, BirthdayDue due, DateOnly dueOn)
    {
        var leap = due is { Month: 2, Day: 29 } && due.Birthday.Day == 28 ? " (born on 29 February: celebrated on 28 February in a common year)" : "";
        return new Occasion
        {
            Trigger = Triggers.Birthday, Key = due.Birthday.Year.ToString(), CustomerId = customer.Id, DueOn = dueOn,
            Deadline = due.Birthday.AddDays(-BirthdayTiming.PostageDays),
            DeadlineReason = $"the birthday is {due.Birthday:yyyy-MM-dd}{leap} and the post takes {Days(BirthdayTiming.PostageDays)}",
            Documents = ["greeting-card"], Variant = Triggers.Birthday,
        };
    }

    /// <summary>Holiday card; useless once the post could no longer deliver it by the holiday.</summary>
    public Occasion Holiday(Customer customer, HolidayDue due, DateOnly dueOn) => new()
    {
        Trigger = Triggers.Holiday, Key = $"{due.Id}-{due.Date.Year}", CustomerId = customer.Id, DueOn = dueOn,
        Deadline = due.Date.AddDays(-HolidayTiming.PostageDays),
        DeadlineReason = $"{due.Name} is on {due.Date:yyyy-MM-dd} and the post takes {Days(HolidayTiming.PostageDays)}",
        Documents = ["greeting-card"], Variant = due.Id,
    };

    /// <summary>Invitation; handed off until the invitation window closes, and never too late to arrive before the event.</summary>
    public Occasion Invitation(Customer customer, CampaignEvent e, DateOnly dueOn)
    {
        var arrival = e.Date.AddDays(-InvitationTiming.PostageDays);
        var (deadline, reason) = e.InviteUntil <= arrival
            ? (e.InviteUntil, $"invitations to {e.Id} go out until {e.InviteUntil:yyyy-MM-dd}")
            : (arrival, $"the event {e.Id} is on {e.Date:yyyy-MM-dd} and the post takes {Days(InvitationTiming.PostageDays)}");
        return new Occasion
        {
            Trigger = Triggers.Invitation, Key = e.Id, CustomerId = customer.Id, DueOn = dueOn,
            Deadline = deadline, DeadlineReason = reason, Documents = ["invitation"], EventId = e.Id,
        };
    }

    /// <summary>Magazine issue; useful within its month.</summary>
    public Occasion Magazine(Customer customer, MagazineIssue issue, DateOnly dueOn) => new()
    {
        Trigger = Triggers.Magazine, Key = issue.Key, CustomerId = customer.Id, DueOn = dueOn,
        Deadline = issue.Deadline,
        DeadlineReason = $"the {issue.Key} issue is only worth sending within its month (until {issue.Deadline:yyyy-MM-dd})",
        Documents = ["magazine"],
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
