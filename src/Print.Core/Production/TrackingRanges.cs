using System.Text.Json;
using Print.Core.Text;

namespace Print.Core.Production;

/// <summary>
/// The S10 ranges the post office assigned, from the operator's ranges file (format in README.md beside this
/// file). There is no default: numbers only come from the post office.
/// </summary>
public sealed class TrackingRanges
{
    private TrackingRanges(IReadOnlyList<TrackingRange> all) => All = all;

    /// <summary>In file order, which is the order <see cref="Usable"/> prefers.</summary>
    public IReadOnlyList<TrackingRange> All { get; }

    /// <summary>The range with this id, or null.</summary>
    public TrackingRange? this[string id] => All.FirstOrDefault(r => r.Id == id);

    /// <summary>
    /// The first range of <paramref name="prefix"/> (and <paramref name="country"/>, CN unless given) that still has
    /// <paramref name="count"/> numbers, given each range's next serial (a range missing from
    /// <paramref name="nextSerials"/> is unused); null when none has.
    /// </summary>
    public TrackingRange? Usable(string prefix, int count, IReadOnlyDictionary<string, long> nextSerials, string country = "CN") =>
        All.FirstOrDefault(r => r.Prefix == prefix && r.Country == country
                                && r.Remaining(nextSerials.TryGetValue(r.Id, out var next) ? next : r.FirstSerial) >= count);

    public static TrackingRanges Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads and checks a ranges file; throws <see cref="InvalidFileException"/> listing every mistake with its JSON path.</summary>
    public static TrackingRanges Parse(string json, string source = "tracking ranges")
    {
        using var document = JsonFile.Parse(json, source);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidFileException(source, ["$: expected an object with \"ranges\""]);
        var errors = new List<string>();
        JsonFile.RejectUnknown(root, JsonPath.Root, errors, "description", "ranges");

        var ranges = new List<(TrackingRange Range, string Path)>();
        if (!root.TryGetProperty("ranges", out var list)) errors.Add("$.ranges: missing; expected the list of ranges the post office assigned");
        else if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0) errors.Add("$.ranges: expected a non-empty list of ranges");
        else
        {
            int i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = JsonPath.Index("$.ranges", i++);
                if (ReadRange(item, path, errors) is { } range) ranges.Add((range, path));
            }
        }

        for (int i = 0; i < ranges.Count; i++)
            for (int j = 0; j < i; j++)
            {
                var (a, pathA) = ranges[j];
                var (b, pathB) = ranges[i];
                if (a.Id == b.Id) errors.Add($"{pathB}.id: \"{b.Id}\" is already the id of {pathA}");
                else if (a.Overlaps(b))
                    errors.Add($"{pathB}: overlaps {pathA} (\"{a.Id}\"): both hold {b.Prefix} serials {Math.Max(a.FirstSerial, b.FirstSerial):D8}–{Math.Min(a.LastSerial, b.LastSerial):D8} {b.Country}; a number must never be handed out twice");
            }

        if (errors.Count > 0) throw new InvalidFileException(source, errors);
        return new TrackingRanges([.. ranges.Select(r => r.Range)]);
    }

    private static TrackingRange? ReadRange(JsonElement item, string path, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected a range object"); return null; }
        int before = errors.Count;
        JsonFile.RejectUnknown(item, path, errors, "id", "prefix", "first", "last", "country", "low_water", "description");

        string id = Text(item, path, "id", errors, v => v.Trim().Length > 0, "expected the range's name, e.g. \"nanchang-2026-rr\"") ?? "";
        string prefix = Text(item, path, "prefix", errors, TwoCapitals, "expected two capital letters such as \"RR\"") ?? "";
        string country = item.TryGetProperty("country", out _)
            ? Text(item, path, "country", errors, TwoCapitals, "expected a two-letter country code in capitals such as \"CN\"") ?? ""
            : "CN";
        int? first = Serial(item, path, "first", errors);
        int? last = Serial(item, path, "last", errors);
        if (first is { } f && last is { } l && l < f)
            errors.Add($"{path}.last: {l:D8} is before the first serial {f:D8}");

        int? lowWater = null;
        if (item.TryGetProperty("low_water", out var w))
        {
            if (w.ValueKind == JsonValueKind.Number && w.TryGetInt32(out int n) && n >= 0) lowWater = n;
            else errors.Add($"{path}.low_water: expected a whole number of numbers, 0 or more, got {w.GetRawText()}");
        }
        if (errors.Count > before) return null;

        long size = (long)last!.Value - first!.Value + 1;
        int low = lowWater ?? (int)Math.Ceiling(size / 10.0);
        if (low > size)
        {
            errors.Add($"{path}.low_water: {low} is more than the {size} numbers of the range, so it would always warn");
            return null;
        }
        return new TrackingRange(id, prefix, first.Value, last.Value, country, low);
    }

    private static bool TwoCapitals(string s) => s.Length == 2 && s.All(char.IsAsciiLetterUpper);

    private static string? Text(JsonElement item, string path, string name, List<string> errors, Func<string, bool> ok, string expected)
    {
        if (!item.TryGetProperty(name, out var v)) { errors.Add($"{path}.{name}: missing; {expected}"); return null; }
        if (v.ValueKind != JsonValueKind.String || !ok(v.GetString()!)) { errors.Add($"{path}.{name}: {expected}, got {v.GetRawText()}"); return null; }
        return v.GetString()!.Trim();
    }

    private static int? Serial(JsonElement item, string path, string name, List<string> errors)
    {
        if (!item.TryGetProperty(name, out var v)) { errors.Add($"{path}.{name}: missing; expected the {name} 8-digit serial"); return null; }
        // A serial may be written as a number or as text, to keep its leading zeros visible: "00100000".
        string raw = v.ValueKind switch { JsonValueKind.Number => v.GetRawText(), JsonValueKind.String => v.GetString()!.Trim(), _ => "" };
        if (raw.Length == 0 || !raw.All(char.IsAsciiDigit))
        {
            errors.Add($"{path}.{name}: expected a serial of up to 8 digits (without prefix or check digit), got {v.GetRawText()}");
            return null;
        }
        var digits = raw.TrimStart('0');
        if (digits.Length > 8 || (v.ValueKind == JsonValueKind.String && raw.Length > 8))
        {
            errors.Add($"{path}.{name}: {raw} has more than 8 digits; an S10 serial has 8 (the check digit is computed, leave it out)");
            return null;
        }
        return digits.Length == 0 ? 0 : int.Parse(digits);
    }
}
