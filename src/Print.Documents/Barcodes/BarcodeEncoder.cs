using ZXing;
using ZXing.Datamatrix;
using ZXing.Datamatrix.Encoder;
using ZXing.OneD;
using ZXing.QrCode.Internal;
using QrEncoder = ZXing.QrCode.Internal.Encoder;

namespace Print.Documents.Barcodes;

/// <summary>A value that cannot be put into the requested symbology; the message names type, value and reason.</summary>
public sealed class BarcodeException(BarcodeType type, string value, string reason, Exception? inner = null)
    : Exception($"Cannot encode {type} barcode \"{Shorten(value)}\": {reason}", inner)
{
    public BarcodeType Type { get; } = type;
    public string Value { get; } = value;
    public string Reason { get; } = reason;

    // A rejected multi-kilobyte DataMatrix payload would otherwise swamp the log line.
    private static string Shorten(string value) => value.Length <= 200 ? value : value[..200] + "…";
}

/// <summary>
/// Turns (type, value) into a module matrix with ZXing's encoders, never rendering a bitmap: the backends
/// draw the modules as vector rectangles.
/// </summary>
public static class BarcodeEncoder
{
    // Shared read-only hint sets; ZXing only reads them, so concurrent use is safe.
    private static readonly Dictionary<EncodeHintType, object> Code128Hints = new()
    {
        [EncodeHintType.CODE128_COMPACT] = true, // ZXing's minimal encoder: fewest symbols, hence narrowest bar code
    };
    private static readonly Dictionary<EncodeHintType, object> DataMatrixAsciiHints = new()
    {
        [EncodeHintType.DATA_MATRIX_SHAPE] = SymbolShapeHint.FORCE_SQUARE,
        [EncodeHintType.MARGIN] = 0,
    };
    private static readonly Dictionary<EncodeHintType, object> DataMatrixUtf8Hints = new(DataMatrixAsciiHints)
    {
        [EncodeHintType.CHARACTER_SET] = "UTF-8",
    };
    // ZXing builds and scores the matrix under all 8 masks to pick one, which is most of a QR code's cost; we
    // let it build mask 0 only and choose the mask with QrMask, which gives the same result far faster.
    private static readonly Dictionary<EncodeHintType, object> QrAsciiHints = new()
    {
        [EncodeHintType.QR_MASK_PATTERN] = 0,
    };
    // Only for non-ASCII: the hint adds an ECI header, which would waste bits on plain ASCII.
    private static readonly Dictionary<EncodeHintType, object> QrUtf8Hints = new(QrAsciiHints)
    {
        [EncodeHintType.CHARACTER_SET] = "UTF-8",
    };

    /// <summary>
    /// Encodes <paramref name="value"/>; <paramref name="qrErrorCorrection"/> is L, M (default), Q or H and
    /// only used for QR. Throws <see cref="BarcodeException"/> when the value cannot be encoded.
    /// </summary>
    public static BarcodeMatrix Encode(BarcodeType type, string value, string? qrErrorCorrection = null)
    {
        if (string.IsNullOrEmpty(value)) throw new BarcodeException(type, value ?? "", "the value is empty");
        try
        {
            return type switch
            {
                BarcodeType.Code128 => EncodeCode128(value),
                BarcodeType.Qr => EncodeQr(value, ParseErrorCorrection(value, qrErrorCorrection)),
                BarcodeType.DataMatrix => EncodeDataMatrix(value),
                _ => throw new BarcodeException(type, value, $"unknown barcode type {(int)type}"),
            };
        }
        catch (Exception e) when (e is not BarcodeException)
        {
            // ZXing reports bad input with assorted types (ArgumentException, WriterException, ...).
            var reason = e.Message switch
            {
                "Data too big" => "the value is too long for a QR code",
                var m when m.StartsWith("Can't find a symbol arrangement", StringComparison.Ordinal) =>
                    $"the value is too long for a Data Matrix symbol ({m})",
                var m => m,
            };
            throw new BarcodeException(type, value, reason, e);
        }
    }

    /// <summary>Accepts "code128", "qr" and "datamatrix", case-insensitive.</summary>
    public static bool TryParseType(string name, out BarcodeType type)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "code128": type = BarcodeType.Code128; return true;
            case "qr": type = BarcodeType.Qr; return true;
            case "datamatrix": type = BarcodeType.DataMatrix; return true;
            default: type = default; return false;
        }
    }

    private static BarcodeMatrix EncodeCode128(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            // Checked here, not left to ZXing: it would silently read U+00F1..U+00F4 as FNC1..FNC4.
            if (value[i] > 127)
                throw new BarcodeException(BarcodeType.Code128, value,
                    $"character '{value[i]}' (U+{(int)value[i]:X4}) at index {i} is not ASCII; Code 128 encodes ASCII only");
        }
        // encode(string) yields the bars alone, start to stop pattern; the quiet zone is the caller's.
        var bars = new Code128Writer().encode(value, Code128Hints);
        return new BarcodeMatrix(bars.Length, 1, bars);
    }

    private static ErrorCorrectionLevel ParseErrorCorrection(string value, string? level) =>
        (level?.Trim().ToUpperInvariant()) switch
        {
            null or "" or "M" => ErrorCorrectionLevel.M,
            "L" => ErrorCorrectionLevel.L,
            "Q" => ErrorCorrectionLevel.Q,
            "H" => ErrorCorrectionLevel.H,
            _ => throw new BarcodeException(BarcodeType.Qr, value,
                $"unknown error correction level \"{level}\" (expected L, M, Q or H)"),
        };

    private static BarcodeMatrix EncodeQr(string value, ErrorCorrectionLevel level)
    {
        // Mask 0 first, then the mask ZXing's own selection (lowest ISO/IEC 18004 penalty, first on ties) would pick.
        var code = QrEncoder.encode(value, level, IsAscii(value) ? QrAsciiHints : QrUtf8Hints);
        var modules = QrMask.ApplyBestMask(code, out _);
        int size = code.Matrix.Width;
        return new BarcodeMatrix(size, size, modules);
    }

    private static BarcodeMatrix EncodeDataMatrix(string value)
    {
        // Width/height 0 and margin 0: the writer then returns exactly one bit per module of the smallest symbol.
        var bits = new DataMatrixWriter().encode(value, BarcodeFormat.DATA_MATRIX, 0, 0,
            IsAscii(value) ? DataMatrixAsciiHints : DataMatrixUtf8Hints);
        int columns = bits.Width, rows = bits.Height;
        var modules = new bool[columns * rows];
        for (int y = 0; y < rows; y++)
            for (int x = 0; x < columns; x++) modules[y * columns + x] = bits[x, y];
        return new BarcodeMatrix(columns, rows, modules);
    }

    private static bool IsAscii(string value) => System.Text.Ascii.IsValid(value);
}
