using Print.Core.Campaigns;
using Print.Core.Text;

namespace Print.Core.Tests.Campaigns;

/// <summary>The shipped file loads; every mistake in a marketer's copy is reported with its JSON path and the file's name.</summary>
public class SettingsFileTests
{
    private static IReadOnlyList<string> Errors(string json) =>
        Assert.Throws<InvalidFileException>(() => CampaignSettings.Parse(json, "campaign.json")).Errors;

    /// <summary>The errors of the shipped file with <paramref name="find"/> replaced.</summary>
    private static IReadOnlyList<string> ErrorsWith(string find, string replacement)
    {
        Assert.Contains(find, CampaignSettings.DefaultJson);
        return Errors(CampaignSettings.DefaultJson.Replace(find, replacement));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("\"5\"")]
    public void SpreadDaysOutOfRangeNamesThePath(string value)
    {
        var errors = ErrorsWith("\"spread_days\": 5", $"\"spread_days\": {value}");
        Assert.Equal([$"$.triggers.holiday.spread_days: expected a whole number of days from 1 to 30, got {value}"], errors);
    }

    [Fact]
    public void TheShippedSettingsLoad()
    {
        var settings = CampaignSettings.Default;
        Assert.Same(settings, CampaignSettings.Default);
        Assert.Equal(new ThankYouSettings(true, 7, 21), settings.Calendar.ThankYouTiming);
        Assert.Equal(new ProposalSettings(true, 14, 3), settings.Calendar.ProposalTiming);
        Assert.Equal((5, 3), (settings.Calendar.BirthdayTiming.LeadDays, settings.Calendar.BirthdayTiming.PostageDays));
        Assert.Equal(["new-year", "spring-festival", "lantern", "dragon-boat", "mid-autumn", "national-day"], settings.Calendar.HolidayTiming.Holidays.Select(h => h.Id));
        Assert.Equal([true, true, false, true, true, true], settings.Calendar.HolidayTiming.Holidays.Select(h => h.Enabled));
        Assert.Empty(settings.Calendar.InvitationTiming.Events);
        Assert.Equal(5, settings.Calendar.MagazineTiming.DayOfMonth);
        Assert.Equal(["high-value", "risk", "opportunity", "low-value", "unsegmented"], settings.Channels.Rows.Keys);
        Assert.True(settings.Channels.RegisteredMailFirst);
        Assert.Equal(["thank-you", "proposal"], settings.Cap.ExemptTriggers);
        Assert.Equal(["春节假期", "国庆假期"], settings.Quiet.Periods.Select(p => p.Name));
    }

    [Fact]
    public void LoadNamesTheFileInEveryError()
    {
        using var temp = new TempDirectory();
        var path = temp.File("campaign.json");
        File.WriteAllText(path, CampaignSettings.DefaultJson.Replace("\"days_after_start\": 7", "\"days_after_start\": -7"));
        var e = Assert.Throws<InvalidFileException>(() => CampaignSettings.Load(path));
        Assert.Equal(path, e.FileName);
        Assert.Equal(["$.triggers['thank-you'].days_after_start: expected a whole number of days from 0 to 366, got -7"], e.Errors);
        Assert.Equal($"{path}: $.triggers['thank-you'].days_after_start: expected a whole number of days from 0 to 366, got -7", e.Message);

        File.WriteAllText(path, CampaignSettings.DefaultJson);
        Assert.Equal(7, CampaignSettings.Load(path).Calendar.ThankYouTiming.DaysAfterStart);
    }

    [Fact]
    public void StructuralMistakes()
    {
        Assert.Equal(["$: expected an object with \"triggers\", \"channels\", \"frequency_cap\" and \"quiet_periods\""], Errors("[]"));
        Assert.Equal(
        [
            "$.trigers: unknown property; expected description, triggers, channels, frequency_cap, quiet_periods",
            "$.triggers: missing; expected the six triggers",
            "$.channels: missing; expected the channel plan",
            "$.frequency_cap: missing; expected max_pieces, days and exempt_triggers",
            "$.quiet_periods: missing; use [] for none",
        ], Errors("""{ "trigers": {} }"""));
        Assert.StartsWith("line 1, column", Assert.Single(Errors("""{ "triggers": """)));
    }

