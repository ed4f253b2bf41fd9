using System.Globalization;
using LiteDB;

namespace Print.Store.LiteDb;

/// <summary>
/// The one LiteDB file (default <c>data/print.db</c>) that every LiteDB store of a process shares: customers,
/// communications, batches. One <see cref="LiteDatabase"/> per file and process, so that one transaction can
/// span stores (a batch and the communications it takes) and the file is opened and locked once.
/// <para>
/// <b>Connection=direct</b>: the process that opens the file keeps it open and locked until it is disposed.
/// Shared mode would let several processes take turns, but it reopens the file and takes a system-wide mutex
/// on every operation, many times slower for an import of a million rows, and nothing needs two writers: the
/// server owns the file, and the CLI opens it only when the server is not using it (a locked file is a clear
/// error, not a corrupted one). LiteDB's write-ahead log makes each transaction all-or-nothing across crashes:
/// uncommitted pages are discarded when the file is opened again.
/// </para>
/// </summary>
public sealed class PrintDatabase : IDisposable
{
    /// <summary><c>data/print.db</c> under the working directory.</summary>
    public static string DefaultPath => Path.Combine(Directory.GetCurrentDirectory(), "data", "print.db");

    public PrintDatabase(string path)
    {
        FilePath = Path.GetFullPath(path);
        if (Path.GetDirectoryName(FilePath) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        // Ordinal collation: ids and numbers compare as codes, and culture-aware comparison was a quarter of the import.
        Engine = new LiteDatabase(new ConnectionString
        {
            Filename = FilePath,
            Connection = ConnectionType.Direct,
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        }, StoreMapper.Create())
        {
            // Pages of the write-ahead log before they are copied into the data file (LiteDB's default is 1,000,
            // 8 MB): a large import checkpoints a tenth as often. The log is read back on opening after a crash.
            CheckpointSize = 10_000,
        };
    }

    public string FilePath { get; }

    internal LiteDatabase Engine { get; }

    /// <summary>
    /// Runs <paramref name="write"/> as one transaction: committed when it returns, rolled back when it throws.
    /// <paramref name="beforeCommit"/> is a test hook that runs after the writes (throwing, or tearing the
    /// database down, stops the transaction at its worst moment).
    /// </summary>
    internal void InTransaction(Action write, Action? beforeCommit = null)
    {
        if (!Engine.BeginTrans()) throw new InvalidOperationException("a transaction is already open on this thread");
        transactions++;
        Interlocked.Increment(ref writes);
        try
        {
            try
            {
                write();
                beforeCommit?.Invoke();
            }
            catch
            {
                if (!IsDisposed) Engine.Rollback();
                throw;
            }
            Engine.Commit();
        }
        finally
        {
            transactions--;
            Interlocked.Increment(ref writes);
        }
    }

    private long writes;

    /// <summary>
    /// Counts every <see cref="InTransaction"/> twice, when it begins and when it has committed or rolled back
    /// (<see cref="WritesPerTransaction"/>), so a reader can tell whether anything was written since it read:
    /// a transaction under way when the count was taken still counts again after it.
    /// </summary>
    internal long Writes => Interlocked.Read(ref writes);

    internal const int WritesPerTransaction = 2;

    [ThreadStatic] private static int transactions;

    /// <summary>
    /// Whether this thread is inside <see cref="InTransaction"/> (of any database): what it reads then may be its
    /// own uncommitted writes. Outside one, a read sees only committed documents.
    /// </summary>
    internal static bool InTransactionOnThisThread => transactions > 0;

    internal bool IsDisposed { get; private set; }

    /// <summary>Closes the file without committing an open transaction, as a crash would leave it (tests).</summary>
    internal void Abandon() => Dispose();

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        Engine.Dispose();
    }
}
