using System.Text.Json;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Core.Text;
using Print.Core.Validation;

namespace Print.Production.Batches;

/// <summary>A staff address that receives a seed piece in every batch, to measure delivery time and quality.</summary>
public sealed record SeedAddress(string Name, Address Address);

/// <summary>
/// The production settings file (format in src/Print.Production/README.md): the seed addresses, the split
/// limits of the print files and the service letters of the tracking numbers. Without a file: no seeds, at most
/// 5,000 pieces and no sheet limit per file, prefix RR. Seeds are staff addresses of the branch; Print ships none
/// of its own, since an invented address would receive real mail.
/// </summary>
public sealed class ProductionSettings
{
    public const int DefaultMaxPieces = 5000;

    public IReadOnlyList<SeedAddress> Seeds { get; init; } = [];
    public SplitLimits Limits { get; init; } = new(DefaultMaxPieces);
    /// <summary>The two service letters of the ranges registered pieces are numbered from (RR: registered letter post).</summary>
    public string TrackingPrefix { get; init; } = "RR";

    public static ProductionSettings Default { get; } = new();

    public static ProductionSettings Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads and checks a settings file; throws <see cref="InvalidFileException"/> listing every mistake with its JSON path.</summary>
    public static ProductionSettings Parse(string json, string source = "production settings")
    {
        using var document = JsonFile.Parse(json, source);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidFileException(source, ["$: expected an object"]);
        var errors = new List<string>();
        JsonFile.RejectUnknown(root, "$", errors, "description", "seeds", "max_pieces_per_file", "max_sheets_per_file", "tracking_prefix");

        var seeds = new List<SeedAddress>();
        if (root.TryGetProperty("seeds", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array) errors.Add("$.seeds: expected a list of staff addresses");
            else
            {
                int i = 0;
                foreach (var item in list.EnumerateArray())
                    if (Seed(item, $"$.seeds[{i++}]", errors) is { } seed)
                    {
                        if (seeds.Any(s => s.Name == seed.Name)) errors.Add($"{$"$.seeds[{i - 1}]"}.name: another seed has the same name; each names one staff member");
                        else seeds.Add(seed);
                    }
            }
        }
        int? maxPieces = Limit(root, "max_pieces_per_file", errors, DefaultMaxPieces);
        int? maxSheets = Limit(root, "max_sheets_per_file", errors, null);
        string prefix = "RR";
        if (root.TryGetProperty("tracking_prefix", out var p))
        {
            if (p.ValueKind == JsonValueKind.String && p.GetString() is { Length: 2 } s && s.All(char.IsAsciiLetterUpper)) prefix = s;
            else errors.Add($"$.tracking_prefix: expected two capital letters such as \"RR\", got {p.GetRawText()}");
        }
        if (errors.Count > 0) throw new InvalidFileException(source, errors);
        return new ProductionSettings { Seeds = seeds, Limits = new SplitLimits(maxPieces, maxSheets), TrackingPrefix = prefix };
    }

    private static int? Limit(JsonElement root, string name, List<string> errors, int? fallback)
    {
        if (!root.TryGetProperty(name, out var v)) return fallback;
        if (v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) && n >= 1) return n;
        errors.Add($"$.{name}: expected a whole number of at least 1 (or null for no limit), got {v.GetRawText()}");
        return fallback;
    }

    private static SeedAddress? Seed(JsonElement item, string path, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected a seed address object"); return null; }
        int before = errors.Count;
        JsonFile.RejectUnknown(item, path, errors, "name", "province", "city", "district", "street", "postcode");
        string Field(string name, bool required)
        {
            if (!item.TryGetProperty(name, out var v)) { if (required) errors.Add($"{path}.{name}: missing"); return ""; }
            if (v.ValueKind != JsonValueKind.String || (required && v.GetString()!.Trim().Length == 0))
            {
                errors.Add($"{path}.{name}: expected a{(required ? " non-empty" : "")} text");
                return "";
            }
            return v.GetString()!.Trim();
        }
        var name = Field("name", true);
        var address = new Address
        {
            Province = Field("province", false), City = Field("city", false), District = Field("district", false),
            Street = Field("street", true), Postcode = Field("postcode", true),
        };
        if (address.Postcode.Length > 0 && Postcode.Check(address.Postcode) is { IsValid: false } bad)
            errors.Add($"{path}.postcode: {bad.Error}");
        return errors.Count == before ? new SeedAddress(name, address with { Postcode = Postcode.Check(address.Postcode).Value }) : null;
    }
}
