using System.Text;
using Print.Core.Import;
using Print.Core.Production;
using Print.Core.Text;

namespace Print.Core.Tests.Production;

public class DeliveryFeedbackTests : IDisposable
{
    private readonly TempDirectory dir = new();
    public void Dispose() => dir.Dispose();

    private const string Good = """
        邮件号,事件,日期,原因代码,新地址,新邮编
        RR473124829CN,投递,2026-11-20,,,
        RR000000005CN,退回,2026/11/21,迁移新址不明,,
        RR000000080CN,改寄,20261122,,江西省南昌市红谷滩区丰和中大道1288号,330038
        RR123456785CN,退回,2026年11月23日,refused,,

        """;

    private static DeliveryFeedbackResult Parse(string csv) => DeliveryFeedback.Read(new StringReader(csv));

    private static void AssertGood(DeliveryFeedbackResult result)
    {
        Assert.Empty(result.Errors);
        Assert.Equal(
            [("RR473124829CN", PieceState.Delivered, new DateOnly(2026, 11, 20), (string?)null),
             ("RR000000005CN", PieceState.Returned, new DateOnly(2026, 11, 21), "moved"),
             ("RR000000080CN", PieceState.ReRouted, new DateOnly(2026, 11, 22), null),
             ("RR123456785CN", PieceState.Returned, new DateOnly(2026, 11, 23), "refused")],
            result.Events.Select(e => (e.TrackingNumber.ToString(), e.Kind, e.Date, e.Reason?.Code)));
        Assert.Equal([1, 2, 3, 4], result.Events.Select(e => e.Row));
        var address = result.Events[2].NewAddress!;
        Assert.Equal(("江西省南昌市红谷滩区丰和中大道1288号", "330038"), (address.Street, address.Postcode));
        Assert.Equal("邮件号", result.TrackingColumn);
    }

