using System.Collections.Concurrent;
using System.Threading.Channels;
using Print.Core.Privacy;
using Print.Core.Production;
using Print.Production.Rendering;
using Print.Store;

namespace Print.Server.Production;

/// <summary>Where a batch's background rendering stands, for the API (the store has the durable part).</summary>
public sealed record RenderStatus(string BatchId, string State, BatchRenderProgress? Progress, string? Error)
{
    public const string Queued = "queued", Rendering = "rendering", Done = "done", Failed = "failed";
}

/// <summary>
/// Renders batches one at a time in the background, in the order asked. At start it queues every batch the
/// store says is still rendering: a server killed mid-rendering resumes after its last whole file.
/// </summary>
public sealed class RenderQueue(BatchRenderer renderer, IProductionStore production, ProductionPaths paths, ILogger<RenderQueue> log)
    : BackgroundService
{
    private readonly Channel<(string BatchId, string? Again)> queue = Channel.CreateUnbounded<(string, string?)>();
    private readonly ConcurrentDictionary<string, RenderStatus> status = new(StringComparer.Ordinal);

    /// <summary>Queues the batch unless it is queued or rendering already; returns its status.</summary>
    public RenderStatus Enqueue(string batchId, string? again = null)
    {
        var queued = new RenderStatus(batchId, RenderStatus.Queued, null, null);
        var now = status.AddOrUpdate(batchId, queued, (_, old) => old.State is RenderStatus.Queued or RenderStatus.Rendering ? old : queued);
        if (ReferenceEquals(now, queued)) queue.Writer.TryWrite((batchId, again));
        return now;
    }

    public RenderStatus? StatusOf(string batchId) => status.GetValueOrDefault(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var batch in production.Batches().Where(b => b.History.State == BatchState.Rendering))
        {
            log.LogInformation("resuming the rendering of batch {Batch}", batch.Id);
            Enqueue(batch.Id);
        }
        await foreach (var (batchId, again) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            // The renderer is synchronous and CPU-bound: a thread of its own keeps the request threads free.
            await Task.Factory.StartNew(() => RenderOne(batchId, again, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private void RenderOne(string batchId, string? again, CancellationToken ct)
    {
        var progress = new Progress(this, batchId);
        status[batchId] = new RenderStatus(batchId, RenderStatus.Rendering, null, null);
        try
        {
            var result = renderer.Render(batchId, paths.Output, progress, ct, again);
            status[batchId] = new RenderStatus(batchId, RenderStatus.Done, progress.Last, null);
            log.LogInformation("batch {Batch} rendered: {Pieces} pieces, {Pages} pages in {Files} files", batchId, result.Pieces, result.Pages, result.Files.Count);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            status[batchId] = new RenderStatus(batchId, RenderStatus.Queued, progress.Last, "stopped with the server; resumes at the next start");
        }
        catch (Exception e)
        {
            var message = Pii.Scrub(e.Message);
            status[batchId] = new RenderStatus(batchId, RenderStatus.Failed, progress.Last, message);
            log.LogError("batch {Batch} could not be rendered: {Error}", batchId, message);
        }
    }

    private sealed class Progress(RenderQueue queue, string batchId) : IProgress<BatchRenderProgress>
    {
        public BatchRenderProgress? Last { get; private set; }

        public void Report(BatchRenderProgress value)
        {
            Last = value;
            queue.status[batchId] = new RenderStatus(batchId, RenderStatus.Rendering, value, null);
        }
    }
}

/// <summary>Where batch files are written: <c>Print:Output</c>, default <c>data/batches</c> beside the database.</summary>
public sealed record ProductionPaths(string Output);
