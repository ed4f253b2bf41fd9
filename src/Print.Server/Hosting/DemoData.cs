using Print.Core.Production;
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
    /// <summary>
    /// The tracking range the demo numbers its registered pieces from when no ranges file is configured
    /// (<c>Print:TrackingRanges</c>) and demo data is on. Its id says what it is: real mail needs the post
    /// office's ranges, and production servers turn demo data off.
    /// </summary>
    public static TrackingRanges TrackingRanges { get; } = TrackingRanges.Parse("""
        { "description": "demo only: not numbers of the post office",
          "ranges": [ { "id": "demo-not-for-posting", "prefix": "RR", "first": 90000000, "last": 90999999, "country": "CN" } ] }
        """, "demo tracking range");

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
