namespace Print.Core.Campaigns;

/// <summary>Thank-you letter and survey: handed off <see cref="DaysAfterStart"/> days after a policy starts, still welcome <see cref="LateDays"/> days after that.</summary>
public sealed record ThankYouSettings(bool Enabled, int DaysAfterStart, int LateDays);

/// <summary>Renewal proposal: handed off <see cref="DaysBeforeEnd"/> days before the policy's last day; useless once it could not arrive before then.</summary>
public sealed record ProposalSettings(bool Enabled, int DaysBeforeEnd, int PostageDays);

/// <summary>Birthday card: handed off <see cref="LeadDays"/> days before the birthday; not after the post could no longer deliver it in time.</summary>
public sealed record BirthdaySettings(bool Enabled, int LeadDays, int PostageDays, IReadOnlyList<string> Segments);

/// <summary>
/// Holiday cards: handed off <see cref="LeadDays"/> days before each enabled holiday — spread over
/// <see cref="SpreadDays"/> days ending then, each customer on one of them, so that a card for every customer
/// reaches production and the post office as several days' work instead of one.
/// </summary>
public sealed record HolidaySettings(bool Enabled, int LeadDays, int PostageDays, IReadOnlyList<HolidayDefinition> Holidays, int SpreadDays = 1);

/// <summary>Invitations to the marketer's events.</summary>
public sealed record InvitationSettings(bool Enabled, int PostageDays, IReadOnlyList<CampaignEvent> Events);

/// <summary>The monthly magazine, handed off on <see cref="DayOfMonth"/> of every month.</summary>
public sealed record MagazineSettings(bool Enabled, int DayOfMonth, IReadOnlyList<string> Segments);
