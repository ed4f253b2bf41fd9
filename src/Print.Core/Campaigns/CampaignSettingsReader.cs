using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Print.Core.Customers;
using Print.Core.Segmentation;
using Print.Core.Text;

namespace Print.Core.Campaigns;

/// <summary>
/// Reads a campaign settings file strictly: unknown or repeated properties, unknown triggers, segments, channels
/// and holidays, malformed dates, negative days, event windows that end after the event, duplicate ids — each an
/// error with its JSON path, all collected before one <see cref="InvalidFileException"/> naming the file. A typo
/// must fail loudly, not silently stop the birthday cards.
/// </summary>
internal sealed partial class CampaignSettingsReader
{
    private const int MaxDays = 366;
    private const int MaxPostageDays = 30;
    private const int MaxSpreadDays = 30;
    private const int MaxQuietDays = 60;

    private static readonly string[] SegmentNames = [.. Segments.All, Segments.Unsegmented];
    private static readonly string[] ChannelNames = ["mail", "sms", "email", "phone"];
    private static readonly string[] TriggerNames = [Triggers.ThankYou, Triggers.Proposal, Triggers.Birthday, Triggers.Holiday, Triggers.Invitation, Triggers.Magazine];

    private readonly List<string> errors = [];
    private readonly Dictionary<string, HolidayDefinition> holidays = new(StringComparer.Ordinal);
    private bool holidaysRead;

    public static CampaignSettings Read(string json, string source)
    {
        using var document = JsonFile.Parse(json, source);
        var reader = new CampaignSettingsReader();
        var settings = reader.ReadRoot(document.RootElement);
        if (reader.errors.Count > 0 || settings is null) throw new InvalidFileException(source, reader.errors);
        return settings;
    }

