namespace Print.Testing;

/// <summary>A clock stopped at one moment, for code that takes a <see cref="TimeProvider"/>.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>09:00 on <paramref name="day"/> in China (UTC+8).</summary>
    public static FixedClock At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));

    public override DateTimeOffset GetUtcNow() => now;
}
