using System.Text;

namespace Print.Templates.Data;

/// <summary>
/// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. Each row comes with the file
/// line it starts on, so errors can name it.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, fieldStarted = false;
        int line = 1, rowLine = 1, c;
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
                case '"' when !fieldStarted || field.Length == 0: quoted = true; fieldStarted = true; break;
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
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (rowLine, fields);
        }
    }
}
