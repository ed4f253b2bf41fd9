using System.Globalization;
using Print.Documents.Geometry;
using Print.Documents.Layout;
using Print.Documents.Pages;
using Print.Documents.Text;

namespace Print.Documents.Elements;

/// <summary>
/// A paragraph of inline text. Splits across pages line by line, never leaving its first or last line alone
/// at the foot or head of a page.
/// </summary>
public sealed class Paragraph(IReadOnlyList<Inline> content, TextStyle style, ParagraphStyle paragraph, string name = "p") : Element
{
    private List<TextLine>? _lines;
    private (double Width, int Digits) _linesFor = (double.NaN, 0);
    private int _next;

    public override string Name { get; } = name;
    public IReadOnlyList<Inline> Content { get; } = content;
    public TextStyle Style { get; } = style;
    public ParagraphStyle ParagraphStyle { get; } = paragraph;

    public List<TextLine> Lines(LayoutContext context, double width)
    {
        if (_lines is null || Math.Abs(_linesFor.Width - width) > 1e-6 || _linesFor.Digits != context.PageNumberDigits)
        {
            _lines = TextLayout.Layout(Content, ParagraphStyle, Style, width, context.Fonts, Source, Name, context.PageNumberDigits);
            _linesFor = (width, context.PageNumberDigits);
        }
        return _lines;
    }

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        var (count, height) = Fit(context, available);
        if (count == 0) return SpacePlan.Wrap();
        var lines = Lines(context, available.Width);
        return _next + count == lines.Count ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
    }

    private (int Count, double Height) Fit(LayoutContext context, Size available)
    {
        var lines = Lines(context, available.Width);
        double before = _next == 0 ? ParagraphStyle.SpaceBefore : 0;
        double h = before;
        int fit = 0;
        while (_next + fit < lines.Count && h + lines[_next + fit].Height <= available.Height + 1e-6)
            h += lines[_next + fit++].Height;
        int remaining = lines.Count - _next;
        if (fit == remaining)
            return (fit, Math.Min(h + ParagraphStyle.SpaceAfter, Math.Max(h, available.Height)));

        int count = fit;
        if (remaining - count == 1) count--;                 // no last line alone at the top of the next page
        if (_next == 0 && count == 1 && remaining > 1) count = 0; // no first line alone at the foot of this one
        if (count <= 0 && context.AtPageTop) count = Math.Max(1, fit); // a page must make progress
        if (count <= 0) return (0, 0);
        h = before;
        for (int i = 0; i < count; i++) h += lines[_next + i].Height;
        return (count, h);
    }

    public override void Draw(LayoutContext context, Rect area)
    {
        var (count, _) = Fit(context, new Size(area.Width, area.Height));
        var lines = Lines(context, area.Width);
        double y = area.Y + (_next == 0 ? ParagraphStyle.SpaceBefore : 0);
        for (int i = 0; i < count; i++)
        {
            var line = lines[_next + i];
            foreach (var run in line.Runs) DrawRun(context, run, area.X, y + line.Baseline);
            y += line.Height;
        }
        _next += count;
    }

    private static void DrawRun(LayoutContext context, LineRun run, double x, double baseline)
    {
        switch (run.Kind)
        {
            case InlineKind.Text:
                context.Add(new TextRun(run.Face, run.Style.Size, run.Style.Color, x + run.X, baseline, run.Text, run.LetterSpacing, run.Width));
                break;
            case InlineKind.PageNumber:
                context.Add(Number(run, x, baseline, context.PageNumber));
                break;
            case InlineKind.PageCount:
                context.Add(Number(run, x, baseline, 0));
                context.PageCountRuns.Add((context.Page, context.Page.Items.Count - 1));
                break;
        }
    }

    /// <summary>A number centred in the room reserved for it.</summary>
    internal static TextRun Number(LineRun room, double x, double baseline, int value) =>
        Number(new TextRun(room.Face, room.Style.Size, room.Style.Color, x + room.X, baseline, "", 0, room.Width), value);

    internal static TextRun Number(TextRun room, int value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        double width = text.Sum(c => room.Face.Advance(c)) * room.Size;
        double centre = room.X + room.Width / 2;
        return room with { X = centre - width / 2, Text = text, Width = width };
    }

    public override void Reset() => _next = 0;
}
