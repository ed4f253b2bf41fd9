using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Print.Documents.Rendering;

/// <summary>
/// Compresses the streams of a PDF that PDFsharp wrote uncompressed. PDFsharp 6.2.4 on .NET 10 writes its
/// FlateDecode streams without the zlib trailer (the Adler-32 checksum of RFC 1950): lenient viewers do not
/// mind, but zlib-strict readers (qpdf, ghostscript, some RIPs at the print shop) report "incorrect data
/// check". So PDFsharp writes plain streams and this pass copies the file object by object, deflating each
/// stream with .NET's zlib (small ones — page content — at the best ratio, large ones — font programs —
/// fast), fixing /Length and /Filter and writing a fresh cross-reference table. A stream PDFsharp did
/// filter itself (an image) keeps its data; a Flate one gets its missing checksum appended.
/// <para>
/// The compressed file is written straight to its destination as it is produced (a 5,000-page print file is
/// never held twice in memory); the new cross-reference table's offsets are counted here, so the destination
/// need not be seekable.
/// </para>
/// </summary>
internal static partial class PdfStreamCompressor
{
    /// <summary>Streams above this are font programs or images: compressing them hard costs more than it saves.</summary>
    private const int LargeStream = 64 * 1024;

    [GeneratedRegex(@"/Length (\d+)(?! \d+ R)")]
    private static partial Regex DirectLength();

    /// <summary>How hard a stream of this many bytes is deflated.</summary>
    public static CompressionLevel Level(int length) => length > LargeStream ? CompressionLevel.Fastest : CompressionLevel.SmallestSize;