    [Fact]
    public void TriggerMistakes()
    {
        var json = CampaignSettings.DefaultJson
            .Replace("\"thank-you\": { \"enabled\": true, \"days_after_start\": 7, \"late_days\": 21 }",
                "\"thank-you\": { \"enabled\": \"yes\", \"days_after_start\": 7, \"late_days\": 21.5, \"late_day\": 3 }, \"thankyou\": {}")
            .Replace("\"days_before_end\": 14", "\"days_before_end\": 2")
            .Replace("\"lead_days\": 5, \"postage_days\": 3", "\"lead_days\": 1, \"postage_days\": 3")
            .Replace("\"segments\": [\"high-value\", \"risk\", \"opportunity\", \"low-value\", \"unsegmented\"]\n    },",
                "\"segments\": [\"high-value\", \"vip\", \"high-value\"]\n    },")
            .Replace("\"day_of_month\": 5, \"segments\": [\"high-value\", \"risk\", \"opportunity\"]", "\"day_of_month\": 31, \"segments\": []");
        Assert.Equal(
        [
            "$.triggers.thankyou: unknown trigger; expected one of thank-you, proposal, birthday, holiday, invitation, magazine",
            "$.triggers['thank-you'].late_day: unknown property; expected enabled, days_after_start, late_days",
            "$.triggers['thank-you'].enabled: expected true or false, got \"yes\"",
            "$.triggers['thank-you'].late_days: expected a whole number of days from 0 to 366, got 21.5",
            "$.triggers.proposal.days_before_end: 2 days before the end is later than the last useful hand-off (3 postage days before the end)",
            "$.triggers.birthday.segments[1]: unknown segment \"vip\"; expected one of high-value, risk, opportunity, low-value, unsegmented",
            "$.triggers.birthday.segments[2]: high-value is listed twice",
            "$.triggers.birthday.lead_days: 1 is less than postage_days 3: the piece would be due after the last day it can still arrive in time",
            "$.triggers.magazine.day_of_month: expected a day of the month from 1 to 28 (every month has it), got 31",
            "$.triggers.magazine.segments: empty; list the segments that get it (switch the trigger off with \"enabled\": false)",
        ], Errors(json));
        Assert.Equal(["$.triggers.invitation: missing; expected postage_days and events"],
            ErrorsWith("\"invitation\": { \"enabled\": true, \"postage_days\": 3, \"events\": [] },", ""));
    }

    /// <summary>The shipped file with its holidays replaced by <paramref name="holidays"/> (the object's content).</summary>
    private static string WithHolidays(string holidays)
    {
        var json = CampaignSettings.DefaultJson;
        int start = json.IndexOf("\"holidays\": {", StringComparison.Ordinal) + "\"holidays\": {".Length;
        int end = json.IndexOf("\n      }\n    },\n    \"invitation\"", start, StringComparison.Ordinal);
        return json[..start] + holidays + json[end..];
    }

    [Fact]
    public void HolidayMistakes()
    {
        Assert.Equal(
        [
            "$.triggers.holiday.holidays['mid-autumn'].lunar: a lunar month has days 1 to 30, not 31",
            "$.triggers.holiday.holidays['national-day'].solar: month 10 has no day 32",
            "$.triggers.holiday.holidays.Qixi: a holiday id is lower-case letters, digits and dashes, like spring-festival",
            "$.triggers.holiday.holidays.leap.solar: 29 February is missing three years in four; choose another day",
            "$.triggers.holiday.holidays.both: give exactly one of \"lunar\" (Chinese calendar) or \"solar\" (Gregorian) as \"MM-DD\"",
            "$.triggers.holiday.holidays.neither.date: unknown property; expected name, lunar, solar, enabled, segments",
            "$.triggers.holiday.holidays.neither: give exactly one of \"lunar\" (Chinese calendar) or \"solar\" (Gregorian) as \"MM-DD\"",
            "$.triggers.holiday.holidays.odd.solar: expected \"MM-DD\", like \"10-01\", got \"10/1\"",
            "$.triggers.holiday.holidays.month.lunar: there is no month 13",
            "$.triggers.holiday.holidays.nameless.name: missing",
            "$.triggers.holiday.holidays.nameless.segments: missing; expected a list of segments (high-value, risk, opportunity, low-value, unsegmented)",
            "$.triggers.holiday.holidays['mid-autumn']: duplicate holiday id",
        ], Errors(WithHolidays("""
            "mid-autumn": { "name": "中秋节", "lunar": "08-31", "segments": ["high-value"] },
            "national-day": { "name": "国庆节", "solar": "10-32", "segments": ["high-value"] },
            "Qixi": { "name": "七夕", "lunar": "07-07", "segments": ["high-value"] },
            "leap": { "name": "闰日", "solar": "02-29", "segments": ["high-value"] },
            "both": { "name": "x", "solar": "10-01", "lunar": "08-15", "segments": ["high-value"] },
            "neither": { "name": "x", "date": "10-01", "segments": ["high-value"] },
            "odd": { "name": "x", "solar": "10/1", "segments": ["high-value"] },
            "month": { "name": "x", "lunar": "13-01", "segments": ["high-value"] },
            "nameless": { "solar": "05-01" },
            "mid-autumn": { "name": "中秋节", "lunar": "08-15", "segments": ["high-value"] },
            "spring-festival": { "name": "春节", "lunar": "01-01", "segments": ["high-value"] },
            "new-year": { "name": "元旦", "solar": "01-01", "segments": ["high-value"] }
            """)));
    }

