using Print.Documents.Geometry;

namespace Print.Documents.Text;

public enum TextAlign { Left, Center, Right, Justify }

/// <summary>Character formatting, inherited from the document down to each span.</summary>
public sealed record TextStyle(string Family, int Weight, double Size, PrintColor Color)
{
    public static readonly TextStyle Default = new("Noto Sans SC", 400, 10.5, PrintColor.Black);
}

/// <summary>Paragraph formatting.</summary>
public sealed record ParagraphStyle(TextAlign Align, double Indent, double LineHeight, double SpaceBefore, double SpaceAfter)
{
    public static readonly ParagraphStyle Default = new(TextAlign.Left, 0, 1.5, 0, 0);
}

public enum InlineKind { Text, PageNumber, PageCount, LineBreak }

/// <summary>A piece of paragraph content: text with its style, or a page number or count filled in when known.</summary>
/// <param name="KeepTogether">Non-zero: characters of inlines with the same number are never broken apart
/// (a licence plate "赣A·D6161", a policy number, a phone number).</param>
public sealed record Inline(InlineKind Kind, string Text, TextStyle Style, int KeepTogether = 0)
{
    public static Inline Of(string text, TextStyle style, int keepTogether = 0) => new(InlineKind.Text, text, style, keepTogether);
}
