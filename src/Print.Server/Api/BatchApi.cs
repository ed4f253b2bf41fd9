using Print.Core.Privacy;
using Print.Core.Production;
using Print.Production;
using Print.Production.Batches;
using Print.Production.Feedback;
using Print.Production.Kpis;
using Print.Production.Rendering;
using Print.Server.Production;
using Print.Store;
using Print.Store.LiteDb;

namespace Print.Server.Api;

/// <summary>
/// The print shop's REST API (JSON, snake_case): list batches, follow a rendering, download the files, sign
/// off the proof, mark printed and posted, upload the post office's delivery feedback. README.md lists the
/// routes with examples.
/// </summary>
public static class BatchApi
{
    public sealed record ActorRequest(string? By = null);
    public sealed record ApprovalRequest(string By);
    public sealed record RenderRequest(string? Again = null);
    public sealed record ReceivedRequest(DateOnly? Date = null, string? By = null);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.AddEndpointFilter(async (context, next) =>
        {
            try { return await next(context); }
            catch (ApiException e) { return ApiJson.Error(e.Status, e.Message); }
            catch (Exception e) when (e is ProductionException or InvalidTransitionException or AlreadyBatchedException or TrackingRangeExhaustedException or BatchRenderException)
            {
                return ApiJson.Error(e is ProductionException p && (p.Message.StartsWith("no batch ", StringComparison.Ordinal) || p.Message.StartsWith("no piece ", StringComparison.Ordinal))
                    ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, Pii.Scrub(e.Message));
            }
        });

        api.MapGet("/batches", (IProductionStore store, RenderQueue renders) =>
            ApiJson.Json(store.Batches().OrderByDescending(b => b.Id, StringComparer.Ordinal).Select(b => Summary(b, renders))));

        api.MapGet("/batches/{id}", (string id, IProductionStore store, RenderQueue renders) =>
        {
            var batch = Find(store, id);
            var pieces = store.PiecesOf(id);
            return ApiJson.Json(new
            {
                batch = Summary(batch, renders),
                history = batch.History.Events.Select(e => new { from = StateNames.Of(e.From), to = StateNames.Of(e.To), at = e.At, actor = e.Actor, note = e.Note }),
                approval = batch.History.Approval is { } a ? new { by = a.By, at = a.At, template_hash = a.TemplateHash } : null,
                pieces = pieces.GroupBy(p => StateNames.Of(p.History.State)).ToDictionary(g => g.Key, g => g.Count()),
                kpis = ProductionKpis.Describe(BatchKpis.Compute(pieces.Select(p => p.History))),
            });
        });

        api.MapPost("/batches/{id}/render", async (string id, HttpRequest request, IProductionStore store, RenderQueue renders) =>
        {
            var body = await ApiJson.ReadAsync(request, new RenderRequest(null));
            Find(store, id);
            var status = renders.Enqueue(id, body.Again);
            return ApiJson.Json(Render(status), StatusCodes.Status202Accepted);
        });

        api.MapGet("/batches/{id}/files/{name}", (string id, string name, IProductionStore store, ProductionPaths paths) =>
        {
            var batch = Find(store, id);
            // Only the files the store lists for the batch: no path from the request reaches the file system.
            var file = batch.Files.FirstOrDefault(f => f.Name == name)
                ?? throw new ApiException(StatusCodes.Status404NotFound, $"batch {id} has no file {name}" +
                    (batch.Files.Count == 0 ? " (not rendered yet)" : $"; its files: {string.Join(", ", batch.Files.Select(f => f.Name))}"));
            var path = Path.Combine(paths.Output, batch.Id, file.Name);
            if (!File.Exists(path)) throw new ApiException(StatusCodes.Status410Gone, $"{file.Name} of batch {id} is no longer in the output folder");
            var type = Path.GetExtension(name) switch { ".pdf" => "application/pdf", ".csv" => "text/csv; charset=utf-8", _ => "text/plain; charset=utf-8" };
            return Results.File(path, type, file.Name);
        });

        api.MapPost("/batches/{id}/approve", async (string id, HttpRequest request, BatchStates states) =>
        {
            var body = await ApiJson.ReadAsync<ApprovalRequest>(request);
            if (string.IsNullOrWhiteSpace(body.By)) throw new ApiException(StatusCodes.Status400BadRequest, "body $.by: the approver's name is required");
            return ApiJson.Json(Step(states.Approve(id, body.By.Trim())));
        });

        api.MapPost("/batches/{id}/printed", async (string id, HttpRequest request, BatchStates states) =>
        {
            var body = await ApiJson.ReadAsync(request, new ActorRequest(null));
            return ApiJson.Json(Step(states.Printed(id, Actor(body))));
        });

