using System.Text;
using Print.Documents.Pages;
using Xunit;
using static Print.Documents.Tests.TestSupport;

namespace Print.Documents.Tests.Engine;

/// <summary>
/// Pages: flow, header and footer with page numbers, widows and orphans, keep-together, page breaks,
/// tables across pages, fixed placements. Most tests use a page whose body holds exactly ten lines of
/// fifteen hanzi (150 × 150 pt at 10pt with line-height 1.5), so where a page must end is known exactly.
/// </summary>
public class PaginationTests
{
    private const int PerLine = 15;
    private const int LinesPerPage = 10;
    private const double Top = 20, Bottom = 170; // body of the 190 × 190 pt page with 20pt margins

    private static string Page(string body, string attributes = "") =>
        $"<document size=\"190x190pt\" margin=\"20pt\" font-size=\"10pt\"{attributes}>\n{body}\n</document>";

    private const string Pool =
        "春夏秋冬东南西北山水日月星云风雨花草树木鸟鱼虫金银铜铁江河湖海天地人和" +
        "红黄蓝绿紫白黑灰高低长短大小多少新旧早晚前后左右上下内外远近快慢冷热";

    /// <summary>Hanzi without punctuation, so lines break every <see cref="PerLine"/> characters.</summary>
    private static string Hanzi(int count, int seed)
    {
        var sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) sb.Append(Pool[(seed * 13 + i * 7) % Pool.Length]);
        return sb.ToString();
    }

    /// <summary>A paragraph of exactly <paramref name="lines"/> full lines, recognisable by its colour.</summary>
    private static string Para(int id, int lines, string attributes = "") =>
        $"<p color=\"cmyk(0,0,0,{40 + id})\"{attributes}>{Hanzi(lines * PerLine, id)}</p>";

    private static int IdOf(PrintedLine line) => (int)Math.Round(line.Runs[0].Color.K * 100) - 40;

    /// <summary>(page, paragraph id, text) of every body line, in reading order.</summary>
    private static List<(int Page, int Id, PrintedLine Line)> BodyLines(LaidOutDocument doc, Func<TextRun, bool>? where = null) =>
        doc.Pages.SelectMany((p, i) => Lines(p, where).Select(l => (i, IdOf(l), l))).ToList();

    [Fact]
    public void LongContentFlowsAcrossPagesWithoutLosingOrRepeatingALine()
    {
        var lengths = Enumerable.Range(0, 30).Select(i => 1 + i * 5 % 9).ToList();
        var doc = LayoutDoc(Page(string.Join("\n", lengths.Select((n, i) => Para(i, n)))));

        int total = lengths.Sum();
        Assert.True(doc.Pages.Count >= total / LinesPerPage, $"{total} lines cannot fit on {doc.Pages.Count} pages");
        var lines = BodyLines(doc);
        Assert.Equal(total, lines.Count);
        Assert.Equal(string.Concat(lengths.Select((n, i) => Hanzi(n * PerLine, i))), string.Concat(lines.Select(l => l.Line.Text)));
        Assert.Equal(lines.Select(l => l.Id).Order(), lines.Select(l => l.Id)); // paragraphs in source order
        foreach (var (page, _, line) in lines)
            Assert.True(line.Baseline > Top && line.Baseline < Bottom, $"page {page + 1}: line outside the body: {line}");
        // Pages are filled: every page but the last has at least eight of its ten lines in use.
        Assert.All(lines.GroupBy(l => l.Page).SkipLast(1), g => Assert.InRange(g.Count(), 8, LinesPerPage));
    }

    [Fact]
    public void HeaderAndFooterRepeatOnEveryPageWithPageNumberAndCount()
    {
        var body = string.Join("\n", Enumerable.Range(0, 20).Select(i => Para(i, 5)));
        var doc = LayoutDoc(Page($"""
            <header><p size="8pt" color="cmyk(0,0,0,30)">春季直邮</p></header>
            <footer><p size="8pt" align="center" color="cmyk(0,0,0,31)">第 <page-number/> 页 共 <page-count/> 页</p></footer>
            {body}
            """));
        int n = doc.Pages.Count;
        Assert.True(n >= 10, $"expected two-digit page numbers, got {n} pages");
        for (int i = 0; i < n; i++)
        {
            var lines = Lines(doc.Pages[i]);
            var header = Assert.Single(lines, l => IdOf(l) == -10);
            var footer = Assert.Single(lines, l => IdOf(l) == -9);
            var bodyLines = lines.Where(l => IdOf(l) >= 0).ToList();
            Assert.NotEmpty(bodyLines);
            Assert.Equal("春季直邮", header.Text);
            Assert.Equal($"第{i + 1}页共{n}页", StripWhitespace(footer.Text));
            Assert.True(header.Baseline < bodyLines.Min(l => l.Baseline), $"page {i + 1}: header is not above the body");
            Assert.True(footer.Baseline > bodyLines.Max(l => l.Baseline), $"page {i + 1}: footer is not below the body");
            Assert.True(footer.Baseline <= Bottom);
        }
        Assert.Equal(100, BodyLines(doc, t => t.Size == 10).Count);
    }

    [Fact]
    public void HeaderOnFirstPageOnlyAndFooterOnTheRest()
    {
        var body = string.Join("\n", Enumerable.Range(0, 6).Select(i => Para(i, 5)));
        var doc = LayoutDoc(Page($"""
            <header pages="first"><p size="8pt" color="cmyk(0,0,0,30)">首页抬头</p></header>
            <footer pages="rest"><p size="8pt" color="cmyk(0,0,0,31)">续页 <page-number/>/<page-count/></p></footer>
            {body}
            """));
        int n = doc.Pages.Count;
        Assert.True(n >= 3);
        for (int i = 0; i < n; i++)
        {
            var texts = Lines(doc.Pages[i]).Select(l => (IdOf(l), StripWhitespace(l.Text))).ToList();
            Assert.Equal(i == 0, texts.Contains((-10, "首页抬头")));
            Assert.Equal(i == 0 ? 0 : 1, texts.Count(t => t.Item1 == -9));
            if (i > 0) Assert.Contains((-9, $"续页{i + 1}/{n}"), texts);
        }
        // The header takes room on page 1 only: page 2's body starts higher.
        double FirstBody(int page) => Lines(doc.Pages[page]).Where(l => IdOf(l) >= 0).Min(l => l.Baseline);
        Assert.True(FirstBody(1) < FirstBody(0) - 5);
    }

    private static Dictionary<int, List<int>> LinesPerPageOf(LaidOutDocument doc) =>
        BodyLines(doc).GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.GroupBy(l => l.Page).Select(p => p.Count()).ToList());

    [Fact]
    public void NoOrphanAParagraphDoesNotLeaveItsFirstLineAloneAtTheFootOfAPage()
    {
        // Nine lines leave room for one: the four-line paragraph must move whole to page 2.
        var doc = LayoutDoc(Page(Para(0, 9) + Para(1, 4)));
        var split = LinesPerPageOf(doc);
        Assert.Equal(new[] { 9 }, split[0]);
        Assert.Equal(new[] { 4 }, split[1]);
        Assert.All(BodyLines(doc).Where(l => l.Id == 1), l => Assert.Equal(1, l.Page));
    }

    [Fact]
    public void NoWidowAParagraphDoesNotLeaveItsLastLineAloneAtTheHeadOfAPage()
    {
        // Seven lines leave room for three: 3 + 1 would strand the last line, so 2 + 2.
        var doc = LayoutDoc(Page(Para(0, 7) + Para(1, 4)));
        Assert.Equal(new[] { 2, 2 }, LinesPerPageOf(doc)[1]);
    }

    [Fact]
    public void ThreeLineParagraphIsNeverSplit()
    {
        var doc = LayoutDoc(Page(Para(0, 8) + Para(1, 3)));
        Assert.Equal(new[] { 3 }, LinesPerPageOf(doc)[1]);
        Assert.Equal(2, doc.Pages.Count);
    }

    [Fact]
    public void WidowAndOrphanRulesHoldForEveryParagraphOfALongDocument()
    {
        var parts = new List<string>();
        var expected = new Dictionary<int, int>();
        for (int i = 0; i < 40; i++)
        {
            int n = 2 + i * 7 % 11; // 2 … 12 lines
            expected[i] = n;
            parts.Add(Para(i, n, i % 3 == 0 ? " space-before=\"7.5pt\"" : ""));
        }
        var doc = LayoutDoc(Page("<header pages=\"rest\"><p size=\"8pt\" color=\"cmyk(0,0,0,30)\">续</p></header>\n" + string.Join("\n", parts)));

        var split = LinesPerPageOf(doc);
        var splitCount = 0;
        foreach (var (id, fragments) in split)
        {
            if (id < 0) continue;
            Assert.Equal(expected[id], fragments.Sum());
            if (fragments.Count == 1) continue;
            splitCount++;
            Assert.True(expected[id] >= 4, $"paragraph {id} of {expected[id]} lines was split {string.Join("+", fragments)}");
            Assert.True(fragments[0] >= 2, $"orphan: paragraph {id} split {string.Join("+", fragments)}");
            Assert.True(fragments[^1] >= 2, $"widow: paragraph {id} split {string.Join("+", fragments)}");
        }
        Assert.True(splitCount >= 5, $"only {splitCount} paragraphs crossed a page; the test proves little");
    }

    [Fact]
    public void KeepTogetherMovesItsBlockToTheNextPage()
    {
        string Doc(bool keep)
        {
            var inner = Para(1, 2) + Para(2, 2);
            return Page(Para(0, 7) + (keep ? $"<keep-together>{inner}</keep-together>" : inner) + Para(3, 1));
        }
        // Without keep-together the first two-line paragraph still fits on page 1.
        var loose = LinesPerPageOf(LayoutDoc(Doc(keep: false)));
        Assert.Equal(new[] { 2 }, loose[1]);
        Assert.Equal(1, BodyLines(LayoutDoc(Doc(keep: false))).First(l => l.Id == 1).Page + 1);

        var kept = LayoutDoc(Doc(keep: true));
        var lines = BodyLines(kept);
        Assert.All(lines.Where(l => l.Id == 0), l => Assert.Equal(0, l.Page));
        Assert.All(lines.Where(l => l.Id is 1 or 2), l => Assert.Equal(1, l.Page));
        Assert.Equal(7, lines.Count(l => l.Page == 0));
        // On page 2 the block starts at the top of the body.
        Assert.Equal(lines.Where(l => l.Page == 1).Min(l => l.Line.Baseline), lines.First(l => l.Id == 1).Line.Baseline);
    }

    [Fact]
    public void KeepTogetherTallerThanAPageSplitsInsteadOfLoopingForever()
    {
        var doc = LayoutDoc(Page(Para(0, 3) + "<keep-together>" + Para(1, 8) + Para(2, 8) + "</keep-together>"));
        var lines = BodyLines(doc);
        Assert.Equal(19, lines.Count);
        Assert.Equal(Hanzi(3 * PerLine, 0) + Hanzi(8 * PerLine, 1) + Hanzi(8 * PerLine, 2), string.Concat(lines.Select(l => l.Line.Text)));
        Assert.All(lines.Where(l => l.Id == 1).Take(1), l => Assert.Equal(1, l.Page)); // moved once, then split
    }

    [Fact]
    public void PageBreakStartsANewPageButNotAnEmptyOne()
    {
        var doc = LayoutDoc(Page("<page-break/>" + Para(0, 1) + "<page-break/>" + Para(1, 1) + Para(2, 1)));
        Assert.Equal(2, doc.Pages.Count);
        Assert.Equal(new[] { 0 }, Lines(doc.Pages[0]).Select(IdOf));
        Assert.Equal(new[] { 1, 2 }, Lines(doc.Pages[1]).Select(IdOf));
    }

    [Fact]
    public void TableHeaderRepeatsOnEveryPageAndBodyRowsAreNeitherSplitNorDuplicated()
    {
        const int rows = 40;
        string Content(int i) => Hanzi(2 + i * 7 % 31, i); // one or two lines in the second column
        var body = string.Join("\n", Enumerable.Range(1, rows).Select(i => $"<tr><td>R{i:00}</td><td>{Content(i)}</td></tr>"));
        var doc = LayoutDoc($"""
            <document size="A6" margin="10mm" font-size="9pt">
              <p>表格前的文字。</p>
              <table columns="20mm *">
                <thead><tr><td>编号</td><td>说明</td></tr></thead>
                {body}
              </table>
              <p>表格后的文字。</p>
            </document>
            """);
        Assert.True(doc.Pages.Count >= 3, $"the table should span pages, got {doc.Pages.Count}");
        double secondColumn = Geometry.Length.Mm(10 + 20); // margin + first column

        var seen = new List<int>();
        double bodyBottom = doc.Pages[0].Height - Geometry.Length.Mm(10);
        for (int p = 0; p < doc.Pages.Count; p++)
        {
            var page = doc.Pages[p];
            var lines = Lines(page);
            var labels = lines.SelectMany(l => l.Runs).Where(r => r.Text.StartsWith('R') && r.Text.Length == 3).ToList();
            if (labels.Count == 0) continue;

            // The header row comes first, above every body row on this page.
            var header = Assert.Single(lines, l => l.Text == "编号说明");
            Assert.True(header.Baseline < labels.Min(r => r.Baseline), $"page {p + 1}: header row is not on top");
            Assert.All(header.Runs, r => Assert.Equal(700, r.Face.Weight));

            foreach (var label in labels)
            {
                int i = int.Parse(label.Text[1..]);
                seen.Add(i);
                // The whole second cell is on this page: its lines, from the label's baseline down to the next row.
                double next = labels.Where(r => r.Baseline > label.Baseline).Select(r => r.Baseline).DefaultIfEmpty(double.MaxValue).Min();
                var cell = string.Concat(lines.Where(l => l.Baseline >= label.Baseline - 0.01 && l.Baseline < next - 0.01)
                    .SelectMany(l => l.Runs).Where(r => r.X >= secondColumn - 0.01).Select(r => r.Text));
                Assert.Equal(Content(i), cell);
            }
            // No row is cut off by the page end: every cell border lies inside the body.
            Assert.All(page.Items.OfType<StrokeRect>(), s => Assert.True(s.Rect.Bottom <= bodyBottom + 0.5, $"page {p + 1}: cell border runs to {F(s.Rect.Bottom)}"));
        }
        Assert.Equal(Enumerable.Range(1, rows), seen); // each row once, in order
    }

    [Fact]
    public void PlaceWhoseContentOverflowsFailsNamingPlaceAndItsLine()
    {
        var markup = """
            <document>
              <p>正文</p>
              <place x="20mm" y="50mm" width="30mm" height="8mm">
                <p>北京市海淀区中关村大街一号院二号楼三单元四层五零六室</p>
              </place>
            </document>
            """;
        var e = Assert.Throws<LayoutException>(() => LayoutDoc(markup, "letter.xml"));
        Assert.Equal(new SourceLocation("letter.xml", 3, 4), e.Location);
        Assert.StartsWith("letter.xml:3:4: <place>:", e.Message);
        Assert.Contains("30×8mm", e.Message);
    }

    [Fact]
    public void PlaceIsPositionedFromTheTrimBoxNotTheMediaBox()
    {
        var doc = LayoutDoc("""
            <document size="A6" bleed="3mm" margin="10mm">
              <place x="10mm" y="20mm" width="50mm" height="20mm"><p>地址</p></place>
            </document>
            """);
        var run = Assert.Single(doc.Pages[0].Items.OfType<TextRun>());
        Assert.Equal(Geometry.Length.Mm(13), run.X, 2);
        Assert.InRange(run.Baseline, Geometry.Length.Mm(23), Geometry.Length.Mm(23) + 16);
    }
}
