using System.Diagnostics;
using System.Text;
using Print.Documents;
using Print.Documents.Fonts;
using Print.Templates.Model;
using SkiaSharp;

namespace Print.Templates.Tests;

/// <summary>Shared engine, the repository's template library and paths, for every test class.</summary>
public static class TestSupport
{
    /// <summary>One engine for the whole run: loading the CJK fonts is the expensive part.</summary>
    public static DocumentEngine Engine { get; } = new(FontRegistry.Default);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string TemplatesRoot => Path.Combine(RepositoryRoot, "templates");

    /// <summary>The repository's templates/, checked once per template for the whole run (the library caches).</summary>
    public static TemplateLibrary Library { get; } = new(TemplatesRoot, Engine);

    public static PieceRenderer Renderer { get; } = new(Engine);

    /// <summary>The sample of a repository template, completed the way production completes a record.</summary>
    public static TemplateModel Sample(PrintTemplate template) =>
        Library.Prepare(template, TemplateJson.Read<TemplateModel>(File.ReadAllText(template.SamplePath), template.SamplePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Print.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Print.sln not found above the test binaries");
    }

    /// <summary>Removes all white space, so text extracted from a PDF can be compared regardless of line breaks.</summary>
    public static string StripWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}

/// <summary>
/// A templates folder of its own (under a temporary "repository", like templates/ under the checkout) holding
/// small templates a test writes: template.json, piece.sbn, sample.json and optionally more.
/// </summary>
public sealed class TemplateFolder : IDisposable
{
    private readonly TempDir _repo = new();

    public TemplateFolder() => Directory.CreateDirectory(Root);

    /// <summary>The templates folder (its parent stands for the repository, as paths in messages are relative to it).</summary>
    public string Root => _repo.File("templates");

    /// <summary>A minimal valid sample: everything the default piece below names.</summary>
    public const string DefaultSample = """
        {
          "customer": { "id": "C1", "name": "张三", "gender": "男", "postcode": "330038",
                        "province": "江西省", "city": "南昌市", "district": "红谷滩区", "street": "丰和中大道 1288 号" },
          "policy": { "number": "PDAA2026001", "plate": "赣A·D6161", "start_date": "2026-11-18", "premium": 4821.36,
                      "coverages": [ { "name": "车损险", "sum_insured": 150000, "premium": 2100.5 },
                                     { "name": "三者险", "sum_insured": 2000000, "premium": 1300 },
                                     { "name": "道路救援", "premium": 0 } ] },
          "piece": { "id": "P1", "tracking_number": "RR473124829CN", "response_url": "https://www.example.com.cn/r/AB12CD34" },
          "campaign": { "name": "测试" },
          "today": "2026-11-25"
        }
        """;

    /// <summary>A window-less A5 template.json unless the test gives its own.</summary>
    public const string DefaultMetadata = """
        { "title": "测试", "page": "A5", "mail_class": "ordinary", "sheets": 1, "document": "piece.sbn", "sample": "sample.json" }
        """;

    /// <summary>Writes a template folder; returns its directory.</summary>
    public string Add(string name, string piece, string? metadata = null, string? sample = null, params (string File, string Text)[] more)
    {
        var dir = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        Write(dir, "template.json", metadata ?? DefaultMetadata);
        Write(dir, "piece.sbn", piece);
        Write(dir, "sample.json", sample ?? DefaultSample);
        foreach (var (file, text) in more) Write(dir, file, text);
        return dir;
    }

    private static void Write(string dir, string file, string text) =>
        File.WriteAllText(System.IO.Path.Combine(dir, file), text, new UTF8Encoding(false));

    /// <summary>A fresh library over this folder (a library caches checked templates, so tests take a new one).</summary>
    public TemplateLibrary Library() => new(Root, TestSupport.Engine);

    /// <summary>Checks a template as production does (with the folder's default sender, if it has a sender.json).</summary>
    public List<TemplateProblem> Check(string name)
    {
        var library = Library();
        return new TemplateChecker(TestSupport.Engine, library.DefaultSender).Check(library.Load(name));
    }

    public void Dispose() => _repo.Dispose();
}

/// <summary>Templates built in memory from a piece text (no folder), for merge-only tests.</summary>
public static class InMemory
{
    public const string DisplayPath = "test/piece.sbn";

    public static PrintTemplate Template(string piece, string? sms = null) => new()
    {
        Name = "test",
        Directory = Path.GetTempPath(),
        Metadata = new TemplateMetadata(),
        Document = new SourceFile(DisplayPath, DisplayPath, piece),
        Sms = sms is null ? null : new SourceFile("test/sms.sbn", "test/sms.sbn", sms),
    };

    /// <summary>The default sample of <see cref="TemplateFolder"/>, completed.</summary>
    public static TemplateModel Model() =>
        ModelCompletion.Complete(TemplateJson.Read<TemplateModel>(TemplateFolder.DefaultSample, "sample.json"), "test");

    public static string Merge(string piece, TemplateModel? model = null) =>
        TestSupport.Renderer.Merge(Template(piece), model ?? Model());
}
