using Print.Core.Production;

namespace Print.Core.Tests.Production;

public class PresortAndSplitTests
{
    private static BatchPiece P(string id, string postcode = "330000", int sheets = 1, string? customer = null) =>
        new(id, customer ?? "C" + id, postcode, sheets);

    private static BatchPiece Seed(string id) => new(id, "staff", "330006", 1, IsSeed: true);

    [Fact]
    public void ByPostcodeThenCustomerThenPiece()
    {
        var sorted = Presort.Order([P("a", "341000"), P("b", "330038", customer: "C9"), P("c", ""), P("d", "330038", customer: "C1"), P("e", "100000"), P("f", "330038", customer: "C1")]);
        Assert.Equal(["e", "d", "f", "b", "a", "c"], sorted.Select(p => p.PieceId)); // no postcode last
    }

    [Fact]
    public void SeedsAtTheStartTheEndAndEvenlyBetween()
    {
        var pieces = Enumerable.Range(1, 10).Select(i => P($"p{i:D2}")).ToList();
        Assert.Equal(["s1", "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "s2"],
            Presort.WithSeeds(pieces, [Seed("s1"), Seed("s2")]).Select(p => p.PieceId));
        Assert.Equal(["s1", "p01", "p02", "p03", "p04", "p05", "s2", "p06", "p07", "p08", "p09", "p10", "s3"],
            Presort.WithSeeds(pieces, [Seed("s1"), Seed("s2"), Seed("s3")]).Select(p => p.PieceId));
        Assert.Equal(["s1", "p01"], Presort.WithSeeds(pieces.Take(1).ToList(), [Seed("s1")]).Select(p => p.PieceId));
        Assert.Equal(["s1", "s2"], Presort.WithSeeds([], [Seed("s1"), Seed("s2")]).Select(p => p.PieceId));
        Assert.Same(pieces, Presort.WithSeeds(pieces, []));
        Assert.True(Presort.WithSeeds(pieces, [new BatchPiece("s", "staff", "330006", 1)])[0].IsSeed); // flagged
    }

    [Fact]
    public void SplitByPieces()
    {
        var files = BatchSplitter.Split([.. Enumerable.Range(1, 7).Select(i => P($"p{i}"))], new SplitLimits(MaxPieces: 3));
        Assert.Equal([3, 3, 1], files.Select(f => f.Pieces.Count));
        Assert.Equal([1, 2, 3], files.Select(f => f.Number));
        Assert.Equal("p4", files[1].Pieces[0].PieceId);
    }

    [Fact]
    public void APieceWhoseSheetsWouldExceedTheLimitStartsANewFile()
    {
        // 10 sheets a file: 4 + 6 fill the first exactly; 3 + 5 = 8 fit; 3 more would make 11, so a new file.
        var files = BatchSplitter.Split([P("a", sheets: 4), P("b", sheets: 6), P("c", sheets: 3), P("d", sheets: 5), P("e", sheets: 3), P("f", sheets: 10)],
            new SplitLimits(MaxSheets: 10));
        Assert.Equal([["a", "b"], ["c", "d"], ["e"], ["f"]], files.Select(f => f.Pieces.Select(p => p.PieceId).ToArray()));
        Assert.Equal([10, 8, 3, 10], files.Select(f => f.Sheets));
    }

    [Fact]
    public void BothLimitsAtOnceAndNone()
    {
        var pieces = new[] { P("a", sheets: 2), P("b", sheets: 2), P("c", sheets: 1), P("d", sheets: 5) };
        Assert.Equal([2, 1, 1], BatchSplitter.Split(pieces, new SplitLimits(MaxPieces: 2, MaxSheets: 5)).Select(f => f.Pieces.Count));
        Assert.Equal(4, Assert.Single(BatchSplitter.Split(pieces, SplitLimits.None)).Pieces.Count);
        Assert.Empty(BatchSplitter.Split([], new SplitLimits(MaxPieces: 2)));
    }

    [Fact]
    public void APieceLargerThanAWholeFileIsAnError()
    {
        var e = Assert.Throws<ArgumentException>(() => BatchSplitter.Split([P("a"), P("big", sheets: 12)], new SplitLimits(MaxSheets: 10)));
        Assert.StartsWith("piece big has 12 sheets, more than a whole file may hold (10); raise the sheet limit", e.Message);
        Assert.Throws<ArgumentException>(() => BatchSplitter.Split([P("none", sheets: 0)], SplitLimits.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchSplitter.Split([P("a")], new SplitLimits(MaxPieces: 0)));
    }

    [Fact]
    public void PlanPresortsSpreadsSeedsAndSplits()
    {
        var files = BatchSplitter.Plan([P("x", "341000"), P("y", "100000"), P("z", "330038")], [Seed("s1"), Seed("s2")], new SplitLimits(MaxPieces: 3));
        Assert.Equal([["s1", "y", "z"], ["x", "s2"]], files.Select(f => f.Pieces.Select(p => p.PieceId).ToArray()));
        Assert.Throws<ArgumentException>(() => BatchSplitter.Plan([Seed("s1")], [], SplitLimits.None));
    }
}
