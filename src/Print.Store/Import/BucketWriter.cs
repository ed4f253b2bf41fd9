namespace Print.Store.Import;

/// <summary>
/// One temporary bucket file of an import's first pass: the good rows whose customer id hashes to it, as their
/// row number and raw cells, in file order. Binary and length-prefixed (BinaryWriter strings), so any cell
/// content — commas, quotes, line breaks — reads back exactly.
/// </summary>
internal sealed class BucketWriter : IDisposable
{
    private readonly BinaryWriter writer;

    public BucketWriter(string path)
    {
        Path = path;
        writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
    }

    public string Path { get; }

    public void Write(int row, IReadOnlyList<string> fields)
    {
        writer.Write7BitEncodedInt(row);
        writer.Write7BitEncodedInt(fields.Count);
        for (int i = 0; i < fields.Count; i++) writer.Write(fields[i]);
    }

    public void Dispose() => writer.Dispose();

    public static IEnumerable<(int Row, string[] Fields)> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream);
        long length = stream.Length;
        while (stream.Position < length)
        {
            int row = reader.Read7BitEncodedInt();
            var fields = new string[reader.Read7BitEncodedInt()];
            for (int i = 0; i < fields.Length; i++) fields[i] = reader.ReadString();
            yield return (row, fields);
        }
    }
}
