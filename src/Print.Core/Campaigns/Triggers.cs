namespace Print.Core.Campaigns;

/// <summary>
/// The names of the campaign's triggers: in settings, communication ids, <c>print plan</c> output and KPIs.
/// </summary>
public static class Triggers
{
    /// <summary>Thank-you letter with the survey in the same envelope, a week after a policy starts.</summary>
    public const string ThankYou = "thank-you";
    /// <summary>Personalised renewal proposal, double registered, two weeks before a policy ends.</summary>
    public const string Proposal = "proposal";
    /// <summary>Greeting card arriving on the customer's birthday.</summary>
    public const string Birthday = "birthday";
    /// <summary>Greeting card for a Chinese holiday (Spring Festival, Mid-Autumn, …).</summary>
    public const string Holiday = "holiday";
    /// <summary>Invitation to an event the marketer defines.</summary>
    public const string Invitation = "invitation";
    /// <summary>The monthly member magazine.</summary>
    public const string Magazine = "magazine";

    /// <summary>
    /// Every trigger, most important first: when the frequency cap leaves room for only some of a customer's
    /// pieces, the earlier ones win (a renewal proposal is worth more than a magazine).
    /// </summary>
    public static IReadOnlyList<string> ByPriority { get; } = [Proposal, ThankYou, Invitation, Birthday, Holiday, Magazine];
}
