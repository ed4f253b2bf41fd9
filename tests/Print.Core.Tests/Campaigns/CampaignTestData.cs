using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Segmentation;

namespace Print.Core.Tests.Campaigns;

/// <summary>Customers, policies and settings variants shared by the campaign tests.</summary>
internal static class CampaignTestData
{
    public static CampaignSettings Settings => CampaignSettings.Default;

    public static CampaignCalendar Calendar => CampaignSettings.Default.Calendar;

    /// <summary>The default settings with <paramref name="find"/> replaced by <paramref name="replacement"/> in the shipped file.</summary>
    public static CampaignSettings With(string find, string replacement)
    {
        var json = CampaignSettings.DefaultJson;
        Assert.Contains(find, json);
        return CampaignSettings.Parse(json.Replace(find, replacement), "campaign.json");
    }

    public static Customer Customer(string segment = Segments.HighValue, string mobile = "13907912345", string email = "wang@example.com",
        string postcode = "330006", string street = "八一大道 357 号", ContactPreferences? contact = null, string id = "C0001")
    {
        var customer = new Customer
        {
            Id = id, Name = "王建华", Mobile = mobile, Email = email, Contact = contact ?? new ContactPreferences(),
            Birthday = new DateOnly(1979, 3, 8),
            Segment = segment == Segments.Unsegmented ? null : new SegmentAssignment { Segment = segment, Rule = "test" },
        };
        customer.Addresses.Correct(new Address { Province = "江西省", City = "南昌市", District = "东湖区", Street = street, Postcode = postcode },
            AddressSource.Import, new DateOnly(2026, 1, 1));
        return customer;
    }

    public static Policy Policy(DateOnly start, DateOnly? end = null, string number = "P0001", string plate = "赣A·D6161",
        string car = "丰田凯美瑞 2.5L", string customerId = "C0001") => new()
    {
        Number = number, CustomerId = customerId, Plate = plate, CarModel = car, Start = start,
        End = end ?? start.AddYears(1).AddDays(-1), Premium = 3200m,
    };

    public static Occasion Occasion(string trigger, string key = "2026", string customerId = "C0001", DateOnly? dueOn = null,
        DateOnly? deadline = null, MailClass mailClass = MailClass.Ordinary) => new()
    {
        Trigger = trigger, Key = key, CustomerId = customerId, DueOn = dueOn ?? new DateOnly(2026, 11, 1),
        Deadline = deadline ?? new DateOnly(2026, 12, 31), DeadlineReason = "test", Documents = ["greeting-card"], MailClass = mailClass,
    };

    public static Communication Sent(string trigger, DateOnly sendOn, string key, Channel? channel = Channel.Mail,
        CommunicationStatus status = CommunicationStatus.HandedOff, string customerId = "C0001") => new()
    {
        Occasion = Occasion(trigger, key, customerId), PlannedOn = sendOn, SendOn = sendOn, Segment = Segments.HighValue,
        Channel = channel, Status = status, Reasons = [],
    };
}
