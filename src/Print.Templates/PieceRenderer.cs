using System.Text.RegularExpressions;
using Print.Documents;
using Print.Documents.Layout;
using Print.Documents.Markup;
using Print.Documents.Pages;
using Print.Templates.Merge;
using Print.Templates.Model;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Print.Templates;

/// <summary>Merges a template with one piece's data and lays out the result.</summary>
public sealed partial class PieceRenderer(DocumentEngine engine)
{
    /// <summary>A template that loops or computes for longer than this on one piece is stopped.</summary>
    public static TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(2);

    private static readonly ScriptObject Functions = TemplateFunctions.CreateGlobals();

    public DocumentEngine Engine { get; } = engine;

    /// <summary>The layout markup of one piece.</summary>
    public string Merge(PrintTemplate template, TemplateModel model) => Merge(template.Document, model, escape: true);

    /// <summary>A plain-text output (SMS, e-mail text), or escaped HTML for an e-mail body.</summary>
    public string MergeText(SourceFile source, TemplateModel model, bool html = false) => Merge(source, model, escape: html).Trim();

    public LaidOutDocument Render(PrintTemplate template, TemplateModel model)
    {
        var markup = Merge(template, model);
        try
        {
            return DocumentLayout.Layout(Parse(template, markup), Engine.Fonts);
        }
        catch (DocumentException e)
        {
            throw Locate(template, model, e);
        }
    }

    /// <summary>Parses merged markup; images are found in the template's folder.</summary>
    internal DocumentModel Parse(PrintTemplate template, string markup) =>
        MarkupParser.Parse(markup, template.Document.DisplayPath, template.Directory, Engine.Fonts);

    private static string Merge(SourceFile source, TemplateModel model, bool escape) =>
        Merge(source.Parsed, source, model, escape);

    private static string Merge(Template parsed, SourceFile source, TemplateModel model, bool escape)
    {
        if (parsed.HasErrors)
        {
            var m = parsed.Messages.First(x => x.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new TemplateException(source.DisplayPath, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message);
        }
        using var context = new MarkupContext(Functions, TimeLimit, escape);
        context.PushGlobal(Globals(model));
        try
        {
            return parsed.Render(context);
        }
        catch (Exception e) when (context.CancellationToken.IsCancellationRequested || e is RegexMatchTimeoutException || e.InnerException is RegexMatchTimeoutException)
        {
            var span = (e as ScriptRuntimeException)?.Span;
            throw new TemplateException(source.DisplayPath, (span?.Start.Line ?? 0) + 1, (span?.Start.Column ?? 0) + 1,
                $"merging took longer than {TimeLimit.TotalSeconds:0.#} s (an endless loop or a runaway pattern?)", model.Customer.Id, e);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException(source.DisplayPath, e.Span.Start.Line + 1, e.Span.Start.Column + 1, Simplify(e.OriginalMessage), model.Customer.Id, e);
        }

    }

    private static string Simplify(string message) => message
        .Replace("Cannot get member with name", "unknown member", StringComparison.Ordinal)
        .Replace("The variable or function", "unknown variable or function", StringComparison.Ordinal);

    private static ScriptObject Globals(TemplateModel model) => new()
    {
        ["customer"] = model.Customer,
        ["policy"] = model.Policy,
        ["piece"] = model.Piece,
        ["campaign"] = model.Campaign,
        ["sender"] = model.Sender,
        ["today"] = model.Today,
    };

    /// <summary>Re-merges with line markers to say which template line produced the markup that failed.</summary>
    /// <summary>
    /// Re-merges with line markers and lays out again: the same error, now at a place in the marked markup,
    /// which the markers trace to its template line and column.
    /// </summary>
    internal TemplateException Locate(PrintTemplate template, TemplateModel model, DocumentException e)
    {
        var marked = Merge(template.Document.Marked, template.Document, model, escape: true);
        var (line, column) = (1, 1);
        try
        {
            DocumentLayout.Layout(Parse(template, marked), Engine.Fonts);
        }
        catch (DocumentException again) when (again.Location.Line > 0)
        {
            (line, column) = LineMarkers.Locate(marked, again.Location.Line, again.Location.Column);
        }
        return new TemplateException(template.Document.DisplayPath, line, column, e.Reason, model.Customer.Id, e);
    }

    /// <summary>The template line and column of the <c>&lt;document&gt;</c> element, for problems with the document as a whole.</summary>
    internal (int Line, int Column) DocumentPosition(PrintTemplate template, TemplateModel model)
    {
        var marked = Merge(template.Document.Marked, template.Document, model, escape: true);
        var source = Parse(template, marked).Source;
        return source.Line > 0 ? LineMarkers.Locate(marked, source.Line, source.Column) : (1, 1);
    }
}
