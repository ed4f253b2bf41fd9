using Print.Documents.Geometry;
using Print.Documents.Layout;
using Print.Documents.Pages;

namespace Print.Documents.Elements;

/// <summary>Decoration shared by box, cell and table cells: padding, border, background.</summary>
public sealed record BoxStyle(Edges Padding, double BorderWidth, PrintColor BorderColor, PrintColor? Background)
{
    public static readonly BoxStyle None = new(Edges.Zero, 0, PrintColor.Black, null);
    public Edges Inset => Around(BorderWidth);

    /// <summary>Collapsed borders (tables) lie half inside the cell.</summary>
    public Edges CollapsedInset => Around(BorderWidth / 2);

    private Edges Around(double border) => new(Padding.Top + border, Padding.Right + border, Padding.Bottom + border, Padding.Left + border);

    public void Paint(LayoutContext context, Rect area)
    {
        if (Background is { } bg) context.Add(new FillRect(area, bg));
        if (BorderWidth > 0)
        {
            // The stroke is centred on the path: inset by half so the border stays inside the area.
            double h = BorderWidth / 2;
            context.Add(new StrokeRect(new Rect(area.X + h, area.Y + h, area.Width - BorderWidth, area.Height - BorderWidth), BorderColor, BorderWidth));
        }
    }

    /// <summary>A table cell's background (<see cref="PaintCollapsedBorder"/> follows once the whole row has its backgrounds).</summary>
    public void PaintCollapsedBackground(LayoutContext context, Rect area)
    {
        if (Background is { } bg) context.Add(new FillRect(area, bg));
    }

    /// <summary>
    /// A table cell's border, centred on the cell's edge, so neighbouring cells draw their shared rule on the same
    /// line and every rule has the same thickness (collapsed borders).
    /// </summary>
    public void PaintCollapsedBorder(LayoutContext context, Rect area)
    {
        if (BorderWidth > 0) context.Add(new StrokeRect(area, BorderColor, BorderWidth));
    }
}

public enum HorizontalAlign { Left, Center, Right }

/// <summary>
/// Content with padding, border and background; optionally a fixed width (aligned in the space) and a fixed
/// height, in which the content must fit.
/// </summary>
public sealed class Box(Element content, BoxStyle style, double? width, double? height, HorizontalAlign align, string name = "box") : Element
{
    public override string Name { get; } = name;
    public Element Content { get; } = content;
    public BoxStyle Style { get; } = style;

    private double Width(Size available) => Math.Min(width ?? available.Width, available.Width);

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        double w = Width(available);
        var inset = Style.Inset;
        if (height is { } fixedHeight)
        {
            if (fixedHeight > available.Height + 1e-6) return context.AtPageTop ? throw Error("its height does not fit on the page") : SpacePlan.Wrap();
            var inner = Content.Measure(context, new Size(w - inset.Horizontal, fixedHeight - inset.Vertical));
            if (inner.Kind != SpaceKind.Full)
                throw Error($"content does not fit its fixed height of {Length.ToMm(fixedHeight):0.#}mm");
            return SpacePlan.Full(w, fixedHeight);
        }
        var plan = Content.Measure(context, new Size(w - inset.Horizontal, Math.Max(0, available.Height - inset.Vertical)));
        return plan.Kind == SpaceKind.Wrap ? plan : plan with { Width = w, Height = plan.Height + inset.Vertical };
    }

    public override void Draw(LayoutContext context, Rect area)
    {
        double w = Width(new Size(area.Width, area.Height));
        double x = align switch
        {
            HorizontalAlign.Center => area.X + (area.Width - w) / 2,
            HorizontalAlign.Right => area.Right - w,
            _ => area.X,
        };
        var outer = new Rect(x, area.Y, w, height ?? area.Height);
        Style.Paint(context, outer);
        Content.Draw(context, outer.Deflate(Style.Inset));
    }

    public override void Reset() => Content.Reset();
}
