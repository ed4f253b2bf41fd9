using Print.Documents.Geometry;
using Print.Documents.Pages;
using Xunit;
using static Print.Documents.Tests.TestSupport;

namespace Print.Documents.Tests.Engine;

/// <summary>
/// Chinese line breaking as printed: kinsoku (禁则), whole Latin words and numbers, justification, spaces.
/// Hanzi are one em wide, so a box N × font size wide holds exactly N of them.
/// </summary>
public class LineBreakingTests
{
    private const double Size = 10;                      // pt; a hanzi is 10pt wide
    private static readonly double Margin = Length.Mm(20); // where the box starts on the page

    // The punctuation classes as GB/T 15834 and CLREQ define them, written out here rather than taken
    // from the engine's Kinsoku class, so the tests judge the engine instead of repeating it.
    private const string Closing = "，。、；：？！）》」』”’】〕…";
    private const string Opening = "（《「『“‘【〔";

    private const string Ten = "甲乙丙丁戊己庚辛壬癸";
    private const string Five = "子丑寅卯辰";

    private static List<PrintedLine> LayoutLines(string paragraph, double widthPt, string pAttributes = "")
    {
        var doc = LayoutDoc($"""
            <document margin="20mm" font-size="{F(Size)}pt">
              <box width="{F(widthPt)}pt"><p{pAttributes}>{paragraph}</p></box>
            </document>
            """);
        Assert.Single(doc.Pages);
        return Lines(doc.Pages[0]);
    }

    [Fact]
    public void ABoxNTimesTheFontSizeWideHoldsExactlyNHanzi()
    {
        // The premise of the kinsoku tests below: without punctuation the break falls after the tenth hanzi.
        var lines = LayoutLines(Ten + Five, 10 * Size);
        Assert.Equal(new[] { Ten, Five }, lines.Select(l => l.Text));
    }

    [Theory]
    [InlineData("，")]
    [InlineData("。")]
    [InlineData("、")]
    [InlineData("；")]
    [InlineData("：")]
    [InlineData("？")]
    [InlineData("！")]
    [InlineData("）")]
    [InlineData("》")]
    [InlineData("」")]
    [InlineData("”")]
    [InlineData("’")]
    [InlineData("】")]
    [InlineData("…")]
    public void ClosingPunctuationNeverStartsALine(string mark)
    {
        // The natural break falls right before the mark; the last hanzi goes down with it instead.
        var lines = LayoutLines(Ten + mark + Five, 10 * Size);
        Assert.Equal(new[] { Ten[..9], Ten[9] + mark + Five }, lines.Select(l => l.Text));
    }

    [Theory]
    [InlineData("（")]
    [InlineData("《")]
    [InlineData("“")]
    [InlineData("‘")]
    [InlineData("「")]
    [InlineData("【")]
    public void OpeningPunctuationNeverEndsALine(string mark)
    {
        // Nine hanzi and the mark fill the line exactly; the mark must go down with the hanzi it opens.
        var lines = LayoutLines(Ten[..9] + mark + Five, 10 * Size);
        Assert.Equal(new[] { Ten[..9], mark + Five }, lines.Select(l => l.Text));
    }

    [Fact]
    public void TwoClosingMarksTogetherPullTwoCharactersDown()
    {
        // "。”" may not be split, nor start a line: the break moves before the hanzi they close.
        var lines = LayoutLines(Ten[..9] + "。”" + Five, 10 * Size);
        Assert.Equal(new[] { Ten[..8], Ten[8] + "。”" + Five }, lines.Select(l => l.Text));
    }

    private const string Prose =
        "尊敬的客户：您好！感谢您长期以来对我们的支持。为回馈新老客户，本行推出“春季专享”活动（详见《活动细则》），" +
        "凡在活动期间消费满一百元，即可获赠积分、礼品、优惠券……数量有限，先到先得。若有疑问，请致电客服热线；" +
        "我们将竭诚为您服务！「温馨提示」：请妥善保管您的卡片与密码，切勿转借他人【重要】。谢谢！";

    [Fact]
    public void KinsokuHoldsOnEveryLineAtEveryWidth()
    {
        for (int n = 5; n <= 30; n++)
        {
            var lines = LayoutLines(Prose, n * Size);
            Assert.Equal(Prose, string.Concat(lines.Select(l => l.Text)));
            foreach (var line in lines)
            {
                Assert.True(line.Right <= Margin + n * Size + 0.01, $"width {n}: line overflows the box: {line}");
                Assert.False(Closing.Contains(line.Text[0]), $"width {n}: line starts with closing punctuation: {line}");
                Assert.False(Opening.Contains(line.Text[^1]), $"width {n}: line ends with opening punctuation: {line}");
            }
        }
    }

    [Fact]
    public void LatinWordStaysWholeAndMovesToTheNextLine()
    {
        const string word = "Internationalization";
        var lines = LayoutLines("一二三四五六七 " + word + " 八九十", 15 * Size);
        var withWord = Assert.Single(lines, l => l.Text.Contains('I'));
        Assert.Contains(word, withWord.Text);
        Assert.Equal("一二三四五六七", lines[0].Text.TrimEnd());
        // No fragment of the word anywhere else.
        Assert.All(lines.Where(l => l != withWord), l => Assert.DoesNotContain(l.Text, c => char.IsAsciiLetter(c)));
    }

