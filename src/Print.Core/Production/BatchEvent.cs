namespace Print.Core.Production;

/// <summary>One step of a batch: from and to which state, when, by whom; an approval carries its sign-off.</summary>
public sealed record BatchEvent
{
    public required BatchState From { get; init; }
    public required BatchState To { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public string? Note { get; init; }
    /// <summary>Set on the step to approved.</summary>
    public Approval? Approval { get; init; }

    public override string ToString() =>
        $"{At:yyyy-MM-dd HH:mm zzz} {Actor}: {StateNames.Of(From)} → {StateNames.Of(To)}" + (Note is null ? "" : $": {Note}");
}