    [Fact]
    public void EventMistakes()
    {
        var errors = Errors(CampaignSettings.DefaultJson.Replace("\"events\": []", """
            "events": [
              { "id": "lecture", "title": "讲座", "date": "2027-04-17", "place": "南昌", "invite_from": "2027-03-20", "invite_until": "2027-04-20", "segments": ["risk"] },
              { "id": "tour", "title": "自驾游", "date": "2027-05-01", "place": "庐山", "invite_from": "2027-04-10", "invite_until": "2027-04-01", "segments": ["risk"] },
              { "id": "late", "title": "回馈会", "date": "2027-05-01", "place": "九江", "invite_from": "2027-04-29", "invite_until": "2027-04-30", "segments": ["risk"] },
              { "id": "bad-date", "title": "x", "date": "2027-02-30", "place": "x", "invite_from": "2027/01/01", "invite_until": "2027-02-01", "segments": ["risk"] },
              { "id": "Tour 2", "title": "", "date": "2027-06-01", "place": "x", "invite_from": "2027-05-01", "invite_until": "2027-05-20", "segments": [] },
              { "id": "lecture", "title": "讲座", "date": "2027-06-17", "place": "南昌", "invite_from": "2027-05-20", "invite_until": "2027-06-01", "segments": ["risk"], "when": "evening" }
            ]
            """));
        Assert.Equal(
        [
            "$.triggers.invitation.events[0].invite_until: the invitation window ends (2027-04-20) after the event (2027-04-17)",
            "$.triggers.invitation.events[1].invite_until: the invitation window ends (2027-04-01) before it starts (2027-04-10)",
            "$.triggers.invitation.events[2].invite_from: the window opens (2027-04-29) after the last day an invitation can still arrive before the event (2027-04-28, 3 postage days before 2027-05-01)",
            "$.triggers.invitation.events[3].date: expected a date like \"2027-04-17\" (year-month-day, a day that exists), got \"2027-02-30\"",
            "$.triggers.invitation.events[3].invite_from: expected a date like \"2027-04-17\" (year-month-day, a day that exists), got \"2027/01/01\"",
            "$.triggers.invitation.events[4].id: an event id is lower-case letters, digits and dashes (it becomes part of every invitation's id), got \"Tour 2\"",
            "$.triggers.invitation.events[4].title: expected non-empty text, got \"\"",
            "$.triggers.invitation.events[4].segments: empty; list the segments that get it (switch the trigger off with \"enabled\": false)",
            "$.triggers.invitation.events[5].when: unknown property; expected id, title, date, place, invite_from, invite_until, segments",
        ], errors);

        var duplicate = Errors(CampaignSettings.DefaultJson.Replace("\"events\": []", """
            "events": [
              { "id": "lecture", "title": "讲座", "date": "2027-04-17", "place": "南昌", "invite_from": "2027-03-20", "invite_until": "2027-04-10", "segments": ["risk"] },
              { "id": "lecture", "title": "讲座", "date": "2027-06-17", "place": "南昌", "invite_from": "2027-05-20", "invite_until": "2027-06-01", "segments": ["risk"] }
            ]
            """));
        Assert.Equal(["$.triggers.invitation.events[1].id: \"lecture\" is already the id of events[0]"], duplicate);
    }

