using System.Text;

namespace Print.Core.Text;

/// <summary>
/// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. Each row comes with the file
/// line it starts on, so errors can name it.
/// </summary>
public static class CsvRows
{
    /// <summary>
    /// The rows of <paramref name="reader"/>; blank lines are skipped. With <paramref name="strict"/>, a quoted
    /// field still open at the end of the file is a <see cref="CsvFormatException"/>: one stray quote would
    /// otherwise swallow every row after it into a single field. Template data stays lenient.
    /// </summary>
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader, bool strict = false)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, fieldStarted = false;
        int line = 1, rowLine = 1, quoteLine = 0, c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when !fieldStarted || field.Length == 0: quoted = true; fieldStarted = true; quoteLine = line; break;
                case ',': fields.Add(field.ToString()); field.Clear(); fieldStarted = false; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear(); fieldStarted = false;
                    if (fields.Count > 1 || fields[0].Length > 0) yield return (rowLine, fields);
                    fields = new List<string>();
                    line++;
                    rowLine = line;
                    break;
                default: field.Append(ch); fieldStarted = true; break;
            }
        }
        if (quoted && strict) throw new CsvFormatException(quoteLine, $"line {quoteLine}: a quoted field is never closed");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (rowLine, fields);
        }
    }

    /// <summary>Writes one row, quoting only the fields that need it, and ends it with CRLF as RFC 4180 asks.</summary>
    public static void Write(TextWriter writer, IEnumerable<string> fields)
    {
        bool first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") < 0) writer.Write(field);
            else writer.Write('"' + field.Replace("\"", "\"\"") + '"');
        }
        writer.Write("\r\n");
    }
}

/// <summary>A CSV file that cannot be split into rows at all.</summary>
public sealed class CsvFormatException(int line, string message) : FormatException(message)
{
    public int Line { get; } = line;
}
