namespace Print.Templates;

/// <summary>A problem in a template or in the data merged into it, named by template file, line and column.</summary>
public sealed class TemplateException(string file, int line, int column, string reason, string? record = null, Exception? inner = null)
    : Exception($"{file}:{line}:{column}: {reason}{(record is null ? "" : $" (record {record})")}", inner)
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = reason;
    /// <summary>Which data record was being merged (customer id), when the problem depends on the data.</summary>
    public string? Record { get; } = record;
}
