using System.Globalization;
using Print.Core.Campaigns;
using Print.Store.Campaigns;
using Print.Store.LiteDb;

namespace Print.Server.Cli;

/// <summary>
/// <c>print plan --date YYYY-MM-DD [--days N] [--db PATH] [--campaign FILE.json] [--dry-run]</c>: what goes out
/// on those days, each day planned as the scheduler would plan it on that day.
/// </summary>
public static class PlanCommand
{
    public const string Usage = "usage: print plan --date YYYY-MM-DD [--days N] [--db PATH] [--campaign FILE.json] [--dry-run]";

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var dateText = args.Optional("date") ?? throw new UsageException($"option --date is required; {Usage}");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"--date must be a day as YYYY-MM-DD, not '{dateText}'");
        int days = args.Int("days", 1, 1, 366);
        var db = args.Optional("db") ?? PrintDatabase.DefaultPath;
        var campaignFile = args.Optional("campaign");
        bool dryRun = args.Flag("dry-run");
        args.RejectUnknown();
        if (args.Positional.Count > 0) throw new UsageException($"plan takes no words, got '{args.Positional[0]}'; {Usage}");

        var settings = campaignFile is null ? CampaignSettings.Default : CampaignSettings.Load(campaignFile);
        using var database = StoreFile.Open(db);
        var planner = new CampaignPlanner(new LiteDbCustomerStore(database), new LiteDbCommunicationStore(database), settings);
        var report = planner.PlanDays(date, days, dryRun);

        foreach (var (line, count) in report.Counts)
            output.WriteLine($"{line.SendOn:yyyy-MM-dd}\t{line.Trigger}\t{line.Segment}\t{line.Channel}\t{count}");
        foreach (var (reason, ids) in report.DropExamples)
            error.WriteLine($"dropped ({reason}), e.g. {string.Join(", ", ids)}");
        output.WriteLine(dryRun
            ? $"dry run: would record {report.Planned} communications ({report.AlreadyExisted} already existed)"
            : $"recorded {report.Planned} communications ({report.AlreadyExisted} already existed)");
        return 0;
    }
}
