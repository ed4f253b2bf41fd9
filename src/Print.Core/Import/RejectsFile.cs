using Print.Core.Text;

namespace Print.Core.Import;

/// <summary>
/// The rows an import refused, as a CSV a person opens in Excel next to the original file:
/// <c>row,column,value,reason</c>, one line per problem. Personal values are already masked (see
/// <see cref="RowError"/>). The file is UTF-8 with a BOM, which Excel on Chinese Windows needs to show Chinese.
/// </summary>
public static class RejectsFile
{
    public static readonly string[] Header = ["row", "column", "value", "reason"];

    /// <summary>customers.csv → customers.rejects.csv, beside it.</summary>
    public static string PathFor(string importPath) =>
        Path.Combine(Path.GetDirectoryName(importPath) ?? "", Path.GetFileNameWithoutExtension(importPath) + ".rejects.csv");

    public static void Save(string path, IEnumerable<RowError> errors)
    {
        using var writer = new StreamWriter(path, append: false, FileEncoding.Utf8WithBom);
        Write(writer, errors);
    }

    public static void Write(TextWriter writer, IEnumerable<RowError> errors)
    {
        WriteHeader(writer);
        foreach (var e in errors) WriteLine(writer, e);
    }

    /// <summary>The header row; then <see cref="WriteLine"/> for each problem, as an import streams them.</summary>
    public static void WriteHeader(TextWriter writer) => CsvRows.Write(writer, Header);

    public static void WriteLine(TextWriter writer, RowError e) =>
        CsvRows.Write(writer, [e.Row.ToString(), e.Column, Defused(e.Value), e.Reason]);

    /// <summary>
    /// A value that starts like a formula (=, +, -, @) would run as one when the file is opened in a spreadsheet;
    /// an apostrophe in front keeps it text. Plain negative numbers are left as they are.
    /// </summary>
    private static string Defused(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(value, out _) ? "'" + value : value;
}
