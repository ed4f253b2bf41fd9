using Print.Documents;
using Print.Documents.Layout;
using Print.Documents.Markup;
using Print.Documents.Pages;
using Print.Templates.Merge;
using Scriban;
using Scriban.Runtime;

namespace Print.Templates;

/// <summary>
/// A Scriban layout template merged with data other than a mail piece's model (a posting list, a cover
/// sheet): the same sandbox, XML escaping, helper functions and error positions as <see cref="PieceRenderer"/>,
/// with globals the caller names. .NET members reach the template in snake_case.
/// </summary>
public sealed class DataTemplate
{
    private static readonly ScriptObject Functions = TemplateFunctions.CreateGlobals();
    private readonly SourceFile _source;

    private DataTemplate(SourceFile source, string directory)
    {
        _source = source;
        Directory = directory;
    }

    /// <summary>Reads <paramref name="path"/>; <paramref name="displayPath"/> names it in errors (templates/posting-list/list.sbn).</summary>
    public static DataTemplate Load(string path, string displayPath)
    {
        if (!File.Exists(path)) throw new TemplateException(displayPath, 0, 0, "template file not found");
        var full = Path.GetFullPath(path);
        return new DataTemplate(new SourceFile(full, displayPath, File.ReadAllText(full)), Path.GetDirectoryName(full)!);
    }

    public string DisplayPath => _source.DisplayPath;
    public string Text => _source.Text;
    /// <summary>Where images named in the markup are found.</summary>
    public string Directory { get; }

    /// <summary>The merged markup; <paramref name="record"/> names the data in error messages.</summary>
    public string Merge(IReadOnlyDictionary<string, object?> globals, string? record = null) => Merge(_source.Parsed, globals, record);

    /// <summary>Merges and lays out; every error names this template's line and column.</summary>
    public LaidOutDocument Render(DocumentEngine engine, IReadOnlyDictionary<string, object?> globals, string? record = null)
    {
        var markup = Merge(globals, record);
        try
        {
            return DocumentLayout.Layout(MarkupParser.Parse(markup, DisplayPath, Directory, engine.Fonts), engine.Fonts);
        }
        catch (DocumentException e)
        {
            var (line, column) = (1, 1);
            var marked = Merge(_source.Marked, globals, record);
            try
            {
                DocumentLayout.Layout(MarkupParser.Parse(marked, DisplayPath, Directory, engine.Fonts), engine.Fonts);
            }
            catch (DocumentException again) when (again.Location.Line > 0)
            {
                (line, column) = LineMarkers.Locate(marked, again.Location.Line, again.Location.Column);
            }
            throw new TemplateException(DisplayPath, line, column, e.Reason, record, e);
        }
    }

    private string Merge(Template parsed, IReadOnlyDictionary<string, object?> globals, string? record)
    {
        if (parsed.HasErrors)
        {
            var m = parsed.Messages.First(x => x.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new TemplateException(DisplayPath, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message);
        }
        var data = new ScriptObject();
        foreach (var (name, value) in globals) data[name] = value;
        using var context = new MarkupContext(Functions, PieceRenderer.TimeLimit, escape: true);
        context.PushGlobal(data);
        try
        {
            return parsed.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            throw new TemplateException(DisplayPath, e.Span.Start.Line + 1, e.Span.Start.Column + 1,
                e.OriginalMessage.Replace("Cannot get member with name", "unknown member", StringComparison.Ordinal), record, e);
        }
    }
}
