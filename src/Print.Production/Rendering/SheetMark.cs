using Print.Documents.Barcodes;
using Print.Documents.Geometry;
using Print.Documents.Pages;

namespace Print.Production.Rendering;

/// <summary>
/// The folder-inserter's mark: a small Data Matrix on the front of every sheet of a piece, holding the piece id
/// and "sheet n of m" (<c>B20261125-01-00042 1/2</c>). The inserter reads it to gather a piece's sheets and to
/// stop when one is missing. It sits at the bottom left of the trim box, in the margin, on a white quiet zone,
/// away from the envelope window (a template whose window would cover it is refused). Added after layout, so
/// no template has to know about it: this class is the only place that draws it.
/// </summary>
public static class SheetMark
{
    /// <summary>Module size: 0.35 mm, read reliably by inserter cameras and by libdmtx at 300 dpi.</summary>
    public const double ModuleMm = 0.35;
    /// <summary>Distance of the symbol from the left and bottom trim edges.</summary>
    public const double InsetMm = 6;
    /// <summary>Blank paper kept around the symbol (drawn white, so it also reads on a coloured background).</summary>
    public const double QuietZoneMm = 1.2;

    private static readonly PrintColor White = PrintColor.White;
    private static readonly PrintColor Black = PrintColor.Black;

    public static string Text(string pieceId, int sheet, int sheets) => $"{pieceId} {sheet}/{sheets}";

    /// <summary>Where the mark (with its quiet zone) lies on a page with this trim box, for a value of <paramref name="modules"/> modules square.</summary>
    public static Rect Area(Rect trimBox, int modules)
    {
        double size = modules * Length.Mm(ModuleMm), quiet = Length.Mm(QuietZoneMm);
        double x = trimBox.X + Length.Mm(InsetMm), y = trimBox.Bottom - Length.Mm(InsetMm) - size;
        return new Rect(x - quiet, y - quiet, size + 2 * quiet, size + 2 * quiet);
    }

    /// <summary>Adds the mark for sheet <paramref name="sheet"/> of <paramref name="sheets"/> to the page that is the front of that sheet.</summary>
    public static void Stamp(LaidOutPage front, string pieceId, int sheet, int sheets, Rect? envelopeWindow)
    {
        var value = Text(pieceId, sheet, sheets);
        var matrix = BarcodeEncoder.Encode(BarcodeType.DataMatrix, value);
        var area = Area(front.TrimBox, matrix.Columns);
        if (envelopeWindow is { } w && area.X < w.Right && w.X < area.Right && area.Y < w.Bottom && w.Y < area.Bottom)
            throw new InvalidOperationException($"the sheet mark of {value} at {Describe(area)} would show in the envelope window {Describe(w)}");
        double module = Length.Mm(ModuleMm), quiet = Length.Mm(QuietZoneMm);
        front.Items.Add(new FillRect(area, White));
        front.Items.Add(new BarcodeItem(area.X + quiet, area.Y + quiet, module, module, matrix, Black, BarcodeType.DataMatrix, value));
    }


    private static string Describe(Rect r) =>
        FormattableString.Invariant($"x={r.X * 25.4 / 72:0.#}mm y={r.Y * 25.4 / 72:0.#}mm {r.Width * 25.4 / 72:0.#}×{r.Height * 25.4 / 72:0.#}mm");
}
