using System.Text;
using Print.Documents.Fonts;

namespace Print.Documents.Text;

/// <summary>A run of glyphs on a line, X relative to the line's left edge.</summary>
public sealed record LineRun(double X, FontFace Face, TextStyle Style, string Text, double LetterSpacing, double Width, InlineKind Kind);

public sealed record TextLine(double Width, double Height, double Baseline, IReadOnlyList<LineRun> Runs);

/// <summary>
/// Breaks paragraph content into lines: fonts chosen per character along the fallback chain, breaks between
/// hanzi but never before closing or after opening punctuation, Latin words whole, justification spread over
/// the break opportunities of the line.
/// </summary>
public static class TextLayout
{
    private struct Atom
    {
        public int CodePoint;
        public FontFace Face;
        public TextStyle Style;
        public double Advance;
        public InlineKind Kind;
        public bool IsSpace;
        public int KeepTogether;
    }

    /// <param name="pageNumberDigits">Room reserved for a page number or count, in digits.</param>
    public static List<TextLine> Layout(IReadOnlyList<Inline> content, ParagraphStyle paragraph, TextStyle baseStyle,
        double width, FontRegistry fonts, SourceLocation source, string element, int pageNumberDigits = 2)
    {
        var atoms = Atomize(content, fonts, source, element, pageNumberDigits);
        var lines = new List<TextLine>();
        int n = atoms.Count;
        if (n == 0)
        {
            lines.Add(EmptyLine(baseStyle, paragraph, fonts));
            return lines;
        }
        var breakAfter = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (atoms[i].Kind == InlineKind.LineBreak) { breakAfter[i] = true; continue; }
            if (i + 1 < n)
                breakAfter[i] = atoms[i + 1].Kind != InlineKind.LineBreak
                    && (atoms[i].KeepTogether == 0 || atoms[i].KeepTogether != atoms[i + 1].KeepTogether)
                    && Kinsoku.CanBreakBetween(BreakClass(atoms[i]), BreakClass(atoms[i + 1]));
        }

