using Print.Core.Campaigns;
using Print.Server.Cli;

namespace Print.Store.Tests.Production;

/// <summary><c>print batch …</c> end to end on a store prepared through the stores and then closed.</summary>
public class BatchCliTests : IDisposable
{
    private readonly ProductionWorld world = new();
    public void Dispose() => world.Dispose();

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Commands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string RangesFile(long last = 47399999, int lowWater = 3) =>
        world.Dir.Write("ranges.json", $$"""{ "ranges": [ { "id": "nanchang-2026-rr", "prefix": "RR", "first": 47300000, "last": {{last}}, "low_water": {{lowWater}} } ] }""");

    /// <summary>Two thank-you letters (registered) and a birthday card, handed off on 2026-11-25; the store closed.</summary>
    private void Due()
    {
        world.Person("C001", postcode: "330200", name: "张伟");
        world.Person("C002", postcode: "330006", name: "王芳");
        var bad = world.Person("C003");
        bad.Addresses.MarkBad("原址查无此人", new DateOnly(2026, 11, 20));
        world.Customers.Upsert(bad);
        world.Record(ProductionWorld.Mail(Triggers.ThankYou, "C001"), ProductionWorld.Mail(Triggers.ThankYou, "C002"),
            ProductionWorld.Mail(Triggers.Birthday, "C001", key: "2026"), ProductionWorld.Mail(Triggers.ThankYou, "C003"));
        world.Database.Dispose();
    }

    private string[] Common => ["--db", world.DbPath, "--templates", world.TemplatesRoot];

