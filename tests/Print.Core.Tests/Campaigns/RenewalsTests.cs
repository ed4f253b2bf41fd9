using Print.Core.Campaigns;
using static Print.Core.Tests.Campaigns.CampaignTestData;

namespace Print.Core.Tests.Campaigns;

public class RenewalsTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);

    [Fact]
    public void ALaterPolicyForTheSamePlateIsTheRenewal()
    {
        var policy = Policy(Start, number: "P1");
        var renewal = Policy(Start.AddYears(1), number: "P2", plate: "赣A D6161");
        var later = Policy(Start.AddYears(2), number: "P3");
        Assert.Same(renewal, Renewals.RenewedBy(policy, [later, policy, renewal]));
        Assert.Null(Renewals.RenewedBy(later, [later, policy, renewal]));
    }

    [Fact]
    public void EarlierPoliciesOtherCarsAndOtherCustomersAreNotRenewals()
    {
        var policy = Policy(Start, number: "P1");
        Assert.Null(Renewals.RenewedBy(policy, [policy]));
        Assert.Null(Renewals.RenewedBy(policy, [Policy(Start.AddYears(-1), number: "P0")]));
        Assert.Null(Renewals.RenewedBy(policy, [Policy(Start, number: "P9")]));
        Assert.Null(Renewals.RenewedBy(policy, [Policy(Start.AddYears(1), number: "P2", plate: "赣A·88888")]));
        Assert.Null(Renewals.RenewedBy(policy, [Policy(Start.AddYears(1), number: "P2", customerId: "C0002")]));
        // The same car model does not matter when both plates are known and differ.
        Assert.Null(Renewals.RenewedBy(policy, [Policy(Start.AddYears(1), number: "P2", plate: "赣B·12345")]));
    }

    [Fact]
    public void WithoutAPlateTheCarModelDecides()
    {
        var newCar = Policy(Start, number: "P1", plate: "", car: "比亚迪 秦PLUS");
        var registered = Policy(Start.AddYears(1), number: "P2", plate: "赣A·F1234", car: "比亚迪秦PLUS");
        Assert.Same(registered, Renewals.RenewedBy(newCar, [registered]));
        Assert.Null(Renewals.RenewedBy(newCar, [Policy(Start.AddYears(1), number: "P3", plate: "", car: "大众朗逸")]));
        Assert.Null(Renewals.RenewedBy(Policy(Start, number: "P1", plate: "", car: ""), [Policy(Start.AddYears(1), number: "P3", plate: "", car: "")]));
    }
}
