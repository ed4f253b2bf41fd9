using System.Text.Json;
using Print.Core.Text;

namespace Print.Core.Import;

/// <summary>
/// Which header names which column. The built-in mapping knows the insurer's Chinese headers (客户编号, 姓名, …),
/// their English keys (customer_id, name, …) and a few common variants. A mapping file adds or overrides names:
/// <code>
/// {
///   "builtin": true,                     // optional: false keeps only the names below
///   "columns": { "客户号码": "customer_id", "联系电话": "mobile" },
///   "ignore": ["备注", "业务员"]           // headers that are read past on purpose
/// }
/// </code>
/// A header that maps to nothing is an error rather than a silently dropped column: 手机号码 spelled some new
/// way must not quietly import every customer without a mobile.
/// </summary>
public sealed class HeaderMapping
{
    private readonly Dictionary<string, ImportColumn> columns;
    private readonly HashSet<string> ignored;

    private HeaderMapping(Dictionary<string, ImportColumn> columns, HashSet<string> ignored)
    {
        this.columns = columns;
        this.ignored = ignored;
    }

    public static HeaderMapping BuiltIn { get; } = new(BuiltInNames(), []);

    private static Dictionary<string, ImportColumn> BuiltInNames()
    {
        var names = new Dictionary<string, ImportColumn>();
        foreach (var c in ImportColumns.All)
            foreach (var name in c.Aliases.Prepend(c.Chinese).Prepend(c.Key))
                names[Normalize(name)] = c.Column;
        return names;
    }

    /// <summary>Header cells compare without case, surrounding or full-width spaces, and with "Customer ID" = customer_id.</summary>
    private static string Normalize(string header) =>
        HalfWidth.Normalize(header).Trim().Trim('\uFEFF').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    public static HeaderMapping Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads a mapping file (format above); every mistake is reported with its JSON path.</summary>
    public static HeaderMapping Parse(string json, string source = "mapping file")
    {
        using var document = JsonFile.Parse(json, source);
        var root = document.RootElement;

        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidFileException(source, ["$: expected an object with \"columns\" and \"ignore\""]);
        bool builtin = true;
        var names = new Dictionary<string, ImportColumn>();
        var ignored = new HashSet<string>();
        foreach (var property in root.EnumerateObject())
        {
            var path = JsonPath.Property(JsonPath.Root, property.Name);
            switch (property.Name)
            {
                case "builtin" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    builtin = property.Value.GetBoolean();
                    break;
                case "builtin":
                    errors.Add($"{path}: expected true or false");
                    break;
                case "columns" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var entry in property.Value.EnumerateObject())
                    {
                        var entryPath = JsonPath.Property(path, entry.Name);
                        if (entry.Value.ValueKind != JsonValueKind.String)
                            errors.Add($"{entryPath}: expected a column key such as \"mobile\"");
                        else if (ImportColumns.ForKey(entry.Value.GetString()!) is { } column)
                            names[Normalize(entry.Name)] = column;
                        else
                            errors.Add($"{entryPath}: unknown column \"{entry.Value.GetString()}\"; the columns are {ImportColumns.KeyList}");
                    }
                    break;
                case "columns":
                    errors.Add($"{path}: expected an object of header → column key");
                    break;
                case "ignore" when property.Value.ValueKind == JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String) ignored.Add(Normalize(item.GetString()!));
                        else errors.Add($"{JsonPath.Index(path, i)}: expected a header name");
                        i++;
                    }
                    break;
                case "ignore":
                    errors.Add($"{path}: expected a list of header names");
                    break;
                default:
                    errors.Add($"{path}: unknown property; a mapping file has \"builtin\", \"columns\" and \"ignore\"");
                    break;
            }
        }
        if (errors.Count > 0) throw new InvalidFileException(source, errors);

        var all = builtin ? BuiltInNames() : [];
        foreach (var (name, column) in names) all[name] = column; // the file's names win over the built-in ones
        foreach (var name in ignored) all.Remove(name);
        return new HeaderMapping(all, ignored);
    }

    /// <summary>
    /// Places the columns of a header row. Unknown headers, two headers for one column, and missing required
    /// columns are all reported together, each naming the header. Empty header cells (the trailing commas a
    /// spreadsheet leaves) are skipped.
    /// </summary>
    public ColumnLayout Resolve(IReadOnlyList<string> headers)
    {
        var index = Enumerable.Repeat(-1, ImportColumns.All.Count).ToArray();
        var errors = new List<string>();
        for (int i = 0; i < headers.Count; i++)
        {
            var name = Normalize(headers[i]);
            if (name.Length == 0 || ignored.Contains(name)) continue;
            if (!columns.TryGetValue(name, out var column))
            {
                errors.Add($"column {i + 1} \"{headers[i].Trim()}\" is not a known header; map it in a mapping file, or list it under \"ignore\"");
                continue;
            }
            int first = index[(int)column];
            if (first >= 0)
                errors.Add($"columns {first + 1} \"{headers[first].Trim()}\" and {i + 1} \"{headers[i].Trim()}\" both mean {ImportColumns.Of(column).Key}");
            else
                index[(int)column] = i;
        }
        foreach (var c in ImportColumns.All.Where(c => c.Required && index[(int)c.Column] < 0))
            errors.Add($"required column {c.Chinese} ({c.Key}) is missing");
        if (errors.Count > 0) throw new InvalidFileException("header row", errors);
        return new ColumnLayout(index, headers);
    }
}
