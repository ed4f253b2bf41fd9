namespace Print.Core.Text;

/// <summary>
/// Full-width forms typed with a Chinese input method (１３８, －, ＠, the ideographic space) turned into their
/// ASCII forms, so numbers, dates and e-mail addresses validate however they were keyed in.
/// </summary>
public static class HalfWidth
{
    public static string Normalize(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u3000', '\uFF5E')) return text; // the common case allocates nothing
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c switch
                {
                    '\u3000' => ' ',
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    _ => c,
                };
            }
        });
    }
}
