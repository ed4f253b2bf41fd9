using Print.Documents.Geometry;
using Print.Documents.Layout;
using Print.Documents.Pages;

namespace Print.Documents.Elements;

/// <summary>Vertical white space; at the foot of a page it shrinks to what is left rather than pushing a page.</summary>
public sealed class Spacer(double height) : Element
{
    public override string Name => "spacer";
    public override SpacePlan Measure(LayoutContext context, Size available) => SpacePlan.Full(0, Math.Min(height, available.Height));
    public override void Draw(LayoutContext context, Rect area) { }
}

/// <summary>A horizontal rule.</summary>
public sealed class Rule(double thickness, PrintColor color, double? width, bool dashed) : Element
{
    public override string Name => "line";
    public override SpacePlan Measure(LayoutContext context, Size available) =>
        thickness <= available.Height + 1e-6 ? SpacePlan.Full(available.Width, thickness) : SpacePlan.Wrap();
    public override void Draw(LayoutContext context, Rect area)
    {
        double y = area.Y + thickness / 2;
        context.Add(new LineItem(area.X, y, area.X + Math.Min(width ?? area.Width, area.Width), y, color, thickness, dashed));
    }
}

/// <summary>Ends the page here, unless the page is still empty.</summary>
public sealed class PageBreak : Element
{
    private bool _broken;
    public override string Name => "page-break";
    public override SpacePlan Measure(LayoutContext context, Size available) =>
        _broken || context.AtPageTop ? SpacePlan.Full(0, 0) : SpacePlan.Partial(0, 0);
    public override void Draw(LayoutContext context, Rect area) { if (!context.AtPageTop) _broken = true; }
    public override void Reset() => _broken = false;
}

/// <summary>Moves its content to the next page rather than splitting it, unless it is too big for any page.</summary>
public sealed class KeepTogether(Element content) : Element
{
    public override string Name => "keep-together";
    public Element Content { get; } = content;
    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        var plan = Content.Measure(context, available);
        return plan.Kind == SpaceKind.Partial && !context.AtPageTop ? SpacePlan.Wrap() : plan;
    }
    public override void Draw(LayoutContext context, Rect area) => Content.Draw(context, area);
    public override void Reset() => Content.Reset();
}

/// <summary>
/// Content at a fixed place on the page (from the trim box's top-left), outside the flow: the envelope's
/// address window, a barcode zone. Content that does not fit is an error: an address is never cut off.
/// </summary>
public sealed class Place(Rect box, Element content) : Element
{
    public override string Name => "place";
    public Rect Box { get; } = box;
    public Element Content { get; } = content;

    public override SpacePlan Measure(LayoutContext context, Size available) => SpacePlan.Full(0, 0);

    public override void Draw(LayoutContext context, Rect area)
    {
        var size = new Size(Box.Width, Box.Height);
        bool atTop = context.AtPageTop;
        context.AtPageTop = false;
        try
        {
            var plan = Content.Measure(context, size);
            if (plan.Kind != SpaceKind.Full)
            {
                var needed = Content.Measure(context, new Size(Box.Width, double.MaxValue / 4)).Height;
                Content.Reset();
                throw Error($"content needs {Length.ToMm(needed):0.#}mm but the box is {Length.ToMm(Box.Width):0.#}×{Length.ToMm(Box.Height):0.#}mm (x={Length.ToMm(Box.X):0.#}mm y={Length.ToMm(Box.Y):0.#}mm)");
            }
            Content.Draw(context, new Rect(context.OriginX + Box.X, context.OriginY + Box.Y, Box.Width, Box.Height));
        }
        finally { context.AtPageTop = atTop; }
    }

    public override void Reset() => Content.Reset();
}
