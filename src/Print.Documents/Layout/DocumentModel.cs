using Print.Documents.Elements;
using Print.Documents.Geometry;
using Print.Documents.Pages;

namespace Print.Documents.Layout;

public enum RepeatOn { All, First, Rest }

/// <summary>A header or footer and the pages it appears on.</summary>
public sealed record PageDecoration(Element Content, RepeatOn Pages);

/// <summary>Page geometry and the element tree parsed from one markup file.</summary>
public sealed class DocumentModel
{
    public required Size TrimSize { get; init; }
    public required Edges Margin { get; init; }
    public double Bleed { get; init; }
    public bool CropMarks { get; init; }
    public PrintColor? Background { get; init; }
    public PageDecoration? Header { get; init; }
    public PageDecoration? Footer { get; init; }
    public required Element Body { get; init; }
    public required DocumentInfo Info { get; init; }
    public required SourceLocation Source { get; init; }
}
