using System.Runtime.CompilerServices;
using SkiaSharp;
using Xunit;

namespace Print.Testing;

/// <summary>
/// Minimal snapshot testing in the style of Verify (which is not available on our feed).
///
/// Files live in <c>&lt;dir of calling test file&gt;/Snapshots/verified/</c>:
/// <c>name.verified.ext</c> is committed; on mismatch <c>name.received.ext</c> (and for images
/// <c>name.diff.png</c>) is written next to it and is git-ignored.
///
/// Accepting: run with <c>PRINT_ACCEPT_SNAPSHOTS=1</c> (or <c>true</c>) and mismatching or missing
/// verified files are overwritten with the actual output; review the change with git diff.
/// A missing verified file is never accepted implicitly - not locally and in particular not in CI
/// (<c>CI=true</c>): otherwise a forgotten snapshot would silently "pass" on the build server and the
/// test would be checking nothing. Only an explicit <c>PRINT_ACCEPT_SNAPSHOTS</c> accepts it.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "PRINT_ACCEPT_SNAPSHOTS";

    // A pixel "differs" only if some channel moves by more than this (of 255). Re-rendering with
    // different anti-aliasing mostly shifts edge pixels by less; a moved black-on-white stroke
    // changes pixels by ~255.
    public const int ChannelTolerance = 48;

    // A differing pixel is part of a cluster if its 3x3 neighbourhood (itself included) holds at
    // least this many differing pixels. Real changes (a moved line, a missing glyph) come in
    // clusters; anti-aliasing noise is mostly scattered single pixels.
    public const int ClusterMinPixels = 3;

    // Clustered differences fail once they exceed this fraction of the image: 0.005 %, on an A4
    // page about 3 mm² at any resolution (48 px at 100 dpi, 435 px at 300 dpi). Measured with
    // NotoSansSC 10pt: a 5-character amount ("12.50") moved by 1mm or missing differs by 7-12 mm²,
    // so it fails; the 0.02 % first planned (12.5 mm²) let exactly those changes through. Gamma
    // changes of +-15 % and sub-pixel shifts that keep glyphs on their pixel rows produce no
    // differing pixels at all, so the lower value costs no robustness against anti-aliasing.
    public const double ClusteredFailFraction = 0.00005;

    // Any differences, clustered or not, fail above this fraction (0.5 %): lots of noise means the
    // rendering really changed.
    public const double AnyFailFraction = 0.005;

    public static void MatchText(string name, string actual, [CallerFilePath] string sourceFile = "")
        => MatchTextIn(DirectoryFor(sourceFile), name, actual);

    public static void MatchPng(string name, byte[] actualPng, [CallerFilePath] string sourceFile = "")
        => MatchPngIn(DirectoryFor(sourceFile), name, actualPng);

    /// <summary>Like <see cref="MatchText(string,string,string)"/> but with an explicit snapshot directory.</summary>
    /// <remarks>Named differently because an overload (string, string, string) would be ambiguous.</remarks>
    public static void MatchTextIn(string directory, string name, string actual)
    {
        var verified = Path.Combine(directory, name + ".verified.txt");
        var received = Path.Combine(directory, name + ".received.txt");
        actual = NormalizeNewLines(actual);

        string? problem;
        if (!File.Exists(verified))
            problem = "no verified snapshot exists";
        else
        {
            var expected = NormalizeNewLines(File.ReadAllText(verified));
            problem = expected == actual ? null : FirstDifference(expected, actual);
        }

        if (problem is null)
        {
            File.Delete(received);
            return;
        }

        if (AcceptRequested())
        {
            Accept(verified, () => File.WriteAllText(verified, actual), received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        Assert.Fail($"Text snapshot '{name}' does not match: {problem}.\n" +
                    $"  verified: {verified}\n  received: {received}\n" +
                    $"Accept by copying received over verified or re-running with {AcceptVariable}=1.");
    }

    /// <summary>Like <see cref="MatchPng(string,byte[],string)"/> but with an explicit snapshot directory.</summary>
    public static void MatchPngIn(string directory, string name, byte[] actualPng)
    {
        var verified = Path.Combine(directory, name + ".verified.png");
        var received = Path.Combine(directory, name + ".received.png");
        var diff = Path.Combine(directory, name + ".diff.png");

        string? problem;
        byte[]? diffPng = null;
        if (!File.Exists(verified))
            problem = "no verified snapshot exists";
        else
            problem = ComparePng(File.ReadAllBytes(verified), actualPng, out diffPng);

        if (problem is null)
        {
            File.Delete(received);
            File.Delete(diff);
            return;
        }

        if (AcceptRequested())
        {
            Accept(verified, () => File.WriteAllBytes(verified, actualPng), received, diff);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllBytes(received, actualPng);
        // A stale diff from an earlier run would be misleading, so always replace or remove it.
        if (diffPng is not null) File.WriteAllBytes(diff, diffPng);
        else File.Delete(diff);

        Assert.Fail($"PNG snapshot '{name}' does not match: {problem}.\n" +
                    $"  verified: {verified}\n  received: {received}\n" +
                    (diffPng is not null ? $"  diff:     {diff}\n" : "") +
                    $"Accept by copying received over verified or re-running with {AcceptVariable}=1.");
    }

    /// <summary>
    /// Compares two PNGs; returns null if they match (within tolerance), otherwise a description.
    /// <paramref name="diffPng"/> is set when both decoded with equal dimensions and they differ.
    /// </summary>
    public static string? ComparePng(byte[] expectedPng, byte[] actualPng, out byte[]? diffPng)
    {
        diffPng = null;
        using var expected = DecodeRgba(expectedPng);
        using var actual = DecodeRgba(actualPng);
        if (expected is null) return "the verified file is not a decodable image";
        if (actual is null) return "the actual bytes are not a decodable image";
        if (expected.Width != actual.Width || expected.Height != actual.Height)
            return $"dimensions differ: expected {expected.Width}x{expected.Height}, actual {actual.Width}x{actual.Height}";

        int w = expected.Width, h = expected.Height;
        var e = expected.GetPixelSpan();
        var a = actual.GetPixelSpan();
        var differs = new bool[w * h];
        int count = 0;
        for (int i = 0; i < differs.Length; i++)
        {
            int p = i * 4;
            if (Math.Abs(e[p] - a[p]) > ChannelTolerance || Math.Abs(e[p + 1] - a[p + 1]) > ChannelTolerance ||
                Math.Abs(e[p + 2] - a[p + 2]) > ChannelTolerance || Math.Abs(e[p + 3] - a[p + 3]) > ChannelTolerance)
            {
                differs[i] = true;
                count++;
            }
        }
        if (count == 0) return null;

        double total = (double)w * h;
        bool clustered = count > ClusteredFailFraction * total && HasCluster(differs, w, h);
        if (!clustered && count <= AnyFailFraction * total) return null;

        diffPng = RenderDiff(e, differs, w, h);
        return $"{count} of {w * h} pixels differ ({100.0 * count / total:0.###} %)" +
               (clustered ? ", in clusters" : "");
    }

    static bool HasCluster(bool[] differs, int w, int h)
    {
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            if (!differs[y * w + x]) continue;
            int n = 0;
            for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
            {
                int nx = x + dx, ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < w && ny < h && differs[ny * w + nx]) n++;
            }
            if (n >= ClusterMinPixels) return true;
        }
        return false;
    }

    // Expected image faded to light grey for orientation, differing pixels pure red.
    static byte[] RenderDiff(ReadOnlySpan<byte> expected, bool[] differs, int w, int h)
    {
        using var bmp = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var o = bmp.GetPixelSpan();
        for (int i = 0; i < differs.Length; i++)
        {
            int p = i * 4;
            if (differs[i])
            {
                o[p] = 255; o[p + 1] = 0; o[p + 2] = 0;
            }
            else
            {
                // Premultiplied pixels: transparent reads as black, so composite onto white first.
                int alpha = expected[p + 3];
                int lum = (expected[p] * 299 + expected[p + 1] * 587 + expected[p + 2] * 114) / 1000 + (255 - alpha);
                byte grey = (byte)(192 + Math.Min(lum, 255) / 4); // 192..255: light, never mistaken for a diff
                o[p] = o[p + 1] = o[p + 2] = grey;
            }
            o[p + 3] = 255;
        }
        using var image = SKImage.FromBitmap(bmp);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // Decode into one fixed pixel layout so the comparison does not depend on how the PNG was
    // stored (palette, grey, RGB, with or without alpha). Premultiplied alpha makes all fully
    // transparent pixels equal regardless of their hidden colour.
    static SKBitmap? DecodeRgba(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png);
        if (decoded is null) return null;
        var bmp = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var src = decoded.PeekPixels();
        using var dst = bmp.PeekPixels();
        if (!src.ReadPixels(dst)) // converts colour type and alpha type
        {
            bmp.Dispose();
            return null;
        }
        return bmp;
    }

    static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : null;
            var al = i < a.Length ? a[i] : null;
            if (el != al)
                return $"first difference at line {i + 1}\n" +
                       $"  expected: {Show(el)}\n  actual:   {Show(al)}";
        }
        return "texts differ"; // unreachable: equal line arrays mean equal texts
    }

    static string Show(string? line) => line is null ? "<end of text>" : "\"" + line + "\"";

    static string NormalizeNewLines(string s) => s.Replace("\r\n", "\n").Replace('\r', '\n');

    static bool AcceptRequested()
    {
        var v = Environment.GetEnvironmentVariable(AcceptVariable);
        return v == "1" || string.Equals(v, "true", StringComparison.OrdinalIgnoreCase);
    }

    static void Accept(string verified, Action write, params string[] staleFiles)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        write();
        foreach (var f in staleFiles) File.Delete(f);
        Console.Error.WriteLine($"Snapshot: accepted {verified} ({AcceptVariable} is set)");
    }

    static string DirectoryFor(string sourceFile)
    {
        if (string.IsNullOrEmpty(sourceFile))
            throw new ArgumentException("No caller file path; pass the snapshot directory explicitly.", nameof(sourceFile));
        return Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots", "verified");
    }
}
