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

    /// <summary>
    /// A manifest written a print file at a time, as the files are recorded, so that the batch is not read a second
    /// time for it: one line per piece in presort order; UTF-8 without BOM, CRLF line ends (spreadsheets and RIP
    /// software read it as is). It grows under <c>manifest.csv.pending.tmp</c> and takes its name only on
    /// <see cref="Complete"/>; disposed before, it is deleted (a rendering that stops leaves no manifest).
    /// </summary>
    public sealed class ManifestWriter : IDisposable
    {
        private readonly string path;
        private readonly string pending;
        private readonly StreamWriter writer;
        private bool completed;

        public ManifestWriter(string path)
        {
            this.path = path;
            pending = path + ".pending.tmp";
            writer = new StreamWriter(new FileStream(pending, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16)
                { NewLine = "\r\n" };
            writer.WriteLine(ManifestHeader);
        }

        /// <summary>Lines written so far, the header not counted.</summary>
        public int Lines { get; private set; }

        public void Add(IEnumerable<MailPiece> pieces)
        {
            ObjectDisposedException.ThrowIf(completed, this);
            foreach (var p in pieces)
            {
                var pages = p.Pages ?? throw new InvalidOperationException($"piece {p.Id} has no pages recorded");
                writer.Write(Field(p.Id)); writer.Write(',');
                writer.Write(Field(p.CustomerId)); writer.Write(',');
                writer.Write(Field(p.TrackingNumber?.ToString() ?? "")); writer.Write(',');
                writer.Write(Field(p.Address.Postcode)); writer.Write(',');
                writer.Write(Field(pages.File)); writer.Write(',');
                writer.Write(pages.FirstPage.ToString(CultureInfo.InvariantCulture)); writer.Write(',');
                writer.Write(pages.LastPage.ToString(CultureInfo.InvariantCulture)); writer.Write(',');
                writer.Write(pages.Sheets.ToString(CultureInfo.InvariantCulture)); writer.Write(',');
                writer.Write(Field(p.Segment)); writer.Write(',');
                writer.WriteLine(p.IsSeed ? "true" : "false");
                Lines++;
            }
        }

        /// <summary>Flushes the manifest to disk and moves it into place.</summary>
        public void Complete()
        {
            ObjectDisposedException.ThrowIf(completed, this);
            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
            writer.Dispose();
            completed = true;
            File.Move(pending, path, overwrite: true);
        }

        public void Dispose()
        {
            if (completed) return;
            completed = true;
            writer.Dispose();
            File.Delete(pending);
        }
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
