using Print.Store.Campaigns;
using Quartz;

namespace Print.Server.Scheduling;

/// <summary>
/// Plans every day since the last run up to today (<see cref="CampaignPlanner.CatchUp"/>): after three days of
/// downtime it plans the three missed days once. When it runs is <see cref="JobSchedule"/>'s business.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PlanningJob(CampaignPlanner planner, PrintClock clock, ILogger<PlanningJob> log) : IJob
{
    public static readonly JobKey Key = new("daily-planning", "campaign");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var report = planner.CatchUp(today);
        if (report.SkippedDays > 0)
            log.LogWarning("planning: {Skipped} days before {First:yyyy-MM-dd} were left unplanned (beyond the catch-up limit of {Limit} days)",
                report.SkippedDays, report.Days.FirstOrDefault(), planner.MaxCatchUpDays);
        int dropped = report.Counts.Where(c => c.Key.Channel == PlanReport.Dropped).Sum(c => c.Value);
        log.LogInformation("planning: {Days} day(s) up to {Today:yyyy-MM-dd}: recorded {Planned} communications ({Dropped} dropped), {Existing} already existed",
            report.Days.Count, today, report.Planned, dropped, report.AlreadyExisted);
        return ValueTask.CompletedTask;
    }
}
