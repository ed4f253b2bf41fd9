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
            // System.Text.Json names the member and the path ("$.bye"); the .NET type names mean nothing to a caller.
            var detail = e.Message.Split(" Path:")[0];
            detail = System.Text.RegularExpressions.Regex.Replace(detail, @" (?:on|in|to) (?:type )?'[\w.`\[\], ]+'", "");
            throw new ApiException(StatusCodes.Status400BadRequest, $"body {e.Path ?? "$"}: {detail}");
        }
    }

    public static IResult Json(object value, int status = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: status);

    public static IResult Error(int status, string message) => Results.Json(new { error = message }, Options, statusCode: status);
}

/// <summary>A request the API refuses, with the status and the message the caller reads.</summary>
public sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
