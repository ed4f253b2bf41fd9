using Print.Core.Production;
using Print.Core.Text;

namespace Print.Core.Tests.Production;

public class TrackingRangeTests
{
    private static TrackingRange Range(int first = 47312480, int last = 47312489, int lowWater = 3) =>
        new("nc-test", "RR", first, last, "CN", lowWater);

    [Fact]
    public void AllocationsNeverRepeatAcrossCalls()
    {
        var range = Range(first: 100, last: 1099, lowWater: 0);
        var seen = new HashSet<TrackingNumber>();
        long next = range.FirstSerial;
        foreach (var count in new[] { 1, 7, 0, 250, 42, 700 })
        {
            var a = range.Allocate(next, count);
            Assert.Equal(count, a.Numbers.Count);
            Assert.Equal(next + count, a.NextSerial);
            foreach (var n in a.Numbers) Assert.True(seen.Add(n), $"{n} handed out twice");
            next = a.NextSerial;
        }
        Assert.Equal(1000, seen.Count);
        Assert.Equal(0, range.Remaining(next));
        Assert.Throws<TrackingRangeExhaustedException>(() => range.Allocate(next, 1));
    }

    [Fact]
    public void NumbersAreConsecutiveWithTheirCheckDigits()
    {
        var a = Range().Allocate(47312481, 2);
        Assert.Equal(["RR473124815CN", "RR473124829CN"], a.Numbers.Select(n => n.ToString()));
        Assert.Equal((47312481, 47312482), a.Serials);
        Assert.Equal("nc-test", a.RangeId);
    }

    [Fact]
    public void WarnsExactlyWhenFewerThanTheLowWaterMarkRemain()
    {
        var range = Range(); // 10 numbers, warn below 3
        var a = range.Allocate(range.FirstSerial, 7); // 3 left: not below 3
        Assert.Equal(3, a.Remaining);
        Assert.Null(a.Warning);
        var b = range.Allocate(a.NextSerial, 1); // 2 left
        Assert.Equal(2, b.Remaining);
        Assert.Equal("tracking range nc-test is running low: 2 numbers left (warning below 3); ask the post office for a new range", b.Warning);
        var c = range.Allocate(b.NextSerial, 2); // the very last ones are still handed out
        Assert.Equal(0, c.Remaining);
        Assert.Contains("0 numbers left", c.Warning);
    }

    [Fact]
    public void ExhaustedExactlyAtTheBoundaryAndAllOrNothing()
    {
        var range = Range(); // 10 numbers
        Assert.Equal(10, range.Allocate(range.FirstSerial, 10).Numbers.Count);

        var e = Assert.Throws<TrackingRangeExhaustedException>(() => range.Allocate(range.FirstSerial + 4, 7));
        Assert.Equal("tracking range nc-test cannot number the batch: 7 numbers needed, only 6 left; add a new range from the post office", e.Message);
        Assert.Equal(("nc-test", 7, 6L), (e.RangeId, e.Requested, e.Remaining));

        e = Assert.Throws<TrackingRangeExhaustedException>(() => range.Allocate(range.LastSerial + 1L, 1));
        Assert.Equal("tracking range nc-test is exhausted: 1 number needed, none left; add a new range from the post office", e.Message);
    }

