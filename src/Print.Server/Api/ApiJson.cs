using System.Text.Json;
using System.Text.Json.Serialization;

namespace Print.Server.Api;

/// <summary>
/// The API's JSON: snake_case both ways, and strict on the way in — an unknown field, a wrong type or a missing
/// required field is a 400 naming it (a misspelt "by" must not approve a batch anonymously).
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        WriteIndented = true,
        // Chinese names and reasons stay readable in the answers; Results.Json sets the content type, so no HTML context.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The request body as <typeparamref name="T"/>; an empty body is <paramref name="empty"/>, when given.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, T? empty = null) where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
            return empty ?? throw new ApiException(StatusCodes.Status400BadRequest, "the request needs a JSON body");
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options) ?? throw new ApiException(StatusCodes.Status400BadRequest, "the JSON body is null");
        }
        catch (JsonException e)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, Explain<T>(e));
        }
    }

    /// <summary>System.Text.Json's complaint in the caller's terms: the field and what is wrong, without .NET type names.</summary>
    private static string Explain<T>(JsonException e)
    {
        var path = e.Path ?? "$";
        var message = e.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return $"body {path}: unknown field; this request takes {string.Join(", ", typeof(T).GetProperties().Select(p => $"\"{JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)}\""))}";
        if (System.Text.RegularExpressions.Regex.Match(message, "missing required properties including: (.*)\\.") is { Success: true } missing)
            return $"body: missing required field {missing.Groups[1].Value}";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return $"body {path}: the value has the wrong type";
        return $"body {path}: not valid JSON";
    }

    public static IResult Json(object value, int status = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: status);

    public static IResult Error(int status, string message) => Results.Json(new { error = message }, Options, statusCode: status);
}

/// <summary>A request the API refuses, with the status and the message the caller reads.</summary>
public sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
