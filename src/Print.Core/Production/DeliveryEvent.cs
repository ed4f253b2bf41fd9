using Print.Core.Customers;

namespace Print.Core.Production;

/// <summary>
/// One line of the post office's delivery feedback: the piece (by tracking number), what happened to it and on
/// which day. <see cref="Kind"/> is <see cref="PieceState.Delivered"/>, <see cref="PieceState.ReRouted"/> (with
/// <see cref="NewAddress"/>) or <see cref="PieceState.Returned"/> (with <see cref="Reason"/>).
/// </summary>
public sealed record DeliveryEvent
{
    /// <summary>China has one time zone and no daylight saving: feedback dates are days in UTC+8.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The data row of the feedback file (header not counted), to name it in the store's reports.</summary>
    public required int Row { get; init; }
    public required TrackingNumber TrackingNumber { get; init; }
    public required PieceState Kind { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>Required for a return; optional for a re-route (why it was forwarded); never for a delivery.</summary>
    public ReturnReason? Reason { get; init; }
    /// <summary>A re-route's new address: the post office's line in <see cref="Address.Street"/>, the new postcode when given.</summary>
    public Address? NewAddress { get; init; }
    public string? Note { get; init; }

    /// <summary>The day as a time: midnight UTC+8 (the file gives no time of day).</summary>
    public DateTimeOffset At => new(Date.ToDateTime(TimeOnly.MinValue), ChinaOffset);

    /// <summary>
    /// Records the event on <paramref name="piece"/> (its current copy) as <paramref name="actor"/> (e.g.
    /// "post office feedback 2026-11-20.csv"). Returns false when the piece already has this step on this day,
    /// so importing the same file twice changes nothing; an impossible step (a delivered piece reported
    /// returned) throws <see cref="InvalidTransitionException"/>.
    /// </summary>
    public bool ApplyTo(PieceHistory piece, string actor)
    {
        if (piece.TrackingNumber != TrackingNumber)
            throw new ArgumentException($"row {Row} is about {TrackingNumber}, not piece {piece.PieceId} ({piece.TrackingNumber?.ToString() ?? "no tracking number"})", nameof(piece));
        if (piece.Events.Any(e => e.Copy == piece.Copy && e.To == Kind && DateOnly.FromDateTime(e.At.ToOffset(ChinaOffset).DateTime) == Date
                                  && (Kind != PieceState.ReRouted || e.NewAddress == NewAddress)))
            return false;
        switch (Kind)
        {
            case PieceState.Returned: piece.Return(At, actor, Reason!.Code, Note); break;
            case PieceState.ReRouted: piece.ReRoute(At, actor, NewAddress!, Reason is null ? Note : $"{Reason.Label}" + (Note is null ? "" : $"; {Note}")); break;
            default: piece.Transition(Kind, At, actor, Note); break;
        }
        return true;
    }
}
