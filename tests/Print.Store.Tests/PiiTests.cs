using Print.Server.Cli;

namespace Print.Store.Tests;

/// <summary>
/// Nothing the import and segment commands print or write beside the store — summary, rejected rows, progress
/// lines, the rejects file, error messages — holds a mobile, ID number, e-mail or street address unmasked, nor a
/// name; only <c>customers show</c> prints the name, as the issue allows.
/// </summary>
public class PiiTests : IDisposable
{
    private readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    // Good rows (C101, C102) and bad ones whose bad cell is itself personal: a 10-digit mobile, an ID number with
    // a wrong check character, an e-mail without a domain, an ID number that contradicts the birthday column's
    // absence but not the gender column, and a row with a stray extra cell carrying a street.
    private const string Csv = Data.Header +
        "C101,欧阳娜娜,女,360102197803120025,13870659876,nana.ouyang@163.com,江西省,南昌市,东湖区,象山北路88号3栋702室,330006,教师,P101,赣A·11111,大众朗逸,2026-03-01,2027-02-28,6200,0,0,1500\r\n" +
        "C102,司马光明,男,360103198507210051,13907915555,guangming.sima@qq.com,江西省,南昌市,西湖区,孺子路266号,330009,,P102,赣A·22222,丰田卡罗拉,2026-01-10,2027-01-09,3200,3,12500,-2600\r\n" +
        "C103,诸葛亮亮,男,,1387065432,,江西省,南昌市,东湖区,阳明路77号,330006,,P103,,,2026-01-01,2026-12-31,1000,0,0,100\r\n" +
        "C104,上官婉儿,女,360102199001011238,18607004321,wan.er@,江西省,南昌市,南昌县,莲塘镇澄湖东路9号,330200,,P104,,,2026-01-01,2026-12-31,1000,0,0,100\r\n" +
        "C105,东方不败,男,360102197803120025,18607008888,dongfang.bubai@163.com,江西省,南昌市,青山湖区,北京东路1号,330029,,P105,,,2026-01-01,2026-12-31,1000,0,0,100\r\n" +
        "C106,独孤求败,男,,18607007777,,江西省,南昌市,东湖区,八一大道999号,330006,,P106,,,2026-01-01,2026-12-31,1000,0,0,100,解放西路5号\r\n";

    private static readonly string[] Personal =
    [
        "13870659876", "13907915555", "1387065432", "18607004321", "18607008888", "18607007777",
        "360102197803120025", "360103198507210051", "360102199001011238",
        "nana.ouyang@163.com", "guangming.sima@qq.com", "wan.er@", "dongfang.bubai@163.com",
        "象山北路88号", "孺子路266号", "阳明路77号", "莲塘镇澄湖东路9号", "北京东路1号", "八一大道999号", "解放西路5号",
    ];

    private static readonly string[] Names = ["欧阳娜娜", "司马光明", "诸葛亮亮", "上官婉儿", "东方不败", "独孤求败"];

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Commands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void ImportAndSegmentOutputAndEveryFileBesideTheStoreAreMasked()
    {
        var file = dir.WriteBytes("customers.csv", Data.Utf8(Csv));
        var db = dir.File("store/print.db");

        var import = Run("import", "customers", file, "--db", db, "--progress-every", "1");
        var again = Run("import", "customers", file, "--db", db, "--progress-every", "1");
        var segment = Run("segment", "--db", db);
        var broken = dir.WriteBytes("broken.csv", Data.Utf8(Csv + "C107,\"未闭合,13870650000\r\n"));
        var unreadable = Run("import", "customers", broken, "--db", db);

        Assert.Equal(0, import.Code);
        Assert.StartsWith("imported 2 customers, 2 policies; rejected 4 rows → ", import.Out);
        Assert.Contains(": checked 6 rows", import.Err);
        Assert.Contains(": stored 2 of 2 rows (2 customers)", import.Err);
        Assert.Contains("row 3, 手机: a mobile number has 11 digits, this has 10", import.Err);
        Assert.Contains("3,手机,******5432,", File.ReadAllText(dir.File("customers.rejects.csv"))); // the bad mobile, masked
        Assert.Equal(0, segment.Code);
        Assert.Equal(1, unreadable.Code);

        var store = Path.GetDirectoryName(db)!;
        var written = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories)
            .Where(f => f != file && f != broken && Path.GetDirectoryName(f) != store).ToList();
        Assert.Contains(dir.File("customers.rejects.csv"), written);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(store), f => Path.GetFileName(f).StartsWith("print-import-")); // no bucket files left
        var everything = new List<(string Where, string Text)>
        {
            ("import stdout", import.Out), ("import stderr", import.Err), ("second import stdout", again.Out), ("second import stderr", again.Err),
            ("segment stdout", segment.Out), ("segment stderr", segment.Err), ("unreadable file stderr", unreadable.Err),
        };
        everything.AddRange(written.Select(f => (f, File.ReadAllText(f))));
        foreach (var (where, text) in everything)
            foreach (var value in Personal.Concat(Names))
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{where} shows {value} unmasked:\n{text}");
    }

    [Fact]
    public void CustomersShowPrintsTheNameAndMasksTheRest()
    {
        Run("import", "customers", dir.WriteBytes("customers.csv", Data.Utf8(Csv)), "--db", dir.File("print.db"));

        var (code, output, _) = Run("customers", "show", "C101", "--db", dir.File("print.db"));

        Assert.Equal(0, code);
        Assert.StartsWith("customer C101  欧阳娜娜", output);
        foreach (var value in Personal) Assert.DoesNotContain(value, output);
    }
}
