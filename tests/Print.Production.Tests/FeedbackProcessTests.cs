using System.Diagnostics;
using System.Text;
using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Server.Cli;
using Print.Store.LiteDb;

namespace Print.Production.Tests;

/// <summary>The <c>print</c> executable killed while it applies the post office's feedback, then run again.</summary>
public class FeedbackProcessTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private const int Pieces = 8_000;

    /// <summary>Every third piece came back (moved, new address unknown: the address is bad); the others were delivered.</summary>
    private static bool Returned(int i) => i % 3 == 0;

    [Fact]
    public void AFeedbackImportKilledMidwayIsCompletedByRunningItAgainWithEveryEventOnce()
    {
        var db = dir.File("print.db");
        BatchFixture.Create(db, Pieces, ["thank-you"], MailClass.Registered, new SplitLimits(MaxPieces: 5000));
        Post(db);
        var csv = new StringBuilder("邮件号,事件,日期,原因代码,新地址,新邮编\n");
        for (int i = 1; i <= Pieces; i++)
            csv.Append(BatchFixture.Tracking(i)).Append(Returned(i) ? ",退回,2026-11-28,迁移新址不明,,\n" : ",投递,2026-11-27,,,\n");
        var feedback = dir.Write("feedback.csv", csv.ToString());

        StartAndKill(db, feedback);

        var output = new StringWriter();
        Assert.Equal(0, Commands.Run(["batch", "feedback", feedback, "--db", db], output, new StringWriter()));
        var summary = output.ToString();
        // The killed run stored whole chunks of events (500 each) with their address changes; this one the rest.
        var counts = System.Text.RegularExpressions.Regex.Match(summary,
            @$"^feedback.csv: {Pieces} rows: (\d+) recorded, (\d+) already recorded, 0 unknown tracking numbers, 0 refused, 0 bad");
        Assert.True(counts.Success, summary);
        int recorded = int.Parse(counts.Groups[1].Value), already = int.Parse(counts.Groups[2].Value);
        Assert.Equal(Pieces, recorded + already);
        Assert.True(already > 0 && already % 500 == 0 && recorded > 0, summary);

        using var database = new PrintDatabase(db);
        var production = new LiteDbProductionStore(database);
        var customers = new LiteDbCustomerStore(database);
        var pieces = production.PiecesOf(BatchFixture.BatchId);
        Assert.Equal(Pieces, pieces.Count);
        foreach (var piece in pieces)
        {
            int i = piece.Sequence;
            var expected = Returned(i) ? PieceState.Returned : PieceState.Delivered;
            Assert.Equal(expected, piece.History.State);
            Assert.Single(piece.History.Events, e => e.To == expected);
        }
        var returned = Enumerable.Range(1, Pieces).Where(Returned).ToList();
        Assert.Equal(returned.Select(i => $"{BatchFixture.BatchId}-{i:00000}").Order(StringComparer.Ordinal),
            production.WaitingRedeliveries().Select(r => r.PieceId).Order(StringComparer.Ordinal));
        foreach (int i in new[] { 3, 4, Pieces / 2, Pieces - 1, Pieces })
        {
            var current = customers.FindCustomer($"C{i:000000}")!.Addresses.Current!;
            Assert.Equal(Returned(i) ? AddressStatus.Bad : AddressStatus.Current, current.Status);
        }
    }

    /// <summary>
    /// Rendered, printed and posted, as the print shop reports them; and each customer's current address the one
    /// the piece went to (customer service took the fixture's newer one back), so a return marks it bad.
    /// </summary>
    private static void Post(string db)
    {
        using var database = new PrintDatabase(db);
        var customers = new LiteDbCustomerStore(database);
        var people = customers.Page(null, Pieces).Select(r => r.Customer).ToList();
        foreach (var c in people) c.Addresses.Correct(BatchFixture.SnapshotAddress(int.Parse(c.Id[1..])), AddressSource.CustomerService, new DateOnly(2026, 11, 25));
        customers.Save(people, []);
        var production = new LiteDbProductionStore(database);
        var batch = production.FindBatch(BatchFixture.BatchId)!;
        var pieces = production.PiecesOf(BatchFixture.BatchId);
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));
        foreach (var piece in pieces)
            foreach (var state in new[] { PieceState.Rendered, PieceState.Printed, PieceState.Posted })
                piece.History.Transition(state, at, "test");
        production.Update(batch, pieces);
    }

    /// <summary>
    /// Runs <c>print batch feedback</c> in a child process and kills it as soon as it reports its first chunk
    /// stored; returns whether it was killed before it finished.
    /// </summary>
    private static void StartAndKill(string db, string feedback)
    {
        using var process = PrintProcess.Start(["batch", "feedback", feedback, "--db", db]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new StringBuilder();
        var clock = Stopwatch.StartNew();
        bool killed = false;
        while (!killed && process.StandardError.ReadLine() is { } line)
        {
            stderr.AppendLine(line);
            if (line.StartsWith($"feedback.csv: 500 of {Pieces} events stored", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                killed = true;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"no chunk stored within a minute:\n{stderr}");
        }
        process.WaitForExit();
        Assert.True(killed, $"the feedback import ended before it could be killed:\n{stderr}\n{stdout.Result}");
    }
}
