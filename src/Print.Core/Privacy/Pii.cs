using System.Globalization;
using System.Text.RegularExpressions;
using Print.Core.Customers;
using Print.Core.Validation;

namespace Print.Core.Privacy;

/// <summary>
/// Masks personal data for logs, console output and reject files (China's PIPL treats ID numbers, mobiles and
/// addresses as personal information). Masked values still let a person recognise the record: 张*明,
/// 138****5678, 3601**********1234. Characters are counted as text elements, so a rare character outside the
/// BMP (a 生僻字 in a name) is masked as one.
/// </summary>
public static partial class Pii
{
    /// <summary>张三 → 张*, 王小明 → 王*明, 欧阳娜娜 → 欧**娜.</summary>
    public static string MaskName(string name)
    {
        var letters = TextElements(name.Trim());
        return letters.Count switch
        {
            0 => "",
            1 => "*",
            2 => letters[0] + "*",
            _ => letters[0] + new string('*', letters.Count - 2) + letters[^1],
        };
    }

    /// <summary>13812345678 → 138****5678 (normalised first when it is a valid number; otherwise all but the last 4 are hidden).</summary>
    public static string MaskMobile(string mobile)
    {
        var normalized = MobileNumber.Normalize(mobile);
        if (normalized.IsValid) return normalized.Value[..3] + "****" + normalized.Value[7..];
        return KeepEnds(mobile.Trim(), 0, 4);
    }

    /// <summary>360102199001011234 → 3601**********1234: region prefix and last four kept, birth date hidden.</summary>
    public static string MaskIdNumber(string idNumber) => KeepEnds(idNumber.Trim(), 4, 4);

    /// <summary>zhangsan@example.com → z*******@example.com.</summary>
    public static string MaskEmail(string email)
    {
        email = email.Trim();
        int at = email.IndexOf('@');
        if (at <= 0) return KeepEnds(email, 1, 0);
        return email[0] + new string('*', at - 1) + email[at..];
    }

    /// <summary>八一大道 357 号 2 栋 501 室 → 八一****: the road's first two characters stay, house and room are hidden.</summary>
    public static string MaskStreet(string street)
    {
        var letters = TextElements(street.Trim());
        return letters.Count == 0 ? "" : string.Concat(letters.Take(2)) + "****";
    }

    /// <summary>Province, city and district stay (they route mail, not people); the street is masked; the postcode stays.</summary>
    public static string MaskAddress(Address address) =>
        $"{address.Province}{address.City}{address.District}{MaskStreet(address.Street)}" + (address.Postcode.Length > 0 ? $" {address.Postcode}" : "");

    /// <summary>1949-12-31 → 1949-**-**: the year stays (age matters for segments), month and day go.</summary>
    public static string MaskBirthday(string birthday)
    {
        var chars = birthday.Trim().ToCharArray();
        int digits = 0;
        for (int i = 0; i < chars.Length; i++)
            if (char.IsAsciiDigit(chars[i]) && ++digits > 4) chars[i] = '*';
        return new string(chars);
    }

    /// <summary>
    /// A safety net for free text (exception messages, log lines): masks anything shaped like a resident ID
    /// number or a mobile number.
    /// </summary>
    public static string Scrub(string text) =>
        MobileShape().Replace(IdShape().Replace(text, m => MaskIdNumber(m.Value)), m => MaskMobile(m.Value));

    private static string KeepEnds(string value, int head, int tail)
    {
        if (value.Length <= head + tail) return new string('*', value.Length);
        return value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) elements.Add((string)e.Current);
        return elements;
    }

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdShape();

    [GeneratedRegex(@"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")]
    private static partial Regex MobileShape();
}
