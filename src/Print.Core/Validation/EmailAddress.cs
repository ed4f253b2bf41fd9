using System.Text.RegularExpressions;
using Print.Core.Text;

namespace Print.Core.Validation;

/// <summary>
/// The shape of an e-mail address: one @, something before it, a dotted domain after it, no spaces. Whether
/// the mailbox exists only a sent message can tell.
/// </summary>
public static partial class EmailAddress
{
    public static Validated<string> Check(string text)
    {
        var email = HalfWidth.Normalize(text).Trim();
        if (email.Length > 254) return Validated.Fail("an e-mail address has at most 254 characters");
        if (!Shape().IsMatch(email)) return Validated.Fail("not an e-mail address (name@domain.cn)");
        return email;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex Shape();
}
