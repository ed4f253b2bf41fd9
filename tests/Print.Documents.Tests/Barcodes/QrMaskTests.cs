using System.Text;
using Print.Documents.Barcodes;
using Xunit;
using ZXing;
using ZXing.QrCode.Internal;
using QrEncoder = ZXing.QrCode.Internal.Encoder;

namespace Print.Documents.Tests.Barcodes;

/// <summary>
/// QrMask must choose exactly the mask ZXing's own selection picks (Encoder.encode without QR_MASK_PATTERN),
/// so every module is compared against ZXing for many values and all four error correction levels.
/// </summary>
public class QrMaskTests
{
    public static TheoryData<string> Levels => new() { "L", "M", "Q", "H" };

    [Theory]
    [MemberData(nameof(Levels))]
    public void EncodeQr_MatchesZXingAutomaticMaskModuleForModule(string level)
    {
        var ecLevel = Level(level);
        var values = Values();
        Assert.True(values.Count >= 300, $"only {values.Count} values");
        var failures = new List<string>();
        var versions = new HashSet<int>();
        int compared = 0;
        foreach (var value in values)
        {
            QRCode expected;
            try { expected = QrEncoder.encode(value, ecLevel, ReferenceHints(value)); }
            catch (WriterException)
            {
                // Too long for this level: ours must refuse it too.
                Assert.Throws<BarcodeException>(() => BarcodeEncoder.Encode(BarcodeType.Qr, value, level));
                continue;
            }
            versions.Add(expected.Version.VersionNumber);
            var actual = BarcodeEncoder.Encode(BarcodeType.Qr, value, level);
            compared++;
            var mismatch = FirstMismatch(expected.Matrix, actual);
            if (mismatch is not null) failures.Add($"\"{Shorten(value)}\" v{expected.Version.VersionNumber} mask {expected.MaskPattern}: {mismatch}");

            // The chosen mask index itself, too.
            var mask0 = QrEncoder.encode(value, ecLevel, ForcedMaskHints(value, 0));
            QrMask.ApplyBestMask(mask0, out int chosen);
            if (chosen != expected.MaskPattern)
                failures.Add($"\"{Shorten(value)}\": chose mask {chosen}, ZXing {expected.MaskPattern}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(compared >= 300, $"only {compared} values compared at {level}");
        // Rows of one, two and three 64-bit words (sizes up to 64, up to 128, above 128) are all covered.
        Assert.Contains(versions, v => 17 + 4 * v <= 64);
        Assert.Contains(versions, v => 17 + 4 * v is > 64 and <= 128);
        Assert.Contains(versions, v => 17 + 4 * v > 128);
    }

    [Theory]
    [InlineData("https://www.example.com.cn/r/R100000")]
    [InlineData("x")]
    [InlineData("01234567890123456789")]
    [InlineData("张三 先生 ¥1,234.00")]
    [InlineData("HELLO WORLD $%*+-./: 12345")]
    [InlineData("https://www.example.com.cn/r/R100000?from=letter&campaign=2024-spring&lang=zh-CN&utm_source=print")]
    public void PenaltyAndMatrixOfEveryMask_MatchZXing(string value)
    {
        foreach (var level in new[] { ErrorCorrectionLevel.L, ErrorCorrectionLevel.M, ErrorCorrectionLevel.Q, ErrorCorrectionLevel.H })
        {
            var mask0 = QrEncoder.encode(value, level, ForcedMaskHints(value, 0));
            var penalties = QrMask.Penalties(mask0);
            for (int k = 0; k < 8; k++)
            {
                var reference = QrEncoder.encode(value, level, ForcedMaskHints(value, k));
                Assert.Equal(k, reference.MaskPattern);
                var m = reference.Matrix;
                int expected = MaskUtil.applyMaskPenaltyRule1(m) + MaskUtil.applyMaskPenaltyRule2(m)
                    + MaskUtil.applyMaskPenaltyRule3(m) + MaskUtil.applyMaskPenaltyRule4(m);
                Assert.True(expected == penalties[k], $"{level} mask {k}: ZXing {expected}, ours {penalties[k]}");

                var modules = QrMask.ApplyMask(mask0, k);
                int n = m.Width;
                for (int y = 0; y < n; y++)
                    for (int x = 0; x < n; x++)
                        Assert.True((m[x, y] == 1) == modules[y * n + x], $"{level} mask {k}: module ({x}, {y}) differs");
            }
        }
    }

    [Fact]
    public void Penalty_EqualsMaskUtilOnRandomAndEdgeCaseMatrices()
    {
        var random = new Random(18004);
        // QR sizes with rows of one, two and three words, and sizes at the word boundaries.
        int[] sizes = [21, 25, 29, 57, 61, 63, 64, 65, 69, 125, 127, 128, 129, 133, 177];
        double[] densities = [0.0, 0.05, 0.2, 0.45, 0.5, 0.55, 0.8, 0.95, 1.0];
        int checkedCount = 0;
        foreach (int n in sizes)
        {
            foreach (double density in densities)
            {
                for (int round = 0; round < 3; round++)
                {
                    var m = new ByteMatrix(n, n);
                    for (int y = 0; y < n; y++)
                        for (int x = 0; x < n; x++)
                            m[x, y] = random.NextDouble() < density ? 1 : 0;
                    if (round > 0) PlantFinderLikeRuns(m, random, round * 12);
                    AssertSamePenalty(m, $"n={n} density={density} round={round}");
                    checkedCount++;
                }
            }
            // Stripes and a checkerboard: long runs, many or no 2x2 blocks.
            foreach (var pattern in new Func<int, int, bool>[] { (x, y) => x % 2 == 0, (x, y) => y % 3 == 0, (x, y) => (x + y) % 2 == 0, (x, y) => x / 5 % 2 == 0 })
            {
                var m = new ByteMatrix(n, n);
                for (int y = 0; y < n; y++)
                    for (int x = 0; x < n; x++)
                        m[x, y] = pattern(x, y) ? 1 : 0;
                AssertSamePenalty(m, $"n={n} pattern");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 400);
    }

    // ZXing 0.16.11 counts a 1011101 run only if four light modules lie before or after it *inside* the symbol:
    // a side reaching past the edge is not light (its isWhiteHorizontal/Vertical return false out of range).
    [Theory]
    [InlineData("101110101110000000000", 0)] // at the left edge, dark after: no penalty
    [InlineData("101110100000000000000", 1)] // at the left edge, light after
    [InlineData("000010111010000000000", 1)] // four light before
    [InlineData("000000010001011101000", 0)] // dark before, only three modules after it: no penalty
    [InlineData("000000000010111010000", 1)] // exactly four light after, at the right edge
    public void Penalty_FinderPatternNearTheEdge_FollowsZXing(string row, int horizontalFinders)
    {
        int n = row.Length;
        var m = new ByteMatrix(n, n);
        m.clear(0);
        for (int x = 0; x < n; x++) m[x, 10] = row[x] - '0';
        Assert.Equal(horizontalFinders * 40, MaskUtil.applyMaskPenaltyRule3(m));
        AssertSamePenalty(m, row);
        // The same as a column.
        var t = new ByteMatrix(n, n);
        t.clear(0);
        for (int y = 0; y < n; y++) t[10, y] = row[y] - '0';
        AssertSamePenalty(t, row + " (column)");
    }

    private static void AssertSamePenalty(ByteMatrix m, string what)
    {
        int expected = MaskUtil.applyMaskPenaltyRule1(m) + MaskUtil.applyMaskPenaltyRule2(m)
            + MaskUtil.applyMaskPenaltyRule3(m) + MaskUtil.applyMaskPenaltyRule4(m);
        Assert.True(expected == QrMask.Penalty(m), $"{what}: ZXing {expected}, ours {QrMask.Penalty(m)}");
    }

    // 1011101 rows and columns, often touching an edge or a 64-module word boundary, with light margins or not.
    private static void PlantFinderLikeRuns(ByteMatrix m, Random random, int count)
    {
        int n = m.Width;
        int[] pattern = [1, 0, 1, 1, 1, 0, 1];
        for (int c = 0; c < count; c++)
        {
            bool horizontal = random.Next(2) == 0;
            int line = random.Next(n);
            int start = random.Next(4) switch
            {
                0 => random.Next(0, 5),                      // near the start edge
                1 => n - 7 - random.Next(0, 5),              // near the end edge
                2 => Math.Clamp(64 - random.Next(0, 12), 0, n - 7), // across the first word boundary
                _ => random.Next(0, n - 6),
            };
            bool lightMargin = random.Next(3) != 0;
            for (int i = -4; i < 11; i++)
            {
                int p = start + i;
                if (p < 0 || p >= n) continue;
                int bit = i is >= 0 and < 7 ? pattern[i] : lightMargin ? 0 : random.Next(2);
                if (horizontal) m[p, line] = bit; else m[line, p] = bit;
            }
        }
    }

    private static string? FirstMismatch(ByteMatrix expected, BarcodeMatrix actual)
    {
        int n = expected.Width;
        if (actual.Columns != n || actual.Rows != expected.Height) return $"size {actual.Columns}x{actual.Rows}, expected {n}x{expected.Height}";
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++)
                if ((expected[x, y] == 1) != actual[x, y]) return $"module ({x}, {y}) differs";
        return null;
    }

    private static ErrorCorrectionLevel Level(string level) => level switch
    {
        "L" => ErrorCorrectionLevel.L,
        "M" => ErrorCorrectionLevel.M,
        "Q" => ErrorCorrectionLevel.Q,
        _ => ErrorCorrectionLevel.H,
    };

    // What BarcodeEncoder passes to ZXing, minus the forced mask: UTF-8 (with ECI) only for non-ASCII.
    private static Dictionary<EncodeHintType, object>? ReferenceHints(string value) =>
        Ascii.IsValid(value) ? null : new() { [EncodeHintType.CHARACTER_SET] = "UTF-8" };

    private static Dictionary<EncodeHintType, object> ForcedMaskHints(string value, int mask)
    {
        var hints = ReferenceHints(value) ?? new();
        hints[EncodeHintType.QR_MASK_PATTERN] = mask;
        return hints;
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    /// <summary>Deterministic, varied values: URLs, short codes, digits, alphanumerics, Chinese, long text.</summary>
    private static List<string> Values()
    {
        var random = new Random(20240611);
        const string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        const string qrAlnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        const string chinese = "张三李四王五赵六先生女士您好欢迎光临北京上海广州深圳订单号金额合计人民币元角分年月日地址电话邮编收件人";
        string Pick(string alphabet, int length)
        {
            var sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            return sb.ToString();
        }
        string Printable(int length)
        {
            var sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) sb.Append((char)random.Next(32, 127));
            return sb.ToString();
        }

        var values = new List<string>();
        for (int i = 0; i < 70; i++) values.Add("https://www.example.com.cn/r/R" + (100000 + i * 7919));
        for (int i = 0; i < 40; i++) values.Add("https://www.example.com.cn/r/" + Pick(alnum, 1 + random.Next(120)));
        for (int i = 0; i < 20; i++) values.Add($"https://shop.example.org/o/{random.Next(1000000)}?c={Pick(alnum, 4 + random.Next(20))}&p={random.Next(1000)}");
        values.AddRange(["A", "7", "x", "AB", "Z9", "RR473124829CN", "EE123456785US", "abc", "Hello", "ok!"]);
        for (int i = 0; i < 30; i++) values.Add(Pick(alnum, 1 + random.Next(12)));
        for (int i = 0; i < 40; i++) values.Add(Pick("0123456789", 1 + random.Next(300)));
        for (int i = 0; i < 30; i++) values.Add(Pick(qrAlnum, 1 + random.Next(200)));
        values.AddRange(["张三 先生 ¥1,234.00", "李四 女士 ¥88.80", "王五", "您好", "订单号 20240611-0001 金额 ¥12,345.67"]);
        for (int i = 0; i < 35; i++) values.Add(Pick(chinese, 1 + random.Next(80)) + " ¥" + random.Next(100000) + ".00");
        values.AddRange(["Grüße aus Köln ✓", "naïve café — 10 €", "emoji 😀 test", "Ωμέγα", "ÀÉÎÕÜ"]);
        for (int i = 0; i < 25; i++) values.Add(Printable(120 + random.Next(700)));
        for (int i = 0; i < 8; i++) values.Add(Pick(chinese, 100 + random.Next(200)));
        // High versions (rows of three 64-bit words at L and M).
        values.AddRange([Pick("0123456789", 2500), Pick("0123456789", 4000), Printable(1300), Printable(2000), Pick(qrAlnum, 2500)]);
        return values;
    }
}
