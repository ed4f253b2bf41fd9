using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text;
using Print.Core.Text;
using Print.Templates.Model;

namespace Print.Templates.Data;

/// <summary>One record of a data file: its row (1-based, data rows only), and the model or why it was refused.</summary>
public sealed record TemplateRecord(int Row, TemplateModel? Model, string? Error)
{
    public string Label => Model is { Customer.Id.Length: > 0 } m ? $"row {Row} (customer {m.Customer.Id})" : $"row {Row}";
}

/// <summary>
/// Reads the data a template is rendered with: a JSON file (one record, or an array of them, in the model's
/// snake_case shape) or a CSV file whose headers are model paths (<c>customer.name</c>, <c>policy.end_date</c>;
/// <c>policy.coverages</c> holds a JSON array). A bad record is reported with its row; the others are read.
/// </summary>
public static class TemplateRecords
{
    public static IEnumerable<TemplateRecord> Load(string path) =>
        Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? FromCsv(path) : FromJson(path);

    private static IEnumerable<TemplateRecord> FromJson(string path)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new TemplateException(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, $"not valid JSON: {e.Message}"); }
        var items = root is JsonArray array ? array.ToList() : new List<JsonNode?> { root };
        for (int i = 0; i < items.Count; i++) yield return Read(items[i], i + 1);
    }

    private static IEnumerable<TemplateRecord> FromCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string[]? headers = null;
        int row = 0;
        foreach (var (_, fields) in CsvRows.Read(reader))
        {
            if (headers is null) { headers = fields.Select(f => f.Trim()).ToArray(); continue; }
            row++;
            var record = new JsonObject();
            string? error = fields.Count > headers.Length ? $"{fields.Count} fields but {headers.Length} columns" : null;
            for (int i = 0; i < fields.Count && error is null; i++)
            {
                var value = fields[i].Trim();
                if (value.Length > 0) error = Set(record, headers[i], value);
            }
            yield return error is null ? Read(record, row) : new TemplateRecord(row, null, error);
        }
    }

    /// <summary>Model paths whose CSV cell holds a JSON list.</summary>
    private static readonly HashSet<string> ListPaths = new(StringComparer.Ordinal) { "policy.coverages" };

    /// <summary>Puts a CSV cell at its dotted path as text (the model reads numbers from text); a list is JSON.</summary>
    private static string? Set(JsonObject record, string header, string value)
    {
        var path = header.Trim();
        var parts = path.Split('.');
        if (parts.Length < 2 && path != "today") return $"column '{header}' is not a model path such as customer.name";
        var node = record;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child) node[part] = child = new JsonObject();
            node = child;
        }
        try
        {
            node[parts[^1]] = ListPaths.Contains(path) ? JsonNode.Parse(value) : JsonValue.Create(value);
        }
        catch (JsonException e) { return $"column '{header}': not a JSON list: {e.Message}"; }
        return null;
    }

    private static TemplateRecord Read(JsonNode? node, int row)
    {
        try
        {
            var model = node.Deserialize<TemplateModel>(TemplateJson.Options) ?? throw new JsonException("the record is null");
            return new TemplateRecord(row, model, null);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            return new TemplateRecord(row, null, e.Path is { Length: > 1 } p ? $"{message.TrimEnd('.')} (at {p})" : message);
        }
    }
}
