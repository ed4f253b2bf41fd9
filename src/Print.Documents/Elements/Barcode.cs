using Print.Documents.Barcodes;
using Print.Documents.Geometry;
using Print.Documents.Layout;
using Print.Documents.Pages;
using Print.Documents.Text;

namespace Print.Documents.Elements;

/// <summary>
/// Code 128, QR or DataMatrix drawn as vector modules with a quiet zone, optionally with the value printed
/// underneath. Size is given either as the whole symbol (width/height or size) or as the module width.
/// </summary>
public sealed class Barcode : Element
{
    private readonly BarcodeMatrix _matrix;
    private readonly double _module, _barHeight, _quiet;
    private readonly Paragraph? _caption;
    private readonly HorizontalAlign _align;
    private readonly PrintColor _color;

    public override string Name => "barcode";
    public BarcodeType Type { get; }
    public string Value { get; }

    public Barcode(BarcodeType type, string value, BarcodeMatrix matrix, double? width, double? height, double? module,
        int? quietModules, bool caption, TextStyle captionStyle, PrintColor color, HorizontalAlign align, SourceLocation source)
    {
        Type = type; Value = value; _matrix = matrix; _align = align; _color = color;
        Source = source;
        bool linear = type == BarcodeType.Code128;
        int quiet = quietModules ?? (linear ? 10 : type == BarcodeType.Qr ? 4 : 1);
        int spanModules = matrix.Columns + 2 * quiet;
        _module = module ?? (width is { } w ? w / spanModules : linear ? Length.Mm(0.33) : (height ?? Length.Mm(20)) / spanModules);
        _quiet = quiet * _module;
        _barHeight = linear ? height ?? Length.Mm(12) : _module * matrix.Rows;
        if (caption)
            _caption = new Paragraph(new[] { Inline.Of(value, captionStyle) }, captionStyle, new ParagraphStyle(TextAlign.Center, 0, 1.2, 0, 0), Name) { Source = source };
    }

    private double SymbolWidth => _matrix.Columns * _module + 2 * _quiet;
    private double SymbolHeight => _barHeight + (Type == BarcodeType.Code128 ? 0 : 2 * _quiet);

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        if (SymbolWidth > available.Width + 1e-6)
            throw Error($"the {Type} symbol for \"{Value}\" is {Length.ToMm(SymbolWidth):0.#}mm wide with its quiet zone, the space is {Length.ToMm(available.Width):0.#}mm; make the modules smaller or the space wider");
        double h = SymbolHeight + (_caption?.Lines(context, SymbolWidth).Sum(l => l.Height) ?? 0);
        if (h <= available.Height + 1e-6) return SpacePlan.Full(SymbolWidth, h);
        return context.AtPageTop ? throw Error("the symbol is taller than the space") : SpacePlan.Wrap();
    }

    public override void Draw(LayoutContext context, Rect area)
    {
        double x = _align switch
        {
            HorizontalAlign.Center => area.X + (area.Width - SymbolWidth) / 2,
            HorizontalAlign.Right => area.Right - SymbolWidth,
            _ => area.X,
        };
        double top = area.Y + (Type == BarcodeType.Code128 ? 0 : _quiet);
        double moduleHeight = Type == BarcodeType.Code128 ? _barHeight : _module;
        context.Add(new BarcodeItem(x + _quiet, top, _module, moduleHeight, _matrix, _color, Type, Value));
        if (_caption is not null)
        {
            _caption.Reset();
            _caption.Draw(context, new Rect(x, area.Y + SymbolHeight, SymbolWidth, area.Height - SymbolHeight));
            _caption.Reset();
        }
    }
}