    /// <summary>
    /// Writes the compressed copy of the uncompressed PDF <paramref name="pdf"/> to <paramref name="destination"/>.
    /// The objects numbered in <paramref name="deflated"/> are streams already deflated with zlib's checksum
    /// (the page contents <see cref="PdfBatchWriter"/> deflates as it goes): they are copied as they are.
    /// </summary>
    public static void Compress(ReadOnlySpan<byte> pdf, Stream destination, IReadOnlySet<int>? deflated = null)
    {
        int startXref = FindStartXref(pdf);
        var offsets = ReadXrefTable(pdf, startXref, out int xrefStart, out int trailerStart, out int size);
        var ordered = offsets.Where(o => o.Value > 0).OrderBy(o => o.Value).ToList();

        var output = new Output(destination);
        output.Write(pdf[..ordered[0].Value]);
        var newOffsets = new long[size];
        for (int i = 0; i < ordered.Count; i++)
        {
            int start = ordered[i].Value;
            int end = i + 1 < ordered.Count ? ordered[i + 1].Value : xrefStart;
            newOffsets[ordered[i].Key] = output.Position;
            if (deflated is not null && deflated.Contains(ordered[i].Key)) output.Write(pdf[start..end]);
            else WriteObject(pdf[start..end], output);
        }
        long newXref = output.Position;
        var xref = new StringBuilder(20 * size + 32);
        xref.Append("xref\n0 ").Append(size).Append('\n').Append("0000000000 65535 f \n");
        for (int n = 1; n < size; n++)
        {
            if (newOffsets[n] > 0) xref.Append(newOffsets[n].ToString("0000000000", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
            else xref.Append("0000000000 65535 f \n");
        }
        output.Write(Encoding.ASCII.GetBytes(xref.ToString()));
        output.Write(pdf[trailerStart..startXref]);
        output.Write(Encoding.ASCII.GetBytes($"startxref\n{newXref}\n%%EOF\n"));
    }

    /// <summary>The destination, and how many bytes have been written to it (the offset of the next object).</summary>
    private sealed class Output(Stream destination)
    {
        /// <summary>Reused for every stream deflated into this file.</summary>
        public readonly MemoryStream Scratch = new();

        public long Position { get; private set; }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            destination.Write(bytes);
            Position += bytes.Length;
        }
    }

    private static void WriteObject(ReadOnlySpan<byte> obj, Output output)
    {
        int keyword = obj.IndexOf("stream"u8);
        if (keyword < 0) { output.Write(obj); return; }
        int dataStart = keyword + 6;
        if (obj[dataStart] == '\r') dataStart++;
        if (obj[dataStart] == '\n') dataStart++;
        var dictionary = Encoding.Latin1.GetString(obj[..keyword]);
        var length = DirectLength().Match(dictionary);
        if (!length.Success) { output.Write(obj); return; }
        int streamLength = int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
        var data = obj.Slice(dataStart, streamLength);
        if (!dictionary.Contains("/Filter", StringComparison.Ordinal))
        {
            WriteDeflated(obj, output, dictionary, length, keyword, dataStart, data);
            return;
        }
        if (!dictionary.Contains("/FlateDecode", StringComparison.Ordinal)) { output.Write(obj); return; }
        var inflated = Inflate(data[2..].ToArray());
        uint adler = Adler32(inflated);
        if (data.Length >= 4 && ReadBigEndian(data[^4..]) == adler) { output.Write(obj); return; }
        var newDictionary = dictionary[..length.Index] + $"/Length {streamLength + 4}" + dictionary[(length.Index + length.Length)..];
        output.Write(Encoding.Latin1.GetBytes(newDictionary));
        output.Write(obj[keyword..dataStart]);
        output.Write(data);
        Span<byte> trailer = stackalloc byte[] { (byte)(adler >> 24), (byte)(adler >> 16), (byte)(adler >> 8), (byte)adler };
        output.Write(trailer);
        output.Write(obj[(dataStart + streamLength)..]);
    }

    private static void WriteDeflated(ReadOnlySpan<byte> obj, Output output, string dictionary, Match length,
        int keyword, int dataStart, ReadOnlySpan<byte> data)
    {
        var deflated = output.Scratch;
        deflated.SetLength(0);
        using (var zlib = new ZLibStream(deflated, Level(data.Length), leaveOpen: true))
            zlib.Write(data);
        if (deflated.Length >= data.Length) { output.Write(obj); return; }
        int close = dictionary.LastIndexOf(">>", StringComparison.Ordinal);
        var newDictionary = dictionary[..length.Index] + $"/Length {deflated.Length}" + dictionary[(length.Index + length.Length)..close]
            + "/Filter/FlateDecode" + dictionary[close..];
        output.Write(Encoding.Latin1.GetBytes(newDictionary));
        output.Write(obj[keyword..dataStart]);
        output.Write(deflated.GetBuffer().AsSpan(0, (int)deflated.Length));
        output.Write(obj[(dataStart + data.Length)..]);
    }

    private static uint ReadBigEndian(ReadOnlySpan<byte> b) => (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);

    private static int FindStartXref(ReadOnlySpan<byte> pdf)
    {
        int at = pdf.LastIndexOf("startxref"u8);
        if (at < 0) throw new InvalidDataException("PDF has no startxref");
        return at;
    }

    private static Dictionary<int, int> ReadXrefTable(ReadOnlySpan<byte> pdf, int startXref, out int xrefStart, out int trailerStart, out int size)
    {
        var tail = Encoding.ASCII.GetString(pdf[startXref..]);
        xrefStart = int.Parse(tail.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim(), CultureInfo.InvariantCulture);
        trailerStart = pdf.LastIndexOf("trailer"u8);
        var table = Encoding.ASCII.GetString(pdf[xrefStart..trailerStart]);
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines[0].Trim() != "xref") throw new InvalidDataException("PDF has no classic cross-reference table");
        var offsets = new Dictionary<int, int>();
        int line = 1;
        size = 0;
        while (line < lines.Length)
        {
            var head = lines[line++].Trim().Split(' ');
            int first = int.Parse(head[0], CultureInfo.InvariantCulture), count = int.Parse(head[1], CultureInfo.InvariantCulture);
            for (int i = 0; i < count; i++, line++)
            {
                var entry = lines[line].Trim();
                if (entry.EndsWith('n')) offsets[first + i] = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            }
            size = Math.Max(size, first + count);
        }
        return offsets;
    }

    private static byte[] Inflate(byte[] deflated)
    {
        using var deflate = new DeflateStream(new MemoryStream(deflated), CompressionMode.Decompress);
        var output = new MemoryStream(deflated.Length * 4);
        deflate.CopyTo(output);
        return output.ToArray();
    }

    internal static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Mod = 65521;
        uint a = 1, b = 0;
        while (data.Length > 0)
        {
            int n = Math.Min(data.Length, 5552); // the longest run before b can overflow 32 bits
            foreach (var x in data[..n]) { a += x; b += a; }
            a %= Mod; b %= Mod;
            data = data[n..];
        }
        return (b << 16) | a;
    }
}
