using Print.Core.Campaigns;
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
        var schedule = settings.GetSection("Schedule").Get<CampaignSchedule>() ?? new CampaignSchedule();
        var problems = new List<string>(schedule.Problems());
        TimeZoneInfo zone = TimeZoneInfo.Utc;
        var zoneId = settings["TimeZone"] ?? "Asia/Shanghai";
        try { zone = PrintClock.FindZone(zoneId); }
        catch (TimeZoneNotFoundException) { problems.Add($"Print:TimeZone: unknown time zone '{zoneId}' (e.g. Asia/Shanghai)"); }
        CampaignSettings? campaign = null;
        try { campaign = settings["Campaign"] is { } file ? CampaignSettings.Load(file) : CampaignSettings.Default; }
        catch (Print.Core.Text.InvalidFileException e) { problems.AddRange(e.Errors.Select(x => $"{e.FileName}: {x}")); }
        catch (FileNotFoundException e) { problems.Add($"Print:Campaign: {e.FileName}: no such file"); }
        if (problems.Count > 0) throw new ServerConfigurationException(problems);

        var services = builder.Services;
        // The campaign's own clock, not a TimeProvider in the container: Quartz would take that for its timers.
        services.AddSingleton(new PrintClock(TimeProvider.System, zone));
        services.AddSingleton(_ => new PrintDatabase(databasePath));
        services.AddSingleton<ICustomerStore>(sp => new LiteDbCustomerStore(sp.GetRequiredService<PrintDatabase>()));
        services.AddSingleton<ICommunicationStore>(sp => new LiteDbCommunicationStore(sp.GetRequiredService<PrintDatabase>()));
        services.AddSingleton(campaign!);
        services.AddSingleton<CampaignPlanner>();
        services.AddHostedService<DemoData>(); // before Quartz: the first planning run sees the demo customers
        services.AddQuartz(q => schedule.AddTo(q, zone));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        configure?.Invoke(services);

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/", () => Results.Text("Print server. The REST API and web UI arrive with the server issue; see README.md.\n"));
        return app;
    }
}

/// <summary>The server's settings are wrong; <see cref="Problems"/> names each one.</summary>
public sealed class ServerConfigurationException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
