using System.Globalization;
using Print.Documents.Geometry;

namespace Print.Documents.Elements;

/// <summary>A column or cell width: fixed ("30mm"), a share of the whole ("25%"), or relative ("*", "2*").</summary>
public readonly record struct WidthSpec(double Fixed, double Percent, double Relative)
{
    public static bool TryParse(string text, double em, out WidthSpec spec)
    {
        spec = default;
        var s = text.Trim();
        if (s == "*" || s == "auto") { spec = new WidthSpec(0, 0, 1); return true; }
        if (s.EndsWith('*') && double.TryParse(s[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0)
        { spec = new WidthSpec(0, 0, r); return true; }
        if (s.EndsWith('%') && double.TryParse(s[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p > 0 && p <= 100)
        { spec = new WidthSpec(0, p, 0); return true; }
        if (Length.TryParse(s, em, out var f) && f > 0) { spec = new WidthSpec(f, 0, 0); return true; }
        return false;
    }

    /// <summary>
    /// Why the specs cannot share <paramref name="total"/>: fixed and percentage widths wider than the space,
    /// or nothing left for the relative ones. Null when they fit.
    /// </summary>
    public static string? Problem(IReadOnlyList<WidthSpec> specs, double total, double gap)
    {
        double content = total - gap * Math.Max(0, specs.Count - 1);
        double taken = specs.Sum(s => s.Fixed + s.Percent / 100 * content);
        if (taken > content + 0.01)
            return $"fixed and percentage widths need {Length.ToMm(taken):0.#}mm but there are only {Length.ToMm(content):0.#}mm";
        if (specs.Any(s => s.Relative > 0) && content - taken < 1)
            return $"fixed and percentage widths take all {Length.ToMm(content):0.#}mm, leaving nothing for the \"*\" widths";
        return null;
    }

    /// <summary>Splits <paramref name="total"/> (less the gaps) among the specs: fixed first, then percentages, then the rest by weight.</summary>
    public static double[] Resolve(IReadOnlyList<WidthSpec> specs, double total, double gap)
    {
        double content = total - gap * Math.Max(0, specs.Count - 1);
        var widths = new double[specs.Count];
        double taken = 0, weights = 0;
        for (int i = 0; i < specs.Count; i++)
        {
            widths[i] = specs[i].Fixed + specs[i].Percent / 100 * content;
            taken += widths[i];
            weights += specs[i].Relative;
        }
        double rest = Math.Max(0, content - taken);
        if (weights > 0)
            for (int i = 0; i < specs.Count; i++) widths[i] += rest * specs[i].Relative / weights;
        return widths;
    }
}
