using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Print.Core.Campaigns;
using Print.Server;
using Print.Store;

namespace Print.Server.Tests;

/// <summary>
/// The real Quartz scheduler inside the real server host, on a LiteDB file, with the campaign jobs on a
/// one-second cron instead of 06:00. Only the campaign's clock is fixed.
/// </summary>
public class SchedulingTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private static readonly DateOnly Day = new(2026, 11, 25);


    private WebApplication Server(DateOnly today, params string[] extra) =>
        ServerHost.Build(
            ["--db", dir.File("print.db"), "--urls", "http://127.0.0.1:0",
             "--Print:Schedule:Planning", "* * * * * ?", "--Print:Schedule:HandOff", "* * * * * ?",
             "--Print:Schedule:RunOnStart", "false", .. extra],
            services => services.AddSingleton(TestClock.On(today)));

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting until {what}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task TheScheduledJobsPlanTheDemoCustomersAndHandOffWhatIsDueToday()
    {
        await using var app = Server(Day);
        await app.StartAsync();
        var communications = app.Services.GetRequiredService<ICommunicationStore>();
        var customers = app.Services.GetRequiredService<ICustomerStore>();

        await Until(() => communications.LastPlannedDay == Day, "the planning job has planned the day");
        Assert.True(customers.CustomerCount > 1000, "the demo customers were imported on the empty database");
        Assert.True(communications.Count > 0, "the demo data has pieces due on any day");
        await Until(() => communications.DueForHandOff(Day).Count == 0, "the hand-off job has handed off the day's communications");
        await app.StopAsync();
        var today = communications.OfCustomers(customers.CustomerIds().ToList(), Day, Day);
        Assert.Contains(today, c => c.Status == CommunicationStatus.HandedOff && c.HandedOffOn == Day);
        Assert.DoesNotContain(today, c => c.Status == CommunicationStatus.Planned);
    }

    [Fact]
    public async Task AfterThreeDaysDownTheNextRunPlansTheMissedDaysOnce()
    {
        int firstCount;
        await using (var app = Server(Day))
        {
            await app.StartAsync();
            var store = app.Services.GetRequiredService<ICommunicationStore>();
            await Until(() => store.LastPlannedDay == Day, "the first day is planned");
            await app.StopAsync();
            firstCount = store.Count;
        }

        var later = Day.AddDays(3);
        await using (var app = Server(later))
        {
            await app.StartAsync();
            var store = app.Services.GetRequiredService<ICommunicationStore>();
            await Until(() => store.LastPlannedDay == later, "the missed days are planned");
            // Let the job fire a few more times: nothing may be planned twice.
            await Task.Delay(2500);
            await app.StopAsync();

            Assert.True(store.Count > firstCount, "the three missed days had pieces due");
            var thankYous = Enumerable.Range(1, 3).Select(i => Day.AddDays(i))
                .Select(d => store.OfCustomers(AllCustomerIds(app), d, d.AddDays(40)).Count(c => c.Trigger == Triggers.ThankYou && c.Occasion.DueOn == d))
                .ToList();
            Assert.All(thankYous, n => Assert.True(n > 0, "each missed day's thank-you letters are planned"));
        }
    }

    private static IReadOnlyCollection<string> AllCustomerIds(WebApplication app) =>
        app.Services.GetRequiredService<ICustomerStore>().CustomerIds().ToList();

    [Fact]
    public void AWrongCronExpressionIsAClearStartupError()
    {
        var e = Assert.Throws<ServerConfigurationException>(() =>
            ServerHost.Build(["--db", dir.File("print.db"), "--Print:Schedule:Planning", "every morning"]));
        Assert.Contains("Print:Schedule:Planning: 'every morning' is not a Quartz cron expression", e.Message);
    }
}
