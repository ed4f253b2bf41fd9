using SkiaSharp;
using Xunit;
using Xunit.Sdk;

namespace Print.Documents.Tests.Snapshots;

// Tests that touch process-wide environment variables must not overlap with each other, nor with
// other tests that call Snapshot (they would see PRINT_ACCEPT_SNAPSHOTS and silently accept).
// xunit runs non-parallel collections only after all parallel ones have finished.
[CollectionDefinition("env", DisableParallelization = true)]
public sealed class EnvCollection;

// The whole class is in the "env" collection because every test depends on the accept variable
// being unset; a developer may well have PRINT_ACCEPT_SNAPSHOTS=1 exported while running tests.
[Collection("env")]
public sealed class SnapshotHarnessTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "snapshot-harness-" + Guid.NewGuid().ToString("N"));
    readonly string? savedAccept = Environment.GetEnvironmentVariable(Snapshot.AcceptVariable);

    public SnapshotHarnessTests()
    {
        Directory.CreateDirectory(dir);
        Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, null);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, savedAccept);
        Directory.Delete(dir, recursive: true);
    }

    string PathOf(string file) => Path.Combine(dir, file);

    // 1000x800 = 800,000 px: clustered floor 0.005 % = 40 px, overall cap 0.5 % = 4000 px, so a
    // moved 300x2 line (1200 differing px) is only caught by the cluster rule - the rule these
    // tests are meant to pin down.
    const int W = 1000, H = 800;

    static byte[] Png(Action<SKCanvas>? draw = null, int w = W, int h = H, Action<SKBitmap>? touch = null)
    {
        using var bmp = new SKBitmap(w, h);
        using (var canvas = new SKCanvas(bmp))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
            canvas.DrawRect(SKRect.Create(100, 100, 200, 50), paint);
            draw?.Invoke(canvas);
        }
        touch?.Invoke(bmp);
        using var image = SKImage.FromBitmap(bmp);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static Action<SKCanvas> Line(float y) => canvas =>
    {
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(SKRect.Create(350, y, 300, 2), paint);
    };

    void WriteVerified(string name, byte[] png) => File.WriteAllBytes(PathOf(name + ".verified.png"), png);

    [Fact]
    public void Identical_png_passes_and_removes_stale_files()
    {
        WriteVerified("same", Png(Line(400)));
        File.WriteAllText(PathOf("same.received.png"), "stale");
        File.WriteAllText(PathOf("same.diff.png"), "stale");

        Snapshot.MatchPngIn(dir, "same", Png(Line(400)));

        Assert.False(File.Exists(PathOf("same.received.png")));
        Assert.False(File.Exists(PathOf("same.diff.png")));
    }

    [Fact]
    public void Isolated_antialiasing_differences_pass()
    {
        WriteVerified("aa", Png(Line(400)));
        // What a re-render with different anti-aliasing looks like: scattered single pixels far
        // beyond the channel tolerance (320 of them, well over the 40 px cluster floor, so only
        // the cluster rule lets them through) and a whole edge row that is only slightly off.
        var noisy = Png(Line(400), touch: bmp =>
        {
            for (int y = 1; y < H; y += 50)
            for (int x = 1; x < W; x += 50)
                bmp.SetPixel(x, y, new SKColor(128, 128, 128));
            for (int x = 350; x < 650; x++) bmp.SetPixel(x, 399, new SKColor(220, 220, 220));
        });

        Snapshot.MatchPngIn(dir, "aa", noisy);

        Assert.False(File.Exists(PathOf("aa.received.png")));
    }

    [Fact]
    public void Small_cluster_below_the_floor_passes()
    {
        WriteVerified("blob", Png());
        // 5x5 = 25 clustered pixels, below the 40 px floor: a blemish, not a layout change.
        var blemished = Png(draw: canvas =>
        {
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
            canvas.DrawRect(SKRect.Create(700, 600, 5, 5), paint);
        });

        Snapshot.MatchPngIn(dir, "blob", blemished);
    }

    [Fact]
    public void Line_moved_by_4px_fails_and_writes_received_and_diff()
    {
        WriteVerified("moved", Png(Line(400)));
        var actual = Png(Line(404));

        var ex = Assert.Throws<FailException>(() => Snapshot.MatchPngIn(dir, "moved", actual));

        Assert.Contains("1200 of 800000 pixels differ", ex.Message);
        Assert.Contains(PathOf("moved.verified.png"), ex.Message);
        Assert.Contains(PathOf("moved.received.png"), ex.Message);
        Assert.Contains(PathOf("moved.diff.png"), ex.Message);
        Assert.Equal(actual, File.ReadAllBytes(PathOf("moved.received.png")));

        using var diff = SKBitmap.Decode(File.ReadAllBytes(PathOf("moved.diff.png")));
        Assert.Equal(SKColors.Red, diff.GetPixel(400, 400));  // only in expected
        Assert.Equal(SKColors.Red, diff.GetPixel(400, 405));  // only in actual
        var unchanged = diff.GetPixel(10, 10);                 // white, faded
        Assert.True(unchanged.Red == unchanged.Green && unchanged.Green == unchanged.Blue && unchanged.Red >= 192);
        var rect = diff.GetPixel(150, 120);                    // black, faded to light grey
        Assert.True(rect.Red == rect.Green && rect.Red is >= 192 and < 255);
    }

    [Fact]
    public void Widespread_noise_fails_even_without_clusters()
    {
        WriteVerified("noise", Png());
        // Every 4th pixel of every 4th row: no two touch, but 6.25 % of the image is far over 0.5 %.
        var noisy = Png(touch: bmp =>
        {
            for (int y = 0; y < H; y += 4)
            for (int x = 0; x < W; x += 4)
                bmp.SetPixel(x, y, SKColors.Gray);
        });

        var ex = Assert.Throws<FailException>(() => Snapshot.MatchPngIn(dir, "noise", noisy));
        Assert.DoesNotContain("clusters", ex.Message);
    }

    [Fact]
    public void Dimension_mismatch_fails()
    {
        WriteVerified("size", Png());

        var ex = Assert.Throws<FailException>(() => Snapshot.MatchPngIn(dir, "size", Png(w: W, h: H + 1)));

        Assert.Contains("expected 1000x800, actual 1000x801", ex.Message);
        Assert.True(File.Exists(PathOf("size.received.png")));
        Assert.False(File.Exists(PathOf("size.diff.png")));
    }

    [Fact]
    public void Missing_verified_png_fails_and_writes_received()
    {
        var png = Png();

        var ex = Assert.Throws<FailException>(() => Snapshot.MatchPngIn(dir, "new", png));

        Assert.Contains("no verified snapshot", ex.Message);
        Assert.Equal(png, File.ReadAllBytes(PathOf("new.received.png")));
        Assert.False(File.Exists(PathOf("new.verified.png")));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void Accept_mode_writes_missing_verified_png(string value)
    {
        Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, value);
        var png = Png();

        Snapshot.MatchPngIn(dir, "new", png);

        Assert.Equal(png, File.ReadAllBytes(PathOf("new.verified.png")));
        Assert.False(File.Exists(PathOf("new.received.png")));
    }

    [Fact]
    public void Accept_mode_overwrites_mismatching_verified_and_removes_stale_files()
    {
        WriteVerified("moved", Png(Line(400)));
        Assert.Throws<FailException>(() => Snapshot.MatchPngIn(dir, "moved", Png(Line(404))));
        Assert.True(File.Exists(PathOf("moved.diff.png")));

        Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, "1");
        var actual = Png(Line(404));
        Snapshot.MatchPngIn(dir, "moved", actual);

        Assert.Equal(actual, File.ReadAllBytes(PathOf("moved.verified.png")));
        Assert.False(File.Exists(PathOf("moved.received.png")));
        Assert.False(File.Exists(PathOf("moved.diff.png")));
    }

    [Fact]
    public void Equal_text_passes_ignoring_line_endings()
    {
        File.WriteAllText(PathOf("t.verified.txt"), "a\r\nb\n");
        File.WriteAllText(PathOf("t.received.txt"), "stale");

        Snapshot.MatchTextIn(dir, "t", "a\nb\r\n");

        Assert.False(File.Exists(PathOf("t.received.txt")));
    }

    [Fact]
    public void Different_text_fails_with_line_number()
    {
        File.WriteAllText(PathOf("t.verified.txt"), "one\ntwo\nthree\n");

        var ex = Assert.Throws<FailException>(() => Snapshot.MatchTextIn(dir, "t", "one\r\nTWO\r\nthree\r\n"));

        Assert.Contains("line 2", ex.Message);
        Assert.Contains("expected: \"two\"", ex.Message);
        Assert.Contains("actual:   \"TWO\"", ex.Message);
        Assert.Contains(PathOf("t.verified.txt"), ex.Message);
        Assert.Contains(PathOf("t.received.txt"), ex.Message);
        Assert.Equal("one\nTWO\nthree\n", File.ReadAllText(PathOf("t.received.txt")));
    }

    [Fact]
    public void Shorter_text_reports_end_of_text()
    {
        File.WriteAllText(PathOf("t.verified.txt"), "one\ntwo");

        var ex = Assert.Throws<FailException>(() => Snapshot.MatchTextIn(dir, "t", "one"));

        Assert.Contains("line 2", ex.Message);
        Assert.Contains("actual:   <end of text>", ex.Message);
    }

    [Fact]
    public void Missing_verified_text_fails_then_accept_mode_writes_it()
    {
        Assert.Throws<FailException>(() => Snapshot.MatchTextIn(dir, "t", "hello\r\n"));
        Assert.Equal("hello\n", File.ReadAllText(PathOf("t.received.txt")));

        Environment.SetEnvironmentVariable(Snapshot.AcceptVariable, "true");
        Snapshot.MatchTextIn(dir, "t", "hello\r\n");

        Assert.Equal("hello\n", File.ReadAllText(PathOf("t.verified.txt")));
        Assert.False(File.Exists(PathOf("t.received.txt")));
    }

    [Fact]
    public void Caller_file_overload_uses_Snapshots_verified_next_to_the_test_file()
    {
        var fakeSource = Path.Combine(dir, "SomeTests.cs");

        Assert.Throws<FailException>(() => Snapshot.MatchText("x", "content", fakeSource));

        Assert.True(File.Exists(Path.Combine(dir, "Snapshots", "verified", "x.received.txt")));
    }
}
