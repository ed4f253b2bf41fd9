using Print.Documents.Fonts;
using Print.Documents.Geometry;
using Print.Documents.Pages;

namespace Print.Documents.Layout;

/// <summary>What elements need while laying out: fonts, the page being filled, where its trim box starts.</summary>
public sealed class LayoutContext(FontRegistry fonts)
{
    public FontRegistry Fonts { get; } = fonts;
    public LaidOutPage Page { get; internal set; } = null!;
    public int PageNumber { get; internal set; }

    /// <summary>Digits reserved for page numbers and counts; layout runs again with more past 99 pages.</summary>
    public int PageNumberDigits { get; internal set; } = 2;

    /// <summary>
    /// True while nothing has been placed above the element being measured on this page. An element that
    /// cannot fit even then must split or fail, or layout would move it forward forever.
    /// </summary>
    public bool AtPageTop { get; set; } = true;

    /// <summary>Text runs of page counts, filled in once the number of pages is known.</summary>
    internal List<(LaidOutPage Page, int Index)> PageCountRuns { get; } = new();

    public void Add(PageItem item) => Page.Items.Add(item);

    /// <summary>Offset of the trim box's top-left in media coordinates (bleed and crop-mark slug).</summary>
    public double OriginX => Page.TrimBox.X;
    public double OriginY => Page.TrimBox.Y;
}
