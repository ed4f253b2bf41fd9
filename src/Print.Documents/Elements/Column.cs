using Print.Documents.Geometry;
using Print.Documents.Layout;

namespace Print.Documents.Elements;

/// <summary>Children stacked top to bottom with optional spacing; the page body is one.</summary>
public sealed class Column(IReadOnlyList<Element> children, double spacing, string name = "column") : Element
{
    private int _index;

    public override string Name { get; } = name;
    public IReadOnlyList<Element> Children { get; } = children;
    public double Spacing { get; } = spacing;

    public override SpacePlan Measure(LayoutContext context, Size available) => Walk(context, available, null);

    public override void Draw(LayoutContext context, Rect area) => Walk(context, new Size(area.Width, area.Height), area);

    /// <summary>Measure and draw share one walk so that they cannot disagree about what fits.</summary>
    private SpacePlan Walk(LayoutContext context, Size available, Rect? drawArea)
    {
        bool atTop = context.AtPageTop;
        double used = 0;
        bool any = false;
        try
        {
            for (int i = _index; i < Children.Count; i++)
            {
                var child = Children[i];
                if (child is Place)
                {
                    // Outside the flow, but the page is no longer empty: a page break after it must break.
                    if (drawArea is not null) { child.Draw(context, default); _index = i + 1; }
                    any = true;
                    continue;
                }
                double gap = any ? Spacing : 0;
                context.AtPageTop = atTop && !any;
                var room = new Size(available.Width, Math.Max(0, available.Height - used - gap));
                var plan = child.Measure(context, room);
                if (plan.Kind == SpaceKind.Wrap)
                    return any ? SpacePlan.Partial(available.Width, used) : SpacePlan.Wrap();
                if (drawArea is { } a)
                {
                    child.Draw(context, new Rect(a.X, a.Y + used + gap, a.Width, plan.Height));
                    if (plan.Kind == SpaceKind.Full) _index = i + 1;
                }
                used += gap + plan.Height;
                any = true;
                if (plan.Kind == SpaceKind.Partial) return SpacePlan.Partial(available.Width, used);
            }
            return SpacePlan.Full(available.Width, used);
        }
        finally
        {
            context.AtPageTop = atTop;
        }
    }

    public override void Reset()
    {
        _index = 0;
        foreach (var c in Children) c.Reset();
    }
}
