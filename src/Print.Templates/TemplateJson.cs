using System.Text.Json;
using System.Text.Json.Serialization;

namespace Print.Templates;

/// <summary>
/// One JSON convention for template metadata and data files: snake_case names (as templates see them),
/// dates as "2026-11-18", and any unknown field is an error naming its path.
/// </summary>
public static class TemplateJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads <paramref name="json"/> as T; errors name the file, line and the offending path.</summary>
    public static T Read<T>(string json, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new TemplateException(file, 1, 1, "the file holds null");
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1, column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new TemplateException(file, line, column, Explain(e), inner: e);
        }
    }

    private static string Explain(JsonException e)
    {
        var message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        return e.Path is { Length: > 1 } path ? $"{message.TrimEnd('.')} (at {path})" : message;
    }
}