    [Fact]
    public void WordLongerThanTheLineIsBrokenWhereItOverflows()
    {
        const string word = "Supercalifragilisticexpialidocious";
        const double width = 10 * Size;
        var lines = LayoutLines(word, width);
        Assert.True(lines.Count >= 2, "the word is wider than the line and must be broken");
        Assert.Equal(word, string.Concat(lines.Select(l => l.Text)));
        foreach (var line in lines) Assert.True(line.Right - Margin <= width + 0.01, $"fragment overflows: {line}");
        // Broken where it overflows: the next character would not have fitted on the first line.
        var first = lines[0];
        var next = word[first.Text.Length];
        Assert.True(first.Right - Margin + first.Runs[0].Face.Advance(next) * Size > width,
            $"first fragment \"{first.Text}\" was broken early");
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("13800138000")]
    [InlineData("3.14159")]
    [InlineData("¥1,280.00")]
    [InlineData("100%")]
    public void NumbersStayWhole(string number)
    {
        // Eight hanzi and the number do not fit ten hanzi wide; the number must move down whole.
        var lines = LayoutLines(Ten[..8] + number + "元" + Five, 10 * Size);
        var face = SharedFonts.Resolve("Noto Sans SC", 400);
        Assert.True(CodePoints(number).Sum(cp => face.Advance(cp) * Size) > 2 * Size, "precondition: the number overflows the first line");
        Assert.Equal(Ten[..8], lines[0].Text);
        Assert.StartsWith(number + "元", lines[1].Text);
    }

    [Fact]
    public void MixedSizesInOneLineTakeTheLineHeightOfTheLargest()
    {
        // line-height 1.5: a 10pt line is 15pt tall, a line holding 20pt text 30pt.
        var mixed = LayoutLines("小字小字<br/>小字<span size=\"20pt\">大字</span>小字<br/>小字<br/>小字", 40 * Size);
        var plain = LayoutLines("小字小字<br/>小字大字小字<br/>小字<br/>小字", 40 * Size);
        Assert.Equal(4, mixed.Count);
        Assert.Equal(4, plain.Count);

        Assert.Equal(20, mixed[1].MaxSize);
        Assert.Equal(3, mixed[1].Runs.Count); // 10pt, 20pt and 10pt runs on one shared baseline
        Assert.Equal(15 + 30, mixed[2].Baseline - mixed[0].Baseline, 2);
        Assert.Equal(15, mixed[3].Baseline - mixed[2].Baseline, 2);
        Assert.Equal(15 + 15, plain[2].Baseline - plain[0].Baseline, 2);
        // The big glyphs sit lower than the small line above by more than a small line.
        Assert.True(mixed[1].Baseline - mixed[0].Baseline > 15);
    }

    public static TheoryData<double> JustifyWidths => new() { 97.3, 151.3, 213.7, 300 };

    [Theory]
    [MemberData(nameof(JustifyWidths))]
    public void JustifiedLinesEndAtTheRightEdgeAndTheLastLineIsLeftAligned(double width)
    {
        const string text = Prose + " Print 2026 与 Direct Mail 服务，" + Prose;
        var lines = LayoutLines(text, width, " align=\"justify\"");
        Assert.True(lines.Count >= 3);
        Assert.Equal(StripWhitespace(text), StripWhitespace(string.Concat(lines.Select(l => l.Text))));
        double right = Margin + width;

        foreach (var line in lines.SkipLast(1))
        {
            Assert.Equal(Margin, line.Left, 2);
            Assert.True(Math.Abs(line.Right - right) <= 0.05, $"justified line ends at {F(line.Right)}, the edge is {F(right)}: {line}");
        }
        Assert.Contains(lines.SkipLast(1), l => l.Runs.Any(r => r.LetterSpacing > 0.1)); // some line really was stretched

        var last = lines[^1];
        Assert.Equal(Margin, last.Left, 2);
        Assert.True(last.Right < right - Size, $"last line should be short and left-aligned: {last}");
        Assert.All(last.Runs, r => Assert.Equal(0, r.LetterSpacing));
        // Left-aligned at natural width: each run starts where the previous one's glyphs end.
        for (int i = 1; i < last.Runs.Count; i++)
        {
            var prev = last.Runs[i - 1];
            double prevEnd = prev.X + CodePoints(prev.Text).Sum(cp => prev.Face.Advance(cp) * prev.Size);
            Assert.Equal(prevEnd, last.Runs[i].X, 2);
        }
    }

    [Fact]
    public void JustifiedLineBeforeAKinsokuPushStillReachesTheEdge()
    {
        var lines = LayoutLines(Ten + "，" + Five + Five, 10 * Size, " align=\"justify\"");
        Assert.Equal(Ten[..9], lines[0].Text);
        Assert.Equal(Margin + 10 * Size, lines[0].Right, 2);
        // Nine glyphs over ten em: eight gaps of 1/8 em.
        Assert.Equal(Size / 8, Assert.Single(lines[0].Runs).LetterSpacing, 3);
    }

    [Fact]
    public void SourceNewlineBetweenHanziInsertsNoSpaceButAPlainSpaceIsKept()
    {
        var lines = LayoutLines("北京\n        上海 广州\n        Hello\n        World", 40 * Size);
        var line = Assert.Single(lines);
        Assert.Equal("北京上海 广州 Hello World", line.Text);
        // The join is also invisible in the geometry: 上 follows 京 directly.
        var run = line.Runs[0];
        var positions = GlyphPositions(run);
        Assert.Equal(positions[1].X + Size, positions[2].X, 3);
    }

    [Fact]
    public void BrForcesALineBreakAndTheLineBeforeItIsNotStretched()
    {
        var lines = LayoutLines("一二三<br/>四五六七八九十<br/>\n  末", 20 * Size, " align=\"justify\"");
        Assert.Equal(new[] { "一二三", "四五六七八九十", "末" }, lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.All(l.Runs, r => Assert.Equal(0, r.LetterSpacing)));
        Assert.All(lines, l => Assert.Equal(Margin, l.Left, 2));
    }
}
