using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Segmentation;
using static Print.Core.Tests.Campaigns.CampaignTestData;

namespace Print.Core.Tests.Campaigns;

/// <summary>The shipped channel matrix applied to customers: flags, preferences, unreachable channels, and the reasons.</summary>
public class ChannelPlanTests
{
    private static readonly Occasion Proposal = Occasion(Triggers.Proposal, "P0001", mailClass: MailClass.RegisteredWithReturnReceipt);
    private static readonly Occasion ThankYou = Occasion(Triggers.ThankYou, "P0001", mailClass: MailClass.Registered);
    private static readonly Occasion Birthday = Occasion(Triggers.Birthday);
    private static readonly Occasion Magazine = Occasion(Triggers.Magazine, "2026-12");

    private static ChannelDecision Decide(Customer customer, Occasion occasion) => Settings.Channels.Decide(customer, occasion);

    [Fact]
    public void HighValueGetsMailWithAPhoneFollowUp()
    {
        var decision = Decide(Customer(), Proposal);
        Assert.Equal(Channel.Mail, decision.Channel);
        Assert.True(decision.PhoneFollowUp);
        Assert.Equal(["plan for high-value/proposal: mail, phone", "mail: chosen (first in the plan for high-value/proposal)",
            "phone follow-up: planned for high-value/proposal"], decision.Reasons);
    }

    [Fact]
    public void LowValueGetsAnSmsFirst()
    {
        var decision = Decide(Customer(Segments.LowValue), Birthday);
        Assert.Equal(Channel.Sms, decision.Channel);
        Assert.False(decision.PhoneFollowUp);
        Assert.Equal(["plan for low-value/birthday: sms, email", "sms: chosen (first in the plan for low-value/birthday)"], decision.Reasons);
        // The renewal proposal still goes by double registered mail.
        Assert.Equal(Channel.Mail, Decide(Customer(Segments.LowValue), Proposal).Channel);
    }

    [Fact]
    public void OpportunityFallsFromMailToSmsWithoutAPostcode()
    {
        var decision = Decide(Customer(Segments.Opportunity, postcode: ""), Birthday);
        Assert.Equal(Channel.Sms, decision.Channel);
        Assert.Equal(["plan for opportunity/birthday: mail, sms", "mail: no postcode", "sms: chosen (second in the plan for opportunity/birthday)"], decision.Reasons);
    }

    [Fact]
    public void ABadAddressFallsToTheNextChannel()
    {
        var customer = Customer(Segments.Risk);
        customer.Addresses.MarkBad("原址查无此人", new DateOnly(2026, 10, 12));
        var decision = Decide(customer, Birthday);
        Assert.Equal(Channel.Sms, decision.Channel);
        Assert.Contains("mail: the address was marked bad on 2026-10-12: 原址查无此人", decision.Reasons);
        Assert.Equal("mail: no street address", Decide(Customer(Segments.Risk, street: ""), Birthday).Reasons[1]);
    }

    [Fact]
    public void ACustomerWhoseContactWasStoppedIsReachedOnNoChannelNotEvenByPhone()
    {
        var contact = new ContactPreferences { PreferredChannel = Channel.Sms }.StoppedFor("收件人已故", new DateOnly(2026, 11, 28));
        var decision = Decide(Customer(Segments.Opportunity, contact: contact), Birthday);
        Assert.Null(decision.Channel);
        Assert.Equal(["plan for opportunity/birthday: mail, sms", "sms: tried first, the customer prefers it",
            "sms: all contact stopped on 2026-11-28: 收件人已故", "mail: all contact stopped on 2026-11-28: 收件人已故",
            "no channel of the plan for opportunity/birthday can reach the customer"], decision.Reasons);
        Assert.Null(Decide(Customer(contact: contact), Proposal).Channel); // no phone follow-up either
        // An import's flags never lift the stop, and a second stop keeps the first reason and day.
        var merged = contact.MergedWith(new ContactPreferences()).StoppedFor("其他", new DateOnly(2026, 12, 1));
        Assert.Equal(new ContactStop("收件人已故", new DateOnly(2026, 11, 28)), merged.Stopped);
        Assert.All(Enum.GetValues<Channel>(), c => Assert.False(merged.Allows(c)));
    }

    [Fact]
    public void EachDoNotFlagIsRespected()
    {
        var noMail = Decide(Customer(contact: new ContactPreferences { DoNotMail = true }), Birthday);
        Assert.Equal(Channel.Sms, noMail.Channel);
        Assert.Contains("mail: the customer asked not to be mailed", noMail.Reasons);

        var noSms = Decide(Customer(Segments.LowValue, contact: new ContactPreferences { DoNotSms = true }), Birthday);
        Assert.Equal(Channel.Email, noSms.Channel);
        Assert.Equal(["plan for low-value/birthday: sms, email", "sms: the customer asked for no SMS", "email: chosen (second in the plan for low-value/birthday)"], noSms.Reasons);

        var noEmail = Decide(Customer(contact: new ContactPreferences { DoNotMail = true, DoNotEmail = true }), Magazine);
        Assert.Null(noEmail.Channel);
        Assert.Equal(["plan for high-value/magazine: mail, email", "mail: the customer asked not to be mailed", "email: the customer asked for no e-mail",
            "no channel of the plan for high-value/magazine can reach the customer"], noEmail.Reasons);

        var noCall = Decide(Customer(postcode: "", contact: new ContactPreferences { DoNotCall = true }), Proposal);
        Assert.Null(noCall.Channel);
        Assert.False(noCall.PhoneFollowUp);
        Assert.Contains("phone: the customer asked not to be called", noCall.Reasons);
    }

