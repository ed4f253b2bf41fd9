using System.Diagnostics;
using System.Globalization;
using System.Text;
using Print.Documents.Fonts;
using Print.Documents.Pages;
using SkiaSharp;
using Xunit;

namespace Print.Documents.Tests;

/// <summary>Shared engine, layout shortcuts and page inspection for the engine and PDF tests.</summary>
public static class TestSupport
{
    /// <summary>One registry for the whole test run: loading the CJK fonts is the expensive part.</summary>
    public static FontRegistry SharedFonts => FontRegistry.Default;

    public static DocumentEngine SharedEngine { get; } = new(FontRegistry.Default);

    public const string DefaultFile = "test.xml";

    public static LaidOutDocument LayoutDoc(string markup, string file = DefaultFile, string? baseDirectory = null) =>
        SharedEngine.Layout(markup, file, baseDirectory ?? Path.GetTempPath());

    /// <summary>Text runs of a page grouped into printed lines (same baseline), top to bottom, runs left to right.</summary>
    public static List<PrintedLine> Lines(LaidOutPage page, Func<TextRun, bool>? where = null) =>
        page.Items.OfType<TextRun>()
            .Where(t => t.Text.Length > 0 && (where is null || where(t)))
            .GroupBy(t => Math.Round(t.Baseline, 2))
            .OrderBy(g => g.Key)
            .Select(g => new PrintedLine(g.Key, g.OrderBy(t => t.X).ToList()))
            .ToList();

    public static string StripWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Code points of a string, so that 𠮷 (a surrogate pair) counts as one character.</summary>
    public static int[] CodePoints(string s) => s.EnumerateRunes().Select(r => r.Value).ToArray();

    /// <summary>
    /// Where the run's last glyph ends, recomputed from the font's advances and the run's letter spacing
    /// (glyph i starts at X + advances before it + i × spacing), not taken from <see cref="TextRun.Width"/>.
    /// </summary>
    public static double GlyphEnd(TextRun run)
    {
        var cps = CodePoints(run.Text);
        return run.X + cps.Sum(cp => run.Face.Advance(cp) * run.Size) + (cps.Length - 1) * run.LetterSpacing;
    }

    /// <summary>Start of every glyph of the run, recomputed from advances and letter spacing.</summary>
    public static List<(int CodePoint, double X)> GlyphPositions(TextRun run)
    {
        var result = new List<(int, double)>();
        double x = run.X;
        foreach (var cp in CodePoints(run.Text))
        {
            result.Add((cp, x));
            x += run.Face.Advance(cp) * run.Size + run.LetterSpacing;
        }
        return result;
    }

    public static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>One printed line: all text runs sharing a baseline.</summary>
public sealed record PrintedLine(double Baseline, IReadOnlyList<TextRun> Runs)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));
    public double Left => Runs[0].X;
    public double Right => Runs.Max(TestSupport.GlyphEnd);
    public double MaxSize => Runs.Max(r => r.Size);
    public override string ToString() => $"{TestSupport.F(Baseline)}: \"{Text}\"";
}
