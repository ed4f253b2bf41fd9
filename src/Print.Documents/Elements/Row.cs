using Print.Documents.Geometry;
using Print.Documents.Layout;

namespace Print.Documents.Elements;

/// <summary>Cells side by side. Cells may continue on the next page together; a finished cell stays finished.</summary>
public sealed class Row(IReadOnlyList<(WidthSpec Width, Element Cell)> cells, double spacing) : Element
{
    private bool[] _done = new bool[cells.Count];

    public override string Name => "row";
    public IReadOnlyList<(WidthSpec Width, Element Cell)> Cells { get; } = cells;

    private double[] Widths(double total) => WidthSpec.Resolve(Cells.Select(c => c.Width).ToList(), total, spacing);

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        if (WidthSpec.Problem(Cells.Select(c => c.Width).ToList(), available.Width, spacing) is { } problem)
            throw Error($"cell widths do not fit the row: {problem}");
        var widths = Widths(available.Width);
        double height = 0;
        bool partial = false;
        for (int i = 0; i < Cells.Count; i++)
        {
            if (_done[i]) continue;
            var plan = Cells[i].Cell.Measure(context, new Size(widths[i], available.Height));
            if (plan.Kind == SpaceKind.Wrap) return SpacePlan.Wrap();
            partial |= plan.Kind == SpaceKind.Partial;
            height = Math.Max(height, plan.Height);
        }
        return partial ? SpacePlan.Partial(available.Width, height) : SpacePlan.Full(available.Width, height);
    }

    public override void Draw(LayoutContext context, Rect area)
    {
        var widths = Widths(area.Width);
        double x = area.X;
        for (int i = 0; i < Cells.Count; i++)
        {
            if (!_done[i])
            {
                var plan = Cells[i].Cell.Measure(context, new Size(widths[i], area.Height));
                Cells[i].Cell.Draw(context, new Rect(x, area.Y, widths[i], area.Height));
                _done[i] = plan.Kind == SpaceKind.Full;
            }
            x += widths[i] + spacing;
        }
    }

    public override void Reset()
    {
        _done = new bool[Cells.Count];
        foreach (var c in Cells) c.Cell.Reset();
    }
}
