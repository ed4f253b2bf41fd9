using Print.Core.Text;

namespace Print.Core.Tests.Text;

public class CsvRowsTests
{
    private static List<(int Line, List<string> Fields)> Read(string csv, bool strict = false) => CsvRows.Read(new StringReader(csv), strict).ToList();

    [Fact]
    public void QuotedFieldsKeepCommasQuotesAndLineBreaks()
    {
        var rows = Read("id,street,name\r\n1,\"八一大道 357 号,\r\n2 栋\",\"王\"\"五\"\"\"\r\n2,plain,李四\r\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "八一大道 357 号,\r\n2 栋", "王\"五\""], rows[1].Fields);
        Assert.Equal(["2", "plain", "李四"], rows[2].Fields);
    }

    [Fact]
    public void RowsKnowTheLineTheyStartOnAndBlankLinesAreSkipped()
    {
        var rows = Read("h1,h2\n\"a\nb\",c\n\nd,e");
        Assert.Equal([1, 2, 5], rows.Select(r => r.Line));
        Assert.Equal(["d", "e"], rows[2].Fields);
    }

    [Fact]
    public void EmptyFieldsAreKept()
    {
        Assert.Equal(["", "x", "", ""], Read(",x,,\n")[0].Fields);
    }

    [Fact]
    public void StrictReadingRefusesAnUnclosedQuoteNamingItsLine()
    {
        var csv = "h1,h2\nok,row\n\"never closed,x\nmore,rows\n";
        var e = Assert.Throws<CsvFormatException>(() => Read(csv, strict: true));
        Assert.Equal(3, e.Line);
        Assert.Contains("line 3", e.Message);
        Assert.Equal(3, Read(csv).Count); // lenient (template data) as before: the rest becomes one field
    }

    [Fact]
    public void WrittenRowsReadBackTheSame()
    {
        string[] fields = ["plain", "a,b", "say \"hi\"", "two\r\nlines", ""];
        var writer = new StringWriter();
        CsvRows.Write(writer, fields);
        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\r\n", writer.ToString());
        Assert.Equal(fields, Read(writer.ToString()).Single().Fields);
    }
}
