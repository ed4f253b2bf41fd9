using Print.Documents.Fonts;
using Print.Documents.Geometry;
using Print.Documents.Pages;

namespace Print.Production.Rendering;

/// <summary>
/// The banner across the top margin of every page of <c>proof.pdf</c> — 样张, the batch, "for sign-off only, do not
/// print" — so that a proof sent to the press by mistake is stopped at the first sheet. In red on white, inside the
/// trim box and above the first line of a letter; scaled down to fit a narrow page. Added after layout, like the
/// <see cref="SheetMark"/>: the print files never carry it and no template has to know about it.
/// </summary>
public static class ProofMark
{
    public const double SizePt = 8;
    /// <summary>From the top trim edge to the banner's baseline.</summary>
    public const double BaselineMm = 6;

    private static readonly PrintColor Red = PrintColor.Cmyk(0, 1, 1, 0);

    public static string Text(string batchId) => $"样张 · 批次 {batchId} · 仅供签样确认，不得印制 · PROOF – NOT FOR PRINTING";

    public static void Stamp(LaidOutPage page, FontRegistry fonts, string batchId)
    {
        var text = Text(batchId);
        var face = fonts.Resolve(fonts.DefaultFamily, 700);
        double perPoint = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            float advance = face.Advance(rune.Value);
            if (advance < 0) throw new InvalidOperationException($"the proof banner's character '{rune}' is not in {face}");
            perPoint += advance;
        }
        var trim = page.TrimBox;
        double size = Math.Min(SizePt, (trim.Width - 2 * Length.Mm(4)) / perPoint), width = perPoint * size;
        double x = trim.X + (trim.Width - width) / 2, baseline = trim.Y + Length.Mm(BaselineMm);
        page.Items.Add(new FillRect(new Rect(x - Length.Mm(1.5), baseline - face.Ascent * size - Length.Mm(1), width + Length.Mm(3), size * 1.2 + Length.Mm(2)), PrintColor.White));
        page.Items.Add(new TextRun(face, size, Red, x, baseline, text, 0, width));
    }

}
