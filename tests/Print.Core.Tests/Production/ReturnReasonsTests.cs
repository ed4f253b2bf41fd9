using Print.Core.Production;
using Print.Core.Text;

namespace Print.Core.Tests.Production;

public class ReturnReasonsTests
{
    [Fact]
    public void TheShippedReasons()
    {
        var reasons = ReturnReasons.Default;
        Assert.Equal(["unknown-addressee", "incomplete-address", "moved", "refused", "not-collected", "deceased", "other"], reasons.All.Select(r => r.Code));
        Assert.Equal(["原址查无此人", "地址不详", "迁移新址不明", "拒收", "逾期未领", "收件人已故", "其他"], reasons.All.Select(r => r.Label));
        Assert.Equal(["unknown-addressee", "incomplete-address", "moved"], reasons.All.Where(r => r.BadAddress).Select(r => r.Code));
        Assert.Equal(["deceased"], reasons.All.Where(r => r.StopContact).Select(r => r.Code));
        Assert.Contains("\"reasons\"", ReturnReasons.DefaultJson);
    }

    [Theory]
    [InlineData("moved", "moved")]
    [InlineData("迁移新址不明", "moved")]
    [InlineData(" 拒 收 ", "refused")]
    [InlineData("REFUSED", "refused")]
    [InlineData("查无此人", "unknown-addressee")]
    [InlineData("其它", "other")]
    public void FoundByCodeLabelOrAlias(string name, string code) => Assert.Equal(code, ReturnReasons.Default.Find(name)?.Code);

    [Fact]
    public void UnknownNamesAreNotGuessed() => Assert.Null(ReturnReasons.Default.Find("lost"));

    [Fact]
    public void AnOperatorsFileWithThePostOfficesCodes()
    {
        var reasons = ReturnReasons.Parse("""
            { "reasons": [
                { "code": "unknown-addressee", "label": "原址查无此人", "bad_address": true, "aliases": ["01"] },
                { "code": "deceased", "label": "收件人已故", "bad_address": false, "stop_contact": true, "aliases": ["06"] }
            ] }
            """);
        Assert.Equal("deceased", reasons.Find("06")!.Code);
        Assert.True(reasons.Find("01")!.BadAddress);
    }

    [Fact]
    public void EveryMistakeIsReportedWithItsJsonPath()
    {
        var errors = Assert.Throws<InvalidFileException>(() => ReturnReasons.Parse("""
            { "reasons": [
                { "code": "moved", "label": "迁移", "bad_address": true },
                { "code": "", "bad_address": "yes", "why": 1 },
                { "code": "gone", "label": "迁移", "bad_address": true, "aliases": [3] },
                { "code": "MOVED", "label": "搬走", "bad_address": true }
            ] }
            """, "reasons.json")).Errors;
        Assert.Equal(
        [
            "$.reasons[1].why: unknown property; expected code, label, bad_address, stop_contact, aliases",
            "$.reasons[1].code: expected a non-empty text, got \"\"",
            "$.reasons[1].label: missing",
            "$.reasons[1].bad_address: expected true or false, got \"yes\"",
            "$.reasons[2].aliases[0]: expected a text, got 3",
            "$.reasons[3]: \"MOVED\" already names $.reasons[0]; a code, label or alias must name one reason",
        ], errors);
        Assert.Equal(["$.reasons: expected a non-empty list of return reasons"],
            Assert.Throws<InvalidFileException>(() => ReturnReasons.Parse("""{ "reasons": [] }""")).Errors);
    }
}
