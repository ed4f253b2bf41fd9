using Print.Documents.Barcodes;
using SkiaSharp;
using Xunit;
using ZXing;

namespace Print.Documents.Tests.Barcodes;

public class BarcodeEncoderTests
{
    private const int PixelsPerModule = 4;

    [Theory]
    [InlineData("RR473124829CN")]
    [InlineData("EE123456785US")]
    [InlineData("0")]
    public void Code128_RoundTripsS10TrackingNumbers(string value)
    {
        var matrix = BarcodeEncoder.Encode(BarcodeType.Code128, value);

        Assert.Equal(1, matrix.Rows);
        // start + data + check symbols of 11 modules, stop of 13, and no quiet zone: dark at both ends.
        Assert.Equal(2, matrix.Columns % 11);
        Assert.True(matrix[0, 0]);
        Assert.True(matrix[matrix.Columns - 1, 0]);
        Assert.Equal(value, Decode(matrix, BarcodeFormat.CODE_128));
    }

    [Fact]
    public void Code128_RoundTripsAllPrintableAscii()
    {
        var value = new string(Enumerable.Range(32, 95).Select(c => (char)c).ToArray());
        Assert.Equal(value, Decode(BarcodeEncoder.Encode(BarcodeType.Code128, value), BarcodeFormat.CODE_128));
    }

    [Fact]
    public void Code128_DigitRunsUseCodeSetC()
    {
        // 12 digits: start C + 6 pairs + check + stop = 8*11 + 13 modules; code set B would need 14*11 + 13.
        Assert.Equal(8 * 11 + 13, BarcodeEncoder.Encode(BarcodeType.Code128, "123456789012").Columns);
    }

    [Theory]
    [InlineData(null, "M")]
    [InlineData("L", "L")]
    [InlineData("m", "M")]
    [InlineData("Q", "Q")]
    [InlineData("H", "H")]
    public void Qr_RoundTripsUrlWithRequestedErrorCorrection(string? level, string expected)
    {
        const string url = "https://www.example.com.cn/r/AB12CD34";
        var matrix = BarcodeEncoder.Encode(BarcodeType.Qr, url, level);

        Assert.Equal(matrix.Columns, matrix.Rows);
        Assert.Equal(0, (matrix.Columns - 17) % 4); // 21, 25, ... : the symbol itself, no quiet zone
        AssertFinderPatternAtTopLeft(matrix);
        var result = DecodeResult(matrix, BarcodeFormat.QR_CODE);
        Assert.Equal(url, result.Text);
        Assert.Equal(expected, result.ResultMetadata[ResultMetadataType.ERROR_CORRECTION_LEVEL]);
    }

    [Fact]
    public void Qr_RoundTripsChineseAsUtf8()
    {
        const string value = "张三 先生";
        Assert.Equal(value, Decode(BarcodeEncoder.Encode(BarcodeType.Qr, value), BarcodeFormat.QR_CODE));
    }

    [Fact]
    public void Qr_AsciiValueGetsNoEciOverhead()
    {
        // 14 bytes fill version 1-M (128 data bits) exactly; a UTF-8 ECI header (12 bits) would force version 2.
        Assert.Equal(21, BarcodeEncoder.Encode(BarcodeType.Qr, "abcdefghijklmn").Columns);
    }

    [Fact]
    public void DataMatrix_RoundTripsShortPayloadInMinimalSquare()
    {
        const string value = "P000123456|S01/02";
        var matrix = BarcodeEncoder.Encode(BarcodeType.DataMatrix, value);

        Assert.Equal(matrix.Columns, matrix.Rows);
        Assert.Equal(16, matrix.Columns); // 11 ASCII codewords (digit pairs packed) > 8 of 14x14, <= 12 of 16x16
        // L-shaped finder: solid left column and bottom row, no quiet zone around it.
        for (int i = 0; i < matrix.Rows; i++) Assert.True(matrix[0, i] && matrix[i, matrix.Rows - 1]);
        Assert.Equal(value, Decode(matrix, BarcodeFormat.DATA_MATRIX));
    }

    [Fact]
    public void DataMatrix_RoundTripsNonAscii()
    {
        const string value = "张三 Straße";
        Assert.Equal(value, Decode(BarcodeEncoder.Encode(BarcodeType.DataMatrix, value), BarcodeFormat.DATA_MATRIX));
    }

