using System.Text;
using System.Text.Unicode;

namespace Print.Core.Text;

/// <summary>
/// Tells the encoding of a whole text file as Chinese spreadsheets export it: UTF-8 (with or without BOM) or
/// GB18030, the superset of GBK and GB2312 that Excel and WPS write on Chinese Windows. UTF-8 is decided by
/// strict validation, not guessed: a GBK file is practically never valid UTF-8 beyond a few characters.
/// </summary>
public static class FileEncoding
{
    /// <summary>
    /// Non-ASCII UTF-8 characters before the first invalid byte that make a file "UTF-8 with a foreign part"
    /// rather than GBK. A GBK character happens to be valid UTF-8 about one time in six, so a GBK file whose
    /// first eight characters all pass is about one in a million, while a UTF-8 header row alone has a dozen.
    /// </summary>
    private const int MixedEvidence = 8;

    private const int ChunkSize = 1 << 16;

    static FileEncoding()
    {
        // GB18030 ships with .NET but is only reachable once the code-page provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding(54936);
        StrictGb18030 = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>GB18030 (so GBK and GB2312 too), decoding leniently: use it after <see cref="Detect(Stream)"/> validated the bytes.</summary>
    public static Encoding Gb18030 { get; }

    private static readonly Encoding StrictGb18030;

    /// <summary>UTF-8 that writes a BOM, so Excel on Chinese Windows opens the file as UTF-8, not as GBK.</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Opens <paramref name="path"/> as text in its detected encoding (a BOM is skipped).</summary>
    public static StreamReader OpenText(string path)
    {
        Encoding encoding;
        using (var probe = File.OpenRead(path)) encoding = Detect(probe);
        return new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding);
    }

    public static Encoding Detect(ReadOnlySpan<byte> bytes) => Detect(new MemoryStream(bytes.ToArray()));

    /// <summary>
    /// Reads <paramref name="stream"/> (seekable: GB18030 is a second pass) and returns UTF-8 or GB18030; throws
    /// <see cref="UnreadableEncodingException"/> with the byte offset when the file is neither, or mixes them.
    /// </summary>
    public static Encoding Detect(Stream stream)
    {
        Span<byte> start = stackalloc byte[2];
        int n = stream.ReadAtLeast(start, 2, throwOnEndOfStream: false);
        if (n == 2 && start is [0xFF, 0xFE] or [0xFE, 0xFF])
            throw new UnreadableEncodingException(0, "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or plain CSV instead");
        stream.Position = 0;

        var utf8 = ScanUtf8(stream, out bool bom);
        if (utf8.InvalidAt is null) return new UTF8Encoding(false);
        long at = utf8.InvalidAt.Value;
        if (bom)
            throw new UnreadableEncodingException(at, $"the file starts with a UTF-8 byte-order mark but byte {at} is not UTF-8 (mixed encodings?)");
        if (utf8.NonAsciiBefore >= MixedEvidence)
            throw new UnreadableEncodingException(at, $"mixed encodings: the file is UTF-8 up to byte {at}, which is not UTF-8 (a GBK part?)");

        stream.Position = 0;
        long? gbInvalid = FirstInvalidGb18030(stream);
        if (gbInvalid is null) return Gb18030;
        throw new UnreadableEncodingException(Math.Min(at, gbInvalid.Value),
            $"neither UTF-8 (byte {at} is not) nor GB18030/GBK (byte {gbInvalid} is not)");
    }

    private readonly record struct Utf8Scan(long? InvalidAt, int NonAsciiBefore);

    private static Utf8Scan ScanUtf8(Stream stream, out bool bom)
    {
        var buffer = new byte[ChunkSize + 4];
        var chars = new char[ChunkSize + 4];
        int carried = 0, nonAscii = 0;
        long offset = 0; // file offset of buffer[0]
        bom = false;
        while (true)
        {
            int read = stream.ReadAtLeast(buffer.AsSpan(carried, ChunkSize), ChunkSize, throwOnEndOfStream: false);
            int length = carried + read;
            bool final = read < ChunkSize;
            var span = buffer.AsSpan(0, length);
            if (offset == 0 && span.StartsWith("\uFEFF"u8)) bom = true;

            var status = Utf8.ToUtf16(span, chars, out int consumed, out int written, replaceInvalidSequences: false, isFinalBlock: final);
            foreach (char ch in chars.AsSpan(0, written)) if (ch >= 0x80 && !char.IsLowSurrogate(ch)) nonAscii++;
            if (status == System.Buffers.OperationStatus.InvalidData) return new(offset + consumed, nonAscii);
            if (final) return new(null, nonAscii);

            // An incomplete sequence at the end waits for the next chunk.
            carried = length - consumed;
            span[consumed..].CopyTo(buffer);
            offset += consumed;
        }
    }

    private static long? FirstInvalidGb18030(Stream stream)
    {
        // GetChars, not GetCharCount: only GetChars carries a character split between two chunks over to the next.
        var decoder = StrictGb18030.GetDecoder();
        var buffer = new byte[ChunkSize];
        var chars = new char[StrictGb18030.GetMaxCharCount(ChunkSize)];
        long offset = 0;
        int read;
        do
        {
            read = stream.ReadAtLeast(buffer, ChunkSize, throwOnEndOfStream: false);
            try { decoder.GetChars(buffer, 0, read, chars, 0, flush: read < ChunkSize); }
            catch (DecoderFallbackException e) { return Math.Max(0, offset + e.Index); }
            offset += read;
        } while (read == ChunkSize);
        return null;
    }
}
