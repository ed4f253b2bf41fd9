using Print.Core.Customers;
using Print.Core.Production;

namespace Print.Core.Tests.Production;

public class PieceHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TrackingNumber Number = TrackingNumber.Parse("RR473124829CN");
    private static readonly Address NewAddress = new() { Street = "江西省南昌市红谷滩区丰和中大道1288号", Postcode = "330038" };

    /// <summary>A piece walked to <paramref name="state"/> along the usual path.</summary>
    private static PieceHistory At(PieceState state)
    {
        var p = new PieceHistory("P1", Number);
        PieceState[] path = state switch
        {
            PieceState.Planned => [],
            PieceState.Rendered => [PieceState.Rendered],
            PieceState.Printed => [PieceState.Rendered, PieceState.Printed],
            PieceState.Spoiled => [PieceState.Rendered, PieceState.Printed, PieceState.Spoiled],
            _ => [PieceState.Rendered, PieceState.Printed, PieceState.Posted],
        };
        int h = 0;
        foreach (var s in path) p.Transition(s, T0.AddHours(h++), "operator");
        if (state == PieceState.Delivered) p.Transition(PieceState.Delivered, T0.AddDays(2), "post");
        if (state == PieceState.Returned) p.Return(T0.AddDays(3), "post", "moved");
        if (state == PieceState.ReRouted) p.ReRoute(T0.AddDays(2), "post", NewAddress);
        return p;
    }

    private static void Move(PieceHistory p, PieceState to)
    {
        if (to == PieceState.ReRouted) p.ReRoute(T0.AddDays(5), "post", NewAddress);
        else p.Transition(to, T0.AddDays(5), "someone", to == PieceState.Returned ? "refused" : null);
    }

    public static TheoryData<PieceState, PieceState> Legal => new()
    {
        { PieceState.Planned, PieceState.Rendered },
        { PieceState.Rendered, PieceState.Printed },
        { PieceState.Rendered, PieceState.Spoiled },
        { PieceState.Printed, PieceState.Posted },
        { PieceState.Printed, PieceState.Spoiled },
        { PieceState.Posted, PieceState.Delivered },
        { PieceState.Posted, PieceState.ReRouted },
        { PieceState.Posted, PieceState.Returned },
        { PieceState.ReRouted, PieceState.Delivered },
        { PieceState.ReRouted, PieceState.ReRouted },
        { PieceState.ReRouted, PieceState.Returned },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void EveryLegalTransition(PieceState from, PieceState to)
    {
        var p = At(from);
        int before = p.Events.Count;
        Move(p, to);
        Assert.Equal(to, p.State);
        var e = p.Events[^1];
        Assert.Equal(before + 1, p.Events.Count);
        Assert.Equal((from, to, T0.AddDays(5), 1), (e.From, e.To, e.At, e.Copy));
    }

    public static TheoryData<PieceState, PieceState> Illegal()
    {
        var data = new TheoryData<PieceState, PieceState>();
        var legal = Legal.Select(row => ((PieceState)row[0], (PieceState)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<PieceState>())
            foreach (var to in Enum.GetValues<PieceState>())
                if (!legal.Contains((from, to))) data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void EveryIllegalTransitionIsRefusedAndNamesPieceFromAndTo(PieceState from, PieceState to)
    {
        var p = At(from);
        int before = p.Events.Count;
        var e = Assert.Throws<InvalidTransitionException>(() => Move(p, to));
        Assert.Equal("piece P1 RR473124829CN (copy 1)", e.Subject);
        Assert.Equal((StateNames.Of(from), StateNames.Of(to)), (e.From, e.To));
        Assert.StartsWith("piece P1 RR473124829CN (copy 1): ", e.Message);
        Assert.Equal(from, p.State);
        Assert.Equal(before, p.Events.Count);
    }

    [Fact]
    public void MessagesSayWhatIsWrongAndWhatIsAllowed()
    {
        string Message(PieceState from, PieceState to) => Assert.Throws<InvalidTransitionException>(() => Move(At(from), to)).Message;
        const string p = "piece P1 RR473124829CN (copy 1)";
        Assert.Equal($"{p}: cannot go from posted back to printed; from posted a piece goes to delivered, re-routed or returned",
            Message(PieceState.Posted, PieceState.Printed));
        Assert.Equal($"{p}: cannot go from planned to posted; from planned a piece goes to rendered", Message(PieceState.Planned, PieceState.Posted));
        Assert.Equal($"{p}: cannot go from delivered to returned: delivered is final", Message(PieceState.Delivered, PieceState.Returned));
        Assert.Equal($"{p}: cannot go from rendered to rendered: it is already rendered; from rendered a piece goes to printed or spoiled",
            Message(PieceState.Rendered, PieceState.Rendered));
        Assert.Equal($"{p}: cannot go from spoiled to planned; re-print it as a new copy (Reprint)", Message(PieceState.Spoiled, PieceState.Planned));
        Assert.Equal($"{p}: cannot go from posted to spoiled; from posted a piece goes to delivered, re-routed or returned",
            Message(PieceState.Posted, PieceState.Spoiled));
    }

    [Fact]
    public void AReturnNeedsAReasonAndARerouteAnAddress()
    {
        var p = At(PieceState.Posted);
        Assert.Equal("piece P1 RR473124829CN (copy 1): returned needs a return reason code",
            Assert.Throws<InvalidTransitionException>(() => p.Transition(PieceState.Returned, T0, "post")).Message);
        Assert.Equal("piece P1 RR473124829CN (copy 1): re-routed needs the new address; use ReRoute",
            Assert.Throws<InvalidTransitionException>(() => p.Transition(PieceState.ReRouted, T0, "post")).Message);
        Assert.Throws<InvalidTransitionException>(() => p.ReRoute(T0, "post", new Address()));
        Assert.Throws<ArgumentException>(() => p.Transition(PieceState.Delivered, T0, " "));
        Assert.Equal(PieceState.Posted, p.State);

        p.ReRoute(T0.AddDays(1), "post", NewAddress, "forwarded by the Honggutan station");
        Assert.Equal(NewAddress, p.Events[^1].NewAddress);
        Assert.True(p.WasReRouted);
        p.Return(T0.AddDays(4), "post", ReturnReasons.Default.Find("拒收")!);
        Assert.Equal("refused", p.ReturnReason);
        Assert.Equal("refused", p.Events[^1].ReturnReason);
    }

    [Fact]
    public void ASpoiledPieceIsReprintedAsANewCopyWithItsNumberAndHistory()
    {
        var p = At(PieceState.Printed);
        p.Transition(PieceState.Spoiled, T0.AddHours(5), "inserter", "jammed, sheet 2 torn");
        Assert.Empty(p.Next);
        var reprint = p.Reprint(T0.AddHours(6), "张师傅", "reprint after jam");
        Assert.True(reprint.IsReprint);
        Assert.Equal((2, PieceState.Planned, Number), (p.Copy, p.State, p.TrackingNumber!.Value));
        Assert.Equal((PieceState.Spoiled, PieceState.Planned, 2), (reprint.From, reprint.To, reprint.Copy));

        p.Transition(PieceState.Rendered, T0.AddHours(7), "renderer");
        p.Transition(PieceState.Printed, T0.AddHours(8), "print shop");
        p.Transition(PieceState.Posted, T0.AddHours(9), "print shop");
        Assert.Equal([1, 1, 1, 2, 2, 2, 2], p.Events.Select(e => e.Copy));
        Assert.Equal(
            [PieceState.Rendered, PieceState.Printed, PieceState.Spoiled, PieceState.Planned, PieceState.Rendered, PieceState.Printed, PieceState.Posted],
            p.Events.Select(e => e.To));
        Assert.Equal(T0.AddHours(7), p.When(PieceState.Rendered)); // the current copy's
        Assert.StartsWith("piece P1 RR473124829CN (copy 2): ",
            Assert.Throws<InvalidTransitionException>(() => p.Transition(PieceState.Printed, T0, "x")).Message);

        // spoiled again, and re-printed again
        var q = At(PieceState.Spoiled);
        q.Reprint(T0, "a");
        q.Transition(PieceState.Rendered, T0, "a");
        q.Transition(PieceState.Spoiled, T0, "a");
        q.Reprint(T0, "a");
        Assert.Equal(3, q.Copy);
    }

    [Fact]
    public void OnlyASpoiledPieceIsReprinted()
    {
        var e = Assert.Throws<InvalidTransitionException>(() => At(PieceState.Posted).Reprint(T0, "x"));
        Assert.Equal("piece P1 RR473124829CN (copy 1): only a spoiled piece is re-printed, this one is posted", e.Message);
    }

    [Fact]
    public void AStoredHistoryIsRestoredAndChecked()
    {
        var p = At(PieceState.Spoiled);
        p.Reprint(T0, "a");
        p.Transition(PieceState.Rendered, T0, "a");
        p.Transition(PieceState.Printed, T0, "a");
        p.Transition(PieceState.Posted, T0, "a");
        p.ReRoute(T0, "post", NewAddress);
        p.Return(T0, "post", "moved");

        var restored = PieceHistory.Restore("P1", Number, false, p.Events);
        Assert.Equal(p.Events, restored.Events);
        Assert.Equal((PieceState.Returned, 2, "moved"), (restored.State, restored.Copy, restored.ReturnReason));

        var broken = p.Events.Where((_, i) => i != 1).ToList(); // "printed" lost
        var e = Assert.Throws<InvalidTransitionException>(() => PieceHistory.Restore("P1", Number, false, broken));
        Assert.Contains("does not follow copy 1 in state rendered", e.Message);
    }

    [Fact]
    public void APieceWithoutNumberIsOrdinaryMail()
    {
        var p = new PieceHistory("P2");
        Assert.Null(p.TrackingNumber);
        Assert.Equal("piece P2 (copy 1): cannot go from planned to printed; from planned a piece goes to rendered",
            Assert.Throws<InvalidTransitionException>(() => p.Transition(PieceState.Printed, T0, "x")).Message);
    }
}
