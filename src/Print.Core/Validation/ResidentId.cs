using Print.Core.Customers;
using Print.Core.Text;

namespace Print.Core.Validation;

/// <summary>
/// An 18-character resident identity number (GB 11643): 6-digit region, birth date YYYYMMDD, 3-digit sequence
/// whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character.
/// </summary>
public sealed record ResidentId(string Number, DateOnly Birthday, Gender Gender)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character of the first 17 digits: Σ digitᵢ·weightᵢ mod 11 indexes "10X98765432".</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("the check character needs exactly 17 digits", nameof(first17));
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Checks the number (a lower-case x is accepted as X) and reads the birthday and gender out of it.</summary>
    public static Validated<ResidentId> Parse(string text, DateOnly today)
    {
        var number = HalfWidth.Normalize(text).Trim().ToUpperInvariant();
        if (number.Length == 15 && number.All(char.IsAsciiDigit))
            return Validated.Fail("15-digit first-generation ID numbers are not accepted; the 18-character number is needed");
        if (number.Length != 18) return Validated.Fail($"an ID number has 18 characters, this has {number.Length}");
        if (number.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
            return Validated.Fail("the first 17 characters of an ID number are digits");
        if (!char.IsAsciiDigit(number[17]) && number[17] != 'X') return Validated.Fail("the last character of an ID number is a digit or X");

        var birth = DateText.Parse(number.Substring(6, 8));
        if (!birth.IsValid) return Validated.Fail($"the birth date in the ID number is wrong: {birth.Error}");
        if (birth.Value > today) return Validated.Fail("the birth date in the ID number is in the future");

        char expected = CheckCharacter(number.AsSpan(0, 17));
        if (number[17] != expected) return Validated.Fail($"the check character is wrong (the first 17 digits give {expected}): a digit is mistyped");

        var gender = (number[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return new ResidentId(number, birth.Value, gender);
    }

    /// <summary>What disagrees between this number and a birthday or gender given separately.</summary>
    public IEnumerable<string> ConflictsWith(DateOnly? birthday, Gender gender)
    {
        if (birthday is { } b && b != Birthday) yield return "the birthday in the ID number differs from the one given";
        if (gender != Gender.Unknown && gender != Gender)
            yield return $"the ID number is a {(Gender == Gender.Male ? "man's" : "woman's")}, the gender given is {(gender == Gender.Male ? "male" : "female")}";
    }
}
