using System.Text;
using System.Text.RegularExpressions;

namespace Print.Templates.Merge;

/// <summary>
/// Maps a place in merged markup back to the template line it came from. The template is given a processing
/// instruction <c>&lt;?t N?&gt;</c> at the start of each line that begins outside a tag and outside a Scriban
/// block; the markup parser ignores them, and an error at merged line L is traced to the nearest marker above.
/// Only used to explain an error, so the normal merge pays nothing for it.
/// </summary>
internal static partial class LineMarkers
{
    [GeneratedRegex(@"<\?t (\d+)\?>")]
    private static partial Regex Marker();

    public static string Insert(string template)
    {
        var sb = new StringBuilder(template.Length + template.Length / 8);
        bool inScriban = false, inTag = false;
        char quote = '\0';
        int line = 1;
        for (int i = 0; i < template.Length; i++)
        {
            bool lineStart = i == 0 || template[i - 1] == '\n';
            if (lineStart && !inScriban && !inTag && !(i == 0 && template.StartsWith("<?xml", StringComparison.Ordinal)))
                sb.Append("<?t ").Append(line).Append("?>");
            char c = template[i];
            sb.Append(c);
            if (c == '\n') line++;
            if (inScriban)
            {
                if (c == '}' && i + 1 < template.Length && template[i + 1] == '}') { sb.Append('}'); i++; inScriban = false; }
                continue;
            }
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{') { sb.Append('{'); i++; inScriban = true; continue; }
            if (inTag)
            {
                if (quote != '\0') { if (c == quote) quote = '\0'; }
                else if (c is '"' or '\'') quote = c;
                else if (c == '>') inTag = false;
            }
            else if (c == '<') inTag = true;
        }
        return sb.ToString();
    }

    /// <summary>The template line and column of merged (marked) markup's line and column, 1-based.</summary>
    public static (int Line, int Column) Locate(string mergedWithMarkers, int line, int column)
    {
        var lines = mergedWithMarkers.Split('\n');
        for (int l = Math.Min(line, lines.Length) - 1; l >= 0; l--)
        {
            bool errorLine = l == line - 1;
            // The last marker before the error: lines whose breaks Scriban trimmed ({{~ ~}}) share one merged line.
            var m = Marker().Matches(lines[l]).LastOrDefault(x => !errorLine || x.Index < column);
            if (m is null) continue;
            int templateLine = int.Parse(m.Groups[1].Value) + (line - 1 - l);
            int templateColumn = errorLine ? column - (m.Index + m.Length) : column;
            return (templateLine, Math.Max(1, templateColumn));
        }
        return (line, column);
    }
}