    [Fact]
    public void TheNextSerialMustLieInTheRange()
    {
        var range = Range();
        Assert.Throws<ArgumentOutOfRangeException>(() => range.Allocate(range.FirstSerial - 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => range.Allocate(range.LastSerial + 2L, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => range.Allocate(range.FirstSerial, -1));
    }

    [Fact]
    public void TheLastSerialOfAllIsUsable()
    {
        var range = new TrackingRange("top", "RZ", 99_999_998, 99_999_999, "CN", 0);
        var a = range.Allocate(99_999_998, 2);
        Assert.Equal(100_000_000, a.NextSerial);
        // nines: 9 · 44 = 396 = 36 · 11, so C = 11 → 5.
        Assert.Equal("RZ999999995CN", a.Numbers[1].ToString());
    }

    private static IReadOnlyList<string> Errors(string json) =>
        Assert.Throws<InvalidFileException>(() => TrackingRanges.Parse(json, "ranges.json")).Errors;

    [Fact]
    public void ARangesFile()
    {
        var ranges = TrackingRanges.Parse("""
            {
              // assigned by the Nanchang post office, 2026
              "description": "registered letters",
              "ranges": [
                { "id": "nc-2026-a", "prefix": "RR", "first": 47300000, "last": 47399999, "country": "CN", "low_water": 5000 },
                { "id": "nc-2026-b", "prefix": "RR", "first": "00100000", "last": "00100999" },
              ]
            }
            """);
        Assert.Equal(2, ranges.All.Count);
        var a = ranges["nc-2026-a"]!;
        Assert.Equal(("RR", 47300000, 47399999, "CN", 5000), (a.Prefix, a.FirstSerial, a.LastSerial, a.Country, a.LowWater));
        var b = ranges["nc-2026-b"]!;
        Assert.Equal((100000, "CN", 100), (b.FirstSerial, b.Country, b.LowWater)); // country CN and 10 % by default
        Assert.Null(ranges["nope"]);

        var next = new Dictionary<string, long> { ["nc-2026-a"] = 47399990 };
        Assert.Same(a, ranges.Usable("RR", 10, next));
        Assert.Same(b, ranges.Usable("RR", 11, next));
        Assert.Null(ranges.Usable("RR", 1001, next));
        Assert.Null(ranges.Usable("RA", 1, next));
    }

    [Fact]
    public void EveryMistakeInARangesFileIsReportedWithItsJsonPath()
    {
        var errors = Errors("""
            {
              "ranges": [
                { "id": "a", "prefix": "R", "first": 1, "last": 10, "colour": "red" },
                { "id": "b", "prefix": "RR", "first": 500, "last": 100 },
                { "id": "c", "prefix": "RR", "first": 123456789, "last": "1000000000", "country": "China" },
                { "id": "d", "prefix": "RR", "first": -1, "last": 1.5, "low_water": -3 },
                { "id": "e", "prefix": "RR", "first": 1, "last": 10, "low_water": 11 },
                { "prefix": "rr", "first": 1, "last": 2 }
              ]
            }
            """);
        Assert.Equal(
        [
            "$.ranges[0].colour: unknown property; expected id, prefix, first, last, country, low_water, description",
            "$.ranges[0].prefix: expected two capital letters such as \"RR\", got \"R\"",
            "$.ranges[1].last: 00000100 is before the first serial 00000500",
            "$.ranges[2].country: expected a two-letter country code in capitals such as \"CN\", got \"China\"",
            "$.ranges[2].first: 123456789 has more than 8 digits; an S10 serial has 8 (the check digit is computed, leave it out)",
            "$.ranges[2].last: 1000000000 has more than 8 digits; an S10 serial has 8 (the check digit is computed, leave it out)",
            "$.ranges[3].first: expected a serial of up to 8 digits (without prefix or check digit), got -1",
            "$.ranges[3].last: expected a serial of up to 8 digits (without prefix or check digit), got 1.5",
            "$.ranges[3].low_water: expected a whole number of numbers, 0 or more, got -3",
            "$.ranges[4].low_water: 11 is more than the 10 numbers of the range, so it would always warn",
            "$.ranges[5].id: missing; expected the range's name, e.g. \"nanchang-2026-rr\"",
            "$.ranges[5].prefix: expected two capital letters such as \"RR\", got \"rr\"",
        ], errors);
    }

    [Fact]
    public void OverlapsWithTheSamePrefixAndCountryAndRepeatedIdsAreErrors()
    {
        var errors = Errors("""
            {
              "ranges": [
                { "id": "a", "prefix": "RR", "first": 1000, "last": 1999 },
                { "id": "b", "prefix": "RR", "first": 1999, "last": 2999 },
                { "id": "c", "prefix": "RA", "first": 1000, "last": 1999 },
                { "id": "d", "prefix": "RR", "first": 1000, "last": 1999, "country": "HK" },
                { "id": "a", "prefix": "RR", "first": 5000, "last": 5999 }
              ]
            }
            """);
        Assert.Equal(
        [
            "$.ranges[1]: overlaps $.ranges[0] (\"a\"): both hold RR serials 00001999–00001999 CN; a number must never be handed out twice",
            "$.ranges[4].id: \"a\" is already the id of $.ranges[0]",
        ], errors);
    }

    [Fact]
    public void StructuralMistakesInARangesFile()
    {
        Assert.Equal(["$.ranges: missing; expected the list of ranges the post office assigned"], Errors("{}"));
        Assert.Equal(["$.ranges: expected a non-empty list of ranges"], Errors("""{ "ranges": [] }"""));
        Assert.Equal(["$.ranges[0]: expected a range object"], Errors("""{ "ranges": [ "RR" ] }"""));
        Assert.Equal(["$: expected an object with \"ranges\""], Errors("[]"));
        Assert.StartsWith("line 1, column", Assert.Single(Errors("""{ "ranges": [ """)));
    }
}
