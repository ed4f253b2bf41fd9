using Print.Core.Customers;

namespace Print.Core.Validation;

/// <summary>Gender as exported: 男/女, M/F, male/female, or the national code 1/2 (GB/T 2261.1).</summary>
public static class GenderText
{
    public static Validated<Gender> Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "男" or "m" or "male" or "1" => Gender.Male,
        "女" or "f" or "female" or "2" => Gender.Female,
        "" or "未知" or "0" or "9" => Gender.Unknown,
        _ => Validated.Fail("not a gender (男 or 女)"),
    };
}
