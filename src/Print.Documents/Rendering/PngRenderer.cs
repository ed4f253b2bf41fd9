using System.Collections.Concurrent;
using Print.Documents.Geometry;
using Print.Documents.Pages;
using SkiaSharp;

namespace Print.Documents.Rendering;

/// <summary>
/// Rasterises laid-out pages to PNG for previews and snapshot tests. Glyphs are placed at the positions layout
/// computed, not re-measured, so the preview shows exactly what the PDF prints.
/// </summary>
public static class PngRenderer
{
    private static readonly ConcurrentDictionary<ImageSource, SKImage> Images = new();

    public static byte[] Render(LaidOutPage page, double dpi = 150)
    {
        double scale = dpi / 72.0;
        var info = new SKImageInfo((int)Math.Ceiling(page.Width * scale), (int)Math.Ceiling(page.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)scale);
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var item in page.Items)
        {
            switch (item)
            {
                case TextRun t: DrawText(canvas, paint, t); break;
                case FillRect f:
                    Fill(paint, f.Color);
                    canvas.DrawRect(ToSk(f.Rect), paint);
                    break;
                case StrokeRect s:
                    Stroke(paint, s.Color, s.LineWidth);
                    canvas.DrawRect(ToSk(s.Rect), paint);
                    break;
                case LineItem l:
                    Stroke(paint, l.Color, l.LineWidth);
                    using (var dash = l.Dashed ? SKPathEffect.CreateDash(new[] { (float)l.LineWidth * 3, (float)l.LineWidth * 3 }, 0) : null)
                    {
                        paint.PathEffect = dash;
                        canvas.DrawLine((float)l.X1, (float)l.Y1, (float)l.X2, (float)l.Y2, paint);
                        paint.PathEffect = null;
                    }
                    break;
                case ImageItem im:
                    var image = Images.GetOrAdd(im.Image, s => SKImage.FromEncodedData(s.Bytes));
                    canvas.DrawImage(image, ToSk(im.Rect), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
                    break;
                case BarcodeItem b:
                    Fill(paint, b.Color);
                    paint.IsAntialias = false; // modules must stay crisp for the scanner
                    foreach (var (row, col, len) in b.Matrix.DarkRuns)
                        canvas.DrawRect(new SKRect((float)(b.X + col * b.ModuleWidth), (float)(b.Y + row * b.ModuleHeight),
                            (float)(b.X + (col + len) * b.ModuleWidth), (float)(b.Y + (row + 1) * b.ModuleHeight)), paint);
                    paint.IsAntialias = true;
                    break;
            }
        }
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    private static SKRect ToSk(Rect r) => new((float)r.X, (float)r.Y, (float)r.Right, (float)r.Bottom);

    private static SKColor ToSk(PrintColor c)
    {
        var (r, g, b) = c.ToRgb();
        return new SKColor(r, g, b);
    }

    private static void Fill(SKPaint paint, PrintColor c)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = ToSk(c);
    }

    private static void Stroke(SKPaint paint, PrintColor c, double width)
    {
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = (float)width;
        paint.Color = ToSk(c);
    }

    private static void DrawText(SKCanvas canvas, SKPaint paint, TextRun t)
    {
        if (t.Text.Length == 0) return;
        using var font = new SKFont(t.Face.Typeface, (float)t.Size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true, Edging = SKFontEdging.Antialias };
        var glyphs = font.GetGlyphs(t.Text);
        var positions = new SKPoint[glyphs.Length];
        double x = t.X;
        int i = 0;
        foreach (var rune in t.Text.EnumerateRunes())
        {
            positions[i++] = new SKPoint((float)x, (float)t.Baseline);
            x += t.Face.Advance(rune.Value) * t.Size + t.LetterSpacing;
        }
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedRun(font, glyphs.Length);
        glyphs.AsSpan().CopyTo(run.Glyphs);
        positions.AsSpan().CopyTo(run.Positions);
        using var blob = builder.Build();
        Fill(paint, t.Color);
        canvas.DrawText(blob, 0, 0, paint);
    }
}
