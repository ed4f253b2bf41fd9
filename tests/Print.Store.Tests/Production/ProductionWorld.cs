using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Core.Segmentation;
using Print.Production.Batches;
using Print.Store.LiteDb;

namespace Print.Store.Tests.Production;

/// <summary>
/// A real LiteDB file with the customer, communication and production stores on it, a copy of the repository's
/// templates (tests change them), and helpers to put handed-off mail communications in.
/// </summary>
internal sealed class ProductionWorld : IDisposable
{
    public static readonly DateOnly Day = new(2026, 11, 25);
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8));

    public readonly TempDir Dir = new();
    public PrintDatabase Database { get; private set; } = null!;
    public LiteDbCustomerStore Customers { get; private set; } = null!;
    public LiteDbCommunicationStore Communications { get; private set; } = null!;
    public LiteDbProductionStore Production { get; private set; } = null!;
    public TemplateCatalog Templates { get; }
    public string TemplatesRoot { get; }

    public ProductionWorld()
    {
        TemplatesRoot = Dir.CopyOf(Path.Combine(RepositoryRoot, "templates"), "templates");
        Templates = new TemplateCatalog(TemplatesRoot);
        Open();
    }

    public string DbPath => Dir.File("print.db");

    public void Open()
    {
        Database = new PrintDatabase(DbPath);
        Customers = new LiteDbCustomerStore(Database);
        Communications = new LiteDbCommunicationStore(Database);
        Production = new LiteDbProductionStore(Database);
    }

    /// <summary>Closes and opens the file again: what survives is what was committed.</summary>
    public void Reopen()
    {
        if (!Database.IsDisposed) Database.Dispose();
        Open();
    }

    public void Dispose()
    {
        Database.Dispose();
        Dir.Dispose();
    }

    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "Print.sln"))) root = root.Parent!;
            return root.FullName;
        }
    }

    public static readonly Address Home = new() { Province = "江西省", City = "南昌市", District = "东湖区", Street = "八一大道357号", Postcode = "330006" };

    public Customer Person(string id, string postcode = "330006", string street = "八一大道357号", string name = "张伟")
    {
        var c = new Customer
        {
            Id = id, Name = name, Mobile = "13870651234",
            Segment = new SegmentAssignment { Segment = Segments.HighValue, Rule = "test", On = new DateOnly(2026, 1, 1) },
        };
        c.Addresses.Correct(Home with { Street = street, Postcode = postcode }, AddressSource.Import, new DateOnly(2025, 1, 1));
        Customers.Upsert(c);
        return c;
    }

    public static Communication Mail(string trigger, string customerId, string key = "K1", IReadOnlyList<string>? documents = null,
        MailClass? mailClass = null, string? variant = null, DateOnly? handedOffOn = null, DateOnly? deadline = null,
        CommunicationStatus status = CommunicationStatus.HandedOff, Channel channel = Channel.Mail)
    {
        documents ??= trigger switch
        {
            Triggers.ThankYou => ["thank-you", "survey"],
            Triggers.Proposal => ["proposal"],
            Triggers.Birthday or Triggers.Holiday => ["greeting-card"],
            _ => ["invitation"],
        };
        var handed = handedOffOn ?? Day;
        return new Communication
        {
            Occasion = new Occasion
            {
                Trigger = trigger, Key = key, CustomerId = customerId, DueOn = handed.AddDays(-1),
                Deadline = deadline ?? handed.AddDays(30), DeadlineReason = "test deadline", Documents = documents,
                MailClass = mailClass ?? (trigger == Triggers.ThankYou ? MailClass.Registered : MailClass.Ordinary),
                Variant = variant ?? (trigger == Triggers.Birthday ? "birthday" : null),
                PolicyNumber = trigger is Triggers.ThankYou or Triggers.Proposal ? PolicyOf(key, customerId) : null,
            },
            PlannedOn = handed.AddDays(-1), SendOn = handed, Segment = Segments.HighValue, Channel = channel, Status = status,
            Reasons = ["test"], HandedOffOn = status == CommunicationStatus.HandedOff ? handed : null,
        };
    }

    /// <summary>The policy a thank-you letter or a proposal of <paramref name="key"/> to <paramref name="customerId"/> is about.</summary>
    public static string PolicyOf(string key, string customerId) => $"P-{key}-{customerId}";

    /// <summary>Records the communications, and the policy each one is about for a customer in the store, as the planner finds them.</summary>
    public void Record(params Communication[] list)
    {
        foreach (var c in list)
            if (c.Occasion.PolicyNumber is { } number && Customers.FindCustomer(c.CustomerId) is not null && Customers.FindPolicy(number) is null)
                Customers.Upsert(new Policy { Number = number, CustomerId = c.CustomerId, Plate = "赣A·D6161", CarModel = "大众朗逸", Start = Day.AddDays(-7), End = Day.AddDays(357), Premium = 3200 });
        Communications.Record(list);
    }

    public static TrackingRanges Ranges(long first = 47300000, long last = 47399999, int lowWater = 0, string id = "nanchang-2026-rr") =>
        TrackingRanges.Parse($$"""{ "ranges": [ { "id": "{{id}}", "prefix": "RR", "first": {{first}}, "last": {{last}}, "low_water": {{lowWater}} } ] }""");

    public BatchAssembly Assembly(TrackingRanges? ranges = null, ProductionSettings? settings = null) =>
        new(Production, Customers, Communications, Templates, settings ?? ProductionSettings.Default, ranges ?? Ranges());

    public WorkOrderResult Create(TrackingRanges? ranges = null, ProductionSettings? settings = null, DateOnly? day = null) =>
        Assembly(ranges, settings).Create(day ?? Day, "operator", Now);

    /// <summary>As the renderer would leave a batch: rendering → rendered, every planned piece rendered.</summary>
    public void Render(string batchId, string? templateHash = null)
    {
        var batch = Production.FindBatch(batchId)!;
        batch.History.Transition(BatchState.Rendering, Now, "renderer");
        batch.History.Transition(BatchState.Rendered, Now.AddMinutes(5), "renderer");
        batch.TemplateHash = templateHash ?? Templates.Hash(batch.Documents);
        var pieces = Production.PiecesOf(batchId).Where(p => p.History.State == PieceState.Planned).ToList();
        foreach (var p in pieces) p.History.Transition(PieceState.Rendered, Now.AddMinutes(5), "renderer");
        Production.Update(batch, pieces);
    }

    public BatchStates States(TimeProvider? clock = null) => new(Production, Templates, clock);
}
