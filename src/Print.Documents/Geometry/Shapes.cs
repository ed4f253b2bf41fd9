namespace Print.Documents.Geometry;

public readonly record struct Size(double Width, double Height)
{
    public static readonly Size Zero = new(0, 0);
}

public readonly record struct Rect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public Rect Deflate(Edges e) => new(X + e.Left, Y + e.Top, Math.Max(0, Width - e.Left - e.Right), Math.Max(0, Height - e.Top - e.Bottom));
}

/// <summary>Four sides, CSS order when parsed: top, right, bottom, left.</summary>
public readonly record struct Edges(double Top, double Right, double Bottom, double Left)
{
    public static readonly Edges Zero = new(0, 0, 0, 0);
    public static Edges All(double v) => new(v, v, v, v);
    public double Horizontal => Left + Right;
    public double Vertical => Top + Bottom;
}
