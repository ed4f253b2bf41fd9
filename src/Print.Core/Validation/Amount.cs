using System.Globalization;
using Print.Core.Text;

namespace Print.Core.Validation;

/// <summary>Yuan amounts as exported: 6200, 6,200.00, ¥6,200.00, 6200元.</summary>
public static class Amount
{
    /// <summary>A non-negative amount with at most two decimals (premiums and claims).</summary>
    public static Validated<decimal> NonNegative(string text)
    {
        var parsed = Parse(text);
        if (parsed.IsValid && parsed.Value < 0) return Validated.Fail("must not be negative");
        return parsed;
    }

    /// <summary>An amount that may be negative (profit: a customer can cost more than they pay).</summary>
    public static Validated<decimal> Parse(string text)
    {
        var s = HalfWidth.Normalize(text).Trim().Replace(",", "").Replace("¥", "").Replace("￥", "").Replace("元", "").Trim();
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return Validated.Fail("not an amount (e.g. 6200 or 6,200.00)");
        if (amount.Scale > 2 && amount != Math.Round(amount, 2)) return Validated.Fail("an amount has at most 2 decimals (fen)");
        return amount;
    }

    /// <summary>A count such as the number of claims: a whole number from 0.</summary>
    public static Validated<int> Count(string text)
    {
        var s = HalfWidth.Normalize(text).Trim();
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            return Validated.Fail("not a whole number from 0");
        return count;
    }

    /// <summary>A margin as 18%, 18 % or 0.18, returned as a fraction (0.18).</summary>
    public static Validated<decimal> Margin(string text)
    {
        var s = HalfWidth.Normalize(text).Trim();
        bool percent = s.EndsWith('%');
        if (percent) s = s[..^1].Trim();
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return Validated.Fail("not a margin (e.g. 18% or 0.18)");
        if (percent) value /= 100;
        // 18 without a percent sign is a typo for 18% or 0.18; no margin exceeds the whole premium.
        if (value > 1) return Validated.Fail("a margin is at most 100% (write 18% or 0.18)");
        return value;
    }
}
