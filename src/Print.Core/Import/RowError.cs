namespace Print.Core.Import;

/// <summary>
/// Why a row of the customer file was rejected. <see cref="Row"/> counts data rows from 1 (the header is not
/// counted), as template data does; <see cref="Column"/> is the header as the file writes it, empty when the
/// whole row is wrong; <see cref="Value"/> is already masked when personal, so an error can go to any log.
/// </summary>
public sealed record RowError(int Row, string Column, string Value, string Reason)
{
    public override string ToString() => Column.Length == 0 ? $"row {Row}: {Reason}" : $"row {Row}, {Column}: {Reason}";
}
