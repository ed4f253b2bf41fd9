namespace Print.Core.Import;

/// <summary>Where each known column sits in one file's rows, and what that file calls it.</summary>
public sealed class ColumnLayout
{
    private readonly int[] index; // by ImportColumn; -1 when the file lacks the column
    private readonly IReadOnlyList<string> headers;

    internal ColumnLayout(int[] index, IReadOnlyList<string> headers)
    {
        this.index = index;
        this.headers = headers;
    }

    /// <summary>How many columns the header row has.</summary>
    public int Width => headers.Count;

    public bool Has(ImportColumn column) => index[(int)column] >= 0;

    /// <summary>The column's header as the file writes it (so errors name what the person sees), else its Chinese name.</summary>
    public string HeaderOf(ImportColumn column) => Has(column) ? headers[index[(int)column]].Trim() : ImportColumns.Of(column).Chinese;

    /// <summary>The trimmed cell of <paramref name="column"/>; empty when the file lacks the column or the row is short.</summary>
    public string Cell(IReadOnlyList<string> fields, ImportColumn column)
    {
        int i = index[(int)column];
        return i >= 0 && i < fields.Count ? fields[i].Trim() : "";
    }
}
