using Print.Core.Customers;

namespace Print.Core.Production;

/// <summary>
/// The life of one mail piece: its state and every change, each with time and actor. Changes only go forward
/// (<see cref="Next"/> lists them); the one way back is <see cref="Reprint"/>, which turns a spoiled piece into
/// a new copy with the same tracking number and keeps the spoiled copy's history.
/// </summary>
public sealed class PieceHistory
{
    private static readonly Dictionary<PieceState, PieceState[]> Moves = new()
    {
        [PieceState.Planned] = [PieceState.Rendered],
        [PieceState.Rendered] = [PieceState.Printed, PieceState.Spoiled],
        [PieceState.Printed] = [PieceState.Posted, PieceState.Spoiled],
        [PieceState.Posted] = [PieceState.Delivered, PieceState.ReRouted, PieceState.Returned],
        // Forwarded once, it can be forwarded again, delivered, or come back.
        [PieceState.ReRouted] = [PieceState.Delivered, PieceState.ReRouted, PieceState.Returned],
        [PieceState.Delivered] = [],
        [PieceState.Returned] = [],
        [PieceState.Spoiled] = [],
    };

    /// <summary>How far along a state is, to tell "backwards" from "skipping" in messages.</summary>
    private static int Rank(PieceState s) => s switch
    {
        PieceState.Planned => 0,
        PieceState.Rendered => 1,
        PieceState.Printed => 2,
        PieceState.Posted => 3,
        PieceState.ReRouted => 4,
        PieceState.Delivered or PieceState.Returned => 5,
        _ => 6, // spoiled: a side exit, never 'back'
    };

    private readonly List<PieceEvent> events = [];

    public PieceHistory(string pieceId, TrackingNumber? trackingNumber = null, bool isSeed = false)
    {
        if (string.IsNullOrWhiteSpace(pieceId)) throw new ArgumentException("a piece needs an id", nameof(pieceId));
        PieceId = pieceId;
        TrackingNumber = trackingNumber;
        IsSeed = isSeed;
    }

    /// <summary>Rebuilds a stored history, checking every step again: a tampered or truncated history fails here.</summary>
    public static PieceHistory Restore(string pieceId, TrackingNumber? trackingNumber, bool isSeed, IEnumerable<PieceEvent> events)
    {
        var piece = new PieceHistory(pieceId, trackingNumber, isSeed);
        foreach (var e in events)
        {
            if (e.From != piece.State || e.Copy != (e.IsReprint ? piece.Copy + 1 : piece.Copy))
                throw new InvalidTransitionException(piece.Subject, StateNames.Of(e.From), StateNames.Of(e.To),
                    $"{piece.Subject}: stored step \"{e}\" does not follow copy {piece.Copy} in state {StateNames.Of(piece.State)}");
            if (e.IsReprint) piece.Reprint(e.At, e.Actor, e.Note);
            else if (e.To == PieceState.ReRouted) piece.ReRoute(e.At, e.Actor, e.NewAddress!, e.Note);
            else if (e.To == PieceState.Returned) piece.Return(e.At, e.Actor, e.ReturnReason!, e.Note);
            else piece.Transition(e.To, e.At, e.Actor, e.Note);
        }
        return piece;
    }

    public string PieceId { get; }

    /// <summary>The S10 number of a registered piece, kept by every copy and printed on its return-receipt card; null for ordinary mail.</summary>
    public TrackingNumber? TrackingNumber { get; }

    /// <summary>A seed piece addressed to staff to measure delivery time; kept out of the customer figures.</summary>
    public bool IsSeed { get; }

    /// <summary>1 for the first print; each re-print of a spoiled piece adds one.</summary>
    public int Copy { get; private set; } = 1;

    public PieceState State { get; private set; } = PieceState.Planned;

    /// <summary>Every change, oldest first, over all copies.</summary>
    public IReadOnlyList<PieceEvent> Events => events;

    /// <summary>The states the piece may go to now (a spoiled piece goes nowhere: it is re-printed).</summary>
    public IReadOnlyList<PieceState> Next => Moves[State];

    /// <summary>When the current copy first reached <paramref name="state"/>, or null.</summary>
    public DateTimeOffset? When(PieceState state) => events.FirstOrDefault(e => e.Copy == Copy && e.To == state)?.At;

    /// <summary>The return reason code when the piece is returned.</summary>
    public string? ReturnReason => State == PieceState.Returned ? events[^1].ReturnReason : null;

    /// <summary>Whether the current copy was ever re-routed.</summary>
    public bool WasReRouted => events.Any(e => e.Copy == Copy && e.To == PieceState.ReRouted);

