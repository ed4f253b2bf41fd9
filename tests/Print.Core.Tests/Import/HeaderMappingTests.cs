using Print.Core.Import;
using Print.Core.Text;

namespace Print.Core.Tests.Import;

public class HeaderMappingTests
{
    private static readonly string[] Chinese =
        ["客户编号", "姓名", "性别", "出生日期", "身份证号", "手机", "邮箱", "省", "市", "区", "详细地址", "邮编", "职业",
         "保单号", "车牌号", "车型", "起保日期", "终保日期", "保费", "出险次数", "赔款金额", "利润",
         "不寄信", "不发短信", "不发邮件", "不致电", "首选渠道"];

    [Fact]
    public void EveryColumnIsDescribedOnceInItsPlace() =>
        Assert.Equal(Enum.GetValues<ImportColumn>(), ImportColumns.All.Select(c => c.Column));

    [Fact]
    public void TheInsurersChineseHeadersMapToEveryColumn()
    {
        var layout = HeaderMapping.BuiltIn.Resolve(Chinese);
        Assert.All(Enum.GetValues<ImportColumn>().Where(c => c != ImportColumn.Margin), c => Assert.True(layout.Has(c), c.ToString()));
        Assert.Equal("13812345678", layout.Cell([.. Chinese.Select((_, i) => i == 5 ? " 13812345678 " : "")], ImportColumn.Mobile));
        Assert.Equal("手机", layout.HeaderOf(ImportColumn.Mobile));
    }

    [Fact]
    public void EnglishKeysMapToo_InAnyCaseAndSpacing()
    {
        var layout = HeaderMapping.BuiltIn.Resolve(["Customer ID", "NAME", "policy_number", "start-date", "End_Date", "premium", "margin", ""]);
        Assert.True(layout.Has(ImportColumn.CustomerId) && layout.Has(ImportColumn.Margin));
        Assert.Equal("Customer ID", layout.HeaderOf(ImportColumn.CustomerId));
        Assert.False(layout.Has(ImportColumn.Mobile));
        Assert.Equal("手机", layout.HeaderOf(ImportColumn.Mobile)); // absent: named by its Chinese header
    }

    [Fact]
    public void UnknownDuplicateAndMissingColumnsAreAllReported()
    {
        var e = Assert.Throws<InvalidFileException>(() => HeaderMapping.BuiltIn.Resolve(["客户编号", "姓名", "手机", "备注", "mobile", "起保日期", "终保日期", "保费"]));
        Assert.Equal(
        [
            "column 4 \"备注\" is not a known header; map it in a mapping file, or list it under \"ignore\"",
            "columns 3 \"手机\" and 5 \"mobile\" both mean mobile",
            "required column 保单号 (policy_number) is missing",
        ], e.Errors);
        Assert.StartsWith("header row: column 4", e.Message);
    }

    [Fact]
    public void AMappingFileAddsNamesIgnoresColumnsAndOverridesBuiltInOnes()
    {
        var mapping = HeaderMapping.Parse("""
            {
              // the branch's own export
              "columns": { "客户号码": "customer_id", "联系电话": "mobile", "地址": "district" },
              "ignore": ["备注"],
            }
            """);
        var layout = mapping.Resolve(["客户号码", "姓名", "联系电话", "备注", "地址", "保单号", "起保日期", "终保日期", "保费"]);
        Assert.Equal("联系电话", layout.HeaderOf(ImportColumn.Mobile));
        Assert.Equal("地址", layout.HeaderOf(ImportColumn.District)); // was street in the built-in mapping
        Assert.False(layout.Has(ImportColumn.Street));
    }

    [Fact]
    public void WithoutBuiltInOnlyTheFilesNamesCount()
    {
        var mapping = HeaderMapping.Parse("""{ "builtin": false, "columns": { "ID": "customer_id" } }""");
        var e = Assert.Throws<InvalidFileException>(() => mapping.Resolve(["ID", "姓名"]));
        Assert.Contains("column 2 \"姓名\" is not a known header; map it in a mapping file, or list it under \"ignore\"", e.Errors);
    }

    [Fact]
    public void MappingFileMistakesNameTheirJsonPath()
    {
        var e = Assert.Throws<InvalidFileException>(() => HeaderMapping.Parse("""
            { "columns": { "联系电话": "mobil", "客户号": 3 }, "ignore": "备注", "builtins": true }
            """, "branch-mapping.json"));
        Assert.Equal("branch-mapping.json", e.FileName);
        Assert.Equal(4, e.Errors.Count);
        Assert.StartsWith("$.columns['联系电话']: unknown column \"mobil\"; the columns are customer_id, name,", e.Errors[0]);
        Assert.Equal("$.columns['客户号']: expected a column key such as \"mobile\"", e.Errors[1]);
        Assert.Equal("$.ignore: expected a list of header names", e.Errors[2]);
        Assert.Equal("$.builtins: unknown property; a mapping file has \"builtin\", \"columns\" and \"ignore\"", e.Errors[3]);
    }

    [Fact]
    public void BrokenJsonNamesTheLine()
    {
        var e = Assert.Throws<InvalidFileException>(() => HeaderMapping.Parse("{\n  \"columns\": {\n    \"a\" \"name\"\n  }\n}"));
        Assert.StartsWith("line 3, column 9: not valid JSON", Assert.Single(e.Errors));
    }
}
