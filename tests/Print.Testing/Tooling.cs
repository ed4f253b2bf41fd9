using System.Diagnostics;
using System.Text;
using SkiaSharp;
using Xunit;

namespace Print.Testing;

/// <summary>A fresh directory under the system temp folder, removed with everything in it on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "print-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDir() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A copy of <paramref name="directory"/> (a templates folder a test may then break) as <paramref name="name"/> in here.</summary>
    public string CopyOf(string directory, string name)
    {
        var to = File(name);
        Copy(directory, to);
        return to;

        static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from)) System.IO.File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
            foreach (var dir in Directory.EnumerateDirectories(from)) Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed record ToolResult(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// Runs the command-line tools the PDF tests use as independent judges (poppler, qpdf, ghostscript, zbar,
/// dmtx). A non-zero exit code fails the test with the tool's stderr, unless the caller lists it as expected.
/// </summary>
public static class Tool
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static ToolResult Run(string executable, IEnumerable<string> arguments, TimeSpan? timeout = null, params int[] acceptedExitCodes)
    {
        var args = arguments.ToList();
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
        var commandLine = executable + " " + string.Join(" ", args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"could not start '{executable}' ({e.Message}); is it installed? (.ci/run installs poppler-utils zbar-tools qpdf ghostscript dmtx-utils)");
            throw; // unreachable
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            Assert.Fail($"{commandLine} did not finish within {(timeout ?? DefaultTimeout).TotalSeconds} s");
        }
        process.WaitForExit(); // drains the redirected streams
        var result = new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
        if (result.ExitCode != 0 && !acceptedExitCodes.Contains(result.ExitCode))
            Assert.Fail($"{commandLine} exited with {result.ExitCode}\nstderr: {result.StdErr}\nstdout: {Shorten(result.StdOut)}");
        return result;
    }

    public static ToolResult Run(string executable, params string[] arguments) => Run(executable, arguments, null);

    /// <summary>pdftotext of the whole PDF, pages separated by form feeds.</summary>
    public static string PdfToText(string pdf) => Run("pdftotext", "-enc", "UTF-8", pdf, "-").StdOut;

    private static string Shorten(string s) => s.Length <= 2000 ? s : s[..2000] + "…";
}

/// <summary>An 8-bit grey raster (0 = black, 255 = white) decoded with SkiaSharp.</summary>
public sealed class GrayImage
{
    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    public GrayImage(int width, int height, byte[] pixels) { Width = width; Height = height; Pixels = pixels; }

    public byte this[int x, int y] => Pixels[y * Width + x];

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
            // Composite onto white: a transparent pixel counts as paper, not as black.
            gray[i] = (byte)((lum * alpha + 255 * (255 - alpha) + 127) / 255);
        }
        return new GrayImage(decoded.Width, decoded.Height, gray);
    }

    public static GrayImage Load(string path) => DecodePng(System.IO.File.ReadAllBytes(path));

    /// <summary>A rectangle clamped to the image.</summary>
    public GrayImage Crop(int x, int y, int width, int height)
    {
        int x0 = Math.Clamp(x, 0, Width), y0 = Math.Clamp(y, 0, Height);
        int x1 = Math.Clamp(x + width, 0, Width), y1 = Math.Clamp(y + height, 0, Height);
        var pixels = new byte[(x1 - x0) * (y1 - y0)];
        for (int row = y0; row < y1; row++)
            Array.Copy(Pixels, row * Width + x0, pixels, (row - y0) * (x1 - x0), x1 - x0);
        return new GrayImage(x1 - x0, y1 - y0, pixels);
    }

    public byte[] ToPng()
    {
        using var bmp = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(Pixels, 0, bmp.GetPixels(), Pixels.Length);
        using var image = SKImage.FromBitmap(bmp);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Maximal runs of indices whose predicate holds, joining runs separated by at most <paramref name="bridge"/> indices.</summary>
    public static List<(int Start, int End)> Runs(int count, Func<int, bool> inked, int bridge = 0)
    {
        var runs = new List<(int Start, int End)>();
        int start = -1, lastInked = -1;
        for (int i = 0; i < count; i++)
        {
            if (!inked(i)) continue;
            if (start >= 0 && i - lastInked - 1 > bridge) { runs.Add((start, lastInked)); start = -1; }
            if (start < 0) start = i;
            lastInked = i;
        }
        if (start >= 0) runs.Add((start, lastInked));
        return runs;
    }

    public bool RowHasInk(int y, int x0, int x1, byte threshold)
    {
        for (int x = Math.Max(0, x0); x < Math.Min(Width, x1); x++) if (Pixels[y * Width + x] < threshold) return true;
        return false;
    }

    public bool ColumnHasInk(int x, int y0, int y1, byte threshold)
    {
        for (int y = Math.Max(0, y0); y < Math.Min(Height, y1); y++) if (Pixels[y * Width + x] < threshold) return true;
        return false;
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