    private string Subject => $"piece {PieceId}" + (TrackingNumber is { } n ? $" {n}" : "") + $" (copy {Copy})";

    /// <summary>
    /// Moves the piece to <paramref name="to"/>. For <see cref="PieceState.Returned"/>, <paramref name="reason"/> is
    /// the return reason code and is required (or use <see cref="Return"/>); otherwise it is a free note.
    /// Re-routing needs the new address: use <see cref="ReRoute"/>.
    /// </summary>
    public PieceEvent Transition(PieceState to, DateTimeOffset at, string actor, string? reason = null)
    {
        if (to == PieceState.Returned) return Return(at, actor, reason ?? "", null);
        if (to == PieceState.ReRouted)
            throw Refused(to, $"{Subject}: re-routed needs the new address; use ReRoute");
        return Record(to, at, actor, reason, null, null);
    }

    /// <summary>The post office returned the piece for <paramref name="reasonCode"/> (a <see cref="Production.ReturnReason.Code"/>).</summary>
    public PieceEvent Return(DateTimeOffset at, string actor, string reasonCode, string? note = null)
    {
        if (string.IsNullOrWhiteSpace(reasonCode))
            throw Refused(PieceState.Returned, $"{Subject}: returned needs a return reason code");
        return Record(PieceState.Returned, at, actor, note, reasonCode.Trim(), null);
    }

    public PieceEvent Return(DateTimeOffset at, string actor, ReturnReason reason, string? note = null) => Return(at, actor, reason.Code, note);

    /// <summary>The post office forwarded the piece to <paramref name="newAddress"/>.</summary>
    public PieceEvent ReRoute(DateTimeOffset at, string actor, Address newAddress, string? note = null)
    {
        if (newAddress is null || newAddress.IsEmpty)
            throw Refused(PieceState.ReRouted, $"{Subject}: re-routed needs the new address");
        return Record(PieceState.ReRouted, at, actor, note, null, newAddress);
    }

    /// <summary>
    /// Starts copy <see cref="Copy"/> + 1 of a spoiled piece, planned again with the same tracking number; the
    /// spoiled copy's steps stay in <see cref="Events"/>.
    /// </summary>
    public PieceEvent Reprint(DateTimeOffset at, string actor, string? reason = null)
    {
        if (State != PieceState.Spoiled)
            throw new InvalidTransitionException(Subject, StateNames.Of(State), StateNames.Of(PieceState.Planned),
                $"{Subject}: only a spoiled piece is re-printed, this one is {StateNames.Of(State)}");
        CheckActor(actor);
        Copy++;
        var e = new PieceEvent { Copy = Copy, From = PieceState.Spoiled, To = PieceState.Planned, At = at, Actor = actor.Trim(), Note = reason };
        events.Add(e);
        State = PieceState.Planned;
        return e;
    }

    private PieceEvent Record(PieceState to, DateTimeOffset at, string actor, string? note, string? returnReason, Address? newAddress)
    {
        if (!Moves[State].Contains(to)) throw Refused(to, Explain(to));
        CheckActor(actor);
        var e = new PieceEvent { Copy = Copy, From = State, To = to, At = at, Actor = actor.Trim(), Note = note, ReturnReason = returnReason, NewAddress = newAddress };
        events.Add(e);
        State = to;
        return e;
    }

    private string Explain(PieceState to)
    {
        string from = StateNames.Of(State), target = StateNames.Of(to);
        if (State == PieceState.Spoiled) return $"{Subject}: cannot go from spoiled to {target}; re-print it as a new copy (Reprint)";
        if (Moves[State].Length == 0) return $"{Subject}: cannot go from {from} to {target}: {from} is final";
        var allowed = $"from {from} a piece goes to {StateNames.List(Moves[State].Select(StateNames.Of))}";
        if (to == State) return $"{Subject}: cannot go from {from} to {target}: it is already {from}; {allowed}";
        if (Rank(to) < Rank(State)) return $"{Subject}: cannot go from {from} back to {target}; {allowed}";
        return $"{Subject}: cannot go from {from} to {target}; {allowed}";
    }

    private InvalidTransitionException Refused(PieceState to, string message) =>
        new(Subject, StateNames.Of(State), StateNames.Of(to), message);

    internal static void CheckActor(string actor)
    {
        if (string.IsNullOrWhiteSpace(actor)) throw new ArgumentException("every state change names who made it", nameof(actor));
    }

    public override string ToString() => $"{Subject}: {StateNames.Of(State)}";
}
