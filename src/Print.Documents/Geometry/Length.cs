using System.Globalization;

namespace Print.Documents.Geometry;

/// <summary>Lengths in markup ("20mm", "10.5pt", "2em"); everything inside the engine is in points.</summary>
public static class Length
{
    public const double PointsPerMm = 72.0 / 25.4;

    public static double Mm(double mm) => mm * PointsPerMm;
    public static double ToMm(double points) => points / PointsPerMm;

    /// <summary>Parses a length; <paramref name="em"/> is the current font size for "em" values.</summary>
    public static bool TryParse(string text, double em, out double points)
    {
        points = 0;
        var s = text.Trim();
        int i = s.Length;
        while (i > 0 && char.IsLetter(s[i - 1])) i--;
        var unit = s[i..].ToLowerInvariant();
        if (!double.TryParse(s[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return false;
        double? factor = unit switch
        {
            "mm" => PointsPerMm,
            "cm" => PointsPerMm * 10,
            "in" => 72,
            "pt" => 1,
            "em" => em,
            "" => value == 0 ? 1 : null, // a bare 0 is unambiguous; any other bare number is a mistake
            _ => null,
        };
        if (factor is null || double.IsNaN(value) || double.IsInfinity(value)) return false;
        points = value * factor.Value;
        return true;
    }

    public static string Format(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
