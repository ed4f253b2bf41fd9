using Print.Core.Text;

namespace Print.Core.Import;

/// <summary>
/// Reads a customer file end to end without storing anything: detects UTF-8 or GB18030, splits RFC 4180 rows,
/// maps the header row and parses each data row. A file that cannot be read at all throws
/// (<see cref="UnreadableEncodingException"/>, <see cref="CsvFormatException"/>, <see cref="InvalidFileException"/>
/// for the header); bad rows come back as rejected <see cref="ParsedRow"/>s and the rest go on.
/// </summary>
public static class CustomerFile
{
    public static IEnumerable<ParsedRow> Read(string path, DateOnly today, HeaderMapping? mapping = null)
    {
        using var reader = FileEncoding.OpenText(path);
        foreach (var row in Read(reader, today, mapping)) yield return row;
    }

    public static IEnumerable<ParsedRow> Read(TextReader reader, DateOnly today, HeaderMapping? mapping = null)
    {
        RowParser? parser = null;
        int row = 0;
        foreach (var (_, fields) in CsvRows.Read(reader, strict: true))
        {
            if (parser is null)
            {
                parser = new RowParser((mapping ?? HeaderMapping.BuiltIn).Resolve(fields), today);
                continue;
            }
            yield return parser.Parse(++row, fields);
        }
        if (parser is null) throw new InvalidFileException("header row", ["the file is empty: no header row"]);
    }
}
