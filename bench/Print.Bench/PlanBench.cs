using System.Diagnostics;
using System.Globalization;
using Print.Core.Campaigns;
using Print.Store.Campaigns;
using Print.Store.LiteDb;

/// <summary>
/// <c>--mode=plan-day --db=FILE --date=YYYY-MM-DD [--dry-run]</c>: plans one day over the customers of an
/// imported database (bench/RESULTS.md: import the 1M-customer file first, then copy the database, since
/// planning writes). Prints the time, what was planned and the peak working set.
/// </summary>
internal static class PlanBench
{
    public static int Run(IReadOnlyDictionary<string, string> options)
    {
        var db = options["db"];
        var day = DateOnly.ParseExact(options.GetValueOrDefault("date", "2026-11-25"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool dryRun = options.ContainsKey("dry-run");
        var opened = Stopwatch.StartNew();
        using var database = new PrintDatabase(db);
        var customers = new LiteDbCustomerStore(database);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"opened (indexes ensured) in {opened.Elapsed.TotalSeconds:0.0} s"));
        var communications = new LiteDbCommunicationStore(database);
        int before = communications.Count;
        var planner = new CampaignPlanner(customers, communications, CampaignSettings.Default);
        var clock = Stopwatch.StartNew();
        var report = planner.PlanDays(day, 1, dryRun);
        clock.Stop();
        var byTrigger = report.Counts.GroupBy(c => c.Key.Trigger).Select(g => $"{g.Key} {g.Sum(x => x.Value)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan {day:yyyy-MM-dd}{(dryRun ? " (dry run)" : "")}: {clock.Elapsed.TotalSeconds:0.0} s for {customers.CustomerCount} customers; " +
            $"{report.Planned} communications ({string.Join(", ", byTrigger)}), {report.AlreadyExisted} already existed; " +
            $"store {before} → {communications.Count}; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));
        return 0;
    }
}
