using System.Text.Json;

namespace Print.Core.Text;

/// <summary>JSON files people edit by hand: comments and trailing commas are allowed, syntax errors name the line.</summary>
public static class JsonFile
{
    public static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            throw new InvalidFileException(source, [$"line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: not valid JSON: {message}"]);
        }
    }

    /// <summary>
    /// Adds an error for every property of <paramref name="element"/> that is not one of <paramref name="known"/>,
    /// or that is given twice: a misspelt setting must fail loudly, not fall back to its default.
    /// </summary>
    public static void RejectUnknown(JsonElement element, string path, List<string> errors, params string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            if (!seen.Add(property.Name)) errors.Add($"{propertyPath}: given twice");
            else if (!known.Contains(property.Name)) errors.Add($"{propertyPath}: unknown property; expected {string.Join(", ", known)}");
        }
    }
}
