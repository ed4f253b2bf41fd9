using Quartz;

namespace Print.Server.Scheduling;

/// <summary>
/// When the scheduled jobs (planning, hand-off, batch assembly) run: Quartz cron expressions (seconds first, e.g. <c>0 0 6 * * ?</c> = 06:00 every
/// day) in the server's time zone, from configuration section <c>Print:Schedule</c>. The jobs themselves know
/// nothing of it.
/// </summary>
public sealed class JobSchedule
{
    /// <summary>Daily planning (default 06:00).</summary>
    public string Planning { get; set; } = "0 0 6 * * ?";

    /// <summary>Hand-off to production and dispatch, after planning (default 06:30).</summary>
    public string HandOff { get; set; } = "0 30 6 * * ?";

    /// <summary>The day's batches from the mail handed off, queued for rendering (default 06:45).</summary>
    public string BatchAssembly { get; set; } = "0 45 6 * * ?";

    /// <summary>Also run them once when the server starts (catching up after downtime at once).</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>Every mistake in the cron expressions, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(nameof(Planning), Planning);
        Check(nameof(HandOff), HandOff);
        Check(nameof(BatchAssembly), BatchAssembly);
        return problems;

        void Check(string name, string cron)
        {
            if (!CronExpression.TryParse(cron, out _))
                problems.Add($"Print:Schedule:{name}: '{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 6 * * ?')");
        }
    }

    public void AddTo(IQuartzBuilder quartz, TimeZoneInfo zone)
    {
        quartz.AddJob<PlanningJob>(j => j.WithIdentity(PlanningJob.Key).StoreDurably());
        quartz.AddJob<HandOffJob>(j => j.WithIdentity(HandOffJob.Key).StoreDurably());
        quartz.AddJob<BatchAssemblyJob>(j => j.WithIdentity(BatchAssemblyJob.Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(PlanningJob.Key).WithIdentity("daily-planning", "campaign")
            .WithCronSchedule(Planning, c => c.InTimeZone(zone)));
        quartz.AddTrigger(t => t.ForJob(HandOffJob.Key).WithIdentity("hand-off", "campaign")
            .WithCronSchedule(HandOff, c => c.InTimeZone(zone)));
        quartz.AddTrigger(t => t.ForJob(BatchAssemblyJob.Key).WithIdentity("batch-assembly", "production")
            .WithCronSchedule(BatchAssembly, c => c.InTimeZone(zone)));
        if (RunOnStart)
        {
            // In their daily order, a few seconds apart. Each is idempotent and safe in any order: a job that runs
            // before the one it follows finds nothing new, and the next day's run picks it up.
            quartz.AddTrigger(t => t.ForJob(PlanningJob.Key).WithIdentity("planning-on-start", "campaign").StartNow());
            quartz.AddTrigger(t => t.ForJob(HandOffJob.Key).WithIdentity("hand-off-on-start", "campaign").StartAt(DateTimeOffset.UtcNow.AddSeconds(5)));
            quartz.AddTrigger(t => t.ForJob(BatchAssemblyJob.Key).WithIdentity("batch-assembly-on-start", "production").StartAt(DateTimeOffset.UtcNow.AddSeconds(10)));
        }
    }
}
