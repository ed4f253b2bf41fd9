using Print.Server;

namespace Print.Server.Tests;

/// <summary>The campaign's clock stopped on a day (the scheduler's own timers keep real time).</summary>
internal static class TestClock
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>09:00 on <paramref name="day"/> in China.</summary>
    public static PrintClock On(DateOnly day) =>
        new(new FixedTime(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8))), PrintClock.FindZone("Asia/Shanghai"));
}