    [Theory]
    [InlineData(BarcodeType.Code128)]
    [InlineData(BarcodeType.Qr)]
    [InlineData(BarcodeType.DataMatrix)]
    public void EmptyValue_Throws(BarcodeType type)
    {
        var e = Assert.Throws<BarcodeException>(() => BarcodeEncoder.Encode(type, ""));
        Assert.Contains(type.ToString(), e.Message);
        Assert.Contains("\"\"", e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Theory]
    [InlineData("Straße 5")]
    [InlineData("RR47312482ñ")] // ZXing would take U+00F1 for FNC1
    [InlineData("张三")]
    public void Code128_NonAscii_ThrowsNamingTheValue(string value)
    {
        var e = Assert.Throws<BarcodeException>(() => BarcodeEncoder.Encode(BarcodeType.Code128, value));
        Assert.Contains(value, e.Message);
        Assert.Contains("Code128", e.Message);
        Assert.Contains("ASCII", e.Message);
        Assert.Equal(value, e.Value);
    }

    [Fact]
    public void DataMatrix_TooLong_Throws()
    {
        var value = new string('x', 3200);
        var e = Assert.Throws<BarcodeException>(() => BarcodeEncoder.Encode(BarcodeType.DataMatrix, value));
        Assert.Contains("too long", e.Message);
        Assert.Contains("xxxxxxxx", e.Message);
        Assert.Equal(value, e.Value);
    }

    [Fact]
    public void Qr_TooLongOrBadLevel_Throws()
    {
        var e = Assert.Throws<BarcodeException>(() => BarcodeEncoder.Encode(BarcodeType.Qr, new string('x', 5000)));
        Assert.Contains("too long", e.Message);
        e = Assert.Throws<BarcodeException>(() => BarcodeEncoder.Encode(BarcodeType.Qr, "abc", "X"));
        Assert.Contains("abc", e.Message);
        Assert.Contains("\"X\"", e.Message);
    }

    [Theory]
    [InlineData(BarcodeType.Code128, "RR473124829CN")]
    [InlineData(BarcodeType.Qr, "https://www.example.com.cn/r/AB12CD34")]
    [InlineData(BarcodeType.Qr, "张三 先生")]
    [InlineData(BarcodeType.DataMatrix, "P000123456|S01/02")]
    public void DarkRuns_CoverExactlyTheDarkModulesWithMaximalRuns(BarcodeType type, string value)
    {
        var matrix = BarcodeEncoder.Encode(type, value);
        var covered = new bool[matrix.Columns, matrix.Rows];
        foreach (var (row, column, length) in matrix.DarkRuns)
        {
            Assert.True(length > 0);
            // Maximal: a run never touches another dark module on its row.
            Assert.True(column == 0 || !matrix[column - 1, row]);
            Assert.True(column + length == matrix.Columns || !matrix[column + length, row]);
            for (int c = column; c < column + length; c++)
            {
                Assert.False(covered[c, row]);
                covered[c, row] = true;
            }
        }
        for (int r = 0; r < matrix.Rows; r++)
            for (int c = 0; c < matrix.Columns; c++)
                Assert.Equal(matrix[c, r], covered[c, r]);
    }

    [Theory]
    [InlineData("code128", BarcodeType.Code128)]
    [InlineData("CODE128", BarcodeType.Code128)]
    [InlineData("qr", BarcodeType.Qr)]
    [InlineData("QR", BarcodeType.Qr)]
    [InlineData("DataMatrix", BarcodeType.DataMatrix)]
    public void TryParseType_AcceptsNamesCaseInsensitively(string name, BarcodeType expected)
    {
        Assert.True(BarcodeEncoder.TryParseType(name, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("ean13")]
    [InlineData("1")]
    [InlineData("")]
    public void TryParseType_RejectsOtherNames(string name) => Assert.False(BarcodeEncoder.TryParseType(name, out _));

    [Fact]
    public void Indexer_RejectsOutOfRange()
    {
        var matrix = BarcodeEncoder.Encode(BarcodeType.Qr, "x");
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix[matrix.Columns, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix[0, -1]);
    }

    private static void AssertFinderPatternAtTopLeft(BarcodeMatrix m)
    {
        for (int i = 0; i < 7; i++)
            Assert.True(m[i, 0] && m[0, i] && m[i, 6] && m[6, i]);
        Assert.False(m[1, 1]);
        Assert.True(m[3, 3]);
        Assert.False(m[7, 0]); // separator: the symbol starts at the finder, there is no quiet zone
    }

    private static string Decode(BarcodeMatrix matrix, BarcodeFormat format) => DecodeResult(matrix, format).Text;

    /// Renders the way a backend would (one rectangle per dark run) and reads it back with ZXing's decoder.
    private static Result DecodeResult(BarcodeMatrix matrix, BarcodeFormat format)
    {
        bool linear = format == BarcodeFormat.CODE_128;
        int quiet = linear ? 10 : 4;
        int moduleRows = linear ? 15 : matrix.Rows; // bars 15 modules high
        int width = (matrix.Columns + 2 * quiet) * PixelsPerModule;
        int height = (moduleRows + 2 * quiet) * PixelsPerModule;

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = false })
        {
            canvas.Clear(SKColors.White);
            foreach (var (row, column, length) in matrix.DarkRuns)
            {
                float x = (quiet + column) * PixelsPerModule, y = (quiet + row) * PixelsPerModule;
                float h = (linear ? moduleRows : 1) * PixelsPerModule;
                canvas.DrawRect(x, y, length * PixelsPerModule, h, ink);
            }
        }
        Assert.Equal(width * 4, bitmap.RowBytes);

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = { PossibleFormats = [format], TryHarder = true },
        };
        var result = reader.Decode(new RGBLuminanceSource(bitmap.Bytes, width, height, RGBLuminanceSource.BitmapFormat.BGRA32));
        Assert.True(result != null, $"ZXing could not decode the rendered {format} ({matrix.Columns}x{matrix.Rows} modules)");
        Assert.Equal(format, result!.BarcodeFormat);
        return result;
    }
}