        api.MapPost("/batches/{id}/posted", async (string id, HttpRequest request, BatchStates states) =>
        {
            var body = await ApiJson.ReadAsync(request, new ActorRequest(null));
            return ApiJson.Json(Step(states.Posted(id, Actor(body))));
        });

        // A seed piece's staff addressee reports it received (ordinary mail has no tracking, so no feedback file).
        api.MapPost("/pieces/{id}/received", async (string id, HttpRequest request, BatchStates states, IProductionStore store, PrintClock clock) =>
        {
            var body = await ApiJson.ReadAsync(request, new ReceivedRequest());
            var day = body.Date ?? clock.Today;
            bool recorded = states.SeedReceived(id, day, string.IsNullOrWhiteSpace(body.By) ? "seed addressee" : body.By.Trim());
            var piece = store.FindPiece(id)!;
            return ApiJson.Json(new { id = piece.Id, batch = piece.BatchId, state = StateNames.Of(piece.History.State), received_on = day, recorded });
        });

        api.MapGet("/kpis", (IProductionStore store) =>
            ApiJson.Json(new ProductionKpis(store).ByCampaign().Select(c => new
            {
                campaign = c.Trigger,
                pieces = c.Kpis.Pieces,
                posted = c.Kpis.Posted,
                delivered = c.Kpis.Delivered,
                re_routed = c.Kpis.ReRouted,
                returned = c.Kpis.Returned,
                returned_by_reason = c.Kpis.ReturnedByReason.ToDictionary(r => r.Key, r => r.Value),
                in_transit = c.Kpis.InTransit,
                delivery_rate = c.Kpis.DeliveryRate,
                seed_delivery_days_mean = c.Kpis.SeedAverageDays,
                seed_delivery_days_max = c.Kpis.SeedMaxDays,
            })));

        // The post office's CSV as the request body (UTF-8 or GBK), e.g. curl --data-binary @feedback.csv.
        api.MapPost("/feedback", async (HttpRequest request, FeedbackImport import, ProductionPaths paths) =>
        {
            var name = request.Query["name"].FirstOrDefault() is { Length: > 0 } given ? Path.GetFileName(given) : "feedback.csv";
            var folder = Path.Combine(paths.Output, "feedback");
            Directory.CreateDirectory(folder);
            // Kept as received: the upload is the record of what the post office said.
            var saved = Path.Combine(folder, $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss-fff}-{name}");
            await using (var file = File.Create(saved)) await request.Body.CopyToAsync(file);
            if (new FileInfo(saved).Length == 0) throw new ApiException(StatusCodes.Status400BadRequest, "the request body is empty; send the CSV file as the body");
            FeedbackSummary summary;
            try { summary = import.Import(saved); }
            catch (Exception e) when (e is Print.Core.Text.InvalidFileException or Print.Core.Text.CsvFormatException or Print.Core.Text.UnreadableEncodingException)
            {
                throw new ApiException(StatusCodes.Status400BadRequest, $"{name}: {Pii.Scrub(e.Message)}");
            }
            return ApiJson.Json(new
            {
                summary = summary.ToString(),
                applied = summary.Applied,
                already_recorded = summary.AlreadyRecorded,
                problems = summary.BadRows.Concat(summary.Unknown).Concat(summary.Refused).OrderBy(e => e.Row).Select(e => Pii.Scrub(e.ToString())),
            });
        });
    }

    private static Batch Find(IProductionStore store, string id) =>
        store.FindBatch(id) ?? throw new ApiException(StatusCodes.Status404NotFound, $"no batch {id}");

    private static string Actor(ActorRequest body) => string.IsNullOrWhiteSpace(body.By) ? "print shop" : body.By.Trim();

    private static object Step(Batch batch) => new { id = batch.Id, state = StateNames.Of(batch.History.State) };

    private static object Summary(Batch b, RenderQueue renders) => new
    {
        id = b.Id,
        kind = b.Kind,
        state = StateNames.Of(b.History.State),
        mail_class = b.MailClass.ToString(),
        paper = b.Paper,
        envelope = b.Envelope,
        pieces = b.PieceCount,
        rendered_pieces = b.RenderedPieces,
        created_on = b.CreatedOn,
        work_order = b.WorkOrderId,
        render = renders.StatusOf(b.Id) is { } s ? Render(s) : null,
        files = b.Files.Select(f => new { name = f.Name, sha256 = f.Sha256, bytes = f.Bytes, pages = f.Pages, pieces = f.Pieces, url = $"/api/batches/{b.Id}/files/{f.Name}" }),
    };

    private static object Render(RenderStatus s) => new
    {
        state = s.State,
        pieces_done = s.Progress?.PiecesDone,
        piece_count = s.Progress?.PieceCount,
        files_done = s.Progress?.FilesDone,
        step = s.Progress?.Step,
        error = s.Error,
    };
}
