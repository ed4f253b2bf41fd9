using Print.Documents.Geometry;
using Print.Documents.Layout;
using Print.Documents.Pages;

namespace Print.Documents.Elements;

/// <summary>
/// The six postcode boxes of a Chinese address (GB/T 1416): one digit centred in each box. An empty value
/// prints empty boxes; anything but six digits is refused so a sorting machine never reads a wrong code.
/// </summary>
public sealed class PostcodeBoxes(string value, double boxWidth, double boxHeight, double gap, double lineWidth,
    PrintColor boxColor, PrintColor digitColor, Fonts.FontFace face, double fontSize) : Element
{
    public const int Digits = 6;
    public override string Name => "postcode-boxes";

    private double Width => Digits * boxWidth + (Digits - 1) * gap;

    public override SpacePlan Measure(LayoutContext context, Size available)
    {
        if (Width > available.Width + 1e-6) throw Error($"six boxes need {Length.ToMm(Width):0.#}mm, the space is {Length.ToMm(available.Width):0.#}mm");
        return boxHeight <= available.Height + 1e-6 ? SpacePlan.Full(Width, boxHeight) : SpacePlan.Wrap();
    }

    public override void Draw(LayoutContext context, Rect area)
    {
        for (int i = 0; i < Digits; i++)
        {
            double x = area.X + i * (boxWidth + gap);
            double h = lineWidth / 2;
            context.Add(new StrokeRect(new Rect(x + h, area.Y + h, boxWidth - lineWidth, boxHeight - lineWidth), boxColor, lineWidth));
            if (value.Length == 0) continue;
            var digit = value[i].ToString();
            double w = face.Advance(value[i]) * fontSize;
            // Lining digits are about 0.72 em tall: centre them optically in the box.
            double baseline = area.Y + boxHeight / 2 + 0.36 * fontSize;
            context.Add(new TextRun(face, fontSize, digitColor, x + (boxWidth - w) / 2, baseline, digit, 0, w));
        }
    }
}
