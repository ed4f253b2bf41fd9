using System.Text.RegularExpressions;
using Print.Core.Text;

namespace Print.Core.Validation;

/// <summary>Mainland Chinese mobile numbers: 11 digits starting 13–19.</summary>
public static partial class MobileNumber
{
    /// <summary>
    /// The number as 11 plain digits. Tolerates what people and spreadsheets add: +86 / 0086 / 86 in front,
    /// spaces, dashes, parentheses and full-width digits.
    /// </summary>
    public static Validated<string> Normalize(string text)
    {
        var digits = Separators().Replace(HalfWidth.Normalize(text).Trim(), "");
        if (digits.StartsWith('+')) digits = digits[1..];
        if (!digits.All(char.IsAsciiDigit)) return Validated.Fail("a mobile number has only digits (and +86, spaces or dashes)");
        if (digits.Length == 15 && digits.StartsWith("0086")) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86")) digits = digits[2..];
        if (digits.Length != 11) return Validated.Fail($"a mobile number has 11 digits, this has {digits.Length}");
        if (digits[0] != '1' || digits[1] < '3') return Validated.Fail("a mobile number starts with 13 to 19");
        return digits;
    }

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();
}
