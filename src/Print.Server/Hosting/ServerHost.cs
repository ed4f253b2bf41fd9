using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Documents;
using Print.Production.Batches;
using Print.Production.Feedback;
using Print.Production.Rendering;
using Print.Server.Api;
using Print.Server.Production;
using Print.Templates;
using Print.Server.Scheduling;
using Print.Store;
using Print.Store.Campaigns;
using Print.Store.LiteDb;
using Quartz;

namespace Print.Server;

/// <summary>
/// The server process: the LiteDB file, the stores, the campaign planner and its Quartz schedule, and the HTTP
/// endpoints. Settings come from <c>appsettings.json</c>, environment variables (<c>Print__Database</c>) and the
/// command line (<c>--db PATH</c>, <c>--campaign FILE.json</c>, <c>--Print:Schedule:Planning "0 0 6 * * ?"</c>).
/// </summary>
public static class ServerHost
{
    /// <summary>Short command-line options for the settings an operator changes most.</summary>
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--db"] = "Print:Database",
        ["--campaign"] = "Print:Campaign",
        ["--ranges"] = "Print:TrackingRanges",
        ["--production"] = "Print:Production",
        ["--out"] = "Print:Output",
        ["--templates"] = "Print:Templates",
        ["--urls"] = "urls",
    };

    /// <summary>
    /// Builds the server; <paramref name="configure"/> lets tests replace services (a fixed clock). Throws
    /// <see cref="ServerConfigurationException"/> listing every setting that is wrong.
    /// </summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddCommandLine(args, Switches);
        var settings = builder.Configuration.GetSection("Print");

        var databasePath = settings["Database"] ?? PrintDatabase.DefaultPath;
        var schedule = settings.GetSection("Schedule").Get<JobSchedule>() ?? new JobSchedule();
        var problems = new List<string>(schedule.Problems());
        TimeZoneInfo zone = TimeZoneInfo.Utc;
        var zoneId = settings["TimeZone"] ?? "Asia/Shanghai";
        try { zone = PrintClock.FindZone(zoneId); }
        catch (TimeZoneNotFoundException) { problems.Add($"Print:TimeZone: unknown time zone '{zoneId}' (e.g. Asia/Shanghai)"); }
        CampaignSettings? campaign = null;
        try { campaign = settings["Campaign"] is { } file ? CampaignSettings.Load(file) : CampaignSettings.Default; }
        catch (Print.Core.Text.InvalidFileException e) { problems.AddRange(e.Errors.Select(x => $"{e.FileName}: {x}")); }
        catch (FileNotFoundException e) { problems.Add($"Print:Campaign: {e.FileName}: no such file"); }
        var demoData = settings.GetValue("DemoData", true);
        TrackingRanges? ranges = null;
        ProductionSettings production = ProductionSettings.Default;
        try
        {
            ranges = settings["TrackingRanges"] is { } rangesFile ? TrackingRanges.Load(rangesFile) : demoData ? DemoData.TrackingRanges : null;
            if (settings["Production"] is { } productionFile) production = ProductionSettings.Load(productionFile);
        }
        catch (Print.Core.Text.InvalidFileException e) { problems.AddRange(e.Errors.Select(x => $"{e.FileName}: {x}")); }
        catch (FileNotFoundException e) { problems.Add($"{e.FileName}: no such file"); }
        string templatesRoot = "";
        try { templatesRoot = settings["Templates"] ?? TemplateLibrary.Locate(); }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidOperationException or FileNotFoundException) { problems.Add($"Print:Templates: {e.Message}"); }
        if (problems.Count > 0) throw new ServerConfigurationException(problems);
        var output = Path.GetFullPath(settings["Output"] ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "batches"));

        var services = builder.Services;
        // The campaign's own clock, not a TimeProvider in the container: Quartz would take that for its timers.
        services.AddSingleton(new PrintClock(TimeProvider.System, zone));
        services.AddSingleton(_ => new PrintDatabase(databasePath));
        services.AddSingleton<ICustomerStore>(sp => new LiteDbCustomerStore(sp.GetRequiredService<PrintDatabase>()));
        services.AddSingleton<ICommunicationStore>(sp => new LiteDbCommunicationStore(sp.GetRequiredService<PrintDatabase>()));
        services.AddSingleton(campaign!);
        services.AddSingleton<CampaignPlanner>();
        services.AddSingleton<IProductionStore>(sp => new LiteDbProductionStore(sp.GetRequiredService<PrintDatabase>()));
        services.AddSingleton(new TemplateCatalog(templatesRoot));
        services.AddSingleton(new TemplateLibrary(templatesRoot, DocumentEngine.Default));
        services.AddSingleton(production);
        services.AddSingleton(new ProductionPaths(output));
        services.AddSingleton(sp => new BatchAssembly(sp.GetRequiredService<IProductionStore>(), sp.GetRequiredService<ICustomerStore>(),
            sp.GetRequiredService<ICommunicationStore>(), sp.GetRequiredService<TemplateCatalog>(), production, ranges));
        services.AddSingleton(sp => new BatchStates(sp.GetRequiredService<IProductionStore>(), sp.GetRequiredService<TemplateCatalog>(), sp.GetRequiredService<PrintClock>().Time));
        services.AddSingleton(sp => new BatchRenderer(sp.GetRequiredService<IProductionStore>(), sp.GetRequiredService<ICustomerStore>(),
            sp.GetRequiredService<TemplateLibrary>(), campaign) { Actor = "server", Clock = sp.GetRequiredService<PrintClock>().Time });
        services.AddSingleton(sp => new FeedbackImport(sp.GetRequiredService<IProductionStore>(), sp.GetRequiredService<ICustomerStore>()));
        services.AddSingleton<RenderQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RenderQueue>());
        services.AddHostedService<DemoData>(); // before Quartz: the first planning run sees the demo customers
        services.AddQuartz(q => schedule.AddTo(q, zone));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        configure?.Invoke(services);

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/", () => Results.Text("Print server: the print shop's API is under /api (README.md, \"REST API\"); the web UI arrives with its issue.\n"));
        BatchApi.Map(app);
        return app;
    }
}

/// <summary>The server's settings are wrong; <see cref="Problems"/> names each one.</summary>
public sealed class ServerConfigurationException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