    [Fact]
    public void CreatePrintsTheBatchIdsOnePerLineAndTheRestOnStderr()
    {
        Due();

        var (code, output, error) = Run(["batch", "create", "--date", "2026-11-25", "--ranges", RangesFile(47300003), "--by", "陈操作员", .. Common]);

        Assert.Equal(0, code);
        Assert.Equal("B20261125-01\nB20261125-02\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("warning: tracking range nanchang-2026-rr is running low: 2 numbers left (warning below 3)", error);
        Assert.Contains("skipped thank-you/K1/C003: customer C003 cannot be mailed: the address was marked bad on 2026-11-20: 原址查无此人", error);
        Assert.Contains("work order W20261125-01: 3 pieces in 2 batches, 1 skipped", error);
        foreach (var personal in new[] { "张伟", "王芳", "八一大道", "13870651234" }) Assert.DoesNotContain(personal, output + error);

        (code, output, error) = Run(["batch", "create", "--date", "2026-11-25", "--ranges", RangesFile(), .. Common]);
        Assert.Equal((0, ""), (code, output));
        Assert.Contains("nothing due for production on 2026-11-25", error);
    }

    [Fact]
    public void AnExhaustedRangeExitsOneAndStoresNothing()
    {
        Due();

        var (code, output, error) = Run(["batch", "create", "--date", "2026-11-25", "--ranges", RangesFile(47300000, lowWater: 0), .. Common]);

        Assert.Equal((1, ""), (code, output));
        Assert.Equal("error: tracking range nanchang-2026-rr cannot number the batch: 2 numbers needed, only 1 left; add a new range from the post office", error.Trim());
        (code, _, error) = Run(["batch", "status", "B20261125-01", .. Common]);
        Assert.Equal((1, "error: no batch B20261125-01"), (code, error.Trim()));
    }

    [Fact]
    public void StatusApprovePrintedPostedAndFeedbackThroughTheCli()
    {
        Due();
        Run(["batch", "create", "--date", "2026-11-25", "--ranges", RangesFile(), .. Common]);

        var (code, _, error) = Run(["batch", "approve", "B20261125-02", "--by", "李经理", .. Common]);
        Assert.Equal(1, code);
        Assert.Equal("error: batch B20261125-02: cannot go from created to approved; from created a batch goes to rendering", error.Trim());

        world.Open();
        world.Render("B20261125-02");
        var numbers = world.Production.PiecesOf("B20261125-02").Select(p => p.TrackingNumber.ToString()).ToList();
        world.Database.Dispose();

        (code, var output, _) = Run(["batch", "approve", "B20261125-02", "--by", "李经理", .. Common]);
        Assert.Equal(0, code);
        Assert.StartsWith("batch B20261125-02: approved by 李经理 at ", output);
        (code, output, _) = Run(["batch", "printed", "B20261125-02", .. Common]);
        Assert.Equal((0, "batch B20261125-02: printed; pieces: printed 2"), (code, output.Trim()));
        (code, output, _) = Run(["batch", "posted", "B20261125-02", "--by", "王师傅", .. Common]);
        Assert.Equal((0, "batch B20261125-02: posted; pieces: posted 2"), (code, output.Trim()));

        var feedback = world.Dir.Write("feedback-1127.csv", "邮件号,事件,日期,原因代码,新地址,新邮编\n"
            + $"{numbers[0]},投递,2026-11-27,,,\nRR473124829CN,投递,2026-11-27,,,\n{numbers[1]},退回,2026-11-28,迁移新址不明,,\n");
        (code, output, error) = Run(["batch", "feedback", feedback, "--db", world.DbPath]);
        Assert.Equal(0, code);
        Assert.Equal("feedback-1127.csv: 3 rows: 2 recorded, 0 already recorded, 1 unknown tracking number, 0 refused, 0 bad; addresses: 0 corrected, 1 marked bad, 1 verified; 1 redelivery queued", output.Trim());
        Assert.Equal(["feedback-1127.csv: 2 of 2 events stored", $"{feedback}: row 2, 邮件号: unknown tracking number: no piece of ours carries it"],
            error.Trim().Split('\n'));
        (_, output, _) = Run(["batch", "feedback", feedback, "--db", world.DbPath]);
        Assert.StartsWith("feedback-1127.csv: 3 rows: 0 recorded, 2 already recorded", output);

        (code, output, _) = Run(["batch", "status", "B20261125-02", .. Common]);
        Assert.Equal(0, code);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("batch B20261125-02: posted", lines[0]);
        Assert.Equal("kind: thank-you+survey, registered, paper A4, envelope DL", lines[1]);
        Assert.Contains("+08:00 renderer: created → rendering", output);
        Assert.Contains("李经理: rendered → approved", output);
        Assert.Contains("王师傅: printed → posted", output);
        Assert.Contains("pieces: delivered 1, returned 1", output);
        Assert.Contains("  delivery rate 50.0% (1 of 2 posted)", output);
        Assert.Contains("  returned by reason: moved 1", output);
        foreach (var personal in new[] { "张伟", "王芳", "八一大道" }) Assert.DoesNotContain(personal, output);

        (code, output, _) = Run(["batch", "kpis", "--campaign", "thank-you", .. Common]);
        Assert.Equal(0, code);
        Assert.Equal(["thank-you:", "  pieces 2, posted 2, delivered 1, returned 1, re-routed 0, in transit 0, re-prints 0",
            "  delivery rate 50.0% (1 of 2 posted)", "  returned by reason: moved 1"], output.TrimEnd().ReplaceLineEndings("\n").Split('\n'));
        Assert.Equal(2, Run(["batch", "kpis", "--campaign", "thankyou", .. Common]).Code);
    }

    [Fact]
    public void AnUnreadableFeedbackFileExitsOneAndABadCommandTwo()
    {
        Due();
        var bad = world.Dir.Write("bad.csv", "邮件号,颜色\nRR473124829CN,红\n");

        var (code, _, error) = Run(["batch", "feedback", bad, "--db", world.DbPath]);
        Assert.Equal(1, code);
        Assert.Contains($"error: {bad}: header row: column 2 \"颜色\" is not a known header", error);

        (code, _, error) = Run(["batch", "explode", "--db", world.DbPath]);
        Assert.Equal(2, code);
        Assert.StartsWith("print: unknown batch command 'explode'", error);
        (code, _, error) = Run(["batch", "approve", "B1", .. Common]);
        Assert.Equal(2, code);
        Assert.StartsWith("print: batch approve needs the approver: --by NAME", error);
    }

    [Fact]
    public void ASeedAddresseeReportsTheSeedReceivedAndACustomerPieceIsRefused()
    {
        Due();
        var seeds = world.Dir.Write("production.json", """{ "seeds": [ { "name": "质检甲", "city": "南昌市", "street": "北京西路1号", "postcode": "330046" } ] }""");
        var (code, output, _) = Run(["batch", "create", "--date", "2026-11-25", "--ranges", RangesFile(), "--production", seeds, .. Common]);
        Assert.Equal(0, code);
        var birthday = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]; // the ordinary batch: greeting cards
        world.Open();
        world.Render(birthday);
        var pieces = world.Production.PiecesOf(birthday);
        world.Database.Dispose();
        var seed = pieces.First(p => p.IsSeed).Id;
        var customer = pieces.First(p => !p.IsSeed).Id;
        Assert.Equal(0, Run(["batch", "approve", birthday, "--by", "李经理", .. Common]).Code);
        Assert.Equal(0, Run(["batch", "printed", birthday, .. Common]).Code);
        Assert.Equal(0, Run(["batch", "posted", birthday, .. Common]).Code);

        (code, output, var error) = Run(["batch", "received", seed, "--by", "质检甲", .. Common]);
        Assert.Equal((0, ""), (code, error));
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        world.Open();
        var posted = world.Production.FindPiece(seed)!.History.When(Print.Core.Production.PieceState.Posted)!.Value;
        world.Database.Dispose();
        int days = today.DayNumber - DateOnly.FromDateTime(posted.ToOffset(TimeSpan.FromHours(8)).DateTime).DayNumber;
        Assert.Equal($"piece {seed}: received on {today:yyyy-MM-dd}, {days} day{(days == 1 ? "" : "s")} after posting", output.Trim());
        (_, output, _) = Run(["batch", "received", seed, "--date", today.ToString("yyyy-MM-dd"), .. Common]);
        Assert.StartsWith($"piece {seed}: already recorded as received on {today:yyyy-MM-dd}", output);

        (code, output, error) = Run(["batch", "received", customer, .. Common]);
        Assert.Equal((1, ""), (code, output));
        Assert.Equal($"error: piece {customer} is not a seed piece: a customer's piece is delivered through the post office's feedback", error.Trim());
        (code, _, error) = Run(["batch", "received", seed, "--date", "2026-11-31", .. Common]);
        Assert.Equal(2, code);
        Assert.Contains("--date must be a day as YYYY-MM-DD, not '2026-11-31'", error);
    }
}