    [Fact]
    public void NoMobileOrEMailFallsThrough()
    {
        var decision = Decide(Customer(Segments.LowValue, mobile: ""), Birthday);
        Assert.Equal(Channel.Email, decision.Channel);
        Assert.Contains("sms: no mobile number", decision.Reasons);

        var neither = Decide(Customer(Segments.LowValue, mobile: "", email: ""), Birthday);
        Assert.Null(neither.Channel);
        Assert.Equal(["plan for low-value/birthday: sms, email", "sms: no mobile number", "email: no e-mail address",
            "no channel of the plan for low-value/birthday can reach the customer"], neither.Reasons);

        var noPhone = Decide(Customer(postcode: "", mobile: ""), Proposal);
        Assert.Null(noPhone.Channel);
        Assert.Contains("phone: no phone number", noPhone.Reasons);
    }

    [Fact]
    public void APhoneTaskReplacesTheLetterWhenMailIsImpossible()
    {
        var decision = Decide(Customer(postcode: ""), Proposal);
        Assert.Equal(Channel.Phone, decision.Channel);
        Assert.False(decision.PhoneFollowUp);   // the call is the piece
        Assert.Equal(["plan for high-value/proposal: mail, phone", "mail: no postcode", "phone: chosen (second in the plan for high-value/proposal)"], decision.Reasons);
    }

    [Fact]
    public void DoNotCallSuppressesThePhoneFollowUp()
    {
        var decision = Decide(Customer(contact: new ContactPreferences { DoNotCall = true }), Proposal);
        Assert.Equal(Channel.Mail, decision.Channel);
        Assert.False(decision.PhoneFollowUp);
        Assert.Equal("phone follow-up: not made, the customer asked not to be called", decision.Reasons[^1]);

        var noMobile = Decide(Customer(mobile: ""), Proposal);
        Assert.False(noMobile.PhoneFollowUp);
        Assert.Equal("phone follow-up: not made, no phone number", noMobile.Reasons[^1]);
    }

    [Fact]
    public void ThePreferredChannelGoesFirst()
    {
        var decision = Decide(Customer(contact: new ContactPreferences { PreferredChannel = Channel.Sms }), Birthday);
        Assert.Equal(Channel.Sms, decision.Channel);
        Assert.Equal(["plan for high-value/birthday: mail, sms", "sms: tried first, the customer prefers it", "sms: chosen (second in the plan for high-value/birthday)"], decision.Reasons);

        // A do-not flag beats the preference.
        var blocked = Decide(Customer(contact: new ContactPreferences { PreferredChannel = Channel.Sms, DoNotSms = true }), Birthday);
        Assert.Equal(Channel.Mail, blocked.Channel);
        Assert.Equal(["plan for high-value/birthday: mail, sms", "sms: tried first, the customer prefers it", "sms: the customer asked for no SMS",
            "mail: chosen (first in the plan for high-value/birthday)"], blocked.Reasons);

        // A channel the plan does not use is not added.
        var unused = Decide(Customer(contact: new ContactPreferences { PreferredChannel = Channel.Email }), Birthday);
        Assert.Equal(Channel.Mail, unused.Channel);
        Assert.Contains("the customer prefers email, which the plan for high-value/birthday does not use", unused.Reasons);
    }

    [Fact]
    public void RegisteredPiecesStayOnMailWhileMailIsPossible()
    {
        var prefersEmail = Customer(contact: new ContactPreferences { PreferredChannel = Channel.Email });
        var decision = Decide(prefersEmail, ThankYou);
        Assert.Equal(Channel.Mail, decision.Channel);
        Assert.Equal("the customer prefers email, but a registered piece stays on mail while mail is possible", decision.Reasons[1]);

        // Without a mailable address the preference decides.
        var noPostcode = Customer(postcode: "", contact: new ContactPreferences { PreferredChannel = Channel.Sms });
        Assert.Equal(Channel.Sms, Decide(noPostcode, ThankYou).Channel);

        // And with registered_mail_first off the preference wins.
        var settings = With("\"registered_mail_first\": true", "\"registered_mail_first\": false");
        Assert.Equal(Channel.Email, settings.Channels.Decide(prefersEmail, ThankYou).Channel);
    }

    [Fact]
    public void UnsegmentedCustomersUseTheirOwnRowOrLowValues()
    {
        var decision = Decide(Customer(Segments.Unsegmented), Birthday);
        Assert.Equal(Channel.Sms, decision.Channel);
        Assert.Equal("plan for unsegmented/birthday: sms, email", decision.Reasons[0]);

        var json = CampaignSettings.DefaultJson;
        int start = json.IndexOf(",\n      \"unsegmented\"", StringComparison.Ordinal), end = json.IndexOf("\n    }\n  },", start, StringComparison.Ordinal);
        var withoutRow = CampaignSettings.Parse(json.Remove(start, end - start), "campaign.json");
        var fallback = withoutRow.Channels.Decide(Customer(Segments.Unsegmented), Birthday);
        Assert.Equal(Channel.Sms, fallback.Channel);
        Assert.Equal(["unsegmented: no row of its own, using low-value's", "plan for low-value/birthday: sms, email", "sms: chosen (first in the plan for low-value/birthday)"], fallback.Reasons);
    }

    [Fact]
    public void AnEmptyPlanSendsNothing()
    {
        var settings = With("\"magazine\":   [\"email\"],\n        \"phone_follow_up\": []\n      },\n      \"unsegmented\"",
            "\"magazine\":   [],\n        \"phone_follow_up\": []\n      },\n      \"unsegmented\"");
        var decision = settings.Channels.Decide(Customer(Segments.LowValue), Magazine);
        Assert.Null(decision.Channel);
        Assert.Equal(["no channel is planned for low-value/magazine"], decision.Reasons);
    }
}
