using Print.Core.Customers;
using Print.Core.Segmentation;

namespace Print.Core.Tests.Segmentation;

/// <summary>The shipped rules on sample customers, with the exact words a marketer reads.</summary>
public class DefaultRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static Customer Customer(int? age = null, string occupation = "") => new()
    {
        Id = "C001", Name = "张三", Occupation = occupation,
        Birthday = age is { } a ? Today.AddYears(-a).AddDays(-10) : null,
    };

    private static Policy Policy(decimal premium, int claims = 0, decimal? profit = null, int daysToExpiry = 200, string car = "大众朗逸", string plate = "赣A·D6161") => new()
    {
        Number = $"P{premium}{daysToExpiry}", CustomerId = "C001", Plate = plate, CarModel = car,
        Start = Today.AddDays(daysToExpiry).AddYears(-1).AddDays(1), End = Today.AddDays(daysToExpiry),
        Premium = premium, ClaimsCount = claims, Profit = profit,
    };

    private static SegmentAssignment Segment(Customer customer, ResponseHistory history = default, params Policy[] policies) =>
        SegmentRules.Default.Assign(customer, policies, Today, history);

    private static SegmentAssignment Segment(params Policy[] policies) => Segment(Customer(), default, policies);

    [Fact]
    public void TheDefaultRulesLoad()
    {
        var rules = SegmentRules.Default;
        Assert.Equal(180, rules.ResponseWindowDays);
        Assert.Equal(Segments.All, rules.Rules.Select(r => r.Segment).Distinct());
        Assert.True(rules.Rules[^1].IsCatchAll);
        Assert.Contains("\"response_window_days\": 180", SegmentRules.DefaultJson);
    }

    [Fact]
    public void HighValue()
    {
        var customer = Customer();
        var segment = Segment(customer, default, Policy(6200, claims: 0, profit: 1500));
        Assert.Equal("high-value: premium ¥6,200.00 ≥ ¥5,000.00 and claims 0 ≤ 1 and profit ¥1,500.00 ≥ ¥1,000.00", segment.Explanation);
        Assert.Equal("large premium, profitable, few claims", segment.Rule);
        Assert.Equal(Today, segment.On);
        Assert.Same(segment, customer.Segment); // stored with the customer
    }

    [Fact]
    public void UnknownProfitIsNotHighValue() =>
        Assert.Equal(Segments.LowValue, Segment(Policy(8000, claims: 0, profit: null)).Segment);

    [Fact]
    public void RiskAfterManyClaimsBeforeRenewal() =>
        Assert.Equal("risk: days to expiry 45 between 0 and 60 and claims 3 ≥ 3", Segment(Policy(4000, claims: 3, profit: -2000, daysToExpiry: 45)).Explanation);

    [Fact]
    public void RiskWhenSilentToOurMailBeforeRenewal()
    {
        var segment = Segment(Customer(), new ResponseHistory(PiecesSent: 3, Responses: 0), Policy(3000, profit: 200, daysToExpiry: 30));
        Assert.Equal("risk: days to expiry 30 between 0 and 60 and pieces sent in the last 180 days 3 ≥ 2 and responses in the last 180 days 0 = 0", segment.Explanation);
        Assert.Equal("renewal due, silent to our mail", segment.Rule);
    }

    [Fact]
    public void RiskWhenLapsed() =>
        Assert.Equal("risk: days to expiry -20 between -90 and -1", Segment(Policy(3000, profit: 200, daysToExpiry: -20)).Explanation);

    [Fact]
    public void ARenewedCustomerIsNotExpiring()
    {
        var ending = Policy(3000, claims: 3, daysToExpiry: 20);
        var renewal = new Policy
        {
            Number = "P-renewal", CustomerId = "C001", Plate = ending.Plate, Start = ending.End.AddDays(1), End = ending.End.AddYears(1), Premium = 3300,
        };
        var facts = SegmentFacts.For(Customer(), [ending, renewal], Today);
        Assert.Equal(385, facts.DaysToExpiry);
        Assert.Equal(Segments.LowValue, SegmentRules.Default.Evaluate(facts).Segment);
    }

    [Fact]
    public void OpportunityWhenProfitableWithRoomToGrow() =>
        Assert.Equal("opportunity: profit ¥700.00 ≥ ¥500.00 and claims 0 ≤ 1", Segment(Policy(3500, profit: 700)).Explanation);

    [Fact]
    public void OpportunityForAPremiumCarWithModestCover() =>
        Assert.Equal("opportunity: car model 宝马 X1 contains 宝马 and premium ¥4,500.00 < ¥5,000.00",
            Segment(Policy(4500, claims: 2, profit: 300, car: "宝马 X1")).Explanation);

    [Fact]
    public void OpportunityForAnEstablishedProfessional() =>
        Assert.Equal("opportunity: age 40 between 30 and 55 and occupation 医生 is one of 医生, 教师, 律师, 工程师, 公务员, 会计师, 企业管理人员 and claims 0 ≤ 1",
            Segment(Customer(age: 40, occupation: "医生"), default, Policy(2000)).Explanation);

    [Fact]
    public void OpportunityWhenTheyAnswerOurMail() =>
        Assert.Equal("opportunity: responses in the last 180 days 2 ≥ 1",
            Segment(Customer(), new ResponseHistory(4, 2), Policy(1500, claims: 2, profit: 100)).Explanation);

    [Fact]
    public void LowValueCatchesEveryoneElse()
    {
        var segment = Segment(Policy(1200, claims: 2, profit: 50));
        Assert.Equal("low-value: no other rule matched", segment.Explanation);
        Assert.Empty(segment.Reasons);
        Assert.Equal("everyone else", segment.Rule);
    }

    [Fact]
    public void FiguresAddUpOverThePoliciesInForce()
    {
        var facts = SegmentFacts.For(Customer(), [Policy(3000, claims: 1, profit: 600), Policy(3500, claims: 0, profit: 700, plate: "赣A·12345", car: "奥迪 A4L", daysToExpiry: 100)], Today);
        Assert.Equal((6500m, (decimal?)1300m, 1, 100), (facts.Premium, facts.Profit, facts.ClaimsCount, facts.DaysToExpiry));
        Assert.Equal(["大众朗逸", "奥迪 A4L"], facts.CarModels);
        Assert.Equal(Segments.HighValue, SegmentRules.Default.Evaluate(facts).Segment);
    }
}
