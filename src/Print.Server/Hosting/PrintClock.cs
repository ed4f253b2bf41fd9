namespace Print.Server;

/// <summary>
/// "Today" for the campaign: the calendar day in the insurer's time zone (default Asia/Shanghai, setting
/// <c>Print:TimeZone</c>), whatever zone the machine runs in. Tests give it their own <see cref="TimeProvider"/>.
/// </summary>
public sealed class PrintClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone => zone;

    /// <summary>What every recorded step is stamped with (a test stops it on a day).</summary>
    public TimeProvider Time => time;

    /// <summary>Now in the campaign's zone.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The zone by id; a machine without time-zone data (a slim container) falls back to a fixed UTC+8 zone for Asia/Shanghai.</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
