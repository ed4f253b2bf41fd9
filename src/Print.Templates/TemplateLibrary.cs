using System.Collections.Concurrent;
using Print.Documents;

namespace Print.Templates;

/// <summary>
/// The templates folder: one subfolder per piece with a template.json. Templates are parsed once and
/// checked before first use (<see cref="TemplateChecker"/>); a template that fails its check is never used.
/// </summary>
public sealed class TemplateLibrary(string root, DocumentEngine engine)
{
    private readonly ConcurrentDictionary<string, Lazy<PrintTemplate>> _checked = new();

    public string Root { get; } = Path.GetFullPath(root);
    public DocumentEngine Engine { get; } = engine;

    /// <summary>The insurer branch that sends the mail (templates/sender.json), for records that name none.</summary>
    public Model.Sender DefaultSender => _sender ??= File.Exists(SenderPath)
        ? TemplateJson.Read<Model.Sender>(File.ReadAllText(SenderPath), Display(SenderPath))
        : new Model.Sender();

    private Model.Sender? _sender;
    private string SenderPath => Path.Combine(Root, "sender.json");

    /// <summary>Completes a data record for <paramref name="template"/>: derived fields, the default sender.</summary>
    public Model.TemplateModel Prepare(PrintTemplate template, Model.TemplateModel model) =>
        ModelCompletion.Prepare(model, template, DefaultSender);

    /// <summary>
    /// The template's sample data made as hard on the layout as a customer record can be (<see cref="AdversarialSample"/>):
    /// what a proof shows beside real pieces, and what every template passed before its first use.
    /// </summary>
    public Model.TemplateModel Adversarial(PrintTemplate template) =>
        AdversarialSample.From(Prepare(template, TemplateJson.Read<Model.TemplateModel>(File.ReadAllText(template.SamplePath), Display(template.SamplePath))));

    public IEnumerable<string> Names => Directory.EnumerateDirectories(Root)
        .Where(d => File.Exists(Path.Combine(d, "template.json")))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>The checked template; throws <see cref="TemplateCheckException"/> listing every problem if it fails its check.</summary>
    public PrintTemplate Get(string name) =>
        _checked.GetOrAdd(name, n => new Lazy<PrintTemplate>(() =>
        {
            var template = Load(n);
            var problems = new TemplateChecker(Engine, DefaultSender).Check(template);
            if (problems.Any(p => p.IsError)) throw new TemplateCheckException(n, problems);
            return template;
        })).Value;

    /// <summary>Reads and parses a template folder without checking it (the checker's entry point).</summary>
    public PrintTemplate Load(string name)
    {
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(".."))
            throw new TemplateException(name, 0, 0, "not a template name");
        var dir = Path.Combine(Root, name);
        var metaPath = Path.Combine(dir, "template.json");
        if (!File.Exists(metaPath))
            throw new TemplateException(Display(metaPath), 0, 0, $"no template '{name}' (have: {string.Join(", ", Names)})");
        var metadata = TemplateJson.Read<TemplateMetadata>(File.ReadAllText(metaPath), Display(metaPath));
        return new PrintTemplate
        {
            Name = name,
            Directory = dir,
            Metadata = metadata,
            Document = Source(dir, metadata.Document, "document")!,
            Sms = Source(dir, metadata.Sms, "sms"),
            EmailSubject = metadata.EmailSubject is { } subject ? SourceFile.Inline(Display(metaPath) + "#email_subject", subject) : null,
            EmailHtml = Source(dir, metadata.EmailHtml, "email_html"),
            EmailText = Source(dir, metadata.EmailText, "email_text"),
        };
    }

    private SourceFile? Source(string dir, string? file, string field)
    {
        if (file is null) return null;
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
            throw new TemplateException(Display(Path.Combine(dir, "template.json")), 0, 0, $"{field}: file '{file}' not found in {Display(dir)}");
        return new SourceFile(path, Display(path), File.ReadAllText(path));
    }

    /// <summary>Paths in messages are relative to the templates folder's parent (the repository): templates/thank-you/piece.sbn.</summary>
    private string Display(string path) => Path.GetRelativePath(Path.GetDirectoryName(Root) ?? Root, path);

    /// <summary>templates/ of the checkout: PRINT_TEMPLATES, else the first "templates" folder above the program or the working directory.</summary>
    public static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PRINT_TEMPLATES");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "templates");
                if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate).Any(d => File.Exists(Path.Combine(d, "template.json"))))
                    return candidate;
            }
        throw new DirectoryNotFoundException("no templates/ folder with template.json files found above the working directory or the program; set PRINT_TEMPLATES");
    }
}

/// <summary>A problem found by checking a template: an error blocks its use, a warning does not.</summary>
public sealed record TemplateProblem(string File, int Line, int Column, string Message, string Sample, bool IsError = true)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")}: {Message}{(Sample.Length > 0 ? $" [{Sample}]" : "")}";
}

public sealed class TemplateCheckException(string name, IReadOnlyList<TemplateProblem> problems)
    : Exception($"template '{name}' failed its check:\n" + string.Join("\n", problems.Where(p => p.IsError)))
{
    public IReadOnlyList<TemplateProblem> Problems { get; } = problems;
}
