namespace Print.Documents.Text;

/// <summary>Line-breaking classes for Chinese text (GB/T 15834 punctuation, the Japanese kinsoku tradition).</summary>
public static class Kinsoku
{
    /// <summary>Closing punctuation: never at the start of a line.</summary>
    private const string NoLineStart = "，。、；：？！）》」』”’〉】〕〗〙〛｝］…‥—～·・ー々ゝゞ%‰℃°.,;:?!)]}，．：；？！％";

    /// <summary>Opening punctuation: never at the end of a line.</summary>
    private const string NoLineEnd = "（《「『“‘〈【〔〖〘〚｛［([{¥$£￥＄";

    public static bool CannotStartLine(int cp) => cp < 0x10000 && NoLineStart.Contains((char)cp);
    public static bool CannotEndLine(int cp) => cp < 0x10000 && NoLineEnd.Contains((char)cp);

    /// <summary>Characters between which a line may break without a space: ideographs, kana, CJK punctuation, fullwidth forms.</summary>
    public static bool IsCjk(int cp) =>
        (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
        cp == 0x2014 || cp == 0x2026 || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019;

    public static bool IsSpace(int cp) => cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000;

    /// <summary>May a line break between <paramref name="before"/> and <paramref name="after"/>?</summary>
    public static bool CanBreakBetween(int before, int after)
    {
        if (IsSpace(after)) return false;          // spaces hang at the end of the line they follow
        if (IsSpace(before)) return true;
        if (CannotStartLine(after) || CannotEndLine(before)) return false;
        return IsCjk(before) || IsCjk(after);      // Latin words and numbers stay whole
    }
}
