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

/// <summary>A fresh directory under the system temp folder, removed with everything in it on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "print-templates-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDir() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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

public sealed record ToolResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs the command-line tools the tests use as independent judges (poppler, zbar).</summary>
public static class Tool
{
    public static ToolResult Run(string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = new Process { StartInfo = start };
        try { process.Start(); }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"could not start '{executable}' ({e.Message}); is it installed? (.ci/run installs poppler-utils zbar-tools)");
            throw;
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            Assert.Fail($"{executable} {string.Join(" ", args)} did not finish within 60 s");
        }
        process.WaitForExit();
        var result = new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
        if (result.ExitCode != 0)
            Assert.Fail($"{executable} {string.Join(" ", args)} exited with {result.ExitCode}\nstderr: {result.StdErr}");
        return result;
    }

    /// <summary>pdftotext of the whole PDF, pages separated by form feeds.</summary>
    public static string PdfToText(string pdf) => Run("pdftotext", "-enc", "UTF-8", pdf, "-").StdOut;
}

/// <summary>An 8-bit grey raster (0 = black, 255 = white) decoded with SkiaSharp.</summary>
public sealed class GrayImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public byte[] Pixels { get; } = pixels;

    public static GrayImage Load(string path) => DecodePng(File.ReadAllBytes(path));

    public static GrayImage DecodePng(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidDataException("not a decodable PNG");
        using var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var src = decoded.PeekPixels())
        using (var dst = rgba.PeekPixels())
            if (!src.ReadPixels(dst)) throw new InvalidDataException("PNG pixels could not be converted");
        var span = rgba.GetPixelSpan();
        var gray = new byte[decoded.Width * decoded.Height];
        for (int i = 0; i < gray.Length; i++)
        {
            int p = i * 4;
            int lum = (span[p] * 299 + span[p + 1] * 587 + span[p + 2] * 114 + 500) / 1000;
            int alpha = span[p + 3];
            gray[i] = (byte)((lum * alpha + 255 * (255 - alpha) + 127) / 255); // transparent counts as paper
        }
        return new GrayImage(decoded.Width, decoded.Height, gray);
    }

    public GrayImage Crop(int x, int y, int width, int height)
    {
        int x0 = Math.Clamp(x, 0, Width), y0 = Math.Clamp(y, 0, Height);
        int x1 = Math.Clamp(x + width, 0, Width), y1 = Math.Clamp(y + height, 0, Height);
        var pixels = new byte[(x1 - x0) * (y1 - y0)];
        for (int row = y0; row < y1; row++)
            Array.Copy(Pixels, row * Width + x0, pixels, (row - y0) * (x1 - x0), x1 - x0);
        return new GrayImage(x1 - x0, y1 - y0, pixels);
    }

    /// <summary>Number of pixels darker than <paramref name="threshold"/> in a rectangle.</summary>
    public int Ink(int x, int y, int width, int height, byte threshold = 128)
    {
        int n = 0;
        for (int row = Math.Max(0, y); row < Math.Min(Height, y + height); row++)
        for (int col = Math.Max(0, x); col < Math.Min(Width, x + width); col++)
            if (Pixels[row * Width + col] < threshold) n++;
        return n;
    }

    public int Differences(GrayImage other, int tolerance = 48)
    {
        Assert.Equal((Width, Height), (other.Width, other.Height));
        int n = 0;
        for (int i = 0; i < Pixels.Length; i++) if (Math.Abs(Pixels[i] - other.Pixels[i]) > tolerance) n++;
        return n;
    }
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
