namespace Print.Server.Cli;

/// <summary>
/// "--name value" options and positional words of one verb. Unknown options are errors, so a misspelt
/// "--ouput" never silently writes somewhere unexpected.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    public List<string> Positional { get; } = new();

    public Arguments(IEnumerable<string> args, params string[] flags)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (!a.StartsWith("--", StringComparison.Ordinal)) { Positional.Add(a); continue; }
            var name = a[2..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (!flags.Contains(name))
            {
                if (i + 1 >= list.Count) throw new UsageException($"option --{name} needs a value");
                value = list[++i];
            }
            _options[name] = value;
        }
    }

    public string? Optional(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string Required(string name) => Optional(name) ?? throw new UsageException($"option --{name} is required");

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        return int.TryParse(text, out var v) && v >= min && v <= max ? v
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>Call after reading every option the verb knows.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option --{unknown[0]} (known: {string.Join(", ", _read.Order().Select(r => "--" + r))})");
    }
}

public sealed class UsageException(string message) : Exception(message);
