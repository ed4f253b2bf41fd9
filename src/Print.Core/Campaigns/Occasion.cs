namespace Print.Core.Campaigns;

/// <summary>How a mail piece travels (the post office's product): the production issue picks envelopes,
/// tracking numbers and return-receipt cards by it.</summary>
public enum MailClass { Ordinary, Registered, RegisteredWithReturnReceipt }

/// <summary>
/// One piece a trigger finds due for one customer on one planning day, before the channel is chosen.
/// <see cref="Id"/> is what makes planning idempotent: a trigger produces at most one communication per
/// (trigger, key, customer), however often and however late the planner runs.
/// </summary>
public sealed record Occasion
{
    /// <summary>One of <see cref="Triggers"/>.</summary>
    public required string Trigger { get; init; }
    /// <summary>
    /// What makes this occasion unique for the customer within the trigger: the policy number (thank-you,
    /// proposal), the year (birthday: <c>2026</c>), the holiday and year (<c>spring-festival-2027</c>), the
    /// event id (invitation), the issue (magazine: <c>2026-12</c>).
    /// </summary>
    public required string Key { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>The planning day on which the trigger fires (purchase + 7, expiry − 14, birthday − lead days, …).</summary>
    public required DateOnly DueOn { get; init; }
    /// <summary>
    /// The last day on which handing the piece off is still useful: a thank-you some weeks late is still
    /// welcome, a birthday card that would arrive after the birthday or a proposal after expiry is not.
    /// The catch-up after downtime drops an occasion planned after its deadline, with the reason.
    /// </summary>
    public required DateOnly Deadline { get; init; }
    /// <summary>Why the deadline is what it is, in words for the dropped-reason (e.g. "the birthday is 2026-12-03").</summary>
    public required string DeadlineReason { get; init; }
    /// <summary>Template names of the documents in the envelope, in order (thank-you: <c>thank-you</c>, <c>survey</c>).</summary>
    public required IReadOnlyList<string> Documents { get; init; }
    public MailClass MailClass { get; init; } = MailClass.Ordinary;
    /// <summary>The greeting-card occasion (<c>birthday</c>, <c>spring-festival</c>, …) the card template switches on; null otherwise.</summary>
    public string? Variant { get; init; }
    /// <summary>The policy the piece is about (thank-you, proposal).</summary>
    public string? PolicyNumber { get; init; }
    /// <summary>The event the invitation is for.</summary>
    public string? EventId { get; init; }

    public string Id => CommunicationId(Trigger, Key, CustomerId);

    public static string CommunicationId(string trigger, string key, string customerId) => $"{trigger}/{key}/{customerId}";
}
