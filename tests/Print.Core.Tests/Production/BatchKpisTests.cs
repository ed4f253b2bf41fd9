using Print.Core.Customers;
using Print.Core.Production;

namespace Print.Core.Tests.Production;

public class BatchKpisTests
{
    private static readonly DateTimeOffset Posted = new(2026, 11, 18, 16, 30, 0, TimeSpan.FromHours(8));
    private static int serial;

    private static PieceHistory Piece(PieceState until, bool seed = false, string? reason = null, int deliveredAfterDays = 2, bool reRouted = false, bool spoiledOnce = false)
    {
        var p = new PieceHistory($"P{++serial}", TrackingNumber.Create("RR", serial, "CN"), seed);
        p.Transition(PieceState.Rendered, Posted.AddHours(-8), "r");
        if (spoiledOnce)
        {
            p.Transition(PieceState.Spoiled, Posted.AddHours(-6), "inserter");
            p.Reprint(Posted.AddHours(-5), "op");
            p.Transition(PieceState.Rendered, Posted.AddHours(-4), "r");
        }
        if (until == PieceState.Rendered) return p;
        p.Transition(PieceState.Printed, Posted.AddHours(-2), "shop");
        if (until == PieceState.Printed) return p;
        p.Transition(PieceState.Posted, Posted, "shop");
        if (reRouted) p.ReRoute(Posted.AddDays(1), "post", new Address { Street = "新址", Postcode = "330038" });
        if (until == PieceState.Delivered) p.Transition(PieceState.Delivered, new DateTimeOffset(Posted.Date.AddDays(deliveredAfterDays), TimeSpan.FromHours(8)), "post");
        if (until == PieceState.Returned) p.Return(Posted.AddDays(5), "post", reason!);
        return p;
    }

    [Fact]
    public void TheFiguresOfABatch()
    {
        var pieces = new List<PieceHistory>
        {
            Piece(PieceState.Delivered), Piece(PieceState.Delivered), Piece(PieceState.Delivered, reRouted: true), Piece(PieceState.Delivered, spoiledOnce: true),
            Piece(PieceState.Returned, reason: "moved"), Piece(PieceState.Returned, reason: "refused"), Piece(PieceState.Returned, reason: "moved", reRouted: true),
            Piece(PieceState.Posted), Piece(PieceState.Posted, reRouted: true),
            Piece(PieceState.Printed), Piece(PieceState.Rendered),
            Piece(PieceState.Delivered, seed: true, deliveredAfterDays: 2), Piece(PieceState.Delivered, seed: true, deliveredAfterDays: 3), Piece(PieceState.Posted, seed: true),
        };
        var k = BatchKpis.Compute(pieces);
        Assert.Equal(11, k.Pieces);      // seeds apart
        Assert.Equal(9, k.Posted);
        Assert.Equal(4, k.Delivered);
        Assert.Equal(3, k.Returned);
        Assert.Equal([KeyValuePair.Create("moved", 2), KeyValuePair.Create("refused", 1)], k.ReturnedByReason);
        Assert.Equal(3, k.ReRouted);     // ever re-routed: one delivered, one returned, one still on its way
        Assert.Equal(2, k.InTransit);
        Assert.Equal(1, k.Reprints);
        Assert.Equal(4.0 / 9, k.DeliveryRate);

        Assert.Equal(3, k.Seeds.Count);
        Assert.Equal([2, 3, null], k.Seeds.Select(s => s.Days));
        Assert.Equal(new DateOnly(2026, 11, 18), k.Seeds[0].PostedOn);
        Assert.Equal(new DateOnly(2026, 11, 20), k.Seeds[0].DeliveredOn);
        Assert.Equal(2.5, k.SeedAverageDays);
        Assert.Equal(3, k.SeedMaxDays);
    }

    [Fact]
    public void NothingPostedHasNoRate()
    {
        var k = BatchKpis.Compute([Piece(PieceState.Printed)]);
        Assert.Equal((1, 0), (k.Pieces, k.Posted));
        Assert.Null(k.DeliveryRate);
        Assert.Null(k.SeedAverageDays);
        Assert.Null(k.SeedMaxDays);
        Assert.Empty(k.ReturnedByReason);
    }

    [Fact]
    public void ACampaignIsTheSumOfItsBatches()
    {
        var batch1 = new[] { Piece(PieceState.Delivered), Piece(PieceState.Returned, reason: "moved") };
        var batch2 = new[] { Piece(PieceState.Delivered), Piece(PieceState.Posted), Piece(PieceState.Returned, reason: "moved") };
        var k1 = BatchKpis.Compute(batch1);
        var k2 = BatchKpis.Compute(batch2);
        var campaign = BatchKpis.Compute(batch1.Concat(batch2));
        Assert.Equal(k1.Pieces + k2.Pieces, campaign.Pieces);
        Assert.Equal(k1.Delivered + k2.Delivered, campaign.Delivered);
        Assert.Equal([KeyValuePair.Create("moved", 2)], campaign.ReturnedByReason);
        Assert.Equal(2.0 / 5, campaign.DeliveryRate);
    }
}
