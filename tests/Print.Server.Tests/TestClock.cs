using Print.Server;

namespace Print.Server.Tests;

/// <summary>The campaign's clock stopped on a day (the scheduler's own timers keep real time).</summary>
internal static class TestClock
{
    /// <summary>09:00 on <paramref name="day"/> in China.</summary>
    public static PrintClock On(DateOnly day) => new(FixedClock.At(day), PrintClock.FindZone("Asia/Shanghai"));
}