    private CampaignSettings? ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$: expected an object with \"triggers\", \"channels\", \"frequency_cap\" and \"quiet_periods\"");
            return null;
        }
        const string path = JsonPath.Root;
        Known(root, path, "description", "triggers", "channels", "frequency_cap", "quiet_periods");
        if (root.TryGetProperty("description", out var d) && d.ValueKind != JsonValueKind.String) errors.Add("$.description: expected text");

        var calendar = Section(root, path, "triggers", "the six triggers", ReadTriggers);
        var channels = Section(root, path, "channels", "the channel plan", ReadChannels);
        var cap = Section(root, path, "frequency_cap", "max_pieces, days and exempt_triggers", ReadCap);
        QuietPeriods? quiet = null;
        if (!root.TryGetProperty("quiet_periods", out var q)) errors.Add("$.quiet_periods: missing; use [] for none");
        else quiet = ReadQuiet(q, "$.quiet_periods");

        return calendar is null || channels is null || cap is null || quiet is null ? null : new CampaignSettings(calendar, channels, cap, quiet);
    }

    // ---- triggers -------------------------------------------------------------------------------------------

    private CampaignCalendar? ReadTriggers(JsonElement triggers, string path)
    {
        KnownKeys(triggers, path, "trigger", TriggerNames);
        var thankYou = Section(triggers, path, Triggers.ThankYou, "days_after_start and late_days", (e, p) =>
        {
            Known(e, p, "enabled", "days_after_start", "late_days");
            return new ThankYouSettings(Enabled(e, p), Days(e, p, "days_after_start", 0, MaxDays), Days(e, p, "late_days", 0, MaxDays));
        });
        var proposal = Section(triggers, path, Triggers.Proposal, "days_before_end and postage_days", (e, p) =>
        {
            Known(e, p, "enabled", "days_before_end", "postage_days");
            var settings = new ProposalSettings(Enabled(e, p), Days(e, p, "days_before_end", 1, MaxDays), Days(e, p, "postage_days", 0, MaxPostageDays));
            if (settings.DaysBeforeEnd < settings.PostageDays)
                errors.Add($"{p}.days_before_end: {settings.DaysBeforeEnd} days before the end is later than the last useful hand-off ({settings.PostageDays} postage days before the end)");
            return settings;
        });
        var birthday = Section(triggers, path, Triggers.Birthday, "lead_days, postage_days and segments", (e, p) =>
        {
            Known(e, p, "enabled", "lead_days", "postage_days", "segments");
            var settings = new BirthdaySettings(Enabled(e, p), Days(e, p, "lead_days", 0, MaxDays), Days(e, p, "postage_days", 0, MaxPostageDays), SegmentList(e, p, "segments"));
            LeadCoversPostage(p, settings.LeadDays, settings.PostageDays);
            return settings;
        });
        var holiday = Section(triggers, path, Triggers.Holiday, "lead_days, postage_days and holidays", ReadHolidays);
        var invitation = Section(triggers, path, Triggers.Invitation, "postage_days and events", ReadInvitations);
        var magazine = Section(triggers, path, Triggers.Magazine, "day_of_month and segments", (e, p) =>
        {
            Known(e, p, "enabled", "day_of_month", "segments");
            int day = Int(e, p, "day_of_month", 1, 28, "a day of the month from 1 to 28 (every month has it)");
            return new MagazineSettings(Enabled(e, p), day, SegmentList(e, p, "segments"));
        });
        return thankYou is null || proposal is null || birthday is null || holiday is null || invitation is null || magazine is null
            ? null : new CampaignCalendar(thankYou, proposal, birthday, holiday, invitation, magazine);
    }

    private void LeadCoversPostage(string path, int lead, int postage)
    {
        if (lead < postage)
            errors.Add($"{path}.lead_days: {lead} is less than postage_days {postage}: the piece would be due after the last day it can still arrive in time");
    }

    private HolidaySettings? ReadHolidays(JsonElement e, string p)
    {
        Known(e, p, "enabled", "lead_days", "postage_days", "spread_days", "holidays");
        bool enabled = Enabled(e, p);
        int spread = e.TryGetProperty("spread_days", out _) ? Days(e, p, "spread_days", 1, MaxSpreadDays) : 1;
        int lead = Days(e, p, "lead_days", 0, MaxDays), postage = Days(e, p, "postage_days", 0, MaxPostageDays);
        LeadCoversPostage(p, lead, postage);
        var list = new List<HolidayDefinition>();
        int before = errors.Count;
        if (!e.TryGetProperty("holidays", out var all)) errors.Add($"{p}.holidays: missing; expected the holidays by id");
        else if (all.ValueKind != JsonValueKind.Object) errors.Add($"{p}.holidays: expected an object of holidays by id, e.g. {{ \"spring-festival\": {{ … }} }}");
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in all.EnumerateObject())
            {
                var path = JsonPath.Property($"{p}.holidays", property.Name);
                if (!seen.Add(property.Name)) { errors.Add($"{path}: duplicate holiday id"); continue; }
                if (!Id().IsMatch(property.Name)) { errors.Add($"{path}: a holiday id is lower-case letters, digits and dashes, like spring-festival"); continue; }
                if (ReadHoliday(property.Name, property.Value, path) is { } h) list.Add(h);
            }
        }
        holidaysRead = errors.Count == before;
        foreach (var h in list) holidays[h.Id] = h;
        return new HolidaySettings(enabled, lead, postage, list, spread);
    }

    private HolidayDefinition? ReadHoliday(string id, JsonElement e, string p)
    {
        if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{p}: expected {{ \"name\": …, \"lunar\" or \"solar\": \"MM-DD\", \"segments\": […] }}"); return null; }
        int before = errors.Count;
        Known(e, p, "name", "lunar", "solar", "enabled", "segments");
        var name = Text(e, p, "name");
        bool hasLunar = e.TryGetProperty("lunar", out var lunar), hasSolar = e.TryGetProperty("solar", out var solar);
        int month = 0, day = 0;
        if (hasLunar == hasSolar) errors.Add($"{p}: give exactly one of \"lunar\" (Chinese calendar) or \"solar\" (Gregorian) as \"MM-DD\"");
        else if (hasLunar) (month, day) = MonthDay(lunar, $"{p}.lunar", lunar: true);
        else (month, day) = MonthDay(solar, $"{p}.solar", lunar: false);
        var holiday = new HolidayDefinition
        {
            Id = id, Name = name, Lunar = hasLunar, Month = month, Day = day, Enabled = Enabled(e, p), Segments = SegmentList(e, p, "segments"),
        };
        return errors.Count == before ? holiday : null;
    }

    private (int Month, int Day) MonthDay(JsonElement value, string path, bool lunar)
    {
        var m = value.ValueKind == JsonValueKind.String ? MonthDayShape().Match(value.GetString()!) : Match.Empty;
        if (!m.Success) { errors.Add($"{path}: expected \"MM-DD\", like \"{(lunar ? "08-15" : "10-01")}\", got {value.GetRawText()}"); return (0, 0); }
        int month = int.Parse(m.Groups[1].Value), day = int.Parse(m.Groups[2].Value);
        if (month is < 1 or > 12) { errors.Add($"{path}: there is no month {month}"); return (0, 0); }
        if (lunar)
        {
            if (day is < 1 or > 30) { errors.Add($"{path}: a lunar month has days 1 to 30, not {day}"); return (0, 0); }
        }
        else if (month == 2 && day == 29) { errors.Add($"{path}: 29 February is missing three years in four; choose another day"); return (0, 0); }
        else if (day < 1 || day > DateTime.DaysInMonth(2001, month)) { errors.Add($"{path}: month {month} has no day {day}"); return (0, 0); }
        return (month, day);
    }

    private InvitationSettings? ReadInvitations(JsonElement e, string p)
    {
        Known(e, p, "enabled", "postage_days", "events");
        bool enabled = Enabled(e, p);
        int postage = Days(e, p, "postage_days", 0, MaxPostageDays);
        var events = new List<CampaignEvent>();
        if (!e.TryGetProperty("events", out var list)) errors.Add($"{p}.events: missing; use [] for none");
        else if (list.ValueKind != JsonValueKind.Array) errors.Add($"{p}.events: expected a list of events");
        else
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            int i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = JsonPath.Index($"{p}.events", i);
                if (ReadEvent(item, path, postage) is { } ev)
                {
                    if (ids.TryGetValue(ev.Id, out int first)) errors.Add($"{path}.id: \"{ev.Id}\" is already the id of events[{first}]");
                    else { ids[ev.Id] = i; events.Add(ev); }
                }
                i++;
            }
        }
        return new InvitationSettings(enabled, postage, events);
    }

    private CampaignEvent? ReadEvent(JsonElement e, string p, int postage)
    {
        if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{p}: expected an event {{ \"id\", \"title\", \"date\", \"place\", \"invite_from\", \"invite_until\", \"segments\" }}"); return null; }
        int before = errors.Count;
        Known(e, p, "id", "title", "date", "place", "invite_from", "invite_until", "segments");
        var id = Text(e, p, "id");
        if (id.Length > 0 && !Id().IsMatch(id)) errors.Add($"{p}.id: an event id is lower-case letters, digits and dashes (it becomes part of every invitation's id), got \"{id}\"");
        var title = Text(e, p, "title");
        var place = Text(e, p, "place");
        var date = Date(e, p, "date");
        var from = Date(e, p, "invite_from");
        var until = Date(e, p, "invite_until");
        var segments = SegmentList(e, p, "segments");
        if (from is { } f && until is { } u && f > u)
            errors.Add($"{p}.invite_until: the invitation window ends ({u:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})");
        else if (until is { } end && date is { } day && end > day)
            errors.Add($"{p}.invite_until: the invitation window ends ({end:yyyy-MM-dd}) after the event ({day:yyyy-MM-dd})");
        else if (from is { } start && date is { } eventDay && start > eventDay.AddDays(-postage))
            errors.Add($"{p}.invite_from: the window opens ({start:yyyy-MM-dd}) after the last day an invitation can still arrive before the event ({eventDay.AddDays(-postage):yyyy-MM-dd}, {postage} postage days before {eventDay:yyyy-MM-dd})");
        return errors.Count == before ? new CampaignEvent(id, title, date!.Value, place, from!.Value, until!.Value, segments) : null;
    }

    // ---- channels ------------------------------------------------------------------------------------------

    private ChannelPlan? ReadChannels(JsonElement e, string p)
    {
        Known(e, p, "registered_mail_first", "plans");
        bool registeredMailFirst = Bool(e, p, "registered_mail_first", true);
        var rows = new Dictionary<string, SegmentChannels>(StringComparer.Ordinal);
        int before = errors.Count;
        if (!e.TryGetProperty("plans", out var plans)) errors.Add($"{p}.plans: missing; expected a row of channels per segment");
        else if (plans.ValueKind != JsonValueKind.Object) errors.Add($"{p}.plans: expected an object with a row per segment");
        else
        {
            var path = $"{p}.plans";
            KnownKeys(plans, path, "segment", SegmentNames);
            foreach (var segment in Segments.All)
                if (!plans.TryGetProperty(segment, out _)) errors.Add($"{JsonPath.Property(path, segment)}: missing; every segment needs its row");
            foreach (var property in plans.EnumerateObject())
                if (SegmentNames.Contains(property.Name) && !rows.ContainsKey(property.Name) && ReadRow(property.Value, JsonPath.Property(path, property.Name)) is { } row)
                    rows[property.Name] = row;
        }
        return errors.Count == before ? new ChannelPlan(rows, registeredMailFirst) : null;
    }

    private SegmentChannels? ReadRow(JsonElement e, string p)
    {
        if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{p}: expected an object with the channels for each trigger"); return null; }
        int before = errors.Count;
        KnownKeys(e, p, "trigger", [.. TriggerNames, "phone_follow_up"]);
        var byTrigger = new Dictionary<string, IReadOnlyList<Channel>>(StringComparer.Ordinal);
        foreach (var trigger in TriggerNames)
        {
            var path = JsonPath.Property(p, trigger);
            if (!e.TryGetProperty(trigger, out var list)) { errors.Add($"{path}: missing; list the channels in order, or [] for none"); continue; }
            byTrigger[trigger] = Channels(list, path);
        }
        IReadOnlyList<string> followUp = e.TryGetProperty("phone_follow_up", out var f) ? TriggerList(f, $"{p}.phone_follow_up") : [];
        return errors.Count == before ? new SegmentChannels(byTrigger, followUp) : null;
    }

    private List<Channel> Channels(JsonElement list, string path)
    {
        var channels = new List<Channel>();
        if (list.ValueKind != JsonValueKind.Array) { errors.Add($"{path}: expected a list of channels ({string.Join(", ", ChannelNames)}), got {list.GetRawText()}"); return channels; }
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = JsonPath.Index(path, i++);
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            int index = name is null ? -1 : Array.IndexOf(ChannelNames, name);
            if (index < 0) { errors.Add($"{itemPath}: unknown channel {item.GetRawText()}; expected one of {string.Join(", ", ChannelNames)}"); continue; }
            var channel = (Channel)index;
            if (channels.Contains(channel)) errors.Add($"{itemPath}: {name} is listed twice");
            else channels.Add(channel);
        }
        return channels;
    }

    // ---- frequency cap and quiet periods ---------------------------------------------------------------------

    private FrequencyCap? ReadCap(JsonElement e, string p)
    {
        int before = errors.Count;
        Known(e, p, "max_pieces", "days", "exempt_triggers");
        int max = Int(e, p, "max_pieces", 1, 1000, "a whole number of pieces from 1 to 1000");
        int days = Days(e, p, "days", 1, MaxDays);
        IReadOnlyList<string> exempt = [];
        if (!e.TryGetProperty("exempt_triggers", out var list)) errors.Add($"{p}.exempt_triggers: missing; use [] when every trigger counts");
        else exempt = TriggerList(list, $"{p}.exempt_triggers");
        return errors.Count == before ? new FrequencyCap(max, days, exempt) : null;
    }

    private QuietPeriods? ReadQuiet(JsonElement list, string p)
    {
        if (list.ValueKind != JsonValueKind.Array) { errors.Add($"{p}: expected a list of quiet periods ([] for none)"); return null; }
        int before = errors.Count;
        var periods = new List<QuietPeriod>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = JsonPath.Index(p, i);
            if (ReadQuietPeriod(item, path) is { } period)
            {
                if (names.TryGetValue(period.Name, out int first)) errors.Add($"{path}.name: \"{period.Name}\" is already the name of quiet_periods[{first}]");
                else { names[period.Name] = i; periods.Add(period); }
            }
            i++;
        }
        return errors.Count == before ? new QuietPeriods(periods) : null;
    }

    private QuietPeriod? ReadQuietPeriod(JsonElement e, string p)
    {
        if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{p}: expected {{ \"name\", \"from\", \"until\" }} or {{ \"name\", \"holiday\", \"days_before\", \"days_after\" }}"); return null; }
        int before = errors.Count;
        Known(e, p, "name", "from", "until", "holiday", "days_before", "days_after", "triggers");
        var name = Text(e, p, "name");
        IReadOnlyList<string> triggers = [];
        if (e.TryGetProperty("triggers", out var t))
        {
            triggers = TriggerList(t, $"{p}.triggers");
            if (t.ValueKind == JsonValueKind.Array && t.GetArrayLength() == 0) errors.Add($"{p}.triggers: empty; leave it out to hold back every trigger");
        }
        bool fixedDates = e.TryGetProperty("from", out _) || e.TryGetProperty("until", out _);
        bool aroundHoliday = e.TryGetProperty("holiday", out var h) || e.TryGetProperty("days_before", out _) || e.TryGetProperty("days_after", out _);
        if (fixedDates == aroundHoliday)
        {
            errors.Add($"{p}: give either \"from\" and \"until\" (dates) or \"holiday\" with \"days_before\" and \"days_after\"");
            return null;
        }
        if (fixedDates)
        {
            var from = Date(e, p, "from");
            var until = Date(e, p, "until");
            if (from is { } f && until is { } u && f > u) errors.Add($"{p}.until: {u:yyyy-MM-dd} is before from {f:yyyy-MM-dd}");
            return errors.Count == before ? new QuietPeriod { Name = name, From = from, Until = until, Triggers = triggers } : null;
        }
        HolidayDefinition? holiday = null;
        if (h.ValueKind == JsonValueKind.Undefined) errors.Add($"{p}.holiday: missing; the id of a holiday under $.triggers.holiday.holidays");
        else if (h.ValueKind != JsonValueKind.String) errors.Add($"{p}.holiday: expected the id of a holiday, got {h.GetRawText()}");
        else if (!holidays.TryGetValue(h.GetString()!, out holiday) && holidaysRead)
            errors.Add($"{p}.holiday: unknown holiday \"{h.GetString()}\"; expected one of {string.Join(", ", holidays.Keys)} (defined under $.triggers.holiday.holidays)");
        int daysBefore = OptionalDays(e, p, "days_before", MaxQuietDays), daysAfter = OptionalDays(e, p, "days_after", MaxQuietDays);
        return errors.Count == before && holiday is not null
            ? new QuietPeriod { Name = name, Holiday = holiday, DaysBefore = daysBefore, DaysAfter = daysAfter, Triggers = triggers } : null;
    }

    // ---- values ----------------------------------------------------------------------------------------------

    private T? Section<T>(JsonElement parent, string parentPath, string name, string expected, Func<JsonElement, string, T?> read) where T : class
    {
        var path = JsonPath.Property(parentPath, name);
        if (!parent.TryGetProperty(name, out var e)) { errors.Add($"{path}: missing; expected {expected}"); return null; }
        if (e.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object with {expected}"); return null; }
        int before = errors.Count;
        var value = read(e, path);
        return errors.Count == before ? value : null;
    }

    private bool Enabled(JsonElement e, string p) => Bool(e, p, "enabled", true);

    private bool Bool(JsonElement e, string p, string name, bool absent)
    {
        if (!e.TryGetProperty(name, out var v)) return absent;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        errors.Add($"{p}.{name}: expected true or false, got {v.GetRawText()}");
        return absent;
    }

    private int Days(JsonElement e, string p, string name, int min, int max) =>
        Int(e, p, name, min, max, $"a whole number of days from {min} to {max}");

    private int OptionalDays(JsonElement e, string p, string name, int max) =>
        e.TryGetProperty(name, out _) ? Days(e, p, name, 0, max) : 0;

    private int Int(JsonElement e, string p, string name, int min, int max, string expected)
    {
        if (!e.TryGetProperty(name, out var v)) { errors.Add($"{p}.{name}: missing; expected {expected}"); return min; }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) && n >= min && n <= max) return n;
        errors.Add($"{p}.{name}: expected {expected}, got {v.GetRawText()}");
        return min;
    }

    private string Text(JsonElement e, string p, string name)
    {
        if (!e.TryGetProperty(name, out var v)) { errors.Add($"{p}.{name}: missing"); return ""; }
        if (v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0) return v.GetString()!.Trim();
        errors.Add($"{p}.{name}: expected non-empty text, got {v.GetRawText()}");
        return "";
    }

    private DateOnly? Date(JsonElement e, string p, string name)
    {
        if (!e.TryGetProperty(name, out var v)) { errors.Add($"{p}.{name}: missing; expected a date like \"2027-04-17\""); return null; }
        if (v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add($"{p}.{name}: expected a date like \"2027-04-17\" (year-month-day, a day that exists), got {v.GetRawText()}");
        return null;
    }

    private IReadOnlyList<string> SegmentList(JsonElement e, string p, string name)
    {
        var path = $"{p}.{name}";
        if (!e.TryGetProperty(name, out var list)) { errors.Add($"{path}: missing; expected a list of segments ({string.Join(", ", SegmentNames)})"); return []; }
        var segments = Names(list, path, "segment", SegmentNames);
        if (list.ValueKind == JsonValueKind.Array && list.GetArrayLength() == 0)
            errors.Add($"{path}: empty; list the segments that get it (switch the trigger off with \"enabled\": false)");
        return segments;
    }

    private IReadOnlyList<string> TriggerList(JsonElement list, string path) => Names(list, path, "trigger", TriggerNames);

    private List<string> Names(JsonElement list, string path, string what, string[] known)
    {
        var names = new List<string>();
        if (list.ValueKind != JsonValueKind.Array) { errors.Add($"{path}: expected a list of {what}s ({string.Join(", ", known)}), got {list.GetRawText()}"); return names; }
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = JsonPath.Index(path, i++);
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (name is null || !known.Contains(name)) errors.Add($"{itemPath}: unknown {what} {item.GetRawText()}; expected one of {string.Join(", ", known)}");
            else if (names.Contains(name)) errors.Add($"{itemPath}: {name} is listed twice");
            else names.Add(name);
        }
        return names;
    }

    /// <summary>Unknown and repeated properties of an object whose properties are settings.</summary>
    private void Known(JsonElement e, string path, params string[] known) => JsonFile.RejectUnknown(e, path, errors, known);

    /// <summary>Unknown and repeated keys of an object keyed by trigger or segment.</summary>
    private void KnownKeys(JsonElement e, string path, string what, string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            if (!seen.Add(property.Name)) errors.Add($"{propertyPath}: given twice");
            else if (!known.Contains(property.Name)) errors.Add($"{propertyPath}: unknown {what}; expected one of {string.Join(", ", known)}");
        }
    }

    [GeneratedRegex(@"^(\d{2})-(\d{2})$")]
    private static partial Regex MonthDayShape();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Id();
}
