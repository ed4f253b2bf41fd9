using Print.Core.Customers;
using Print.Core.Validation;

namespace Print.Core.Tests.Validation;

public class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    // Check characters computed independently (Python) from the GB 11643 weights.
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Gender.Female)] // the standard's own example
    [InlineData("36010219900101123X", "1990-01-01", Gender.Male)]
    [InlineData("360102199001011248", "1990-01-01", Gender.Female)]
    [InlineData("440304198511300022", "1985-11-30", Gender.Female)]
    [InlineData("510108200002290017", "2000-02-29", Gender.Male)]
    [InlineData("320583197810155034", "1978-10-15", Gender.Male)]
    public void ValidNumbersGiveBirthdayAndGender(string number, string birthday, Gender gender)
    {
        var id = ResidentId.Parse(number, Today);
        Assert.True(id.IsValid, id.Error);
        Assert.Equal(DateOnly.Parse(birthday), id.Value.Birthday);
        Assert.Equal(gender, id.Value.Gender);
        Assert.Equal(number[17], ResidentId.CheckCharacter(number.AsSpan(0, 17)));
    }

    [Fact]
    public void ALowerCaseXIsAcceptedAndStoredUpperCase() =>
        Assert.Equal("11010519491231002X", ResidentId.Parse("11010519491231002x", Today).Value.Number);

    [Theory]
    [InlineData("110105194912310021", "the check character is wrong (the first 17 digits give X): a digit is mistyped")]
    [InlineData("11010519491231012X", "the check character is wrong (the first 17 digits give 6): a digit is mistyped")]
    [InlineData("360102199002301239", "the birth date in the ID number is wrong: no such date: month 2 has no day 30")]
    [InlineData("11010519491231002", "an ID number has 18 characters, this has 17")]
    [InlineData("110105491231002", "15-digit first-generation ID numbers are not accepted; the 18-character number is needed")]
    [InlineData("1101051949123100XX", "the first 17 characters of an ID number are digits")]
    [InlineData("11010519491231002Y", "the last character of an ID number is a digit or X")]
    public void InvalidNumbersSayWhy(string number, string reason) => Assert.Equal(reason, ResidentId.Parse(number, Today).Error);

    [Fact]
    public void ABirthDateInTheFutureIsRefused()
    {
        const string first17 = "36010220300101123";
        var number = first17 + ResidentId.CheckCharacter(first17);
        Assert.Equal("the birth date in the ID number is in the future", ResidentId.Parse(number, Today).Error);
    }

    [Fact]
    public void ConflictsWithAGivenBirthdayAndGenderAreNamed()
    {
        var id = ResidentId.Parse("11010519491231002X", Today).Value;
        Assert.Empty(id.ConflictsWith(new DateOnly(1949, 12, 31), Gender.Female));
        Assert.Empty(id.ConflictsWith(null, Gender.Unknown));
        Assert.Equal(
            ["the birthday in the ID number differs from the one given", "the ID number is a woman's, the gender given is male"],
            id.ConflictsWith(new DateOnly(1950, 1, 1), Gender.Male));
    }
}
