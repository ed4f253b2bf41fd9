using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Print.Core.Production;

namespace Print.Production.Rendering;

/// <summary>
/// The files of a rendered batch folder besides the print PDFs: the manifest, SHA256SUMS, and their names.
/// Every file is written to a temporary name in the same folder and moved into place, so a reader (or a crash)
/// never meets half a file.
/// </summary>
public static class BatchOutput
{
    public const string Manifest = "manifest.csv";
    public const string PostingList = "posting-list.pdf";
    public const string Proof = "proof.pdf";
    public const string Checksums = "SHA256SUMS";
    public const string ManifestHeader = "piece_id,customer_id,tracking_number,postcode,file,first_page,last_page,sheets,segment,seed";

    /// <summary><c>print-001.pdf</c>, <c>print-002.pdf</c>, …</summary>
    public static string PrintFileName(int number) => $"print-{number:000}.pdf";

    public static bool IsPrintFileName(string name, out int number)
    {
        number = 0;
        return name.StartsWith("print-", StringComparison.Ordinal) && name.EndsWith(".pdf", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(6, name.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>One line per piece in presort order; UTF-8 without BOM, CRLF line ends (spreadsheets and RIP software read it as is).</summary>
    public static void WriteManifest(string path, IEnumerable<MailPiece> pieces)
    {
        WriteAtomically(path, stream =>
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
            w.WriteLine(ManifestHeader);
            foreach (var p in pieces)
            {
                var pages = p.Pages ?? throw new InvalidOperationException($"piece {p.Id} has no pages recorded");
                w.Write(Field(p.Id)); w.Write(',');
                w.Write(Field(p.CustomerId)); w.Write(',');
                w.Write(Field(p.TrackingNumber?.ToString() ?? "")); w.Write(',');
                w.Write(Field(p.Address.Postcode)); w.Write(',');
                w.Write(Field(pages.File)); w.Write(',');
                w.Write(pages.FirstPage.ToString(CultureInfo.InvariantCulture)); w.Write(',');
                w.Write(pages.LastPage.ToString(CultureInfo.InvariantCulture)); w.Write(',');
                w.Write(pages.Sheets.ToString(CultureInfo.InvariantCulture)); w.Write(',');
                w.Write(Field(p.Segment)); w.Write(',');
                w.WriteLine(p.IsSeed ? "true" : "false");
            }
        });
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary><c>sha256sum -c</c> format: the hex digest, two spaces, the file name; one line per file.</summary>
    public static void WriteChecksums(string path, IEnumerable<BatchOutputFile> files) =>
        WriteAtomically(path, stream =>
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
            foreach (var f in files) w.WriteLine($"{f.Sha256}  {f.Name}");
        });

    /// <summary>The file's SHA-256, lower-case hex, and its length.</summary>
    public static (string Sha256, long Bytes) Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    /// <summary>Writes through <paramref name="write"/> into NAME.tmp, flushes it to disk and renames it to <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var temp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
