using System.Globalization;

namespace Print.Documents.Geometry;

/// <summary>
/// A colour as the author wrote it: process CMYK (what the press prints) or RGB (screen colour; the print PDF
/// is CMYK-only, so RGB is converted naively when written — give brand colours in cmyk). Black defaults to
/// K-only so text does not misregister on four plates.
/// </summary>
public readonly record struct PrintColor(bool IsCmyk, double C, double M, double Y, double K, byte R, byte G, byte B)
{
    public static readonly PrintColor Black = Cmyk(0, 0, 0, 1);
    public static readonly PrintColor White = Cmyk(0, 0, 0, 0);

    public static PrintColor Cmyk(double c, double m, double y, double k) => new(true, c, m, y, k, 0, 0, 0);
    public static PrintColor Rgb(byte r, byte g, byte b) => new(false, 0, 0, 0, 0, r, g, b);

    /// <summary>Screen approximation for previews; the PDF keeps the CMYK numbers untouched.</summary>
    public (byte R, byte G, byte B) ToRgb() => IsCmyk
        ? (ToByte((1 - C) * (1 - K)), ToByte((1 - M) * (1 - K)), ToByte((1 - Y) * (1 - K)))
        : (R, G, B);

    private static byte ToByte(double v) => (byte)Math.Clamp(Math.Round(v * 255), 0, 255);

    /// <summary>"#RRGGBB", "cmyk(c,m,y,k)" in percent (0–100, as on a press proof), or black, white, red.</summary>
    public static bool TryParse(string text, out PrintColor color)
    {
        color = Black;
        var s = text.Trim().ToLowerInvariant();
        switch (s)
        {
            case "black": color = Black; return true;
            case "white": color = White; return true;
            case "red": color = Cmyk(0, 1, 1, 0); return true;
            case "none" or "transparent": return false;
        }
        if (s.StartsWith('#') && s.Length == 7 && int.TryParse(s[1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            color = Rgb((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
            return true;
        }
        if (s.StartsWith("cmyk(") && s.EndsWith(')'))
        {
            var parts = s[5..^1].Split(',');
            if (parts.Length != 4) return false;
            var v = new double[4];
            for (int i = 0; i < 4; i++)
            {
                var p = parts[i].Trim().TrimEnd('%');
                if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || v[i] < 0 || v[i] > 100) return false;
            }
            color = Cmyk(v[0] / 100, v[1] / 100, v[2] / 100, v[3] / 100);
            return true;
        }
        return false;
    }

    public override string ToString() => IsCmyk
        ? string.Create(CultureInfo.InvariantCulture, $"cmyk({C * 100:0.#},{M * 100:0.#},{Y * 100:0.#},{K * 100:0.#})")
        : $"#{R:X2}{G:X2}{B:X2}";
}
