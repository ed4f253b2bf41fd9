using System.Diagnostics;
using System.Text;
using Print.Server.Cli;
using Print.Store.LiteDb;

namespace Print.Store.Tests;

/// <summary>The <c>print</c> executable killed in the middle of an import, as an operator's Ctrl-C or the OOM killer would.</summary>
public class ProcessTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private const int Customers = 12_000; // two rows each, the second far from the first: 24,000 rows

    [Fact]
    public void AnImportKilledMidwayLeavesOnlyWholeCustomersAndRunningItAgainGivesTheUninterruptedStore()
    {
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(Customers)));
        var expected = Import(dir.File("complete/print.db"), file);

        var db = dir.File("killed/print.db");
        var (killedAfter, stderr) = StartAndKill(file, db);

        using (var store = new LiteDbCustomerStore(db))
        {
            Assert.InRange(store.CustomerCount, killedAfter, Customers - 1); // at least what it reported, not everything
            Assert.Equal(store.CustomerCount * 2, store.PolicyCount);
            // Every stored customer and policy is exactly as the uninterrupted import stores it: no half-written one.
            var complete = expected.ToHashSet();
            Assert.All(store.Dump(), d => Assert.Contains(d, complete));
            Assert.All(store.CustomerIds(), id => Assert.Equal(2, store.PoliciesOf(id).Count));
        }

        var again = Import(db, file);
        Assert.Equal(expected, again);
        Assert.DoesNotContain(Directory.EnumerateDirectories(dir.File("killed")), d => Path.GetFileName(d).StartsWith("print-import-"));
        Assert.DoesNotContain("imported", stderr);
    }

    private IReadOnlyList<string> Import(string db, string file)
    {
        var output = new StringWriter();
        Assert.Equal(0, Commands.Run(["import", "customers", file, "--db", db], output, new StringWriter()));
        Assert.StartsWith($"imported {Customers} customers, {Customers * 2} policies; rejected 0 rows", output.ToString());
        using var store = new LiteDbCustomerStore(db);
        return store.Dump();
    }

    /// <summary>Runs <c>print import customers</c> in a child process and kills it once it reports a stored chunk.</summary>
    private static (int CustomersReported, string Stderr) StartAndKill(string file, string db)
    {
        using var process = PrintProcess.Start(["import", "customers", file, "--db", db, "--progress-every", "2000"]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new StringBuilder();
        var clock = Stopwatch.StartNew();
        int reported = -1;
        while (reported < 0 && process.StandardError.ReadLine() is { } line)
        {
            stderr.AppendLine(line);
            // "FILE: stored 4,000 of 24,000 rows (2,000 customers)": that chunk is committed.
            if (line.Contains(": stored ", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                reported = int.Parse(line[(line.LastIndexOf('(') + 1)..line.LastIndexOf(" customers", StringComparison.Ordinal)].Replace(",", ""));
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"no progress line within a minute:\n{stderr}");
        }
        process.WaitForExit();
        Assert.True(reported > 0, $"the import ended before it could be killed:\n{stderr}\n{stdout.Result}");
        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal("", stdout.Result); // no summary line: it did not finish
        return (reported, stderr.ToString());
    }
}
