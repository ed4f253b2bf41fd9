namespace Print.Documents;

/// <summary>Where in a markup (or template) file something came from; 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation Unknown = new("<markup>", 0, 0);
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>Any problem with a document that the author can fix; always names the place.</summary>
public class DocumentException(SourceLocation location, string message)
    : Exception($"{location}: {message}")
{
    public SourceLocation Location { get; } = location;
    public string Reason { get; } = message;
}

/// <summary>The markup is not well-formed or uses a name, length, colour or file that does not exist.</summary>
public sealed class MarkupException(SourceLocation location, string message) : DocumentException(location, message);

/// <summary>The markup is valid but cannot be laid out: a missing glyph, an address that overflows its window.</summary>
public sealed class LayoutException(SourceLocation location, string message) : DocumentException(location, message);
