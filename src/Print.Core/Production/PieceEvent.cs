using Print.Core.Customers;

namespace Print.Core.Production;

/// <summary>
/// One step in a piece's life: which copy, from and to which state, when and by whom (a user, "print-shop",
/// "post-office feedback file.csv"). A return carries its reason code, a re-route the new address; a
/// re-print is the step spoiled → planned that starts the next copy.
/// </summary>
public sealed record PieceEvent
{
    public required int Copy { get; init; }
    public required PieceState From { get; init; }
    public required PieceState To { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    /// <summary>Free text: why it was spoiled, a remark from the feedback file.</summary>
    public string? Note { get; init; }
    /// <summary>The <see cref="ReturnReason.Code"/> of a return; null otherwise.</summary>
    public string? ReturnReason { get; init; }
    /// <summary>Where a re-routed piece went; the post office gives one line, kept in <see cref="Address.Street"/>, and the postcode.</summary>
    public Address? NewAddress { get; init; }

    public bool IsReprint => From == PieceState.Spoiled && To == PieceState.Planned;

    public override string ToString()
    {
        var what = IsReprint ? $"re-printed as copy {Copy}" : $"{StateNames.Of(From)} → {StateNames.Of(To)}";
        var extra = ReturnReason is not null ? $" ({ReturnReason})" : NewAddress is not null ? " (new address)" : "";
        return $"{At:yyyy-MM-dd HH:mm zzz} {Actor}: {what}{extra}" + (Note is null ? "" : $": {Note}");
    }
}
