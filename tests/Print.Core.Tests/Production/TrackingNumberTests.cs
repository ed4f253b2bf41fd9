using Print.Core.Production;

namespace Print.Core.Tests.Production;

public class TrackingNumberTests
{
    [Fact]
    public void TheDomainExample()
    {
        // 4·8 + 7·6 + 3·4 + 1·2 + 2·3 + 4·5 + 8·9 + 2·7 = 32+42+12+2+6+20+72+14 = 200; 200 mod 11 = 2; 11 − 2 = 9.
        Assert.Equal(9, TrackingNumber.CheckDigitOf(47312482));
        var n = TrackingNumber.Parse("RR473124829CN");
        Assert.Equal(("RR", 47312482, 9, "CN"), (n.Prefix, n.Serial, n.CheckDigit, n.Country));
        Assert.Equal("RR473124829CN", n.ToString());
    }

    [Theory]
    // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 8+12+12+8+15+30+63+56 = 204; 204 mod 11 = 6; 11 − 6 = 5.
    [InlineData(12345678, 5)]
    // 1·8 = 8; 8 mod 11 = 8; 11 − 8 = 3.
    [InlineData(10000000, 3)]
    // 1·7 = 7; 11 − 7 = 4.
    [InlineData(1, 4)]
    // 8·7 = 56; 56 mod 11 = 1; 11 − 1 = 10 → 0.
    [InlineData(8, 0)]
    // 1·9 = 9; 11 − 9 = 2.
    [InlineData(10, 2)]
    // all zeros: sum 0; 0 mod 11 = 0; 11 − 0 = 11 → 5.
    [InlineData(0, 5)]
    // all ones: 8+6+4+2+3+5+9+7 = 44; 44 mod 11 = 0; C = 11 → 5.
    [InlineData(11111111, 5)]
    public void CheckDigitsComputedByHand(int serial, int check)
    {
        Assert.Equal(check, TrackingNumber.CheckDigitOf(serial));
        var text = $"RR{serial:D8}{check}CN";
        Assert.Equal(text, TrackingNumber.Parse(text).ToString());
        Assert.Equal(text, TrackingNumber.Create("RR", serial, "CN").ToString());
    }

    [Fact]
    public void TheTenAndElevenCasesPrintAsZeroAndFive()
    {
        Assert.Equal("RR000000080CN", TrackingNumber.Create("RR", 8, "CN").ToString());
        Assert.Equal("RA000000005CN", TrackingNumber.Create("RA", 0, "CN").ToString());
    }

    [Fact]
    public void WrittenAsPeopleWriteIt()
    {
        var expected = TrackingNumber.Parse("RR473124829CN");
        Assert.Equal(expected, TrackingNumber.Parse(" rr 473 124 829 cn "));
        Assert.Equal(expected, TrackingNumber.Parse("ＲＲ４７３１２４８２９ＣＮ"));
    }

    [Theory]
    [InlineData("RR473124828CN", "wrong check digit: serial 47312482 has check digit 9, not 8 (mistyped number?)")]
    [InlineData("RR47312482CN", "an S10 tracking number has 13 characters (2 letters, 9 digits, 2 letters, like RR473124829CN), this has 12")]
    [InlineData("R1473124829CN", "an S10 tracking number starts with two letters")]
    [InlineData("RR47312482XCN", "an S10 tracking number has 9 digits after the two letters (8 serial digits and the check digit)")]
    [InlineData("RR4731248291N", "an S10 tracking number ends with the two-letter country code")]
    [InlineData("", "no tracking number")]
    public void InvalidNumbersSayWhy(string text, string reason)
    {
        var result = TrackingNumber.Check(text);
        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Error);
        Assert.False(TrackingNumber.TryParse(text, out _));
        Assert.Contains(reason, Assert.Throws<FormatException>(() => TrackingNumber.Parse(text)).Message);
    }

    [Fact]
    public void CreateRefusesWhatIsNotS10()
    {
        Assert.Throws<ArgumentException>(() => TrackingNumber.Create("rr", 1, "CN"));
        Assert.Throws<ArgumentException>(() => TrackingNumber.Create("RR", 1, "CHN"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingNumber.Create("RR", 100_000_000, "CN"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackingNumber.CheckDigitOf(-1));
    }

    [Fact]
    public void EqualNumbersAreEqualValues()
    {
        Assert.Equal(TrackingNumber.Create("RR", 47312482, "CN"), TrackingNumber.Parse("RR473124829CN"));
        Assert.NotEqual(TrackingNumber.Create("RR", 47312482, "CN"), TrackingNumber.Create("RA", 47312482, "CN"));
    }
}
