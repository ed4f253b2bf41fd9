using Print.Core.Customers;
using Print.Core.Segmentation;

namespace Print.Core.Campaigns;

/// <summary>
/// One segment's row of the channel matrix: for each trigger the channels to try in order (empty: the segment
/// gets nothing for it), and the triggers whose piece the call centre follows up by phone.
/// </summary>
public sealed record SegmentChannels(IReadOnlyDictionary<string, IReadOnlyList<Channel>> ByTrigger, IReadOnlyList<string> PhoneFollowUp);

/// <summary>A channel decision: the channel (null when none is allowed), whether a phone follow-up is planned, and every step of the reasoning.</summary>
public sealed record ChannelDecision(Channel? Channel, bool PhoneFollowUp, IReadOnlyList<string> Reasons);

/// <summary>
/// The channel matrix segment × trigger → ordered channels (README.md beside this file), applied to one
/// customer: a do-not-contact flag always wins, the customer's preferred channel goes first when the plan lists
/// it, and a channel the customer cannot be reached on (no mailable address, no mobile, no e-mail) passes the
/// piece to the next one. Every step is written down, so "why an SMS instead of a letter?" has an answer.
/// </summary>
public sealed class ChannelPlan
{
    internal ChannelPlan(IReadOnlyDictionary<string, SegmentChannels> segments, bool registeredMailFirst)
    {
        Rows = segments;
        RegisteredMailFirst = registeredMailFirst;
    }

    /// <summary>The rows by segment; <c>unsegmented</c> may be absent (then it uses low-value's row).</summary>
    public IReadOnlyDictionary<string, SegmentChannels> Rows { get; }

    /// <summary>Registered pieces (thank-you, proposal) stay on mail when mail is possible, even for a customer who prefers another channel.</summary>
    public bool RegisteredMailFirst { get; }

    /// <summary>The channels for <paramref name="segment"/> and <paramref name="trigger"/> in plan order.</summary>
    public IReadOnlyList<Channel> For(string segment, string trigger) => Row(segment).Row.ByTrigger[trigger];

    public ChannelDecision Decide(Customer customer, Occasion occasion)
    {
        var segment = customer.Segment?.Segment ?? Segments.Unsegmented;
        var (row, rowName) = Row(segment);
        var reasons = new List<string>();
        if (rowName != segment) reasons.Add($"{segment}: no row of its own, using {rowName}'s");
        var cell = $"{rowName}/{occasion.Trigger}";
        var plan = row.ByTrigger[occasion.Trigger];
        if (plan.Count == 0)
        {
            reasons.Add($"no channel is planned for {cell}");
            return new ChannelDecision(null, false, reasons);
        }
        reasons.Add($"plan for {cell}: {string.Join(", ", plan.Select(Name))}");

        var order = plan.ToList();
        if (customer.Contact.PreferredChannel is { } preferred)
        {
            var name = Name(preferred);
            if (!order.Contains(preferred)) reasons.Add($"the customer prefers {name}, which the plan for {cell} does not use");
            else if (order[0] == preferred) { }
            else if (RegisteredMailFirst && occasion.MailClass != MailClass.Ordinary && order[0] == Channel.Mail && customer.IsMailable)
            {
                reasons.Add($"the customer prefers {name}, but a {MailClassName(occasion.MailClass)} piece stays on mail while mail is possible");
            }
            else
            {
                order.Remove(preferred);
                order.Insert(0, preferred);
                reasons.Add($"{name}: tried first, the customer prefers it");
            }
        }

        Channel? chosen = null;
        foreach (var channel in order)
        {
            if (Refusal(customer, channel) is { } why)
            {
                reasons.Add($"{Name(channel)}: {why}");
                continue;
            }
            chosen = channel;
            int rank = plan.ToList().IndexOf(channel);
            reasons.Add($"{Name(channel)}: chosen ({Ordinal(rank)} in the plan for {cell})");
            break;
        }
        if (chosen is null)
        {
            reasons.Add($"no channel of the plan for {cell} can reach the customer");
            return new ChannelDecision(null, false, reasons);
        }

        bool followUp = false;
        if (row.PhoneFollowUp.Contains(occasion.Trigger) && chosen != Channel.Phone)
        {
            if (Refusal(customer, Channel.Phone) is { } why) reasons.Add($"phone follow-up: not made, {why}");
            else
            {
                followUp = true;
                reasons.Add($"phone follow-up: planned for {cell}");
            }
        }
        return new ChannelDecision(chosen, followUp, reasons);
    }

    /// <summary>Why <paramref name="channel"/> cannot reach the customer, or null when it can.</summary>
    internal static string? Refusal(Customer customer, Channel channel) => channel switch
    {
        Channel.Mail => customer.NotMailableReason,
        _ when customer.Contact.Stopped is { } stop => stop.ToString(),
        Channel.Sms when customer.Contact.DoNotSms => "the customer asked for no SMS",
        Channel.Sms when customer.Mobile.Length == 0 => "no mobile number",
        Channel.Email when customer.Contact.DoNotEmail => "the customer asked for no e-mail",
        Channel.Email when customer.Email.Length == 0 => "no e-mail address",
        Channel.Phone when customer.Contact.DoNotCall => "the customer asked not to be called",
        Channel.Phone when customer.Mobile.Length == 0 => "no phone number",
        _ => null,
    };

    private (SegmentChannels Row, string Name) Row(string segment)
    {
        if (Rows.TryGetValue(segment, out var row)) return (row, segment);
        if (Rows.TryGetValue(Segments.LowValue, out var low)) return (low, Segments.LowValue);
        throw new ArgumentException($"the channel plan has no row for segment \"{segment}\"", nameof(segment));
    }

    /// <summary>The channel as the settings file writes it: mail, sms, email, phone.</summary>
    public static string Name(Channel channel) => channel switch
    {
        Channel.Mail => "mail",
        Channel.Sms => "sms",
        Channel.Email => "email",
        Channel.Phone => "phone",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private static string MailClassName(MailClass mailClass) =>
        mailClass == MailClass.RegisteredWithReturnReceipt ? "double registered" : "registered";

    private static string Ordinal(int index) => index switch
    {
        0 => "first",
        1 => "second",
        2 => "third",
        3 => "fourth",
        _ => $"number {index + 1}",
    };
}