        int start = 0;
        while (start < n)
        {
            double indent = lines.Count == 0 ? paragraph.Indent : 0;
            double available = width - indent;
            double used = 0;
            int last = -1;
            bool forced = false;
            int k = start;
            while (k < n)
            {
                int u = k;
                while (u < n - 1 && !breakAfter[u]) u++;
                double unitWidth = 0, trailing = 0;
                for (int a = k; a <= u; a++)
                {
                    unitWidth += atoms[a].Advance;
                    trailing = atoms[a].IsSpace ? trailing + atoms[a].Advance : 0;
                }
                if (used + unitWidth - trailing > available + 1e-6)
                {
                    if (last >= start) break;
                    // A word longer than the line: break it where it overflows, keeping at least one character.
                    int a = k;
                    double w = 0;
                    do { w += atoms[a].Advance; a++; } while (a <= u && w + atoms[a].Advance <= available + 1e-6);
                    last = a - 1;
                    break;
                }
                used += unitWidth;
                last = u;
                k = u + 1;
                if (atoms[u].Kind == InlineKind.LineBreak) { forced = true; break; }
            }
            bool lastLine = last == n - 1;
            lines.Add(BuildLine(atoms, breakAfter, start, last, paragraph, baseStyle, fonts, indent, available,
                justify: paragraph.Align == TextAlign.Justify && !lastLine && !forced));
            start = last + 1;
        }
        return lines;
    }

    private static int BreakClass(in Atom a) => a.Kind switch
    {
        InlineKind.PageNumber or InlineKind.PageCount => '0',
        _ => a.CodePoint,
    };

    private static TextLine EmptyLine(TextStyle style, ParagraphStyle paragraph, FontRegistry fonts)
    {
        var face = fonts.Chain(style.Family, style.Weight).Primary;
        var (h, b) = LineMetrics(face, style.Size, paragraph.LineHeight);
        return new TextLine(0, h, b, Array.Empty<LineRun>());
    }

    private static (double Height, double Baseline) LineMetrics(FontFace face, double size, double lineHeight)
    {
        double height = size * lineHeight;
        double content = (face.Ascent + face.Descent) * size;
        return (height, (height - content) / 2 + face.Ascent * size);
    }

    private static List<Atom> Atomize(IReadOnlyList<Inline> content, FontRegistry fonts, SourceLocation source, string element, int digits)
    {
        // At most one atom per UTF-16 unit and one per other inline: sized once, not grown by doubling (a table's
        // cells made it a third of laying out a posting list).
        int capacity = 0;
        foreach (var inline in content) capacity += inline.Kind == InlineKind.Text ? inline.Text.Length : 1;
        var atoms = new List<Atom>(capacity);
        bool pendingSpace = false, pendingNewline = false;
        foreach (var inline in content)
        {
            var chain = fonts.Chain(inline.Style.Family, inline.Style.Weight);
            if (inline.Kind == InlineKind.LineBreak)
            {
                atoms.Add(new Atom { CodePoint = '\n', Face = chain.Primary, Style = inline.Style, Kind = InlineKind.LineBreak });
                pendingSpace = pendingNewline = false;
                continue;
            }
            if (inline.Kind is InlineKind.PageNumber or InlineKind.PageCount)
            {
                FlushSpace('0');
                var face = chain.FaceFor('0')!;
                atoms.Add(new Atom { CodePoint = '0', Face = face, Style = inline.Style, Kind = inline.Kind, Advance = face.Advance('0') * digits * inline.Style.Size, KeepTogether = inline.KeepTogether });
                continue;
            }
            foreach (var rune in inline.Text.EnumerateRunes())
            {
                int cp = rune.Value;
                if (cp is ' ' or '\t' or '\r' or '\n')
                {
                    pendingSpace = true;
                    pendingNewline |= cp == '\n';
                    continue;
                }
                FlushSpace(cp);
                var face = chain.FaceFor(cp) ?? throw new LayoutException(source,
                    $"character U+{cp:X4} '{rune}' is in none of the fonts {string.Join(" → ", chain.Faces.Select(f => f.Family))}, in <{element}> text \"{Excerpt(inline.Text, rune)}\"");
                atoms.Add(new Atom { CodePoint = cp, Face = face, Style = inline.Style, Kind = InlineKind.Text, Advance = face.Advance(cp) * inline.Style.Size, IsSpace = cp == 0x3000, KeepTogether = inline.KeepTogether });
            }

            void FlushSpace(int next)
            {
                if (!pendingSpace) return;
                bool atLineStart = atoms.Count == 0 || atoms[^1].Kind == InlineKind.LineBreak;
                // A source line break between two hanzi is layout of the markup, not a space in the text.
                bool wrapBetweenHanzi = pendingNewline && atoms.Count > 0 && Kinsoku.IsCjk(atoms[^1].CodePoint) && Kinsoku.IsCjk(next);
                if (!atLineStart && !wrapBetweenHanzi)
                {
                    var face = chain.FaceFor(' ') ?? chain.Primary;
                    atoms.Add(new Atom { CodePoint = ' ', Face = face, Style = inline.Style, Kind = InlineKind.Text, Advance = Math.Max(0, face.Advance(' ')) * inline.Style.Size, IsSpace = true,
                        // A space belongs to a nowrap group only when it lies inside it.
                        KeepTogether = atoms.Count > 0 && atoms[^1].KeepTogether == inline.KeepTogether ? inline.KeepTogether : 0 });
                }
                pendingSpace = pendingNewline = false;
            }
        }
        return atoms;
    }

    private static string Excerpt(string text, Rune around)
    {
        var t = text.Trim();
        if (t.Length <= 40) return t;
        int at = Math.Max(0, t.IndexOf(around.ToString(), StringComparison.Ordinal) - 15);
        return (at > 0 ? "…" : "") + t.Substring(at, Math.Min(40, t.Length - at)) + "…";
    }

    private static TextLine BuildLine(List<Atom> atoms, bool[] breakAfter, int first, int last, ParagraphStyle paragraph,
        TextStyle baseStyle, FontRegistry fonts, double indent, double available, bool justify)
    {
        // Trailing spaces and an explicit break neither print nor count.
        int end = last;
        while (end >= first && (atoms[end].IsSpace || atoms[end].Kind == InlineKind.LineBreak)) end--;

        double natural = 0;
        for (int a = first; a <= end; a++) natural += atoms[a].Advance;

        double gap = 0;
        if (justify)
        {
            int gaps = 0;
            for (int a = first; a < end; a++) if (Stretchable(a)) gaps++;
            if (gaps > 0 && available > natural) gap = (available - natural) / gaps;
        }

        double x = indent + paragraph.Align switch
        {
            TextAlign.Center => (available - natural) / 2,
            TextAlign.Right => available - natural,
            _ => 0,
        };

        double maxSize = 0; FontFace? tallest = null;
        for (int a = first; a <= Math.Max(end, first); a++)
            if (atoms[a].Style.Size > maxSize) { maxSize = atoms[a].Style.Size; tallest = atoms[a].Face; }
        if (tallest is null || end < first)
        {
            tallest = fonts.Chain(baseStyle.Family, baseStyle.Weight).Primary;
            maxSize = Math.Max(maxSize, baseStyle.Size);
        }
        var (height, baseline) = LineMetrics(tallest, maxSize, paragraph.LineHeight);

        var runs = new List<LineRun>();
        var text = new StringBuilder();
        int runStart = first;
        while (runStart <= end)
        {
            var head = atoms[runStart];
            double spacing = SpacingAfter(runStart);
            double runWidth = 0;
            text.Clear();
            int a = runStart;
            if (head.Kind is InlineKind.PageNumber or InlineKind.PageCount)
            {
                runWidth = head.Advance;
                a++;
            }
            else
            {
                while (a <= end)
                {
                    var at = atoms[a];
                    if (at.Kind != InlineKind.Text || at.Face != head.Face || !ReferenceEquals(at.Style, head.Style)) break;
                    if (a > runStart && SpacingAfter(a - 1) != spacing) break;
                    if (at.CodePoint < 0x10000) text.Append((char)at.CodePoint);
                    else text.Append(char.ConvertFromUtf32(at.CodePoint));
                    runWidth += at.Advance + (a < end ? SpacingAfter(a) : 0);
                    a++;
                }
            }
            var runText = head.Kind == InlineKind.Text ? text.ToString() : "";
            // Width spans to the next run: the letter spacing after the last glyph belongs to the gap.
            double visible = runWidth - (a - 1 < end ? SpacingAfter(a - 1) : 0);
            runs.Add(new LineRun(x, head.Face, head.Style, runText, head.Kind == InlineKind.Text ? spacing : 0, visible, head.Kind));
            x += runWidth;
            runStart = a;
        }
        return new TextLine(natural + gap * Math.Max(0, runs.Count == 0 ? 0 : CountGaps()), height, baseline, runs);

        double SpacingAfter(int a) => Stretchable(a) ? gap : 0;
        int CountGaps() { int g = 0; for (int a = first; a < end; a++) if (Stretchable(a)) g++; return g; }

        // Chinese justification spreads the slack evenly between all characters, punctuation included, but
        // never inside a Latin word or number. Uniform gaps also let a whole line print as one run (Tc).
        bool Stretchable(int a) => a < end
            && (atoms[a].KeepTogether == 0 || atoms[a].KeepTogether != atoms[a + 1].KeepTogether) // a plate is not letter-spaced
            && (atoms[a].IsSpace || Kinsoku.IsCjk(atoms[a].CodePoint) || Kinsoku.IsCjk(atoms[a + 1].CodePoint));
    }
}
