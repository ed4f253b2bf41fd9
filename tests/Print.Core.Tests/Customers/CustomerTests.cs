using System.Text.Json;
using Print.Core.Customers;
using Print.Core.Segmentation;

namespace Print.Core.Tests.Customers;

public class CustomerTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Address Bayi = new() { Province = "江西省", City = "南昌市", District = "东湖区", Street = "八一大道 357 号", Postcode = "330006" };

    private static Customer With(Address? address, ContactPreferences? contact = null)
    {
        var customer = new Customer { Id = "C001", Name = "张三", Contact = contact ?? new() };
        if (address is not null) customer.Addresses.Correct(address, AddressSource.Import, Today);
        return customer;
    }

    [Fact]
    public void MailableNeedsAnAddressWithPostcodeAndStreetAndNoDoNotMail()
    {
        Assert.True(With(Bayi).IsMailable);
        Assert.Equal("no address", With(null).NotMailableReason);
        Assert.Equal("no postcode", With(Bayi with { Postcode = "" }).NotMailableReason);
        Assert.Equal("no street address", With(Bayi with { Street = "" }).NotMailableReason);
        Assert.Equal("the customer asked not to be mailed", With(Bayi, new ContactPreferences { DoNotMail = true }).NotMailableReason);
    }

    [Fact]
    public void AgeCountsWholeYears()
    {
        var customer = new Customer { Id = "C1", Birthday = new DateOnly(1990, 11, 25) };
        Assert.Equal(35, customer.AgeOn(Today));
        Assert.Equal(36, customer.AgeOn(Today.AddDays(1)));
        Assert.Equal(25, Years.Between(new DateOnly(2000, 2, 29), new DateOnly(2025, 3, 1)));
        Assert.Equal(24, Years.Between(new DateOnly(2000, 2, 29), new DateOnly(2025, 2, 28)));
    }

    [Fact]
    public void AnImportKeepsWhatItLeavesEmptyAndNeverLiftsADoNotFlag()
    {
        var stored = With(Bayi, new ContactPreferences { DoNotCall = true });
        stored.Email = "zhangsan@example.com";
        var imported = With(Bayi, new ContactPreferences { DoNotSms = true, PreferredChannel = Channel.Mail });
        imported.Name = "张三丰";

        Assert.True(stored.UpdateFrom(imported, Today));
        Assert.Equal("张三丰", stored.Name);
        Assert.Equal("zhangsan@example.com", stored.Email);
        Assert.Equal(new ContactPreferences { DoNotCall = true, DoNotSms = true, PreferredChannel = Channel.Mail }, stored.Contact);
        Assert.Single(stored.Addresses.Entries);
        Assert.False(stored.UpdateFrom(imported, Today.AddDays(1))); // the same file again changes nothing
    }

    [Fact]
    public void ContactPreferencesAllowWhatIsNotRefused()
    {
        var contact = new ContactPreferences { DoNotMail = true, DoNotCall = true };
        Assert.Equal([Channel.Sms, Channel.Email], Enum.GetValues<Channel>().Where(contact.Allows));
    }

    [Fact]
    public void ACustomerSurvivesAJsonRoundTripWithHistoryAndSegment()
    {
        // What a document store does: public properties out and back in. Nothing may be lost on the way.
        var customer = With(Bayi);
        customer.Birthday = new DateOnly(1990, 1, 1);
        customer.Addresses.MarkBad("拒收", Today);
        customer.Segment = new SegmentAssignment { Segment = Segments.Risk, Rule = "lapsed", Reasons = ["days to expiry -5 between -90 and -1"], On = Today };

        var copy = JsonSerializer.Deserialize<Customer>(JsonSerializer.Serialize(customer))!;

        Assert.Equal(customer.Addresses.Entries, copy.Addresses.Entries);
        Assert.Equal((customer.Birthday, customer.NotMailableReason), (copy.Birthday, copy.NotMailableReason));
        Assert.Equal(customer.Segment.Explanation, copy.Segment!.Explanation);
    }
}
