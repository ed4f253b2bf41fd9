using Print.Documents.Elements;
using Print.Documents.Fonts;
using Print.Documents.Geometry;
using Print.Documents.Pages;

namespace Print.Documents.Layout;

/// <summary>Fills pages with the body until it is all drawn; header and footer are drawn afresh on each page.</summary>
public static class DocumentLayout
{
    /// <summary>A layout that produces more pages than this has gone wrong; fail rather than fill the disk.</summary>
    public const int MaxPages = 2000;

    private static readonly double MarkLength = Length.Mm(5);
    private static readonly double MarkGap = Length.Mm(3);

    public static LaidOutDocument Layout(DocumentModel model, FontRegistry fonts)
    {
        for (int digits = 2; ; digits++)
        {
            var context = new LayoutContext(fonts) { PageNumberDigits = digits };
            var document = Layout(model, context);
            if (document.Pages.Count < Math.Pow(10, digits)) return document;
        }
    }

    private static LaidOutDocument Layout(DocumentModel model, LayoutContext context)
    {
        var pages = new List<LaidOutPage>();
        double slug = model.CropMarks ? Math.Max(model.Bleed, MarkGap) + MarkLength + Length.Mm(1) : model.Bleed;
        var trim = new Rect(slug, slug, model.TrimSize.Width, model.TrimSize.Height);
        var bleed = new Rect(slug - model.Bleed, slug - model.Bleed, trim.Width + 2 * model.Bleed, trim.Height + 2 * model.Bleed);
        var content = new Rect(trim.X + model.Margin.Left, trim.Y + model.Margin.Top,
            trim.Width - model.Margin.Horizontal, trim.Height - model.Margin.Vertical);
        if (content.Width <= 0 || content.Height <= 0)
            throw new LayoutException(model.Source, "<document>: the margins leave no room on the page");
        model.Body.Reset();

        while (true)
        {
            var page = new LaidOutPage(trim.Width + 2 * slug, trim.Height + 2 * slug, trim, bleed);
            pages.Add(page);
            context.Page = page;
            context.PageNumber = pages.Count;
            if (model.Background is { } bg) page.Items.Add(new FillRect(bleed, bg));

            var body = content;
            if (Applies(model.Header, pages.Count))
            {
                double h = DrawDecoration(context, model.Header!.Content, content, top: true);
                body = body with { Y = body.Y + h, Height = body.Height - h };
            }
            if (Applies(model.Footer, pages.Count))
            {
                double h = DrawDecoration(context, model.Footer!.Content, content, top: false);
                body = body with { Height = body.Height - h };
            }
            if (body.Height <= 0) throw new LayoutException(model.Source, "<document>: header and footer leave no room for the body");

            context.AtPageTop = true;
            var plan = model.Body.Measure(context, new Size(body.Width, body.Height));
            if (plan.Kind == SpaceKind.Wrap)
                throw new LayoutException(model.Source, $"<document>: content on page {pages.Count} does not fit even an empty page");
            int decorationItems = page.Items.Count;
            model.Body.Draw(context, body);
            if (plan.Kind == SpaceKind.Full && page.Items.Count == decorationItems && pages.Count > 1)
            {
                // Only a page break was left: it ended the previous page, so this one is not wanted.
                pages.RemoveAt(pages.Count - 1);
                context.PageCountRuns.RemoveAll(r => r.Page == page);
                break;
            }
            if (model.CropMarks) DrawCropMarks(page, model.Bleed);
            if (plan.Kind == SpaceKind.Full) break;
            if (pages.Count >= MaxPages)
                throw new LayoutException(model.Source, $"<document>: more than {MaxPages} pages; is some content repeating without end?");
        }

        foreach (var (page, index) in context.PageCountRuns)
            page.Items[index] = Paragraph.Number((TextRun)page.Items[index], pages.Count);
        return new LaidOutDocument(model.Info, pages);
    }

    private static bool Applies(PageDecoration? decoration, int page) => decoration is not null && decoration.Pages switch
    {
        RepeatOn.First => page == 1,
        RepeatOn.Rest => page > 1,
        _ => true,
    };

    private static double DrawDecoration(LayoutContext context, Element content, Rect area, bool top)
    {
        context.AtPageTop = false;
        content.Reset();
        var plan = content.Measure(context, new Size(area.Width, area.Height / 2));
        if (plan.Kind != SpaceKind.Full)
            throw new LayoutException(content.Source, $"<{(top ? "header" : "footer")}>: content is taller than half the page");
        double y = top ? area.Y : area.Bottom - plan.Height;
        content.Draw(context, new Rect(area.X, y, area.Width, plan.Height));
        content.Reset();
        return plan.Height;
    }

    /// <summary>Trim marks in registration colour at each corner, starting outside the bleed.</summary>
    private static void DrawCropMarks(LaidOutPage page, double bleed)
    {
        var registration = PrintColor.Cmyk(1, 1, 1, 1);
        var t = page.TrimBox;
        double gap = Math.Max(bleed, MarkGap), lw = 0.25;
        foreach (var x in new[] { t.X, t.Right })
        foreach (var y in new[] { t.Y, t.Bottom })
        {
            double sx = x == t.X ? -1 : 1, sy = y == t.Y ? -1 : 1;
            page.Items.Add(new LineItem(x + sx * gap, y, x + sx * (gap + MarkLength), y, registration, lw, false));
            page.Items.Add(new LineItem(x, y + sy * gap, x, y + sy * (gap + MarkLength), registration, lw, false));
        }
    }
}
