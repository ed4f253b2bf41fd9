using System.Xml;
using System.Xml.Linq;
using Print.Documents.Barcodes;
using Print.Documents.Elements;
using Print.Documents.Fonts;
using Print.Documents.Geometry;
using Print.Documents.Layout;
using Print.Documents.Pages;
using Print.Documents.Text;

namespace Print.Documents.Markup;

/// <summary>
/// Turns layout markup into a <see cref="DocumentModel"/>. Every name, length, colour and file is checked
/// here, so that an error names its file, line and column before anything is laid out or written.
/// </summary>
public sealed class MarkupParser
{
    private readonly string _file;
    private readonly string _baseDirectory;
    private readonly FontRegistry _fonts;
    private int _keepTogetherGroups;

    /// <summary>Formatting inherited from an element by its children.</summary>
    private sealed record Scope(TextStyle Text, TextAlign Align, double LineHeight);

    private MarkupParser(string file, string baseDirectory, FontRegistry fonts)
    {
        _file = file; _baseDirectory = baseDirectory; _fonts = fonts;
    }

    public static DocumentModel ParseFile(string path, FontRegistry fonts) =>
        Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path))!, fonts);

    /// <param name="file">The name used in error messages.</param>
    /// <param name="baseDirectory">Where image paths are looked up.</param>
    public static DocumentModel Parse(string markup, string file, string baseDirectory, FontRegistry fonts)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Parse(markup, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new MarkupException(new SourceLocation(file, e.LineNumber, e.LinePosition), $"markup is not well-formed XML: {StripPosition(e.Message)}");
        }
        return new MarkupParser(file, baseDirectory, fonts).Document(xml.Root!);
    }

    private static string StripPosition(string message)
    {
        int at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at].TrimEnd(',', '.', ' ') : message;
    }

    private AttributeReader Reader(XElement e) => new(e, _file);

    /// <summary>Where a text node's first visible character is (the node itself starts at the preceding whitespace).</summary>
    private SourceLocation TextLocation(XText text)
    {
        var info = (IXmlLineInfo)text;
        var value = text.Value;
        int first = 0;
        while (first < value.Length && char.IsWhiteSpace(value[first])) first++;
        int newlines = value.AsSpan(0, first).Count('\n');
        int column = newlines == 0 ? info.LinePosition + first : first - value.LastIndexOf('\n', first - 1);
        return new SourceLocation(_file, info.LineNumber + newlines, column);
    }

    /// <summary>Content that is drawn whole (a table cell, a fixed box, a header) cannot be broken across pages.</summary>
    private void RejectPageBreaks(XElement container)
    {
        var pageBreak = container.Descendants("page-break").FirstOrDefault();
        if (pageBreak is not null)
            throw Reader(pageBreak).Error($"cannot go inside <{container.Name.LocalName}>: its content is drawn whole on one page");
    }

    private DocumentModel Document(XElement root)
    {
        var a = Reader(root);
        if (root.Name.LocalName != "document") throw a.Error("the root element must be <document>");
        var sizeText = a.String("size") ?? "A4";
        if (!PaperSizes.TryParse(sizeText, out var size))
            throw a.Error($"'{sizeText}' is not a page size (one of {string.Join(", ", PaperSizes.Names)}, or \"W×H mm\")");
        // Named formats are portrait until turned; an explicit "W×H mm" is taken as written unless turned.
        var landscape = a.Choice("orientation", ("portrait", false), ("landscape", true));
        if (landscape is { } turn && turn != (size.Width > size.Height)) size = new Size(size.Height, size.Width);

        var family = a.String("font") ?? TextStyle.Default.Family;
        CheckFamily(a, family);
        double fontSize = a.Length("font-size", TextStyle.Default.Size) ?? TextStyle.Default.Size;
        if (fontSize <= 0) throw a.Error("'font-size' must be larger than 0");
        var scope = new Scope(
            new TextStyle(family, Weight(a) ?? 400, fontSize, a.Color("color") ?? PrintColor.Black),
            a.Choice("align", AlignChoices) ?? TextAlign.Left,
            a.Number("line-height", 0.5, 5) ?? ParagraphStyle.Default.LineHeight);
        var margin = a.Edges("margin", fontSize) ?? Edges.All(Length.Mm(20));
        double bleed = a.Length("bleed", fontSize) ?? 0;
        bool cropMarks = a.Bool("crop-marks") ?? false;
        var background = a.Color("background");
        var info = new DocumentInfo(a.String("title") ?? "", a.String("author") ?? "", a.String("subject") ?? "", "Print");
        a.Done();

        PageDecoration? header = null, footer = null;
        var bodyNodes = new List<XNode>();
        foreach (var node in root.Nodes())
        {
            if (node is XElement e && e.Name.LocalName is "header" or "footer")
            {
                var decoration = Decoration(e, scope);
                if (e.Name.LocalName == "header") header = header is null ? decoration : throw Reader(e).Error("a document has one <header>");
                else footer = footer is null ? decoration : throw Reader(e).Error("a document has one <footer>");
            }
            else bodyNodes.Add(node);
        }
        return new DocumentModel
        {
            TrimSize = size, Margin = margin, Bleed = bleed, CropMarks = cropMarks, Background = background,
            Header = header, Footer = footer, Info = info, Source = a.Location(),
            Body = new Column(Blocks(bodyNodes, scope), 0, "document") { Source = a.Location() },
        };
    }

    private PageDecoration Decoration(XElement e, Scope outer)
    {
        var a = Reader(e);
        var pages = a.Choice("pages", ("all", RepeatOn.All), ("first", RepeatOn.First), ("rest", RepeatOn.Rest)) ?? RepeatOn.All;
        var scope = Inherit(a, outer);
        double spacing = a.Length("spacing", scope.Text.Size) ?? 0;
        a.Done();
        RejectPageBreaks(e);
        return new PageDecoration(new Column(Blocks(e.Nodes(), scope), spacing, e.Name.LocalName) { Source = a.Location() }, pages);
    }

    private static readonly (string, TextAlign)[] AlignChoices =
        { ("left", TextAlign.Left), ("center", TextAlign.Center), ("right", TextAlign.Right), ("justify", TextAlign.Justify) };

    private static readonly (string, HorizontalAlign)[] BlockAlignChoices =
        { ("left", HorizontalAlign.Left), ("center", HorizontalAlign.Center), ("right", HorizontalAlign.Right) };

    private static readonly (string, int)[] WeightChoices = [("normal", 400), ("regular", 400), ("bold", 700),
        ("100", 100), ("200", 200), ("300", 300), ("400", 400), ("500", 500), ("600", 600), ("700", 700), ("800", 800), ("900", 900)];

    private static int? Weight(AttributeReader a) => a.Choice("weight", WeightChoices);

    private void CheckFamily(AttributeReader a, string family)
    {
        if (!_fonts.HasFamily(family))
            throw a.Error($"font '{family}' is not in the font folder (have: {string.Join(", ", _fonts.Families)})");
    }

    /// <summary>Reads the inheritable block attributes: the text ones plus align and line-height.</summary>
    private Scope Inherit(AttributeReader a, Scope outer) => new(
        InheritText(a, outer.Text),
        a.Choice("align", AlignChoices) ?? outer.Align,
        a.Number("line-height", 0.5, 5) ?? outer.LineHeight);

    /// <summary>Reads the character attributes: font, size (or font-size), weight, color.</summary>
    private TextStyle InheritText(AttributeReader a, TextStyle outer)
    {
        var family = a.String("font") ?? outer.Family;
        if (family != outer.Family) CheckFamily(a, family);
        var size = a.Length("size", outer.Size);
        var fontSize = a.Length("font-size", outer.Size);
        if (size is not null && fontSize is not null) throw a.Error("give 'size' or 'font-size', not both");
        if ((size ?? fontSize) is <= 0) throw a.Error($"'{(size is null ? "font-size" : "size")}' must be larger than 0");
        return new TextStyle(family, Weight(a) ?? outer.Weight, size ?? fontSize ?? outer.Size, a.Color("color") ?? outer.Color);
    }

    private static bool IsInline(XNode node) => node switch
    {
        XText => true,
        XElement e => e.Name.LocalName is "span" or "br" or "page-number" or "page-count",
        _ => false,
    };

    /// <summary>Block content; loose text and inline elements between blocks become paragraphs.</summary>
    private List<Element> Blocks(IEnumerable<XNode> nodes, Scope scope)
    {
        var blocks = new List<Element>();
        var loose = new List<XNode>();
        foreach (var node in nodes)
        {
            if (node is XComment or XProcessingInstruction) continue;
            if (IsInline(node)) { loose.Add(node); continue; }
            FlushLoose();
            blocks.Add(Block((XElement)node, scope));
        }
        FlushLoose();
        return blocks;

        void FlushLoose()
        {
            if (loose.All(n => n is XText t && string.IsNullOrWhiteSpace(t.Value))) { loose.Clear(); return; }
            var inlines = new List<Inline>();
            foreach (var n in loose) Inlines(n, scope.Text, inlines);
            var first = loose.First(n => n is not XText t || !string.IsNullOrWhiteSpace(t.Value));
            var info = (IXmlLineInfo)first;
            blocks.Add(new Paragraph(inlines, scope.Text, ParagraphStyle.Default with { Align = scope.Align, LineHeight = scope.LineHeight })
                { Source = first is XText text ? TextLocation(text) : new SourceLocation(_file, info.LineNumber, info.LinePosition) });
            loose.Clear();
        }
    }

    private Element Block(XElement e, Scope scope)
    {
        var a = Reader(e);
        var element = e.Name.LocalName switch
        {
            "p" => ParagraphElement(e, a, scope),
            "column" => ColumnElement(e, a, scope),
            "row" => RowElement(e, a, scope),
            "box" => BoxElement(e, a, scope, "box"),
            "table" => TableElement(e, a, scope),
            "image" => Image(a, scope.Text.Size),
            "barcode" => BarcodeElement(a, scope),
            "place" => PlaceElement(e, a, scope),
            "postcode-boxes" => Postcode(a, scope),
            "page-break" => Done(a, new PageBreak()),
            "keep-together" => KeepTogetherElement(e, a, scope),
            "spacer" => Done(a, new Spacer(a.Length("height", scope.Text.Size) ?? throw a.Error("attribute 'height' is required"))),
            "line" => RuleElement(a, scope),
            "header" or "footer" => throw a.Error("header and footer go directly inside <document>"),
            "cell" => throw a.Error("<cell> goes inside <row>"),
            "tr" or "td" or "th" or "thead" => throw a.Error($"<{e.Name.LocalName}> goes inside <table>"),
            _ => throw a.Error($"unknown element (known: p, span, br, column, row, cell, box, table, thead, tr, td, th, image, barcode, place, postcode-boxes, page-number, page-count, page-break, keep-together, spacer, line, header, footer)"),
        };
        return element;
    }

    private static Element Done(AttributeReader a, Element element)
    {
        a.Done();
        return element;
    }

    private Paragraph ParagraphElement(XElement e, AttributeReader a, Scope outer)
    {
        var scope = Inherit(a, outer);
        var style = new ParagraphStyle(scope.Align,
            a.Length("indent", scope.Text.Size) ?? 0,
            scope.LineHeight,
            a.Length("space-before", scope.Text.Size) ?? 0,
            a.Length("space-after", scope.Text.Size) ?? 0);
        a.Done();
        var inlines = new List<Inline>();
        foreach (var n in e.Nodes()) Inlines(n, scope.Text, inlines);
        return new Paragraph(inlines, scope.Text, style) { Source = a.Location() };
    }

    private void Inlines(XNode node, TextStyle style, List<Inline> into, int keepTogether = 0)
    {
        switch (node)
        {
            case XText t:
                into.Add(Inline.Of(t.Value, style, keepTogether));
                break;
            case XElement e:
                var a = Reader(e);
                switch (e.Name.LocalName)
                {
                    case "span":
                        var spanStyle = InheritText(a, style);
                        if (a.Bool("nowrap") == true && keepTogether == 0) keepTogether = ++_keepTogetherGroups;
                        a.Done();
                        foreach (var n in e.Nodes()) Inlines(n, spanStyle, into, keepTogether);
                        break;
                    case "br":
                        a.Done();
                        into.Add(new Inline(InlineKind.LineBreak, "", style));
                        break;
                    case "page-number" or "page-count":
                        var s = InheritText(a, style);
                        a.Done();
                        into.Add(new Inline(e.Name.LocalName == "page-number" ? InlineKind.PageNumber : InlineKind.PageCount, "", s, keepTogether));
                        break;
                    default:
                        throw a.Error("is not allowed inside a paragraph (inside <p> use text, <span>, <br/>, <page-number/>, <page-count/>)");
                }
                break;
        }
    }

    private Column ColumnElement(XElement e, AttributeReader a, Scope outer)
    {
        var scope = Inherit(a, outer);
        double spacing = a.Length("spacing", scope.Text.Size) ?? 0;
        a.Done();
        return new Column(Blocks(e.Nodes(), scope), spacing) { Source = a.Location() };
    }

    private BoxStyle BoxStyleOf(AttributeReader a, double em, Edges defaultPadding) => new(
        a.Edges("padding", em) ?? defaultPadding,
        a.Length("border", em) ?? 0,
        a.Color("border-color") ?? PrintColor.Black,
        a.Color("background"));

    private Box BoxElement(XElement e, AttributeReader a, Scope outer, string name)
    {
        var scope = Inherit(a, outer);
        var style = BoxStyleOf(a, scope.Text.Size, Edges.Zero);
        var width = name == "box" ? a.Length("width", scope.Text.Size) : null; // a cell's width is its share of the row
        var height = a.Length("height", scope.Text.Size);
        var align = name == "box" ? a.Choice("box-align", BlockAlignChoices) ?? HorizontalAlign.Left : HorizontalAlign.Left;
        double spacing = a.Length("spacing", scope.Text.Size) ?? 0;
        a.Done();
        if (height is not null) RejectPageBreaks(e);
        var content = new Column(Blocks(e.Nodes(), scope), spacing, name) { Source = a.Location() };
        return new Box(content, style, width, height, align, name) { Source = a.Location() };
    }

    private Row RowElement(XElement e, AttributeReader a, Scope outer)
    {
        var scope = Inherit(a, outer);
        double spacing = a.Length("spacing", scope.Text.Size) ?? 0;
        a.Done();
        var cells = new List<(WidthSpec, Element)>();
        foreach (var child in ElementsOnly(e, a))
        {
            var ca = Reader(child);
            if (child.Name.LocalName != "cell") throw ca.Error("only <cell> elements go inside <row>");
            var widthText = ca.String("width") ?? "*";
            if (!WidthSpec.TryParse(widthText, scope.Text.Size, out var width))
                throw ca.Error($"'{widthText}' is not a valid cell width (a length like \"40mm\", a share like \"30%\", or \"*\", \"2*\")");
            var cell = BoxElement(child, ca, scope, "cell");
            cells.Add((width, cell));
        }
        if (cells.Count == 0) throw a.Error("a row needs at least one <cell>");
        return new Row(cells, spacing) { Source = a.Location() };
    }

    /// <summary>Child elements of a container that holds no text of its own.</summary>
    private IEnumerable<XElement> ElementsOnly(XElement e, AttributeReader a)
    {
        foreach (var node in e.Nodes())
        {
            if (node is XText t && !string.IsNullOrWhiteSpace(t.Value))
                throw new MarkupException(TextLocation(t), $"<{a.Name}>: text \"{t.Value.Trim()}\" is not allowed directly here");
            if (node is XElement child) yield return child;
        }
    }

    private Table TableElement(XElement e, AttributeReader a, Scope outer)
    {
        var scope = Inherit(a, outer);
        var columnsText = a.String("columns");
        double border = a.Length("border", scope.Text.Size) ?? Length.Mm(0.2);
        var borderColor = a.Color("border-color") ?? PrintColor.Black;
        var padding = a.Edges("padding", scope.Text.Size) ?? new Edges(Length.Mm(1), Length.Mm(1.5), Length.Mm(1), Length.Mm(1.5));
        a.Done();
        var cellDefaults = new BoxStyle(padding, border, borderColor, null);

        var header = new List<TableRow>();
        var body = new List<TableRow>();
        foreach (var child in ElementsOnly(e, a))
        {
            var ca = Reader(child);
            switch (child.Name.LocalName)
            {
                case "thead":
                    var hs = Inherit(ca, scope);
                    var headerDefaults = cellDefaults with { Background = ca.Color("background") };
                    ca.Done();
                    foreach (var tr in ElementsOnly(child, ca)) header.Add(TableRowElement(tr, hs, headerDefaults, headerRow: true));
                    break;
                case "tr":
                    body.Add(TableRowElement(child, scope, cellDefaults, headerRow: false));
                    break;
                default:
                    throw ca.Error("only <thead> and <tr> go inside <table>");
            }
        }
        var firstRow = header.Concat(body).FirstOrDefault() ?? throw a.Error("a table needs at least one <tr>");
        int count = firstRow.Cells.Sum(c => c.ColumnSpan);
        List<WidthSpec> columns;
        if (columnsText is null) columns = Enumerable.Repeat(new WidthSpec(0, 0, 1), count).ToList();
        else
        {
            columns = new List<WidthSpec>();
            foreach (var part in columnsText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                columns.Add(WidthSpec.TryParse(part, scope.Text.Size, out var w) ? w
                    : throw a.Error($"'{part}' in columns is not a valid width (a length, a share like \"30%\", or \"*\", \"2*\")"));
        }
        foreach (var row in header.Concat(body))
        {
            int span = row.Cells.Sum(c => c.ColumnSpan);
            if (span != columns.Count)
                throw new MarkupException(row.Source, $"<tr>: has {span} columns of cells, the table has {columns.Count}");
        }
        return new Table(columns, header, body) { Source = a.Location() };
    }

    private TableRow TableRowElement(XElement tr, Scope outer, BoxStyle cellDefaults, bool headerRow)
    {
        var a = Reader(tr);
        if (tr.Name.LocalName != "tr") throw a.Error("only <tr> goes here");
        var scope = Inherit(a, outer);
        var rowBackground = a.Color("background");
        a.Done();
        var cells = new List<TableCell>();
        foreach (var td in ElementsOnly(tr, a))
        {
            var ca = Reader(td);
            if (td.Name.LocalName is not ("td" or "th")) throw ca.Error("only <td> and <th> go inside <tr>");
            var cellScope = Inherit(ca, td.Name.LocalName == "th" || headerRow
                ? scope with { Text = scope.Text with { Weight = Math.Max(scope.Text.Weight, 700) } }
                : scope);
            var spanValue = ca.Number("colspan", 1, 100) ?? 1;
            if (spanValue != Math.Floor(spanValue)) throw ca.Error($"colspan must be a whole number, not {spanValue}");
            int span = (int)spanValue;
            var style = cellDefaults with
            {
                Padding = ca.Edges("padding", cellScope.Text.Size) ?? cellDefaults.Padding,
                Background = ca.Color("background") ?? rowBackground ?? cellDefaults.Background,
            };
            ca.Done();
            RejectPageBreaks(td);
            var content = new Column(Blocks(td.Nodes(), cellScope), 0, td.Name.LocalName) { Source = ca.Location() };
            cells.Add(new TableCell(content, span, style, ca.Location()));
        }
        if (cells.Count == 0) throw a.Error("a table row needs at least one <td>");
        return new TableRow(cells, a.Location());
    }

    private Element Image(AttributeReader a, double em)
    {
        var src = a.Required("src");
        var path = Path.GetFullPath(Path.Combine(_baseDirectory, src));
        var width = a.Length("width", em);
        var height = a.Length("height", em);
        var fit = a.Choice("fit", ("contain", ImageFit.Contain), ("fill", ImageFit.Fill)) ?? ImageFit.Contain;
        var align = a.Choice("align", BlockAlignChoices) ?? HorizontalAlign.Left;
        a.Done();
        if (!File.Exists(path)) throw a.Error($"image file '{src}' not found (looked in {_baseDirectory})");
        var image = ImageSource.Load(path) ?? throw a.Error($"'{src}' is not a PNG or JPEG image");
        return new ImageElement(image, width, height, fit, align) { Source = a.Location() };
    }

    private Element BarcodeElement(AttributeReader a, Scope scope)
    {
        var typeText = a.Required("type");
        if (!BarcodeEncoder.TryParseType(typeText, out var type))
            throw a.Error($"'{typeText}' is not a barcode type (code128, qr, datamatrix)");
        var value = a.String("value") ?? throw a.Error("attribute 'value' is required");
        double em = scope.Text.Size;
        var width = a.Length("width", em);
        var height = a.Length("height", em);
        var size = a.Length("size", em);
        var module = a.Length("module", em);
        var quiet = a.Number("quiet-zone", 0, 40);
        if (quiet is { } q && q != Math.Floor(q)) throw a.Error($"quiet-zone is a whole number of modules, not {q}");
        var text = a.Choice("text", ("below", true), ("none", false)) ?? false;
        var textSize = a.Length("text-size", em) ?? Math.Min(em, 9);
        var color = a.Color("color") ?? PrintColor.Black;
        var align = a.Choice("align", BlockAlignChoices) ?? HorizontalAlign.Left;
        var ecc = a.String("error-correction");
        a.Done();
        if (type == BarcodeType.Code128 && size is not null) throw a.Error("a code128 symbol takes 'width' and 'height' (or 'module'), not 'size'");
        if (type != BarcodeType.Qr && ecc is not null) throw a.Error("'error-correction' applies to qr codes only");
        if (module is not null && (width ?? size) is not null) throw a.Error("give either 'module' or the symbol's 'width'/'size', not both");
        if (type != BarcodeType.Code128)
        {
            bool conflicting = size is not null ? (width ?? height) is not null
                : module is not null ? height is not null
                : width is not null && height is not null && Math.Abs(width.Value - height.Value) > 0.01;
            if (conflicting) throw a.Error($"a {typeText} symbol is square: give one of 'size', 'width' or 'module'");
        }
        if (!text && a.String("text-size") is not null) throw a.Error("'text-size' needs text=\"below\"");
        if (type != BarcodeType.Code128 && size is not null) { width = size; height = size; }
        BarcodeMatrix matrix;
        try { matrix = BarcodeEncoder.Encode(type, value, ecc); }
        catch (BarcodeException e) { throw a.Error(e.Message); }
        var captionStyle = scope.Text with { Size = textSize, Weight = 400 };
        return new Barcode(type, value, matrix, width, height, module, quiet is null ? null : (int)quiet, text, captionStyle, color, align, a.Location());
    }

    private Element PlaceElement(XElement e, AttributeReader a, Scope outer)
    {
        var scope = Inherit(a, outer);
        double em = scope.Text.Size;
        var box = new Rect(
            a.Length("x", em, allowNegative: true) ?? throw a.Error("attribute 'x' is required"),
            a.Length("y", em, allowNegative: true) ?? throw a.Error("attribute 'y' is required"),
            a.Length("width", em) ?? throw a.Error("attribute 'width' is required"),
            a.Length("height", em) ?? throw a.Error("attribute 'height' is required"));
        double spacing = a.Length("spacing", em) ?? 0;
        a.Done();
        RejectPageBreaks(e);
        var content = new Column(Blocks(e.Nodes(), scope), spacing, "place") { Source = a.Location() };
        return new Place(box, content) { Source = a.Location() };
    }

    private Element Postcode(AttributeReader a, Scope scope)
    {
        var value = (a.String("value") ?? "").Trim();
        double em = scope.Text.Size;
        var boxWidth = a.Length("box-width", em) ?? Length.Mm(8);
        var boxHeight = a.Length("box-height", em) ?? Length.Mm(10);
        var gap = a.Length("gap", em) ?? Length.Mm(2);
        var lineWidth = a.Length("line-width", em) ?? Length.Mm(0.3);
        var boxColor = a.Color("box-color") ?? PrintColor.Cmyk(0, 1, 1, 0);
        var digitColor = a.Color("color") ?? scope.Text.Color;
        var fontSize = a.Length("size", em) ?? Math.Min(boxHeight * 0.6, 16);
        a.Done();
        if (value.Length != 0 && (value.Length != PostcodeBoxes.Digits || !value.All(char.IsAsciiDigit)))
            throw a.Error($"postcode '{value}' is not six digits");
        var face = _fonts.Chain(scope.Text.Family, scope.Text.Weight).Primary;
        return new PostcodeBoxes(value, boxWidth, boxHeight, gap, lineWidth, boxColor, digitColor, face, fontSize) { Source = a.Location() };
    }

    private Element KeepTogetherElement(XElement e, AttributeReader a, Scope outer)
    {
        var scope = Inherit(a, outer);
        double spacing = a.Length("spacing", scope.Text.Size) ?? 0;
        a.Done();
        return new KeepTogether(new Column(Blocks(e.Nodes(), scope), spacing, "keep-together") { Source = a.Location() }) { Source = a.Location() };
    }

    private Element RuleElement(AttributeReader a, Scope scope)
    {
        double em = scope.Text.Size;
        var rule = new Rule(a.Length("thickness", em) ?? 0.5, a.Color("color") ?? scope.Text.Color, a.Length("width", em), a.Bool("dashed") ?? false)
            { Source = a.Location() };
        a.Done();
        return rule;
    }
}
