namespace Print.Core.Customers;

/// <summary>One car-insurance policy (保单) of a customer: one car, one year of cover.</summary>
public sealed class Policy
{
    /// <summary>The policy number (保单号); imports upsert by it.</summary>
    public required string Number { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>Licence plate, e.g. 赣A·D6161; empty for a car not yet registered.</summary>
    public string Plate { get; set; } = "";
    public string CarModel { get; set; } = "";
    public DateOnly Start { get; set; }
    /// <summary>The last day of cover.</summary>
    public DateOnly End { get; set; }
    /// <summary>Yuan per policy term.</summary>
    public decimal Premium { get; set; }
    public int ClaimsCount { get; set; }
    public decimal ClaimsAmount { get; set; }
    /// <summary>Yuan the insurer earns on it (may be negative); null when the file gives neither profit nor margin.</summary>
    public decimal? Profit { get; set; }

    /// <summary>Profit as a share of premium (0.18 = 18 %); null when unknown or there is no premium.</summary>
    public decimal? Margin => Profit is { } p && Premium > 0 ? p / Premium : null;

    public bool InForceOn(DateOnly day) => Start <= day && day <= End;

    /// <summary>Days from <paramref name="today"/> to the last day of cover; negative once it has lapsed.</summary>
    public int DaysToExpiry(DateOnly today) => End.DayNumber - today.DayNumber;
}
