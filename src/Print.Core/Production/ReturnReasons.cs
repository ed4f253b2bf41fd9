using System.Text.Json;
using Print.Core.Text;

namespace Print.Core.Production;

/// <summary>
/// The configured return reasons (format in README.md beside this file). A reason is found by its code, its
/// Chinese label or one of its aliases, ignoring case, spaces and full-width forms, as feedback files write it.
/// </summary>
public sealed class ReturnReasons
{
    private readonly Dictionary<string, ReturnReason> byName;

    private ReturnReasons(IReadOnlyList<ReturnReason> all)
    {
        All = all;
        byName = [];
        foreach (var r in all)
            foreach (var name in r.Aliases.Prepend(r.Label).Prepend(r.Code))
                byName[Key(name)] = r;
    }

    public IReadOnlyList<ReturnReason> All { get; }

    /// <summary>The reason <paramref name="name"/> names (code, label or alias), or null.</summary>
    public ReturnReason? Find(string name) => byName.GetValueOrDefault(Key(name));

    /// <summary>"unknown-addressee (原址查无此人), …" for error messages.</summary>
    public string CodeList => string.Join(", ", All.Select(r => r.ToString()));

    private static string Key(string name) => string.Concat(HalfWidth.Normalize(name).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    private const string DefaultResource = "Print.Core.Production.default-return-reasons.json";

    private static readonly Lazy<ReturnReasons> DefaultReasons = new(() => Parse(DefaultJson, "default-return-reasons.json"));

    /// <summary>The shipped reasons: the post office's list (原址查无此人, 地址不详, 迁移新址不明, 拒收, 逾期未领, 收件人已故, 其他).</summary>
    public static ReturnReasons Default => DefaultReasons.Value;

    /// <summary>The shipped file's text, for an operator to start their own copy from.</summary>
    public static string DefaultJson
    {
        get
        {
            using var stream = typeof(ReturnReasons).Assembly.GetManifestResourceStream(DefaultResource)
                ?? throw new InvalidOperationException($"the embedded resource {DefaultResource} is missing");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static ReturnReasons Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads and checks a reasons file; throws <see cref="InvalidFileException"/> listing every mistake with its JSON path.</summary>
    public static ReturnReasons Parse(string json, string source = "return reasons")
    {
        using var document = JsonFile.Parse(json, source);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidFileException(source, ["$: expected an object with \"reasons\""]);
        var errors = new List<string>();
        JsonFile.RejectUnknown(root, JsonPath.Root, errors, "description", "reasons");

        var reasons = new List<ReturnReason>();
        var seen = new Dictionary<string, string>(); // name key → path of the reason that has it
        if (!root.TryGetProperty("reasons", out var list)) errors.Add("$.reasons: missing; expected the list of return reasons");
        else if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0) errors.Add("$.reasons: expected a non-empty list of return reasons");
        else
        {
            int i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = JsonPath.Index("$.reasons", i++);
                if (ReadReason(item, path, errors) is not { } reason) continue;
                bool clash = false;
                foreach (var name in reason.Aliases.Prepend(reason.Label).Prepend(reason.Code).Distinct())
                {
                    if (seen.TryGetValue(Key(name), out var other) && other != path)
                    {
                        errors.Add($"{path}: \"{name}\" already names {other}; a code, label or alias must name one reason");
                        clash = true;
                    }
                    else seen[Key(name)] = path;
                }
                if (!clash) reasons.Add(reason);
            }
        }
        if (errors.Count > 0) throw new InvalidFileException(source, errors);
        return new ReturnReasons(reasons);
    }

    private static ReturnReason? ReadReason(JsonElement item, string path, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected a reason object"); return null; }
        int before = errors.Count;
        JsonFile.RejectUnknown(item, path, errors, "code", "label", "bad_address", "stop_contact", "aliases");
        var code = Text(item, path, "code", errors);
        var label = Text(item, path, "label", errors);
        bool bad = Flag(item, path, "bad_address", errors, required: true);
        bool stop = Flag(item, path, "stop_contact", errors, required: false);
        var aliases = new List<string>();
        if (item.TryGetProperty("aliases", out var a))
        {
            if (a.ValueKind != JsonValueKind.Array) errors.Add($"{path}.aliases: expected a list of texts");
            else
            {
                int i = 0;
                foreach (var alias in a.EnumerateArray())
                {
                    if (alias.ValueKind == JsonValueKind.String && alias.GetString()!.Trim().Length > 0) aliases.Add(alias.GetString()!.Trim());
                    else errors.Add($"{JsonPath.Index($"{path}.aliases", i)}: expected a text, got {alias.GetRawText()}");
                    i++;
                }
            }
        }
        return errors.Count == before ? new ReturnReason(code!, label!, bad, stop, aliases) : null;
    }

    private static string? Text(JsonElement item, string path, string name, List<string> errors)
    {
        if (!item.TryGetProperty(name, out var v)) { errors.Add($"{path}.{name}: missing"); return null; }
        if (v.ValueKind != JsonValueKind.String || v.GetString()!.Trim().Length == 0) { errors.Add($"{path}.{name}: expected a non-empty text, got {v.GetRawText()}"); return null; }
        return v.GetString()!.Trim();
    }

    private static bool Flag(JsonElement item, string path, string name, List<string> errors, bool required)
    {
        if (!item.TryGetProperty(name, out var v))
        {
            if (required) errors.Add($"{path}.{name}: missing; expected true or false");
            return false;
        }
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        errors.Add($"{path}.{name}: expected true or false, got {v.GetRawText()}");
        return false;
    }
}
