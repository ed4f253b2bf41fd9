namespace Print.Documents.Geometry;

/// <summary>Named formats, portrait, in millimetres: ISO A, envelopes per GB/T 1416, the Chinese postcard.</summary>
public static class PaperSizes
{
    private static readonly Dictionary<string, (double W, double H)> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A3"] = (297, 420),
        ["A4"] = (210, 297),
        ["A5"] = (148, 210),
        ["A6"] = (105, 148),
        ["B6"] = (125, 176),
        ["DL"] = (110, 220),
        ["ZL"] = (120, 230),
        ["C6"] = (114, 162),
        ["C5"] = (162, 229),
        ["C4"] = (229, 324),
        ["postcard"] = (100, 165), // 中国邮政标准明信片 165×100 mm
    };

    public static IEnumerable<string> Names => Named.Keys;

    /// <summary>"A4", "DL", "postcard", or "W×H mm" / "WxH mm" / "WxHmm".</summary>
    public static bool TryParse(string text, out Size size)
    {
        size = Size.Zero;
        var s = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (Named.TryGetValue(s, out var mm)) { size = new Size(Length.Mm(mm.W), Length.Mm(mm.H)); return true; }
        var parts = s.Replace('×', 'x').Replace('X', 'x').Split('x', 2);
        if (parts.Length != 2) return false;
        var unitStart = parts[1].TrimEnd().Length;
        while (unitStart > 0 && char.IsLetter(parts[1][unitStart - 1])) unitStart--;
        var unit = parts[1].Trim()[Math.Min(unitStart, parts[1].Trim().Length)..];
        var w = parts[0].Trim();
        if (!char.IsLetter(w[^1])) w += unit.Length > 0 ? unit : "mm";
        var h = parts[1].Trim();
        if (!char.IsLetter(h[^1])) h += "mm";
        if (!Length.TryParse(w, 0, out var wp) || !Length.TryParse(h, 0, out var hp) || wp <= 0 || hp <= 0) return false;
        size = new Size(wp, hp);
        return true;
    }
}
