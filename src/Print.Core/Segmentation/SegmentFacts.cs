using Print.Core.Customers;

namespace Print.Core.Segmentation;

/// <summary>
/// The figures rules compare, for one customer on one day. Money, claims and car models come from the
/// policies in force that day, or from the latest policy when none is (a lapsed customer is judged by what
/// they last had). Null means unknown, and a condition on an unknown figure does not hold.
/// </summary>
public sealed record SegmentFacts
{
    public DateOnly Today { get; init; }
    public decimal Premium { get; init; }
    public decimal? Profit { get; init; }
    public int ClaimsCount { get; init; }
    public decimal ClaimsAmount { get; init; }
    public IReadOnlyList<string> CarModels { get; init; } = [];
    /// <summary>Whole years since the customer's first policy started.</summary>
    public int? PolicyAgeYears { get; init; }
    /// <summary>Days until the soonest car's cover runs out (negative once lapsed); see <see cref="For"/>.</summary>
    public int? DaysToExpiry { get; init; }
    public int? CustomerAge { get; init; }
    public string Occupation { get; init; } = "";
    public int PiecesSent { get; init; }
    public int Responses { get; init; }

    /// <summary>
    /// A car's cover runs out at the latest end among its policies (by plate, or policy number without one),
    /// so a customer who has already renewed is not "expiring". Cars whose cover ended over a year ago are
    /// taken as sold and ignored.
    /// </summary>
    public static SegmentFacts For(Customer customer, IReadOnlyCollection<Policy> policies, DateOnly today, ResponseHistory responses = default)
    {
        var inForce = policies.Where(p => p.InForceOn(today)).ToList();
        var current = inForce.Count > 0 ? inForce : policies.OrderByDescending(p => p.End).Take(1).ToList();
        var coverEnds = policies.GroupBy(p => p.Plate.Length > 0 ? p.Plate : p.Number).Select(car => car.Max(p => p.End)).ToList();
        var relevant = coverEnds.Where(end => end >= today.AddYears(-1)).ToList();
        DateOnly? expiry = relevant.Count > 0 ? relevant.Min() : coverEnds.Count > 0 ? coverEnds.Max() : null;
        return new SegmentFacts
        {
            Today = today,
            Premium = current.Sum(p => p.Premium),
            Profit = current.Count > 0 && current.All(p => p.Profit is not null) ? current.Sum(p => p.Profit!.Value) : null,
            ClaimsCount = current.Sum(p => p.ClaimsCount),
            ClaimsAmount = current.Sum(p => p.ClaimsAmount),
            CarModels = current.Select(p => p.CarModel).Where(m => m.Length > 0).Distinct().ToList(),
            PolicyAgeYears = policies.Count > 0 ? Math.Max(0, Years.Between(policies.Min(p => p.Start), today)) : null,
            DaysToExpiry = expiry is { } e ? e.DayNumber - today.DayNumber : null,
            CustomerAge = customer.AgeOn(today),
            Occupation = customer.Occupation,
            PiecesSent = responses.PiecesSent,
            Responses = responses.Responses,
        };
    }
}
