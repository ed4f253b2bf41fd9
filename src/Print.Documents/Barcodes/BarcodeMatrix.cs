namespace Print.Documents.Barcodes;

public enum BarcodeType { Code128, Qr, DataMatrix }

/// <summary>
/// Modules of a symbol without any quiet zone (the caller adds it). For 1D codes <see cref="Rows"/> is 1
/// and each column is one bar module.
/// </summary>
public sealed class BarcodeMatrix
{
    private readonly bool[] _modules; // row-major

    internal BarcodeMatrix(int columns, int rows, bool[] modules)
    {
        if (columns <= 0 || rows <= 0 || modules.Length != columns * rows)
            throw new ArgumentException($"{modules.Length} modules do not fill {columns}x{rows}.", nameof(modules));
        Columns = columns;
        Rows = rows;
        _modules = modules;
        DarkRuns = MergeRuns();
    }

    public int Columns { get; }
    public int Rows { get; }

    /// <summary>True = dark.</summary>
    public bool this[int column, int row] =>
        (uint)column < (uint)Columns && (uint)row < (uint)Rows
            ? _modules[row * Columns + column]
            : throw new ArgumentOutOfRangeException(column < 0 || column >= Columns ? nameof(column) : nameof(row));

    /// <summary>
    /// Dark modules merged into horizontal runs, so a backend draws one rectangle per run instead of one per
    /// module (a QR code has a few hundred runs against over a thousand dark modules).
    /// </summary>
    public IReadOnlyList<(int Row, int Column, int Length)> DarkRuns { get; }

    private (int Row, int Column, int Length)[] MergeRuns()
    {
        var runs = new List<(int, int, int)>();
        for (int row = 0, i = 0; row < Rows; row++)
        {
            int start = -1;
            for (int column = 0; column < Columns; column++, i++)
            {
                if (_modules[i]) { if (start < 0) start = column; }
                else if (start >= 0) { runs.Add((row, start, column - start)); start = -1; }
            }
            if (start >= 0) runs.Add((row, start, Columns - start));
        }
        return runs.ToArray();
    }
}
