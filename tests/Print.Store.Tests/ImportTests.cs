using Print.Core.Segmentation;
using Print.Store.Import;
using Print.Store.LiteDb;

namespace Print.Store.Tests;

public class ImportTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    private CustomerImport Importer(ICustomerStore store, int chunkSize = 500, int bucketCustomers = 16_384) =>
        new(store, SegmentRules.Default, Data.Today) { ChunkSize = chunkSize, BucketCustomers = bucketCustomers, TempRoot = dir.File("tmp") };

    /// <summary>The import's temporary directories left under <see cref="Importer"/>'s TempRoot.</summary>
    private string[] Workspaces() =>
        Directory.Exists(dir.File("tmp")) ? Directory.GetDirectories(dir.File("tmp"), "print-import-*") : [];

    private (ImportSummary Summary, IReadOnlyList<string> Documents) ImportInto(string db, string file, int chunkSize = 500, int bucketCustomers = 16_384)
    {
        using var store = new LiteDbCustomerStore(db);
        var summary = Importer(store, chunkSize, bucketCustomers).Import(file);
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
        int entries;
        using (var store = new LiteDbCustomerStore(db)) entries = store.DayListEntries;
        var second = ImportInto(db, file);

        using (var store = new LiteDbCustomerStore(db)) Assert.Equal((entries, 0), (store.DayListEntries, store.DayListProblems().Count)); // nothing listed twice
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
                Assert.Empty(reopened.DayListProblems()); // every stored policy listed under its start and end day
            }

            var rerun = ImportInto(db, file, chunkSize: 2);
            Assert.Equal(expected, rerun.Documents);
            using (var done = new LiteDbCustomerStore(db)) Assert.Empty(done.DayListProblems());
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
        Assert.Empty(copy.DayListProblems());
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

    [Fact]
    public void RowsOfOneCustomerInDifferentPartsOfTheFileMeetInOneBucketWhateverTheBucketSize()
    {
        // Two rows per customer, the second half of the file repeating the first: with one customer per bucket
        // every bucket holds rows from both halves.
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(7) + Data.Rows + Data.Rows.Replace("P00", "P10")));
        var one = ImportInto(dir.File("one.db"), file, chunkSize: 3);
        var many = ImportInto(dir.File("many.db"), file, chunkSize: 3, bucketCustomers: 1);

        Assert.Equal(one.Documents, many.Documents);
        Assert.Equal((10, 24), (many.Summary.Customers, many.Summary.Policies));
        using var store = new LiteDbCustomerStore(dir.File("many.db"));
        Assert.Equal(["P003", "P103", "P001", "P101"], store.Get("C001")!.Policies.Select(p => p.Number));
        Assert.Empty(Workspaces());
    }

    [Fact]
    public void AFailedOrCancelledImportDeletesItsTemporaryFilesAndTheNextImportDeletesThoseOfAKilledOne()
    {
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(5)));
        using (var store = new LiteDbCustomerStore(dir.File("print.db")))
        {
            var import = Importer(store, chunkSize: 2, bucketCustomers: 2);
            import.AfterChunk = n => { if (n == 2) throw new OperationCanceledException(); };
            Assert.Throws<OperationCanceledException>(() => import.Import(file));
            Assert.Empty(Workspaces());
        }

        // What a killed import leaves: a workspace named after a process that no longer runs.
        using var gone = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true"))!;
        gone.WaitForExit();
        var abandoned = Directory.CreateDirectory(dir.File($"tmp/print-import-{gone.Id}-0123456789abcdef"));
        File.WriteAllText(Path.Combine(abandoned.FullName, "bucket-0000.bin"), "rows");
        using (var store = new LiteDbCustomerStore(dir.File("print.db")))
            Importer(store, chunkSize: 2).Import(file);
        Assert.Empty(Workspaces());
    }

    [Fact]
    public void ProgressIsReportedEveryNRowsOfEachPassWithCountsOnly()
    {
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Many(6))); // 12 rows, 6 customers
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        var reports = new List<ImportProgress>();
        var import = new CustomerImport(store, SegmentRules.Default, Data.Today) { ChunkSize = 2, ProgressEvery = 4, Progress = reports.Add, TempRoot = dir.File("tmp") };

        import.Import(file);

        Assert.Equal(
        [
            new(ImportStage.Checked, 4, 0, 0), new(ImportStage.Checked, 8, 0, 0), new(ImportStage.Checked, 12, 0, 0),
            new(ImportStage.Stored, 4, 12, 2), new(ImportStage.Stored, 8, 12, 4), new(ImportStage.Stored, 12, 12, 6),
        ], reports);
    }

    [Fact]
    public void TheSummaryKeepsTheFirstProblemsAndCountsThemAll()
    {
        var bad = string.Concat(Enumerable.Range(1, 30).Select(i => $"C{i:000},某某,男,,1387065,,江西省,南昌市,东湖区,阳明路1号,330006,,P{i:000},,,2026-01-01,2026-12-31,1000,0,0,100\r\n"));
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Header + bad));
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        var import = new CustomerImport(store, SegmentRules.Default, Data.Today) { ErrorsKept = 10, TempRoot = dir.File("tmp") };

        var summary = import.Import(file);

        Assert.Equal((30, 30, 10), (summary.RejectedRows, summary.Problems, summary.Errors.Count));
        Assert.Equal(31, File.ReadAllLines(summary.RejectsFile).Length);
    }

    [Fact]
    public void SegmentingOnTheDayOfTheImportFindsEveryRecordCurrent()
    {
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Data.Csv + Data.Rows.Replace("P00", "P10").Replace("宝马 X3", "奥迪 A6L")));
        using var store = new LiteDbCustomerStore(dir.File("print.db"));
        Importer(store).Import(file);

        var report = CustomerSegmentation.RecomputeAll(store, SegmentRules.Default, Data.Today);

        Assert.Equal((3, 0), (report.Total, report.Saved));
    }
}