    [Fact]
    public void ChannelMistakes()
    {
        var json = CampaignSettings.DefaultJson
            .Replace("\"proposal\":   [\"mail\", \"phone\"],", "\"proposal\":   [\"mail\", \"fax\", \"mail\"],")
            .Replace("\"phone_follow_up\": [\"proposal\", \"invitation\"]", "\"phone_follow_up\": [\"renewal\"]")
            .Replace("\"magazine\":   [\"mail\", \"email\"],\n        \"phone_follow_up\": [\"proposal\"]", "\"magazine\":   \"mail\",\n        \"phone_follow_up\": [\"proposal\"]")
            .Replace("\"registered_mail_first\": true", "\"registered_mail_first\": 1, \"plans\": {}, \"vip\": 1");
        Assert.Equal(
        [
            "$.channels.vip: unknown property; expected registered_mail_first, plans",
            "$.channels.plans: given twice",
            "$.channels.registered_mail_first: expected true or false, got 1",
        ], Errors(json).Take(3));

        json = CampaignSettings.DefaultJson
            .Replace("\"proposal\":   [\"mail\", \"phone\"],", "\"proposal\":   [\"mail\", \"fax\", \"mail\"],")
            .Replace("\"phone_follow_up\": [\"proposal\", \"invitation\"]", "\"phone_follow_up\": [\"renewal\"]")
            .Replace("\"magazine\":   [\"mail\", \"email\"],\n        \"phone_follow_up\": [\"proposal\"]", "\"magazine\":   \"mail\",\n        \"phone_follow_up\": [\"proposal\"]")
            .Replace("\"low-value\": {\n        \"thank-you\":  [\"sms\", \"email\", \"mail\"],", "\"lowvalue\": {\n        \"thank-you\":  [\"sms\", \"email\", \"mail\"],")
            .Replace("\"opportunity\": {\n        \"thank-you\":  [\"mail\", \"sms\"],\n        \"proposal\":   [\"mail\", \"sms\"],", "\"opportunity\": {\n        \"thank-you\":  [\"mail\", \"sms\"],");
        Assert.Equal(
        [
            "$.channels.plans.lowvalue: unknown segment; expected one of high-value, risk, opportunity, low-value, unsegmented",
            "$.channels.plans['low-value']: missing; every segment needs its row",
            "$.channels.plans['high-value'].proposal[1]: unknown channel \"fax\"; expected one of mail, sms, email, phone",
            "$.channels.plans['high-value'].proposal[2]: mail is listed twice",
            "$.channels.plans.risk.phone_follow_up[0]: unknown trigger \"renewal\"; expected one of thank-you, proposal, birthday, holiday, invitation, magazine",
            "$.channels.plans.opportunity.proposal: missing; list the channels in order, or [] for none",
            "$.channels.plans.opportunity.magazine: expected a list of channels (mail, sms, email, phone), got \"mail\"",
        ], Errors(json));
    }

    [Fact]
    public void CapAndQuietPeriodMistakes()
    {
        var json = CampaignSettings.DefaultJson
            .Replace("\"max_pieces\": 4, \"days\": 30, \"exempt_triggers\": [\"thank-you\", \"proposal\"]", "\"max_pieces\": 0, \"days\": 30, \"exempt_triggers\": [\"thanks\"]")
            .Replace("\"quiet_periods\": [", """
                "quiet_periods": [
                  { "name": "盘点", "from": "2027-03-07", "until": "2027-03-01" },
                  { "name": "月底", "from": "2027-03-30" },
                  { "name": "x", "from": "2027-03-01", "until": "2027-03-02", "holiday": "spring-festival" },
                  { "name": "清明", "holiday": "qingming", "days_after": 2, "triggers": [] },
                  { "name": "长假", "holiday": "national-day", "days_before": -1, "days_after": 90, "triggers": ["sms"] },
                  { "name": "春节假期", "from": "2027-01-01", "until": "2027-01-02" },
                """);
        Assert.Equal(
        [
            "$.frequency_cap.max_pieces: expected a whole number of pieces from 1 to 1000, got 0",
            "$.frequency_cap.exempt_triggers[0]: unknown trigger \"thanks\"; expected one of thank-you, proposal, birthday, holiday, invitation, magazine",
            "$.quiet_periods[0].until: 2027-03-01 is before from 2027-03-07",
            "$.quiet_periods[1].until: missing; expected a date like \"2027-04-17\"",
            "$.quiet_periods[2]: give either \"from\" and \"until\" (dates) or \"holiday\" with \"days_before\" and \"days_after\"",
            "$.quiet_periods[3].triggers: empty; leave it out to hold back every trigger",
            "$.quiet_periods[3].holiday: unknown holiday \"qingming\"; expected one of new-year, spring-festival, lantern, dragon-boat, mid-autumn, national-day (defined under $.triggers.holiday.holidays)",
            "$.quiet_periods[4].triggers[0]: unknown trigger \"sms\"; expected one of thank-you, proposal, birthday, holiday, invitation, magazine",
            "$.quiet_periods[4].days_before: expected a whole number of days from 0 to 60, got -1",
            "$.quiet_periods[4].days_after: expected a whole number of days from 0 to 60, got 90",
            "$.quiet_periods[6].name: \"春节假期\" is already the name of quiet_periods[5]",
        ], Errors(json));
    }
}
