using System.Globalization;
using System.Text;
using Print.Documents.Geometry;

namespace Print.Documents.Pages;

public sealed class LaidOutPage(double width, double height, Rect trimBox, Rect bleedBox)
{
    /// <summary>The media box: trim size plus bleed and crop-mark slug where the document asks for them.</summary>
    public double Width { get; } = width;
    public double Height { get; } = height;
    public Rect TrimBox { get; } = trimBox;
    public Rect BleedBox { get; } = bleedBox;
    public List<PageItem> Items { get; } = new();
}

public sealed record DocumentInfo(string Title, string Author, string Subject, string Creator);

/// <summary>The result of layout: what both backends draw, and what snapshot tests dump.</summary>
public sealed class LaidOutDocument(DocumentInfo info, IReadOnlyList<LaidOutPage> pages)
{
    public DocumentInfo Info { get; } = info;
    public IReadOnlyList<LaidOutPage> Pages { get; } = pages;

    /// <summary>A stable text listing of every page item, rounded to 0.01 pt, for snapshot tests and debugging.</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        string F(double v) => v.ToString("0.##", inv);
        string R(Rect r) => $"{F(r.X)},{F(r.Y)} {F(r.Width)}x{F(r.Height)}";
        sb.Append("document \"").Append(Info.Title).Append("\" pages=").Append(Pages.Count).Append('\n');
        for (int i = 0; i < Pages.Count; i++)
        {
            var p = Pages[i];
            sb.Append("page ").Append(i + 1).Append(' ').Append(F(p.Width)).Append('x').Append(F(p.Height))
              .Append(" trim=").Append(R(p.TrimBox)).Append('\n');
            foreach (var item in p.Items)
            {
                sb.Append("  ");
                switch (item)
                {
                    case TextRun t:
                        sb.Append($"text {F(t.X)},{F(t.Baseline)} w={F(t.Width)} {t.Face.Key} {F(t.Size)}pt {t.Color}");
                        if (t.LetterSpacing != 0) sb.Append(" ls=").Append(F(t.LetterSpacing));
                        sb.Append(" \"").Append(t.Text).Append('"');
                        break;
                    case FillRect f: sb.Append($"fill {R(f.Rect)} {f.Color}"); break;
                    case StrokeRect s: sb.Append($"stroke {R(s.Rect)} {s.Color} lw={F(s.LineWidth)}"); break;
                    case LineItem l: sb.Append($"line {F(l.X1)},{F(l.Y1)} {F(l.X2)},{F(l.Y2)} {l.Color} lw={F(l.LineWidth)}{(l.Dashed ? " dashed" : "")}"); break;
                    case ImageItem im: sb.Append($"image {R(im.Rect)} {Path.GetFileName(im.Image.Path)}"); break;
                    case BarcodeItem b: sb.Append($"barcode {b.Type} {F(b.X)},{F(b.Y)} {F(b.Width)}x{F(b.Height)} modules={b.Matrix.Columns}x{b.Matrix.Rows} \"{b.Value}\""); break;
                }
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }
}
