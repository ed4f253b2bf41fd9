using System.Text.RegularExpressions;
using Print.Server.Cli;

namespace Print.Store.Tests;

/// <summary>
/// <c>print segment</c> as an operator runs it, in a process of its own: it restarts itself in place with a larger
/// young generation (<see cref="Print.Store.YoungGeneration"/>) unless the operator chose one.
/// </summary>
public class SegmentCommandProcessTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    [Fact]
    public void SegmentRestartsWithALargerYoungGenerationAndTheSameArgumentsUnlessTheOperatorChoseOne()
    {
        // A path with a space and Chinese characters: the arguments must reach the restarted runtime as given.
        var db = dir.File("客户 库/print.db");
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(30)));
        Assert.Equal(0, Commands.Run(["import", "customers", file, "--db", db], new StringWriter(), new StringWriter()));

        var restarted = Segment(db, operatorsChoice: null);
        var chosen = Segment(db, operatorsChoice: "0x2000000"); // 32 MB

        foreach (var run in new[] { restarted, chosen })
        {
            Assert.Equal(0, run.ExitCode);
            var counts = run.Stdout.Split('\n').Where(l => l.Split('\t') is [_, var n] && int.TryParse(n, out _));
            Assert.Equal(30, counts.Sum(l => int.Parse(l.Split('\t')[1])));
            Assert.EndsWith(", DOTNET_GCgen0size)", run.Stderr.TrimEnd());
        }
        Assert.InRange(restarted.BudgetMb, 64, 256);
        Assert.True(chosen.BudgetMb < restarted.BudgetMb, $"the operator's 32 MB was replaced: {chosen.Stderr}");
        // The replaced runtime's socket for diagnostic tools is gone; the new one removed its own on exit.
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{restarted.Pid}-*-socket"));
    }

    private static (int ExitCode, string Stdout, string Stderr, int BudgetMb, int Pid) Segment(string db, string? operatorsChoice)
    {
        // The child starts without either name .NET reads the young generation from, unless the operator's is given.
        using var process = PrintProcess.Start(["segment", "--db", db], new Dictionary<string, string?>
        {
            ["DOTNET_GCgen0size"] = operatorsChoice,
            ["COMPlus_GCgen0size"] = null,
        });
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "print segment did not finish within a minute");
        var summary = Regex.Match(stderr.Result, @"^segmented 30 customers in \d+\.\d s, \d+ records saved \(young generation up to (\d+) MB", RegexOptions.Multiline);
        Assert.True(summary.Success, $"no summary line on stderr:\n{stderr.Result}");
        return (process.ExitCode, stdout.Result, stderr.Result, int.Parse(summary.Groups[1].Value), process.Id);
    }
}
