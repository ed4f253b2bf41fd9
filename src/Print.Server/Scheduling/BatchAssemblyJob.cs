using Print.Core.Privacy;
using Print.Production;
using Print.Production.Batches;
using Print.Server.Production;
using Quartz;

namespace Print.Server.Scheduling;

/// <summary>
/// Gathers the mail handed off to production into the day's work order and batches, and queues each batch
/// for rendering. A failure (an exhausted tracking range) stores nothing and is logged for the operator.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BatchAssemblyJob(BatchAssembly assembly, RenderQueue renders, PrintClock clock, ILogger<BatchAssemblyJob> log) : IJob
{
    public static readonly JobKey Key = new("batch-assembly", "production");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        try
        {
            var result = assembly.Create(today, "scheduler", clock.Now);
            foreach (var warning in result.Warnings) log.LogWarning("batch assembly: {Warning}", Pii.Scrub(warning));
            foreach (var batch in result.Batches) renders.Enqueue(batch.Id);
            log.LogInformation("batch assembly {Today:yyyy-MM-dd}: {Pieces} pieces in {Batches} batches ({Ids}), {Skipped} skipped",
                today, result.Pieces, result.Batches.Count, string.Join(", ", result.Batches.Select(b => b.Id)), result.Skipped.Count);
        }
        catch (Exception e) when (e is ProductionException or Print.Core.Production.TrackingRangeExhaustedException)
        {
            log.LogError("batch assembly {Today:yyyy-MM-dd} stopped, nothing stored: {Error}", today, Pii.Scrub(e.Message));
        }
        return ValueTask.CompletedTask;
    }
}
