namespace Print.Core.Campaigns;

/// <summary>
/// What falls due on one planning day (<see cref="CampaignCalendar.Agenda"/>): the planner looks up the
/// customers and policies these point at and asks the calendar for each one's <see cref="Occasion"/>. A trigger
/// that is switched off leaves its part empty (or null). Catching up after downtime is asking for every missed day.
/// </summary>
public sealed record DayAgenda(DateOnly Day)
{
    /// <summary>Thank-you: policies that started on this day (<see cref="Day"/> − days after start); null when the trigger is off.</summary>
    public DateOnly? PoliciesStartedOn { get; init; }
    /// <summary>Proposal: policies whose last day of cover is this day (<see cref="Day"/> + days before end); null when the trigger is off.</summary>
    public DateOnly? PoliciesEndingOn { get; init; }
    /// <summary>Birthday cards to hand off today: the birthdays <see cref="Day"/> + lead days (two entries on 28 February of a common year).</summary>
    public IReadOnlyList<BirthdayDue> Birthdays { get; init; } = [];
    /// <summary>Holiday cards to hand off today: the holidays on <see cref="Day"/> + lead days.</summary>
    public IReadOnlyList<HolidayDue> Holidays { get; init; } = [];
    /// <summary>Events whose invitations go out on this day (the first day of their invitation window).</summary>
    public IReadOnlyList<CampaignEvent> Invitations { get; init; } = [];
    /// <summary>The magazine issue that goes out on this day (the configured day of the month), if any.</summary>
    public MagazineIssue? Magazine { get; init; }
    /// <summary>The segments that get birthday cards (empty when the trigger is off).</summary>
    public IReadOnlyList<string> BirthdaySegments { get; init; } = [];

    /// <summary>Nothing falls due.</summary>
    public bool IsEmpty => PoliciesStartedOn is null && PoliciesEndingOn is null && Birthdays.Count == 0
        && Holidays.Count == 0 && Invitations.Count == 0 && Magazine is null;
}

/// <summary>
/// Customers born on <paramref name="Month"/>/<paramref name="Day"/> get a card celebrating <paramref name="Birthday"/>.
/// Customers born on 29 February celebrate on 28 February in common years.
/// </summary>
public sealed record BirthdayDue(int Month, int Day, DateOnly Birthday);

/// <summary>A holiday card: <paramref name="Id"/> is the card's occasion (<c>spring-festival</c>), <paramref name="Name"/> the Chinese name (春节), <paramref name="Date"/> the holiday this year.</summary>
public sealed record HolidayDue(string Id, string Name, DateOnly Date, IReadOnlyList<string> Segments, int Part = 0, int Parts = 1)
{
    /// <summary>
    /// Whether the customer's card falls due with this part of the holiday's spread: customers are shared among
    /// the parts by a stable hash of their id, so each gets exactly one card whichever day it is planned.
    /// </summary>
    public bool Includes(string customerId) => Parts == 1 || PartOf(customerId, Parts) == Part;

    /// <summary>FNV-1a over the id's UTF-16 code units: the same part on every machine and every run.</summary>
    public static int PartOf(string customerId, int parts)
    {
        uint hash = 2166136261;
        foreach (char c in customerId) hash = (hash ^ c) * 16777619;
        return (int)(hash % (uint)parts);
    }
}

/// <summary>
/// An event the marketer defines (an expert lecture, an on-site feedback meeting, a self-drive tour): invitations
/// go out from <paramref name="InviteFrom"/>, and are no longer handed off after <paramref name="InviteUntil"/>
/// (or once they could no longer arrive before the event).
/// </summary>
public sealed record CampaignEvent(string Id, string Title, DateOnly Date, string Place, DateOnly InviteFrom, DateOnly InviteUntil, IReadOnlyList<string> Segments);

/// <summary>A monthly magazine issue (<paramref name="Key"/> "2026-12"), useful until the last day of its month.</summary>
public sealed record MagazineIssue(string Key, DateOnly Deadline, IReadOnlyList<string> Segments);
