using Print.Core.Segmentation;
using Print.Core.Text;

namespace Print.Core.Tests.Segmentation;

public class RulesFileTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static IReadOnlyList<string> Errors(string json) =>
        Assert.Throws<InvalidFileException>(() => SegmentRules.Parse(json, "rules.json")).Errors;

    [Fact]
    public void EveryMistakeIsReportedWithItsJsonPath()
    {
        var errors = Errors("""
            {
              "response_window_days": "half a year",
              "rules": [
                { "segment": "vip", "conditions": [ { "field": "premum", "op": ">=", "value": 5000 } ] },
                { "segment": "risk", "conditions": [ { "field": "claims_count", "op": "=>", "value": 3 } ] },
                { "segment": "risk", "conditions": [ { "field": "premium", "op": ">=", "value": "5000" } ], "note": "x" },
                { "segment": "opportunity", "conditions": [] },
                { "segment": "opportunity", "conditions": [ { "field": "car_model", "op": "contains", "value": 3 } ] },
                { "segment": "risk", "conditions": [ { "field": "days_to_expiry", "op": "between", "value": [60, 0] } ] },
                { "segment": "low-value", "conditions": [ { "field": "occupation", "op": ">=", "value": "医生" } ] }
              ]
            }
            """);
        Assert.Equal(
        [
            "$.response_window_days: expected a whole number of days above 0",
            "$.rules[0].segment: unknown segment \"vip\"; expected one of high-value, risk, opportunity, low-value",
            "$.rules[0].conditions[0].field: unknown field \"premum\"; expected one of premium, profit, claims_count, claims_amount, car_model, policy_age_years, days_to_expiry, customer_age, occupation, pieces_sent, responses",
            "$.rules[1].conditions[0].op: unknown operator \"=>\" for claims_count; expected one of <, <=, >, >=, =, !=, between",
            "$.rules[2].note: unknown property; expected segment, name, conditions",
            "$.rules[2].conditions[0].value: premium >= needs a number, got \"5000\"",
            "$.rules[3].conditions: empty; only the last rule may be a catch-all (the rules after it could never match)",
            "$.rules[4].conditions[0].value: car_model contains needs text or a non-empty list of texts, got 3",
            "$.rules[5].conditions[0].value: between needs the smaller number first, got [60, 0]",
            "$.rules[6].conditions[0].op: unknown operator \">=\" for occupation; expected one of in, not_in, contains",
        ], errors);
    }

    [Fact]
    public void StructuralMistakes()
    {
        Assert.Equal(["$.rule: unknown property; expected description, response_window_days, rules", "$.rules: missing; expected the ordered list of rules"],
            Errors("""{ "rule": [] }"""));
        Assert.Equal(["$.rules: expected a non-empty list of rules"], Errors("""{ "rules": [] }"""));
        Assert.Equal(["$.rules[0].segment: missing", "$.rules[0].conditions: missing; use [] for the last, catch-all rule"], Errors("""{ "rules": [ {} ] }"""));
        Assert.Equal(["$.rules[0].conditions[0].value: missing"], Errors("""{ "rules": [ { "segment": "risk", "conditions": [ { "field": "premium", "op": "<" } ] } ] }"""));
        Assert.Equal(["$.rules[0].conditions[0].value: days_to_expiry between needs two numbers [from, to], got 30"],
            Errors("""{ "rules": [ { "segment": "risk", "conditions": [ { "field": "days_to_expiry", "op": "between", "value": 30 } ] } ] }"""));
        Assert.StartsWith("line 1, column", Assert.Single(Errors("""{ "rules": [ """)));
    }

    [Fact]
    public void WithoutACatchAllSomeCustomersStayUnsegmented()
    {
        var rules = SegmentRules.Parse("""{ "rules": [ { "segment": "high-value", "conditions": [ { "field": "premium", "op": ">", "value": 10000 } ] } ] }""");
        var assignment = rules.Evaluate(new SegmentFacts { Today = Today, Premium = 500 });
        Assert.Equal("unsegmented: no rule matched", assignment.Explanation);
    }

    [Fact]
    public void EveryOperatorSaysWhatHeld()
    {
        var rules = SegmentRules.Parse("""
            {
              "response_window_days": 90,
              "rules": [
                { "segment": "risk", "name": "a", "conditions": [
                    { "field": "claims_amount", "op": ">", "value": 10000 },
                    { "field": "policy_age_years", "op": "<", "value": 2 },
                    { "field": "customer_age", "op": "!=", "value": 18 },
                    { "field": "occupation", "op": "not_in", "value": ["学生", "教师"] },
                    { "field": "car_model", "op": "in", "value": "比亚迪 汉" },
                    { "field": "responses", "op": "<=", "value": 0 } ] },
                { "segment": "low-value", "conditions": [] }
              ]
            }
            """);
        var facts = new SegmentFacts
        {
            Today = Today, ClaimsAmount = 12500.5m, PolicyAgeYears = 1, CustomerAge = 26, Occupation = "司机", CarModels = ["比亚迪 汉"],
        };
        Assert.Equal(
            "risk: claims amount ¥12,500.50 > ¥10,000.00 and policy age in years 1 < 2 and age 26 ≠ 18 and occupation 司机 is none of 学生, 教师" +
            " and car model 比亚迪 汉 is one of 比亚迪 汉 and responses in the last 90 days 0 ≤ 0",
            rules.Evaluate(facts).Explanation);

        // Unknown figures never satisfy a condition, not even a negative one.
        Assert.Equal(Segments.LowValue, rules.Evaluate(facts with { CustomerAge = null }).Segment);
        Assert.Equal(Segments.LowValue, rules.Evaluate(facts with { Occupation = "" }).Segment);
    }

    [Fact]
    public void AShippedCopyWithCommentsLoadsAsTheDefault()
    {
        var copy = SegmentRules.Parse(SegmentRules.DefaultJson);
        Assert.Equal(SegmentRules.Default.Rules.Select(r => (r.Segment, r.Name, r.Conditions.Count)), copy.Rules.Select(r => (r.Segment, r.Name, r.Conditions.Count)));
    }
}
