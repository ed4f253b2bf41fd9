using System.Text.Json;

namespace Print.Core.Text;

/// <summary>JSON files people edit by hand: comments and trailing commas are allowed, syntax errors name the line.</summary>
internal static class JsonFile
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
}
