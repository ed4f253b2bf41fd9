using Print.Documents.Barcodes;
using Print.Documents.Fonts;
using Print.Documents.Geometry;

namespace Print.Documents.Pages;

/// <summary>Something drawn on a laid-out page, in points from the media box's top-left corner.</summary>
public abstract record PageItem;

/// <summary>
/// Glyphs of one face, size and colour on one baseline. Glyph i sits at X + sum of the advances before it +
/// i × LetterSpacing: the PDF writes this with Tc, the preview adds the same spacing, so both agree.
/// </summary>
public sealed record TextRun(FontFace Face, double Size, PrintColor Color, double X, double Baseline, string Text, double LetterSpacing, double Width) : PageItem;

public sealed record FillRect(Rect Rect, PrintColor Color) : PageItem;

public sealed record StrokeRect(Rect Rect, PrintColor Color, double LineWidth) : PageItem;

public sealed record LineItem(double X1, double Y1, double X2, double Y2, PrintColor Color, double LineWidth, bool Dashed) : PageItem;

public sealed record ImageItem(Rect Rect, ImageSource Image) : PageItem;

/// <summary>Vector barcode: each dark module is a filled rectangle of ModuleWidth × ModuleHeight from Origin.</summary>
public sealed record BarcodeItem(double X, double Y, double ModuleWidth, double ModuleHeight, BarcodeMatrix Matrix, PrintColor Color, BarcodeType Type, string Value) : PageItem
{
    public double Width => Matrix.Columns * ModuleWidth;
    public double Height => Matrix.Rows * ModuleHeight;
}
