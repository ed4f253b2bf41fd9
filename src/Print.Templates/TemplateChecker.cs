using Print.Documents;
using Print.Documents.Elements;
using Print.Documents.Geometry;
using Print.Documents.Layout;
using Print.Templates.Merge;
using Print.Templates.Model;

namespace Print.Templates;

/// <summary>
/// Checks a template the way production will use it: every Scriban file parses, names only model members
/// that exist, merges with the sample data and with the adversarial sample, and the merged markup lays out
/// (no markup error, no overflowing address window, no missing glyph) on the page and envelope window its
/// metadata declares. Every problem is reported with its template file, line and column.
/// </summary>
public sealed class TemplateChecker(DocumentEngine engine, Sender? defaultSender = null)
{
    /// <summary>One Chinese SMS segment (UCS-2): longer texts are sent as several, billed each.</summary>
    public const int SmsSegment = 70;

    private readonly PieceRenderer _renderer = new(engine);

    public List<TemplateProblem> Check(PrintTemplate template)
    {
        var problems = new List<TemplateProblem>();
        foreach (var source in template.Sources)
        {
            foreach (var m in source.Parsed.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error))
                problems.Add(new(source.DisplayPath, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message, ""));
            if (!source.Parsed.HasErrors)
                foreach (var (line, column, message) in ModelMemberCheck.Check(source.Parsed))
                    problems.Add(new(source.DisplayPath, line, column, message, ""));
        }
        CheckMetadata(template, problems);
        if (problems.Any(p => p.IsError)) return problems;

        TemplateModel sample;
        try
        {
            sample = ModelCompletion.Prepare(TemplateJson.Read<TemplateModel>(File.ReadAllText(template.SamplePath), Relative(template, template.SamplePath)), template, defaultSender ?? new Sender());
        }
        catch (TemplateException e)
        {
            problems.Add(new(e.File, e.Line, e.Column, e.Reason, "sample"));
            return problems;
        }
        catch (FileNotFoundException)
        {
            problems.Add(new(Relative(template, template.SamplePath), 0, 0, "the sample data file is missing", "sample"));
            return problems;
        }
        CheckWith(template, sample, "sample data", problems);
        CheckWith(template, AdversarialSample.From(sample), "adversarial data", problems);
        return problems;
    }

    private void CheckWith(PrintTemplate template, TemplateModel model, string label, List<TemplateProblem> problems)
    {
        try
        {
            var markup = _renderer.Merge(template, model);
            DocumentModel document;
            try { document = _renderer.Parse(template, markup); }
            catch (DocumentException e) { throw _renderer.Locate(template, model, e); }
            CheckGeometry(template, document, label, problems, () => _renderer.DocumentPosition(template, model));
            int pages;
            try { pages = DocumentLayout.Layout(document, _renderer.Engine.Fonts).Pages.Count; }
            catch (DocumentException e) { throw _renderer.Locate(template, model, e); }
            if (template.Metadata.Pages is { } expected && pages != expected)
            {
                var (line, column) = _renderer.DocumentPosition(template, model);
                problems.Add(new(template.Document.DisplayPath, line, column, $"the piece has {pages} pages; template.json says it has {expected}", label));
            }
        }
        catch (TemplateException e)
        {
            problems.Add(new(e.File, e.Line, e.Column, e.Reason, label));
        }
        foreach (var text in new[] { template.Sms, template.EmailSubject, template.EmailText, template.EmailHtml }.OfType<SourceFile>())
        {
            try
            {
                var merged = _renderer.MergeText(text, model, html: text == template.EmailHtml);
                if (text == template.Sms && merged.Length > SmsSegment)
                    problems.Add(new(text.DisplayPath, 1, 1, $"the SMS is {merged.Length} characters: more than one {SmsSegment}-character message", label, IsError: false));
            }
            catch (TemplateException e)
            {
                problems.Add(new(e.File, e.Line, e.Column, e.Reason, label));
            }
        }
    }

    private static void CheckMetadata(PrintTemplate template, List<TemplateProblem> problems)
    {
        var meta = template.Metadata;
        var file = Relative(template, Path.Combine(template.Directory, "template.json"));
        if (!PaperSizes.TryParse(meta.Page, out _))
            problems.Add(new(file, 1, 1, $"page '{meta.Page}' is not a page size", ""));
        if (meta.MailClass is not ("ordinary" or "registered" or "registered-receipt"))
            problems.Add(new(file, 1, 1, $"mail_class '{meta.MailClass}' is not ordinary, registered or registered-receipt", ""));
        if (meta.Envelope?.Window is { } w && Window(w) is null)
            problems.Add(new(file, 1, 1, "envelope.window needs x, y, width and height as lengths (e.g. \"20mm\")", ""));
        if (meta.Sheets < 1) problems.Add(new(file, 1, 1, "sheets must be at least 1", ""));
    }

    private static Rect? Window(WindowMetadata w) =>
        Length.TryParse(w.X, 0, out var x) && Length.TryParse(w.Y, 0, out var y) &&
        Length.TryParse(w.Width, 0, out var width) && Length.TryParse(w.Height, 0, out var height)
            ? new Rect(x, y, width, height) : null;

    /// <summary>The page is the declared one, and the address sits exactly in the envelope's window.</summary>
    private static void CheckGeometry(PrintTemplate template, DocumentModel document, string label, List<TemplateProblem> problems,
        Func<(int Line, int Column)> documentPosition)
    {
        var meta = template.Metadata;
        var file = template.Document.DisplayPath;
        var at = new Lazy<(int Line, int Column)>(documentPosition); // only to report a problem
        if (PaperSizes.TryParse(meta.Page, out var page) &&
            (Math.Abs(page.Width - document.TrimSize.Width) > 0.5 || Math.Abs(page.Height - document.TrimSize.Height) > 0.5) &&
            (Math.Abs(page.Width - document.TrimSize.Height) > 0.5 || Math.Abs(page.Height - document.TrimSize.Width) > 0.5))
            problems.Add(new(file, at.Value.Line, at.Value.Column,
                $"the document is {Length.ToMm(document.TrimSize.Width):0.#}×{Length.ToMm(document.TrimSize.Height):0.#}mm but template.json declares page '{meta.Page}'", label));
        if (meta.Envelope?.Window is { } w && Window(w) is { } window)
        {
            var places = Places(document.Body).ToList();
            bool inWindow = places.Any(p => Math.Abs(p.Box.X - window.X) < 1.5 && Math.Abs(p.Box.Y - window.Y) < 1.5
                && Math.Abs(p.Box.Width - window.Width) < 1.5 && Math.Abs(p.Box.Height - window.Height) < 1.5);
            if (!inWindow)
                problems.Add(new(file, at.Value.Line, at.Value.Column,
                    $"the {meta.Envelope.Size} envelope's window is at x={w.X} y={w.Y}, {w.Width}×{w.Height}; no <place> of the document is there, so the address would not show", label));
        }
    }

    private static IEnumerable<Place> Places(Element element) => element switch
    {
        Place p => new[] { p },
        Column c => c.Children.SelectMany(Places),
        _ => Enumerable.Empty<Place>(),
    };

    private static string Relative(PrintTemplate template, string path) =>
        Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(template.Directory)!) ?? template.Directory, path);
}
