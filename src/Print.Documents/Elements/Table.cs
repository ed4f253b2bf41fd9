using Print.Documents.Geometry;
using Print.Documents.Layout;

namespace Print.Documents.Elements;

public sealed record TableCell(Element Content, int ColumnSpan, BoxStyle Style, SourceLocation Source);

public sealed record TableRow(IReadOnlyList<TableCell> Cells, SourceLocation Source);

/// <summary>
/// Rows of cells on a column grid. Rows are not split; header rows repeat at the top of every page the table
/// continues on. Borders are drawn per cell.
/// </summary>
public sealed class Table(IReadOnlyList<WidthSpec> columns, IReadOnlyList<TableRow> header, IReadOnlyList<TableRow> body) : Element
{
    private int _next;

    public override string Name => "table";
    public IReadOnlyList<WidthSpec> Columns { get; } = columns;
    public IReadOnlyList<TableRow> Header { get; } = header;
    public IReadOnlyList<TableRow> Body { get; } = body;

    private (double X, double Width)[] CellBounds(TableRow row, double[] widths, double left)
    {
        var bounds = new (double, double)[row.Cells.Count];
        int col = 0;
        double x = left;
        for (int i = 0; i < row.Cells.Count; i++)
        {
            double w = 0;
            for (int s = 0; s < row.Cells[i].ColumnSpan && col < widths.Length; s++) w += widths[col++];
            bounds[i] = (x, w);
            x += w;
        }
        return bounds;
    }

    private double RowHeight(LayoutContext context, TableRow row, double[] widths)
    {
        var bounds = CellBounds(row, widths, 0);
        double h = 0;
        for (int i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            var inset = cell.Style.CollapsedInset;
            var plan = cell.Content.Measure(context, new Size(Math.Max(0, bounds[i].Width - inset.Horizontal), double.MaxValue / 4));
            h = Math.Max(h, plan.Height + inset.Vertical);
        }
        return h;
    }

    private (int Rows, double Height, double HeaderHeight) Fit(LayoutContext context, Size available)
    {
        if (WidthSpec.Problem(Columns, available.Width, 0) is { } problem)
            throw Error($"columns do not fit the table: {problem}");
        var widths = WidthSpec.Resolve(Columns, available.Width, 0);
        double headerHeight = Header.Sum(r => RowHeight(context, r, widths));
        if (headerHeight > available.Height + 1e-6)
            return context.AtPageTop ? throw Error("the header rows alone are taller than the page") : (0, 0, headerHeight);
        double h = headerHeight;
        int rows = 0;
        while (_next + rows < Body.Count)
        {
            double rh = RowHeight(context, Body[_next + rows], widths);
            if (h + rh > available.Height + 1e-6) break;
            h += rh;
            rows++;
        }
        if (rows == 0 && _next < Body.Count && context.AtPageTop)
            throw new LayoutException(Body[_next].Source, "<tr>: this table row is taller than a whole page");
        return (rows, h, headerHeight);
    }

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        if (_next >= Body.Count && Body.Count > 0) return SpacePlan.Full(available.Width, 0);
        var (rows, height, headerHeight) = Fit(context, available);
        if ((rows == 0 && Body.Count > 0) || headerHeight > available.Height + 1e-6) return SpacePlan.Wrap();
        return _next + rows >= Body.Count ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
    }

    public override void Draw(LayoutContext context, Rect area)
    {
        var (rows, _, _) = Fit(context, new Size(area.Width, area.Height));
        var widths = WidthSpec.Resolve(Columns, area.Width, 0);
        double y = area.Y;
        foreach (var row in Header) y += DrawRow(context, row, widths, area.X, y, resetAfter: true);
        for (int i = 0; i < rows; i++) y += DrawRow(context, Body[_next + i], widths, area.X, y, resetAfter: false);
        _next += rows;
    }

    private double DrawRow(LayoutContext context, TableRow row, double[] widths, double left, double y, bool resetAfter)
    {
        double h = RowHeight(context, row, widths);
        var bounds = CellBounds(row, widths, left);
        // The row's backgrounds, then its borders, then its cells' content: no background covers half of a
        // neighbour's rule, and the PDF writes the row's borders as one run of rectangles (PdfBatchWriter).
        for (int i = 0; i < row.Cells.Count; i++)
            row.Cells[i].Style.PaintCollapsedBackground(context, new Rect(bounds[i].X, y, bounds[i].Width, h));
        for (int i = 0; i < row.Cells.Count; i++)
            row.Cells[i].Style.PaintCollapsedBorder(context, new Rect(bounds[i].X, y, bounds[i].Width, h));
        for (int i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            cell.Content.Draw(context, new Rect(bounds[i].X, y, bounds[i].Width, h).Deflate(cell.Style.CollapsedInset));
            if (resetAfter) cell.Content.Reset();
        }
        return h;
    }

    public override void Reset()
    {
        _next = 0;
        foreach (var c in Header.Concat(Body).SelectMany(r => r.Cells)) c.Content.Reset();
    }
}
