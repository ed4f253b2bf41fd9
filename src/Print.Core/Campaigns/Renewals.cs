using Print.Core.Customers;

namespace Print.Core.Campaigns;

/// <summary>Whether a policy has already been renewed: then its customer gets no renewal proposal for it.</summary>
public static class Renewals
{
    /// <summary>
    /// The policy that renews <paramref name="policy"/>: another policy of the same customer for the same car
    /// that starts after this one started (the earliest such). The same car is the same plate (ignoring spaces,
    /// the middle dot and case) when both policies have one, otherwise the same car model — a new car is often
    /// insured before it has a plate. Null when there is none.
    /// </summary>
    public static Policy? RenewedBy(Policy policy, IEnumerable<Policy> customersPolicies) =>
        customersPolicies
            .Where(p => p.Number != policy.Number && p.CustomerId == policy.CustomerId && p.Start > policy.Start && SameCar(policy, p))
            .OrderBy(p => p.Start).ThenBy(p => p.Number, StringComparer.Ordinal)
            .FirstOrDefault();

    internal static bool SameCar(Policy a, Policy b)
    {
        string plateA = Plate(a.Plate), plateB = Plate(b.Plate);
        if (plateA.Length > 0 && plateB.Length > 0) return plateA == plateB;
        string modelA = Model(a.CarModel), modelB = Model(b.CarModel);
        return modelA.Length > 0 && modelA == modelB;
    }

    private static string Plate(string plate) =>
        string.Concat(plate.Where(c => !char.IsWhiteSpace(c) && c is not ('·' or '•' or '.' or '-' or '・'))).ToUpperInvariant();

    private static string Model(string model) => string.Concat(model.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
