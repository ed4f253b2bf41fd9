using Print.Core.Segmentation;
using Print.Store;
using Print.Store.Import;
using Print.Store.LiteDb;
using Print.Store.Samples;

namespace Print.Server;

/// <summary>
/// On a fresh database the server imports invented demo customers (setting <c>Print:DemoData</c>, default on),
/// their policies dated around today so that the first planning run already finds thank-you letters, renewal
/// proposals and birthdays. A database with customers is never touched.
/// </summary>
public sealed class DemoData(ICustomerStore customers, PrintDatabase database, PrintClock clock, IConfiguration configuration, ILogger<DemoData> log)
    : IHostedService
{
    /// <summary>Policy rows written (about 2,100 customers).</summary>
    public const int Rows = 3000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Print:DemoData", true) || customers.CustomerCount > 0) return Task.CompletedTask;
        var file = Path.Combine(Path.GetDirectoryName(database.FilePath)!, "demo-customers.csv");
        DemoCustomers.Write(file, Rows, clock.Today);
        var summary = new CustomerImport(customers, SegmentRules.Default, clock.Today).Import(file);
        log.LogInformation("demo data: {Line}", summary.Line);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
