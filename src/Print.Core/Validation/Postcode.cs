using Print.Core.Text;

namespace Print.Core.Validation;

/// <summary>Chinese postcodes (邮政编码): exactly six digits, as the envelope's six boxes take them.</summary>
public static class Postcode
{
    public static Validated<string> Check(string text)
    {
        var code = HalfWidth.Normalize(text).Trim();
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return Validated.Fail("a postcode has exactly 6 digits");
        return code;
    }
}
