using Print.Core.Customers;

namespace Print.Core.Campaigns;

public enum CommunicationStatus
{
    /// <summary>A channel was chosen; waiting for its send day.</summary>
    Planned,
    /// <summary>Given to production (mail) or dispatch (SMS, e-mail, phone task) on its send day.</summary>
    HandedOff,
    /// <summary>Not sent, for the recorded reason (too late, no channel allowed, frequency cap, already renewed).</summary>
    Dropped,
}

/// <summary>
/// The planner's decision for one <see cref="Occasion"/>: stored once (its id is the occasion's), never
/// planned again, with the reasons a marketer reads to learn why this customer gets an SMS instead of a letter.
/// </summary>
public sealed record Communication
{
    public required Occasion Occasion { get; init; }
    public string Id => Occasion.Id;
    public string CustomerId => Occasion.CustomerId;
    public string Trigger => Occasion.Trigger;
    /// <summary>The day the planner decided (later than <see cref="Occasion.DueOn"/> when catching up).</summary>
    public required DateOnly PlannedOn { get; init; }
    /// <summary>The day it is handed to production or dispatch (after a quiet period, when one intervened).</summary>
    public required DateOnly SendOn { get; init; }
    /// <summary>The customer's segment when planned (KPIs by segment).</summary>
    public required string Segment { get; init; }
    /// <summary>The chosen channel; null when dropped.</summary>
    public Channel? Channel { get; init; }
    /// <summary>The call centre follows the piece up by phone (the channel plan's follow-up, when calls are allowed).</summary>
    public bool PhoneFollowUp { get; init; }
    public required CommunicationStatus Status { get; init; }
    /// <summary>Every step of the decision in order, e.g. "mail: no postcode", "sms: chosen (second in the plan for low-value/birthday)".</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
    /// <summary>When it was handed off (null until then).</summary>
    public DateOnly? HandedOffOn { get; init; }
}
