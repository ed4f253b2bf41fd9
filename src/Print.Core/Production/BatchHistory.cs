namespace Print.Core.Production;

/// <summary>
/// The life of a batch: created → rendering → rendered → approved → printing → printed → posted, each step
/// with time and actor. Approval is by a named person and records the template hash (<see cref="Approve"/>);
/// printing starts only while that approval still covers the template (<see cref="StartPrinting"/>). The one
/// way back is <see cref="Rerender"/>, before anything is printed: a rendered or approved batch whose template
/// changed is rendered again and needs a new approval.
/// </summary>
public sealed class BatchHistory
{
    private readonly List<BatchEvent> events = [];

    public BatchHistory(string batchId)
    {
        if (string.IsNullOrWhiteSpace(batchId)) throw new ArgumentException("a batch needs an id", nameof(batchId));
        BatchId = batchId;
    }

    /// <summary>Rebuilds a stored history, checking every step again.</summary>
    public static BatchHistory Restore(string batchId, IEnumerable<BatchEvent> events)
    {
        var batch = new BatchHistory(batchId);
        foreach (var e in events)
        {
            if (e.From != batch.State)
                throw new InvalidTransitionException(batch.Subject, StateNames.Of(e.From), StateNames.Of(e.To),
                    $"{batch.Subject}: stored step \"{e}\" does not follow state {StateNames.Of(batch.State)}");
            if (e.To == BatchState.Approved && e.Approval is { } a) batch.Approve(a.At, a.By, a.TemplateHash);
            else if (e.To == BatchState.Printing) batch.StartPrinting(e.At, e.Actor, batch.Approval?.TemplateHash ?? "");
            else if (e.To == BatchState.Rendering && e.From != BatchState.Created) batch.Rerender(e.At, e.Actor, e.Note ?? "");
            else batch.Transition(e.To, e.At, e.Actor, e.Note);
        }
        return batch;
    }

    public string BatchId { get; }
    public BatchState State { get; private set; } = BatchState.Created;
    public IReadOnlyList<BatchEvent> Events => events;

    /// <summary>The sign-off in force: set by <see cref="Approve"/>, withdrawn by <see cref="Rerender"/>.</summary>
    public Approval? Approval { get; private set; }

    /// <summary>Whether the batch has an approval and it was given for the template whose hash is <paramref name="templateHash"/>.</summary>
    public bool IsApprovedFor(string templateHash) => Approval is { } a && a.TemplateHash == templateHash;

    /// <summary>When the batch first reached <paramref name="state"/>, or null.</summary>
    public DateTimeOffset? When(BatchState state) => events.FirstOrDefault(e => e.To == state)?.At;

    private string Subject => $"batch {BatchId}";

    /// <summary>
    /// Moves the batch one step on. Approving and starting to print need more: use <see cref="Approve"/> and
    /// <see cref="StartPrinting"/>.
    /// </summary>
    public BatchEvent Transition(BatchState to, DateTimeOffset at, string actor, string? reason = null)
    {
        if (to == BatchState.Approved) throw Refused(to, $"{Subject}: approving needs the approver and the template hash; use Approve");
        if (to == BatchState.Printing) throw Refused(to, $"{Subject}: printing starts only against the approved template; use StartPrinting");
        return Record(to, at, actor, reason, null);
    }

    /// <summary>Proof sign-off by <paramref name="approver"/> (a named person) of the rendered batch, for the template hashing to <paramref name="templateHash"/>.</summary>
    public BatchEvent Approve(DateTimeOffset at, string approver, string templateHash)
    {
        if (string.IsNullOrWhiteSpace(approver)) throw Refused(BatchState.Approved, $"{Subject}: an approval names the person who signed the proof off");
        if (string.IsNullOrWhiteSpace(templateHash)) throw Refused(BatchState.Approved, $"{Subject}: an approval records the template hash");
        var approval = new Approval(approver.Trim(), at, templateHash);
        var e = Record(BatchState.Approved, at, approver, null, approval);
        Approval = approval;
        return e;
    }

    /// <summary>
    /// Starts printing, provided the approval was given for the template as it is now
    /// (<paramref name="currentTemplateHash"/>); otherwise the batch needs rendering and approving again.
    /// </summary>
    public BatchEvent StartPrinting(DateTimeOffset at, string actor, string currentTemplateHash)
    {
        if (State == BatchState.Approved && !IsApprovedFor(currentTemplateHash))
            throw Refused(BatchState.Printing,
                $"{Subject}: the template changed after it was {Approval}; render the batch again (Rerender) and have the new proof approved");
        return Record(BatchState.Printing, at, actor, null, null);
    }

    /// <summary>
    /// Back to rendering from rendered or approved, nothing printed yet (e.g. the template changed): the
    /// approval is withdrawn (it stays in <see cref="Events"/>) and a new one is needed.
    /// </summary>
    public BatchEvent Rerender(DateTimeOffset at, string actor, string reason)
    {
        if (State is not (BatchState.Rendered or BatchState.Approved))
            throw Refused(BatchState.Rendering,
                $"{Subject}: only a rendered or approved batch is rendered again, this one is {StateNames.Of(State)}");
        if (string.IsNullOrWhiteSpace(reason)) throw Refused(BatchState.Rendering, $"{Subject}: say why the batch is rendered again");
        PieceHistory.CheckActor(actor);
        var e = new BatchEvent { From = State, To = BatchState.Rendering, At = at, Actor = actor.Trim(), Note = reason };
        events.Add(e);
        State = BatchState.Rendering;
        Approval = null;
        return e;
    }

    private BatchEvent Record(BatchState to, DateTimeOffset at, string actor, string? note, Approval? approval)
    {
        if (to != State + 1) throw Refused(to, Explain(to));
        PieceHistory.CheckActor(actor);
        var e = new BatchEvent { From = State, To = to, At = at, Actor = actor.Trim(), Note = note, Approval = approval };
        events.Add(e);
        State = to;
        return e;
    }

    private string Explain(BatchState to)
    {
        string from = StateNames.Of(State), target = StateNames.Of(to);
        if (State == BatchState.Posted) return $"{Subject}: cannot go from posted to {target}: posted is final";
        var next = $"from {from} a batch goes to {StateNames.Of(State + 1)}";
        if (to == State) return $"{Subject}: cannot go from {from} to {target}: it is already {from}; {next}";
        if (to < State) return $"{Subject}: cannot go from {from} back to {target}; {next}";
        return $"{Subject}: cannot go from {from} to {target}; {next}";
    }

    private InvalidTransitionException Refused(BatchState to, string message) => new(Subject, StateNames.Of(State), StateNames.Of(to), message);

    public override string ToString() => $"{Subject}: {StateNames.Of(State)}";
}
