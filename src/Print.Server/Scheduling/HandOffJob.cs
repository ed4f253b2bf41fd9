using Print.Store.Campaigns;
using Quartz;

namespace Print.Server.Scheduling;

/// <summary>
/// Gives the communications whose send day has come to production (mail pieces, batched by the production
/// issue) and to dispatch (SMS, e-mail, phone tasks); ones that waited past their deadline are dropped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HandOffJob(CampaignPlanner planner, PrintClock clock, ILogger<HandOffJob> log) : IJob
{
    public static readonly JobKey Key = new("hand-off", "campaign");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var report = planner.HandOff(today);
        log.LogInformation("hand-off {Today:yyyy-MM-dd}: {HandedOff} handed off ({ByChannel}), {TooLate} dropped as too late",
            today, report.HandedOff, string.Join(", ", report.ByChannel.Select(c => $"{PlanReport.ChannelName(c.Key)} {c.Value}")), report.DroppedTooLate);
        return ValueTask.CompletedTask;
    }
}
