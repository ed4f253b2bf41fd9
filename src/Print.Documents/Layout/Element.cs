using Print.Documents.Geometry;

namespace Print.Documents.Layout;

public enum SpaceKind { Wrap, Partial, Full }

/// <summary>
/// The answer to "how much of you fits here?": nothing (wrap to the next page), part of it, or all of it,
/// with the size it takes. Running out of page is a normal answer, not an exception.
/// </summary>
public readonly record struct SpacePlan(SpaceKind Kind, double Width, double Height)
{
    public static SpacePlan Wrap() => new(SpaceKind.Wrap, 0, 0);
    public static SpacePlan Partial(double w, double h) => new(SpaceKind.Partial, w, h);
    public static SpacePlan Full(double w, double h) => new(SpaceKind.Full, w, h);
    public bool Fits => Kind != SpaceKind.Wrap;
}

/// <summary>
/// A layout element. Two phases per page: <see cref="Measure"/> says what fits in the space offered (without
/// side effects); <see cref="Draw"/> then draws exactly that much into the page and remembers where it
/// stopped, so the next page continues from there.
/// </summary>
public abstract class Element
{
    public SourceLocation Source { get; init; } = SourceLocation.Unknown;
    /// <summary>The markup name, for error messages and layout dumps.</summary>
    public abstract string Name { get; }

    public abstract SpacePlan Measure(LayoutContext context, Size available);

    /// <summary>Draws what the last <see cref="Measure"/> with this size promised, at the area's top-left.</summary>
    public abstract void Draw(LayoutContext context, Rect area);

    /// <summary>Forgets progress, for content drawn again on each page (header, footer, repeated table header).</summary>
    public virtual void Reset() { }

    protected LayoutException Error(string message) => new(Source, $"<{Name}>: {message}");
}
