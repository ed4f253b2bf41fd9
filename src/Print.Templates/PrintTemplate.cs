using Scriban;

namespace Print.Templates;

/// <summary>One piece's template folder, parsed once: its metadata and its Scriban templates.</summary>
public sealed class PrintTemplate
{
    public required string Name { get; init; }
    public required string Directory { get; init; }
    public required TemplateMetadata Metadata { get; init; }
    public required SourceFile Document { get; init; }
    public SourceFile? Sms { get; init; }
    public SourceFile? EmailSubject { get; init; }
    public SourceFile? EmailHtml { get; init; }
    public SourceFile? EmailText { get; init; }

    public string SamplePath => Path.Combine(Directory, Metadata.Sample);

    public IEnumerable<SourceFile> Sources =>
        new[] { Document, Sms, EmailSubject, EmailHtml, EmailText }.OfType<SourceFile>();
}

/// <summary>A Scriban template with the text and path it came from (for error messages and line markers).</summary>
public sealed class SourceFile
{
    private Template? _marked;

    public SourceFile(string path, string displayPath, string text)
    {
        Path = path;
        DisplayPath = displayPath;
        Text = text;
        Parsed = Template.Parse(text, displayPath);
    }

    /// <summary>Parses an inline text (an e-mail subject line in template.json).</summary>
    public static SourceFile Inline(string displayPath, string text) => new(displayPath, displayPath, text);

    public string Path { get; }
    /// <summary>The path shown in errors: relative to the repository's templates folder, e.g. thank-you/piece.sbn.</summary>
    public string DisplayPath { get; }
    public string Text { get; }
    public Template Parsed { get; }

    /// <summary>The same template with line markers, parsed on first need (only to explain an error).</summary>
    internal Template Marked => _marked ??= Template.Parse(Merge.LineMarkers.Insert(Text), DisplayPath);
}
