/// <summary>
/// What the young collections of a stretch of work copied and how long they paused, seen from a thread that looks
/// at the last one every 5 ms (<see cref="GC.GetGCMemoryInfo(GCKind)"/>; collections closer together than that are
/// missed, which leaves the averages representative). A young collection's pause grows with what survives it.
/// </summary>
internal sealed class YoungGcSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _seen = -1, _count, _promoted, _gen1;
    private TimeSpan _paused;

    private YoungGcSampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "bench gc sampler" };
        _thread.Start();
    }

    public static YoungGcSampler Start() => new();

    private void Sample()
    {
        while (!_stop)
        {
            var info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            if (info.Index != _seen && info.Index > 0)
            {
                if (_seen >= 0)
                {
                    _count++;
                    _promoted += info.PromotedBytes;
                    _paused += info.PauseDurations[0];
                    if (info.Generation == 1) _gen1++;
                }
                _seen = info.Index;
            }
            Thread.Sleep(5);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    public override string ToString() => _count == 0 ? "no young collection seen" : FormattableString.Invariant(
        $"young collections seen {_count} ({_gen1} of gen1): {_promoted / 1024.0 / _count:0} KB promoted and {_paused.TotalMilliseconds * 1000 / _count:0} µs paused each");
}
