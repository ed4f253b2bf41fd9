namespace Print.Core.Text;

/// <summary>
/// A file a person edits (a header mapping, segment rules) or a header row that cannot be used. Every problem
/// is listed, each naming where it is, so one round of fixes is enough.
/// </summary>
public class InvalidFileException(string source, IReadOnlyList<string> errors)
    : Exception($"{source}: " + string.Join(Environment.NewLine + $"{source}: ", errors))
{
    /// <summary>The file, or what was read ("the header row", "default rules").</summary>
    public string FileName { get; } = source;
    public IReadOnlyList<string> Errors { get; } = errors;
}
