using Print.Core.Customers;

namespace Print.Core.Tests.Customers;

public class AddressBookTests
{
    private static readonly DateOnly Jan = new(2026, 1, 10), Mar = new(2026, 3, 5), Jun = new(2026, 6, 20);
    private static readonly Address Bayi = new() { Province = "江西省", City = "南昌市", District = "东湖区", Street = "八一大道 357 号", Postcode = "330006" };
    private static readonly Address Fenghe = new() { Province = "江西省", City = "南昌市", District = "红谷滩区", Street = "丰和中大道 1288 号", Postcode = "330038" };

    private static Customer Customer(Address? address = null)
    {
        var customer = new Customer { Id = "C001", Name = "张三" };
        if (address is not null) customer.Addresses.Correct(address, AddressSource.Import, Jan);
        return customer;
    }

    [Fact]
    public void ACorrectionMakesTheOldAddressHistory()
    {
        var customer = Customer(Bayi);
        Assert.True(customer.Addresses.Correct(Fenghe, AddressSource.CustomerService, Mar, verified: true));

        var current = customer.Addresses.Current!;
        Assert.Equal(Fenghe, current.Address);
        Assert.Equal((AddressSource.CustomerService, AddressStatus.Current, Mar, true), (current.Source, current.Status, current.Since, current.Verified));
        var old = Assert.Single(customer.Addresses.History);
        Assert.Equal((Bayi, AddressStatus.Previous, AddressSource.Import, Jan, (DateOnly?)Mar), (old.Address, old.Status, old.Source, old.Since, old.Until));
        Assert.True(customer.IsMailable);
    }

    [Fact]
    public void MarkingBadStopsMailUntilACorrection()
    {
        var customer = Customer(Bayi);
        Assert.True(customer.Addresses.MarkBad("原址查无此人", Mar));
        Assert.False(customer.Addresses.MarkBad("原址查无此人", Mar.AddDays(3))); // a second return changes nothing

        Assert.False(customer.IsMailable);
        Assert.Equal("the address was marked bad on 2026-03-05: 原址查无此人", customer.NotMailableReason);
        Assert.Equal((AddressStatus.Bad, "原址查无此人", (DateOnly?)Mar), (customer.Addresses.Current!.Status, customer.Addresses.Current.BadReason, customer.Addresses.Current.BadOn));

        customer.Addresses.Correct(Fenghe, AddressSource.PostOffice, Jun);
        Assert.True(customer.IsMailable);
        var bad = Assert.Single(customer.Addresses.History);
        Assert.Equal(AddressStatus.Bad, bad.Status); // replaced, but still known to be bad
        Assert.Equal(Jun, bad.Until);
    }

    [Fact]
    public void AnImportDoesNotBringBackAnAddressTheBookMovedAwayFrom()
    {
        var customer = Customer(Bayi);
        customer.Addresses.MarkBad("迁移新址不明", Mar);
        Assert.False(customer.Addresses.Correct(Bayi, AddressSource.Import, Jun)); // the same stale file again
        Assert.Equal(AddressStatus.Bad, customer.Addresses.Current!.Status);

        customer.Addresses.Correct(Fenghe, AddressSource.CustomerService, Jun);
        Assert.False(customer.Addresses.Correct(Bayi with { Street = "八一大道357号" }, AddressSource.Import, Jun.AddDays(1)));
        Assert.Equal(Fenghe, customer.Addresses.Current!.Address);
        Assert.Equal(2, customer.Addresses.Entries.Count);
    }

    [Fact]
    public void CustomerServiceMayConfirmAnAddressThatWasMarkedBad()
    {
        var customer = Customer(Bayi);
        customer.Addresses.MarkBad("拒收", Mar);
        Assert.True(customer.Addresses.Correct(Bayi, AddressSource.CustomerService, Jun, verified: true));
        Assert.True(customer.IsMailable);
        Assert.Equal([AddressStatus.Current, AddressStatus.Bad], customer.Addresses.Entries.Reverse().Select(e => e.Status));
    }

    [Fact]
    public void TheSameAddressAgainChangesNothingButMayVerifyIt()
    {
        var customer = Customer(Bayi);
        Assert.False(customer.Addresses.Correct(Bayi with { Street = "八一大道357号" }, AddressSource.Import, Mar));
        Assert.True(customer.Addresses.Correct(Bayi, AddressSource.PostOffice, Mar, verified: true));
        Assert.Single(customer.Addresses.Entries);
        Assert.Equal(Mar, customer.Addresses.Current!.VerifiedOn);
    }

    [Fact]
    public void DeliveryVerifiesTheCurrentAddress()
    {
        var customer = Customer(Bayi);
        Assert.True(customer.Addresses.Verify(Mar));
        Assert.False(customer.Addresses.Verify(Jun));
        Assert.Equal((true, (DateOnly?)Mar), (customer.Addresses.Current!.Verified, customer.Addresses.Current.VerifiedOn));
    }

    [Fact]
    public void HistoryIsNewestFirst()
    {
        var customer = Customer(Bayi);
        customer.Addresses.Correct(Fenghe, AddressSource.CustomerService, Mar);
        var third = Fenghe with { Street = "赣江中大道 1 号" };
        customer.Addresses.Correct(third, AddressSource.PostOffice, Jun);
        Assert.Equal([Fenghe, Bayi], customer.Addresses.History.Select(e => e.Address));
    }

    [Fact]
    public void MarkingBadWithoutAnAddressIsAMistake() =>
        Assert.Throws<InvalidOperationException>(() => Customer().Addresses.MarkBad("地址不详", Mar));
}
