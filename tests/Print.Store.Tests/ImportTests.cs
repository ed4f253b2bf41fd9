using Print.Core.Segmentation;
using Print.Store.Import;
using Print.Store.LiteDb;

namespace Print.Store.Tests;

public class ImportTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private static CustomerImport Importer(ICustomerStore store, int chunkSize = 500) =>
        new(store, SegmentRules.Default, Data.Today) { ChunkSize = chunkSize };

    private (ImportSummary Summary, IReadOnlyList<string> Documents) ImportInto(string db, string file, int chunkSize = 500)
    {
        using var store = new LiteDbCustomerStore(db);
        var summary = Importer(store, chunkSize).Import(file);
        return (summary, store.Dump());
    }

    [Fact]
    public void RowsOfOneCustomerMergeIntoOneCustomerWithEveryPolicy()
    {
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Csv));
        using var store = new LiteDbCustomerStore(dir.File("print.db"));

        var summary = Importer(store).Import(file);

        Assert.Equal((3, 5, 0), (summary.Customers, summary.Policies, summary.RejectedRows));
        Assert.Equal((3, 5), (store.CustomerCount, store.PolicyCount));
        var record = store.Get("C001")!;
        Assert.Equal(["P003", "P001"], record.Policies.Select(p => p.Number));
        Assert.Equal("八一大道357号,2栋501室", record.Customer.Addresses.Current!.Address.Street);
        Assert.Single(record.Customer.Addresses.Entries);
        Assert.Equal(Segments.HighValue, record.Customer.Segment!.Segment); // premium 9,300, claims 1, profit 1,900
        Assert.Equal(new DateOnly(1978, 3, 12), record.Customer.Birthday); // from the ID number
    }

    [Fact]
    public void AGbkFileImportsExactlyLikeTheUtf8File()
    {
        var utf8 = ImportInto(dir.File("utf8.db"), dir.WriteBytes("utf8.csv", Data.Utf8(Data.Csv)));
        var gbk = ImportInto(dir.File("gbk.db"), dir.WriteBytes("gbk.csv", Data.Gb18030(Data.Csv)));

        Assert.Equal(utf8.Documents, gbk.Documents);
        Assert.Contains(utf8.Documents, d => d.Contains("孺子路188号"));
        Assert.Equal((utf8.Summary.Customers, utf8.Summary.Policies), (gbk.Summary.Customers, gbk.Summary.Policies));
    }

    [Fact]
    public void ACustomerWithoutPostcodeIsStoredButNotMailable()
    {
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Csv));
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        Importer(store).Import(file);

        var customer = store.FindCustomer("C002")!;
        Assert.False(customer.IsMailable);
        Assert.Equal("no postcode", customer.NotMailableReason);
        Assert.True(store.FindCustomer("C001")!.IsMailable);
    }

    [Fact]
    public void BadRowsGoToTheRejectsFileWithRowColumnAndReasonAndTheRestImport()
    {
        var csv = Data.Header +
            "C010,甲乙,男,,1387065123,,江西省,南昌市,东湖区,阳明路1号,330006,,P010,,,2026-01-01,2026-12-31,1000,0,0,100\r\n" +   // mobile: 10 digits
            "C011,丙丁,男,,13870651235,,江西省,南昌市,东湖区,阳明路2号,33006,,P011,,,2026-01-01,2026-12-31,1000,0,0,100\r\n" +    // postcode: 5 digits
            "C012,戊己,男,,13870651236,,江西省,南昌市,东湖区,阳明路3号,330006,,P012,,,2026-02-30,2027-02-28,1000,0,0,100\r\n" +  // no 30 February
            "C013,庚辛,男,360102197803120018,13870651237,,江西省,南昌市,东湖区,阳明路4号,330006,,P013,,,2026-01-01,2026-12-31,1000,0,0,100\r\n" + // check character
            "C014,壬癸,女,,13870651238,,江西省,南昌市,东湖区,阳明路5号,330006,,P014,,,2026-01-01,2026-12-31,1000,0,0,100\r\n" +   // good
            "C015,子丑,女,,13870651239,,江西省,南昌市,东湖区,阳明路6号,330006,,P014,,,2026-01-01,2026-12-31,1000,0,0,100\r\n";   // P014 is C014's
        var file = dir.WriteBytes("customers.csv", Data.Utf8(csv));
        using var store = new LiteDbCustomerStore(dir.File("print.db"));

        var summary = Importer(store).Import(file);

        Assert.Equal(dir.File("customers.rejects.csv"), summary.RejectsFile);
        Assert.Equal((1, 1, 5), (summary.Customers, summary.Policies, summary.RejectedRows));
        var lines = File.ReadAllLines(summary.RejectsFile);
        Assert.Equal(
        [
            "row,column,value,reason",
            "1,手机,******5123,\"a mobile number has 11 digits, this has 10\"",
            "2,邮编,33006,a postcode has exactly 6 digits",
            "3,起保日期,2026-02-30,no such date: month 2 has no day 30",
            "4,身份证号,3601**********0018,the check character is wrong (the first 17 digits give 7): a digit is mistyped",
            "6,保单号,P014,policy P014 already belongs to customer C014 (row 5)",
        ], lines);
        Assert.Equal(["C014"], store.CustomerIds());
    }

    [Fact]
    public void ReimportingTheSameFileChangesNothing()
    {
        var db = dir.File("print.db");
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Csv));
        var first = ImportInto(db, file);
        var second = ImportInto(db, file);

        Assert.Equal(first.Summary, second.Summary with { Errors = first.Summary.Errors });
        Assert.Equal(first.Summary.Line, second.Summary.Line);
        Assert.Equal(first.Documents, second.Documents);
    }

    [Fact]
    public void AnImportInterruptedAtAnyChunkLeavesWholeCustomersAndRunningItAgainCompletesIt()
    {
        const int customers = 6;
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(customers)));
        var expected = ImportInto(dir.File("complete.db"), file, chunkSize: 2).Documents;

        for (int crashAt = 1; crashAt <= customers / 2; crashAt++)
        {
            var db = dir.File($"crash-{crashAt}.db");
            var store = new LiteDbCustomerStore(db);
            int saves = 0;
            store.BeforeCommit = () =>
            {
                // Every write of this chunk is done, the commit is not: the process dies here.
                if (++saves == crashAt) { store.Abandon(); throw new IOException("power cut"); }
            };
            Assert.Throws<IOException>(() => Importer(store, chunkSize: 2).Import(file));
            store.Dispose();

            using (var reopened = new LiteDbCustomerStore(db))
            {
                Assert.Equal((crashAt - 1) * 2, reopened.CustomerCount);
                Assert.Equal(reopened.CustomerCount * 2, reopened.PolicyCount);
                foreach (var id in reopened.CustomerIds())
                    Assert.Equal(2, reopened.PoliciesOf(id).Count); // no customer without the policies of the file
            }

            var rerun = ImportInto(db, file, chunkSize: 2);
            Assert.Equal(expected, rerun.Documents);
            Assert.Equal($"imported {customers} customers, {customers * 2} policies; rejected 0 rows → {dir.File("customers.rejects.csv")}", rerun.Summary.Line);
        }
    }

    [Fact]
    public void TheFilesAsTheyAreOnDiskMidTransactionOpenAsAConsistentStore()
    {
        // What a power cut leaves: the data file and its write-ahead log copied while a chunk is written, uncommitted.
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(6)));
        var db = dir.File("print.db");
        var crash = dir.File("crash.db");
        using (var store = new LiteDbCustomerStore(db))
        {
            int saves = 0;
            store.BeforeCommit = () =>
            {
                if (++saves != 2) return;
                File.Copy(db, crash);
                var log = dir.File("print-log.db");
                if (File.Exists(log)) File.Copy(log, dir.File("crash-log.db"));
            };
            Importer(store, chunkSize: 2).Import(file);
        }
        using var copy = new LiteDbCustomerStore(crash);
        Assert.Equal((2, 4), (copy.CustomerCount, copy.PolicyCount));
        Assert.All(copy.CustomerIds(), id => Assert.Equal(2, copy.PoliciesOf(id).Count));
    }

    [Fact]
    public void AnImportStoppedByAFailureAfterSomeChunksKeepsTheCommittedOnes()
    {
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(5)));
        var db = dir.File("print.db");
        using (var store = new LiteDbCustomerStore(db))
        {
            var import = Importer(store, chunkSize: 2);
            import.AfterChunk = n => { if (n == 2) throw new OperationCanceledException(); };
            Assert.Throws<OperationCanceledException>(() => import.Import(file));
        }
        using (var store = new LiteDbCustomerStore(db))
        {
            Assert.Equal((4, 8), (store.CustomerCount, store.PolicyCount));
            var summary = Importer(store, chunkSize: 2).Import(file);
            Assert.Equal((5, 10, 5, 10), (summary.Customers, summary.Policies, store.CustomerCount, store.PolicyCount));
        }
    }

    [Fact]
    public void AFileFromEarlierKeepsDoNotContactFlagsAndAddressHistory()
    {
        var db = dir.File("print.db");
        var first = dir.WriteBytes("first.csv", Data.Utf8(Data.Csv));
        ImportInto(db, first);
        var moved = Data.Csv.Replace("莲塘镇澄湖西路66号", "莲塘镇向阳路8号");
        ImportInto(db, dir.WriteBytes("moved.csv", Data.Utf8(moved)));

        using var store = new LiteDbCustomerStore(db);
        var entries = store.FindCustomer("C003")!.Addresses.Entries;
        Assert.Equal(["莲塘镇澄湖西路66号", "莲塘镇向阳路8号"], entries.Select(e => e.Address.Street));
        Assert.Equal(Print.Core.Customers.AddressStatus.Previous, entries[0].Status);
    }
}
