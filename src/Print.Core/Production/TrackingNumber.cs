using Print.Core.Text;
using Print.Core.Validation;

namespace Print.Core.Production;

/// <summary>
/// A UPU S10 item identifier, the number of a registered piece and of its return-receipt card:
/// two service letters, an 8-digit serial, one check digit and the two-letter country code, e.g.
/// <c>RR473124829CN</c>. The check digit is computed, never stored apart from the serial, so a value of this
/// type is always valid.
/// </summary>
public readonly record struct TrackingNumber
{
    /// <summary>The S10 weights, one per serial digit from the left.</summary>
    private static readonly int[] Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    /// <summary>The largest serial: eight digits.</summary>
    public const int MaxSerial = 99_999_999;

    private TrackingNumber(string prefix, int serial, string country)
    {
        Prefix = prefix;
        Serial = serial;
        Country = country;
    }

    /// <summary>The two service letters (RR… for registered letter post).</summary>
    public string Prefix { get; }

    /// <summary>The 8-digit serial (printed with leading zeros).</summary>
    public int Serial { get; }

    /// <summary>The ISO 3166 country code of the issuing post (CN).</summary>
    public string Country { get; }

    public int CheckDigit => CheckDigitOf(Serial);

    /// <summary>
    /// The S10 check digit of <paramref name="serial"/>: the 8 digits times 8 6 4 2 3 5 9 7, summed;
    /// C = 11 − (sum mod 11); C = 10 gives 0 and C = 11 gives 5. 47312482 → 9.
    /// </summary>
    public static int CheckDigitOf(int serial)
    {
        if (serial is < 0 or > MaxSerial) throw new ArgumentOutOfRangeException(nameof(serial), serial, "an S10 serial has 8 digits");
        int sum = 0;
        for (int i = Weights.Length - 1, rest = serial; i >= 0; i--, rest /= 10) sum += rest % 10 * Weights[i];
        return (11 - sum % 11) switch { 10 => 0, 11 => 5, var c => c };
    }

    /// <summary>The number for <paramref name="serial"/> in a range: prefix and country as two capital letters each.</summary>
    public static TrackingNumber Create(string prefix, int serial, string country)
    {
        if (!IsLetters(prefix)) throw new ArgumentException($"an S10 prefix is two capital letters, not \"{prefix}\"", nameof(prefix));
        if (!IsLetters(country)) throw new ArgumentException($"an S10 country code is two capital letters, not \"{country}\"", nameof(country));
        if (serial is < 0 or > MaxSerial) throw new ArgumentOutOfRangeException(nameof(serial), serial, "an S10 serial has 8 digits");
        return new TrackingNumber(prefix, serial, country);
    }

    /// <summary>
    /// Reads a number as people and post-office files write it: spaces (RR 473 124 829 CN), full-width
    /// characters and lower case are accepted. The reason says what is wrong, e.g. a wrong check digit.
    /// </summary>
    public static Validated<TrackingNumber> Check(string text)
    {
        var s = string.Concat(HalfWidth.Normalize(text).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (s.Length == 0) return Validated.Fail("no tracking number");
        if (s.Length != 13)
            return Validated.Fail($"an S10 tracking number has 13 characters (2 letters, 9 digits, 2 letters, like RR473124829CN), this has {s.Length}");
        if (!IsLetters(s[..2])) return Validated.Fail("an S10 tracking number starts with two letters");
        if (!s[2..11].All(char.IsAsciiDigit)) return Validated.Fail("an S10 tracking number has 9 digits after the two letters (8 serial digits and the check digit)");
        if (!IsLetters(s[11..])) return Validated.Fail("an S10 tracking number ends with the two-letter country code");
        int serial = int.Parse(s[2..10]), given = s[10] - '0', expected = CheckDigitOf(serial);
        if (given != expected)
            return Validated.Fail($"wrong check digit: serial {s[2..10]} has check digit {expected}, not {given} (mistyped number?)");
        return new TrackingNumber(s[..2], serial, s[11..]);
    }

    public static TrackingNumber Parse(string text)
    {
        var result = Check(text);
        return result.IsValid ? result.Value : throw new FormatException($"\"{text}\": {result.Error}");
    }

    public static bool TryParse(string text, out TrackingNumber number)
    {
        var result = Check(text);
        number = result.Value;
        return result.IsValid;
    }

    private static bool IsLetters(string s) => s is { Length: 2 } && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]);

    /// <summary>RR473124829CN, as printed under the barcode and on the return-receipt card.</summary>
    public override string ToString() => Prefix is null ? "" : $"{Prefix}{Serial:D8}{CheckDigit}{Country}";
}