    [Fact]
    public void Utf8File()
    {
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Good)).ToArray();
        AssertGood(DeliveryFeedback.Read(dir.Write("feedback.csv", bom)));
    }

    [Fact]
    public void GbkFile()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = dir.Write("feedback-gbk.csv", Encoding.GetEncoding("GBK").GetBytes(Good));
        AssertGood(DeliveryFeedback.Read(path));
    }

    [Fact]
    public void EnglishHeadersAndWords()
    {
        var result = Parse("""
            Tracking Number,Event,Date,Reason Code,New Address,New Postcode,Note
            RR473124829CN,delivered,2026-11-20,,,,signed by the guard
            RR000000005CN,returned,2026-11-21,moved,,,
            RR000000080CN,re-routed,2026-11-22,,"Nanchang, Fenghe Rd 1288",,
            """);
        Assert.Empty(result.Errors);
        Assert.Equal([PieceState.Delivered, PieceState.Returned, PieceState.ReRouted], result.Events.Select(e => e.Kind));
        Assert.Equal("signed by the guard", result.Events[0].Note);
        Assert.Equal(("Nanchang, Fenghe Rd 1288", ""), (result.Events[2].NewAddress!.Street, result.Events[2].NewAddress!.Postcode));
    }

    [Fact]
    public void EachBadRowNamesRowColumnAndReason()
    {
        var result = Parse("""
            邮件号,事件,日期,原因代码,新地址,新邮编
            RR473124828CN,投递,2026-11-20,,,
            RR473124829CN,丢失,2026-11-20,,,
            RR473124829CN,退回,2026-11-20,lost,,
            RR473124829CN,退回,2026-11-20,,,
            RR473124829CN,改寄,2026-11-20,,,
            RR473124829CN,投递,2026-11-31,,,
            RR473124829CN,投递,yesterday,,,
            RR473124829CN,投递,2026-11-20,拒收,,
            RR473124829CN,改寄,2026-11-20,,八一大道357号,3300
            RR473124829CN,投递,2026-11-20,,八一大道357号,
            RR473124829CN,投递,2026-11-20,,,,x
            RR473124829CN,投递,2026-11-20,,,
            """);
        Assert.Equal(
        [
            new RowError(1, "邮件号", "RR473124828CN", "wrong check digit: serial 47312482 has check digit 9, not 8 (mistyped number?)"),
            new RowError(2, "事件", "丢失", "unknown event \"丢失\"; expected 投递 (delivered), 改寄 (re-routed) or 退回 (returned)"),
            new RowError(3, "原因代码", "lost", $"unknown reason code \"lost\"; the reasons are {ReturnReasons.Default.CodeList}"),
            new RowError(4, "原因代码", "", "returned without a reason code"),
            new RowError(5, "新地址", "", "re-routed without the new address"),
            new RowError(6, "日期", "2026-11-31", "no such date: month 11 has no day 31"),
            new RowError(7, "日期", "yesterday", "not a date (write 2026-11-18, 2026/11/18, 20261118 or 2026年11月18日)"),
            new RowError(8, "原因代码", "拒收", "a delivered piece has no return reason"),
            new RowError(9, "新邮编", "3300", "a postcode has exactly 6 digits"),
            new RowError(10, "新地址", "八一****", "a new address only goes with 改寄 (re-routed)"),
            new RowError(11, "", "", "the row has 7 fields, the header only 6 columns (an unquoted comma?)"),
        ], result.Errors);
        Assert.Equal(12, Assert.Single(result.Events).Row);
    }

    [Fact]
    public void UnknownTrackingNumbersAreReportedNotIgnored()
    {
        var result = Parse(Good);
        Assert.Equal(4, result.TrackingNumbers.Count);
        var known = new HashSet<TrackingNumber> { TrackingNumber.Parse("RR473124829CN"), TrackingNumber.Parse("RR123456785CN") };
        Assert.Equal(
        [
            new RowError(2, "邮件号", "RR000000005CN", "unknown tracking number: no piece of ours carries it"),
            new RowError(3, "邮件号", "RR000000080CN", "unknown tracking number: no piece of ours carries it"),
        ], result.UnknownTrackingNumbers(known.Contains));
    }

    [Fact]
    public void HeaderMistakesStopTheFile()
    {
        var e = Assert.Throws<InvalidFileException>(() => Parse("邮件号,状况,日期,日期\r\nRR473124829CN,投递,2026-11-20,2026-11-20\r\n"));
        Assert.Equal("header row", e.FileName);
        Assert.Equal(3, e.Errors.Count);
        Assert.StartsWith("column 2 \"状况\" is not a known header; the columns are 邮件号 (tracking_number), 事件 (event)", e.Errors[0]);
        Assert.Equal("columns 3 \"日期\" and 4 \"日期\" both mean date", e.Errors[1]);
        Assert.Equal("required column 事件 (event) is missing", e.Errors[2]);
        Assert.Equal(["the file is empty: no header row"], Assert.Throws<InvalidFileException>(() => Parse("")).Errors);
    }

    [Fact]
    public void EventsApplyToTheirPiecesOnceOnly()
    {
        var posted = new DateTimeOffset(2026, 11, 18, 16, 0, 0, DeliveryEvent.ChinaOffset);
        PieceHistory Posted(string number)
        {
            var p = new PieceHistory("P-" + number, TrackingNumber.Parse(number));
            p.Transition(PieceState.Rendered, posted, "a");
            p.Transition(PieceState.Printed, posted, "a");
            p.Transition(PieceState.Posted, posted, "a");
            return p;
        }
        var result = Parse(Good);
        var pieces = result.TrackingNumbers.ToDictionary(n => n, n => Posted(n.ToString()));
        foreach (var e in result.Events) Assert.True(e.ApplyTo(pieces[e.TrackingNumber], "feedback.csv"));
        foreach (var e in result.Events) Assert.False(e.ApplyTo(pieces[e.TrackingNumber], "feedback.csv")); // the same file again

        var delivered = pieces[TrackingNumber.Parse("RR473124829CN")];
        Assert.Equal(PieceState.Delivered, delivered.State);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8)), delivered.When(PieceState.Delivered));
        Assert.Equal("feedback.csv", delivered.Events[^1].Actor);
        Assert.Equal("moved", pieces[TrackingNumber.Parse("RR000000005CN")].ReturnReason);
        Assert.Equal("330038", pieces[TrackingNumber.Parse("RR000000080CN")].Events[^1].NewAddress!.Postcode);

        var later = Parse("邮件号,事件,日期,原因代码\nRR473124829CN,退回,2026-11-25,拒收\n").Events[0];
        Assert.Throws<InvalidTransitionException>(() => later.ApplyTo(delivered, "later.csv"));
        Assert.Throws<ArgumentException>(() => later.ApplyTo(pieces[TrackingNumber.Parse("RR123456785CN")], "x"));
    }
}
