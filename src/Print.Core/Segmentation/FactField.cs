using System.Globalization;
using Print.Core.Text;

namespace Print.Core.Segmentation;

internal enum FactKind { Money, Number, Text }

/// <summary>A figure a rule can name: its key in the rules file, the words reasons use for it, and how to read it from the facts.</summary>
internal sealed record FactField(string Key, string Label, FactKind Kind, Func<SegmentFacts, decimal?>? Number = null, Func<SegmentFacts, IReadOnlyList<string>>? Texts = null)
{
    public string Format(decimal value) =>
        Kind == FactKind.Money ? Yuan.Format(value) : value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The fields of the rules file; <c>{days}</c> in a label becomes the response window.</summary>
    public static IReadOnlyDictionary<string, FactField> All { get; } = new FactField[]
    {
        new("premium", "premium", FactKind.Money, f => f.Premium),
        new("profit", "profit", FactKind.Money, f => f.Profit),
        new("claims_count", "claims", FactKind.Number, f => f.ClaimsCount),
        new("claims_amount", "claims amount", FactKind.Money, f => f.ClaimsAmount),
        new("car_model", "car model", FactKind.Text, Texts: f => f.CarModels),
        new("policy_age_years", "policy age in years", FactKind.Number, f => f.PolicyAgeYears),
        new("days_to_expiry", "days to expiry", FactKind.Number, f => f.DaysToExpiry),
        new("customer_age", "age", FactKind.Number, f => f.CustomerAge),
        new("occupation", "occupation", FactKind.Text, Texts: f => f.Occupation.Length > 0 ? [f.Occupation] : []),
        new("pieces_sent", "pieces sent in the last {days} days", FactKind.Number, f => f.PiecesSent),
        new("responses", "responses in the last {days} days", FactKind.Number, f => f.Responses),
    }.ToDictionary(f => f.Key);
}
