using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Store.LiteDb;

namespace Print.Production.Tests;

/// <summary>Customers and one batch of pieces in a real LiteDB file, as batch assembly leaves them.</summary>
internal static class BatchFixture
{
    public static readonly DateOnly Day = new(2026, 11, 25);
    public const string BatchId = "B20261125-01";

    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽华", "强", "磊", "建国"];
    private static readonly string[] Districts = ["东湖区", "西湖区", "青云谱区", "青山湖区", "新建区"];

    public static string NameOf(int i) => Surnames[i % Surnames.Length] + Given[i / Surnames.Length % Given.Length];
    public static Address SnapshotAddress(int i) => new()
    {
        Province = "江西省", City = "南昌市", District = Districts[i % Districts.Length],
        Street = $"阳明路{i}号{i % 7 + 1}栋{i % 5 + 1}01室", Postcode = $"3300{i % 90 + 10:00}",
    };

    public static TrackingNumber Tracking(int i) => TrackingNumber.Create("RR", 47_300_000 + i, "CN");

    /// <summary>
    /// Stores <paramref name="count"/> customers (each with a newer address than the piece's snapshot, so the
    /// window must print the snapshot) and a batch of that many pieces in presort order, each keeping what its
    /// letter prints about the customer — unless <paramref name="keepLetters"/> is false: pieces as stored before
    /// pieces kept it.
    /// </summary>
    public static Batch Create(string db, int count, IReadOnlyList<string> documents, MailClass mailClass, SplitLimits limits,
        Func<int, string>? name = null, Func<int, string?>? eventId = null, string batchId = BatchId, bool keepLetters = true)
    {
        using var database = new PrintDatabase(db);
        var customers = new LiteDbCustomerStore(database);
        var production = new LiteDbProductionStore(database);
        var people = new List<Customer>();
        var policies = new List<Policy>();
        var pieces = new List<MailPiece>();
        for (int i = 1; i <= count; i++)
        {
            var id = $"C{i:000000}";
            var customer = new Customer { Id = id, Name = name?.Invoke(i) ?? NameOf(i), Gender = i % 2 == 0 ? Gender.Female : Gender.Male, Birthday = new DateOnly(1980, 1 + i % 12, 1 + i % 28), Mobile = $"138{i:00000000}" };
            customer.Addresses.Correct(SnapshotAddress(i), AddressSource.Import, Day.AddDays(-30));
            customer.Addresses.Correct(new Address { Province = "江西省", City = "九江市", District = "浔阳区", Street = $"新址大道{i}号", Postcode = "332000" }, AddressSource.PostOffice, Day.AddDays(-1));
            people.Add(customer);
            Policy[] held =
            [
                new Policy { Number = $"P{i:000000}", CustomerId = id, Plate = $"赣A·{i:00000}", CarModel = "丰田卡罗拉", Start = Day.AddDays(-7), End = Day.AddDays(357), Premium = 3000 + i % 2000 },
                new Policy { Number = $"P{i:000000}-OLD", CustomerId = id, Plate = $"赣A·{i:00000}", CarModel = "大众朗逸", Start = Day.AddDays(-400), End = Day.AddDays(-35), Premium = 2800 },
            ];
            policies.AddRange(held);
            var registered = mailClass != MailClass.Ordinary;
            var pieceId = $"{batchId}-{i:00000}";
            pieces.Add(new MailPiece
            {
                Id = pieceId, BatchId = batchId, Sequence = i, CommunicationId = $"test/{i}/{id}", CustomerId = id,
                Documents = documents, MailClass = mailClass, TrackingNumber = registered ? Tracking(i) : null,
                PolicyNumber = $"P{i:000000}", EventId = eventId?.Invoke(i), Segment = "high-value",
                Name = customer.Name, Address = SnapshotAddress(i), Letter = keepLetters ? LetterFacts.Of(customer, held, $"P{i:000000}") : null,
                History = new PieceHistory(pieceId, registered ? Tracking(i) : null),
            });
        }
        customers.Save(people, policies);
        var batch = new Batch
        {
            Id = batchId, WorkOrderId = "W20261125", CreatedOn = Day, Documents = documents, Paper = "A4 80g", Envelope = "DL window",
            MailClass = mailClass, Limits = limits, PieceCount = count, History = new BatchHistory(batchId),
        };
        production.CreateWorkOrder(new WorkOrder("W20261125", Day, "test", [batchId], count), [batch], pieces,
            new Dictionary<string, long>(), []);
        return batch;
    }

    public static string Templates
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "templates", "sender.json"))) return Path.Combine(dir.FullName, "templates");
            throw new DirectoryNotFoundException("templates/");
        }
    }
}
