using Print.Documents.Geometry;
using Print.Documents.Layout;
using Print.Documents.Pages;

namespace Print.Documents.Elements;

public enum ImageFit { Contain, Fill }

/// <summary>
/// A PNG or JPEG. Without a width or height it is printed at 300 dpi, narrowed to the space; with one, the
/// other follows the aspect ratio; with both, <c>fit</c> says whether to keep the ratio (contain) or stretch.
/// </summary>
public sealed class ImageElement(ImageSource image, double? width, double? height, ImageFit fit, HorizontalAlign align) : Element
{
    public override string Name => "image";
    public ImageSource Image { get; } = image;

    private Size Frame(double availableWidth)
    {
        double aspect = (double)Image.PixelHeight / Image.PixelWidth;
        double w = width ?? (height is { } h0 ? h0 / aspect : Image.PixelWidth * 72.0 / 300);
        double h = height ?? w * aspect;
        if (w > availableWidth) { h *= availableWidth / w; w = availableWidth; }
        return new Size(w, h);
    }

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        var frame = Frame(available.Width);
        if (frame.Height <= available.Height + 1e-6) return SpacePlan.Full(frame.Width, frame.Height);
        return context.AtPageTop ? throw Error($"{Path.GetFileName(Image.Path)} is taller than the page") : SpacePlan.Wrap();
    }

    public override void Draw(LayoutContext context, Rect area)
    {
        var frame = Frame(area.Width);
        double x = align switch
        {
            HorizontalAlign.Center => area.X + (area.Width - frame.Width) / 2,
            HorizontalAlign.Right => area.Right - frame.Width,
            _ => area.X,
        };
        var rect = new Rect(x, area.Y, frame.Width, frame.Height);
        if (fit == ImageFit.Contain && width is not null && height is not null)
        {
            double scale = Math.Min(frame.Width / Image.PixelWidth, frame.Height / Image.PixelHeight);
            double w = Image.PixelWidth * scale, h = Image.PixelHeight * scale;
            rect = new Rect(x + (frame.Width - w) / 2, area.Y + (frame.Height - h) / 2, w, h);
        }
        context.Add(new ImageItem(rect, Image));
    }
}
