using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Print.Documents.Geometry;

namespace Print.Documents.Markup;

/// <summary>
/// Reads an element's attributes by name and type, remembering which were read, so that any attribute the
/// element does not know is reported (a misspelt "colour" must not be silently ignored).
/// </summary>
internal sealed class AttributeReader
{
    private readonly XElement _element;
    private readonly string _file;
    // The names asked for, duplicates and all: an element has a few attributes and its readers ask for some twenty
    // names, so a list searched only by Done() is cheaper than a set hashed on every read (one per element of a page).
    private readonly List<string> _known = new(24);

    public AttributeReader(XElement element, string file) { _element = element; _file = file; }

    public string Name => _element.Name.LocalName;

    public SourceLocation Location(XObject? node = null)
    {
        var info = (IXmlLineInfo)(node ?? _element);
        return info.HasLineInfo() ? new SourceLocation(_file, info.LineNumber, info.LinePosition) : new SourceLocation(_file, 0, 0);
    }

    public MarkupException Error(string message, XObject? node = null) => new(Location(node), $"<{Name}>: {message}");

    public string? String(string name)
    {
        _known.Add(name);
        return _element.Attribute(name)?.Value;
    }

    public string Required(string name) =>
        String(name) is { } v && v.Trim().Length > 0 ? v : throw Error($"attribute '{name}' is required");

    public double? Length(string name, double em, bool allowNegative = false)
    {
        var attr = _element.Attribute(name);
        _known.Add(name);
        if (attr is null) return null;
        if (!Geometry.Length.TryParse(attr.Value, em, out var pt) || (!allowNegative && pt < 0))
            throw Error($"'{attr.Value}' is not a valid length for '{name}' (use mm, pt, cm, in or em, e.g. \"20mm\")", attr);
        return pt;
    }

    /// <summary>One to four lengths, CSS order: "10mm", "10mm 20mm", "5mm 10mm 5mm 10mm".</summary>
    public Edges? Edges(string name, double em)
    {
        var attr = _element.Attribute(name);
        _known.Add(name);
        if (attr is null) return null;
        var parts = attr.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var v = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!Geometry.Length.TryParse(parts[i], em, out v[i]) || v[i] < 0)
                throw Error($"'{attr.Value}' is not a valid '{name}': one to four lengths such as \"20mm\" or \"15mm 20mm\"", attr);
        return parts.Length switch
        {
            1 => Geometry.Edges.All(v[0]),
            2 => new Edges(v[0], v[1], v[0], v[1]),
            3 => new Edges(v[0], v[1], v[2], v[1]),
            4 => new Edges(v[0], v[1], v[2], v[3]),
            _ => throw Error($"'{attr.Value}' is not a valid '{name}': one to four lengths", attr),
        };
    }

    public PrintColor? Color(string name)
    {
        var attr = _element.Attribute(name);
        _known.Add(name);
        if (attr is null) return null;
        if (!PrintColor.TryParse(attr.Value, out var c))
            throw Error($"'{attr.Value}' is not a valid colour for '{name}' (use #RRGGBB or cmyk(c,m,y,k) with 0–100)", attr);
        return c;
    }

    public double? Number(string name, double min, double max)
    {
        var attr = _element.Attribute(name);
        _known.Add(name);
        if (attr is null) return null;
        if (!double.TryParse(attr.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw Error($"'{attr.Value}' is not a valid '{name}' (a number from {min} to {max})", attr);
        return v;
    }

    public bool? Bool(string name)
    {
        var attr = _element.Attribute(name);
        _known.Add(name);
        if (attr is null) return null;
        return attr.Value.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => throw Error($"'{attr.Value}' is not valid for '{name}' (true or false)", attr),
        };
    }

    public T? Choice<T>(string name, params (string Word, T Value)[] choices) where T : struct
    {
        var attr = _element.Attribute(name);
        _known.Add(name);
        if (attr is null) return null;
        foreach (var (word, value) in choices)
            if (string.Equals(word, attr.Value.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        throw Error($"'{attr.Value}' is not valid for '{name}' (one of: {string.Join(", ", choices.Select(c => c.Word))})", attr);
    }

    /// <summary>Fails on the first attribute no reader asked for, suggesting the closest known name.</summary>
    public void Done()
    {
        foreach (var attr in _element.Attributes())
        {
            if (attr.IsNamespaceDeclaration || _known.Contains(attr.Name.LocalName, StringComparer.Ordinal)) continue;
            var closest = _known.Distinct().OrderBy(k => Distance(k, attr.Name.LocalName)).FirstOrDefault();
            var hint = closest is not null && Distance(closest, attr.Name.LocalName) <= 3 ? $" (did you mean '{closest}'?)" : "";
            throw Error($"unknown attribute '{attr.Name.LocalName}'{hint}; known: {string.Join(", ", _known.Distinct().Order())}", attr);
        }
    }

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        for (int j = 1; j <= b.Length; j++)
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
