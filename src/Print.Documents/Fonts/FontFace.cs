using System.Collections.Concurrent;
using SkiaSharp;

namespace Print.Documents.Fonts;

/// <summary>
/// One TrueType file. The single source of glyph metrics for layout; both backends draw the glyphs at the
/// positions layout computed from these advances.
/// </summary>
public sealed class FontFace
{
    private readonly ConcurrentDictionary<int, float> _advances = new();
    private readonly SKFont _font;
    private readonly object _skiaLock = new();

    internal FontFace(string path, SKTypeface typeface)
    {
        Path = path;
        Typeface = typeface;
        Family = typeface.FamilyName;
        Weight = typeface.FontStyle.Weight;
        Key = System.IO.Path.GetFileNameWithoutExtension(path);
        // Unhinted, linear metrics at the em size: advances in em units, exactly what the PDF's /W array says.
        _font = new SKFont(typeface, UnitsPerEmSize) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
        var m = _font.Metrics;
        Ascent = -m.Ascent / UnitsPerEmSize;
        Descent = m.Descent / UnitsPerEmSize;
    }

    private const float UnitsPerEmSize = 1000f;

    public string Path { get; }
    /// <summary>Stable name used to hand the file to PDFsharp.</summary>
    public string Key { get; }
    public string Family { get; }
    public int Weight { get; }
    public SKTypeface Typeface { get; }
    /// <summary>Ascent and descent as fractions of the font size (both positive).</summary>
    public double Ascent { get; }
    public double Descent { get; }

    /// <summary>Advance of a code point as a fraction of the font size; negative when the face lacks the glyph.</summary>
    public float Advance(int codePoint)
    {
        if (_advances.TryGetValue(codePoint, out var a)) return a;
        lock (_skiaLock)
        {
            var glyph = _font.GetGlyph(codePoint);
            a = glyph == 0 ? -1 : _font.GetGlyphWidths(new[] { glyph })[0] / UnitsPerEmSize;
        }
        _advances[codePoint] = a;
        return a;
    }

    public bool Has(int codePoint) => Advance(codePoint) >= 0;

    public override string ToString() => $"{Family} {Weight}";
}
