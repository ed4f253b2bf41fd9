using Print.Server.Cli;
using Print.Store.Samples;

namespace Print.Store.Tests.Campaigns;

/// <summary><c>print plan</c> on the demo customers, through the same entry point as the executable.</summary>
public class PlanCommandTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private static readonly DateOnly Day = new(2026, 11, 25);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Commands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string ImportDemo()
    {
        var db = dir.File("print.db");
        var csv = dir.File("demo.csv");
        DemoCustomers.Write(csv, 600, Day);
        Assert.Equal(0, Run("import", "customers", csv, "--db", db).Code);
        return db;
    }

    [Fact]
    public void EachLineIsDateTriggerSegmentChannelCountAndTheLastSaysWhatWasRecorded()
    {
        var db = ImportDemo();

        var (code, output, _) = Run("plan", "--date", "2026-11-20", "--days", "3", "--db", db);

        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.Matches(@"^recorded (\d+) communications \(0 already existed\)$", lines[^1]);
        int recorded = int.Parse(System.Text.RegularExpressions.Regex.Match(lines[^1], @"\d+").Value);
        var counts = lines[..^1].Select(l => l.Split('\t')).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, f =>
        {
            Assert.Equal(5, f.Length);
            Assert.Matches(@"^2026-11-2[0-2]$", f[0]);
            Assert.Contains(f[1], new[] { "thank-you", "proposal", "birthday", "holiday", "invitation", "magazine" });
            Assert.Contains(f[2], new[] { "high-value", "risk", "opportunity", "low-value", "unsegmented" });
            Assert.Contains(f[3], new[] { "mail", "sms", "email", "phone", "dropped" });
            Assert.True(int.Parse(f[4]) > 0);
        });
        Assert.Equal(recorded, counts.Sum(f => int.Parse(f[4])));

        var again = Run("plan", "--date", "2026-11-20", "--days", "3", "--db", db);
        Assert.EndsWith($"recorded 0 communications ({recorded} already existed){Environment.NewLine}", again.Out);
    }

    [Fact]
    public void ADryRunPrintsTheSameLinesAndRecordsNothing()
    {
        var db = ImportDemo();

        var dry = Run("plan", "--date", "2026-11-26", "--dry-run", "--db", db);
        var real = Run("plan", "--date", "2026-11-26", "--db", db);

        Assert.Equal(0, dry.Code);
        static string[] Counts(string text) => text.TrimEnd().Split(Environment.NewLine)[..^1];
        Assert.Equal(Counts(real.Out), Counts(dry.Out));
        Assert.StartsWith("dry run: would record", dry.Out.TrimEnd().Split(Environment.NewLine)[^1]);
        Assert.DoesNotContain("(0 already existed)", Run("plan", "--date", "2026-11-26", "--db", db).Out);
    }

    [Theory]
    [InlineData("2026-13-01", "--date must be a day as YYYY-MM-DD, not '2026-13-01'")]
    [InlineData("26.11.2026", "--date must be a day as YYYY-MM-DD")]
    public void ABadDateIsAUsageError(string date, string message)
    {
        var (code, _, error) = Run("plan", "--date", date, "--db", dir.File("print.db"));
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void AWrongCampaignFileNamesTheFileAndThePlace()
    {
        var file = dir.Write("campaign.json", """{ "triggers": { "thank-you": { "days_after_start": -7 } }, "colour": "red" }""");

        var (code, _, error) = Run("plan", "--date", "2026-11-26", "--campaign", file, "--db", dir.File("print.db"));

        Assert.Equal(1, code);
        Assert.Contains(file, error);
        Assert.Contains("$.colour", error);
        Assert.Contains("days_after_start", error);
    }
}
