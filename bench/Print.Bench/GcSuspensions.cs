using System.Diagnostics.Tracing;

/// <summary>
/// How long the runtime took to stop the threads for each collection (SuspendEE begin → end) against the
/// collection itself (GCStart → GCEnd), from the runtime's own events in this process: a pause is both, and the
/// first grows with the threads there are to stop.
/// </summary>
internal sealed class GcSuspensions : EventListener
{
    private long _suspendBegin, _gcBegin;
    private long _suspendTicks, _gcTicks, _suspensions, _collections;
    private bool _on;
    /// <summary>Bytes marked from each kind of root (GCMarkWithType: stacks, finalizer queue, handles, older generations' cards, sized refs, overflow).</summary>
    private readonly long[] _markedFrom = new long[6];

    public static GcSuspensions Start() => new() { _on = true };

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on) return;
        long now = e.TimeStamp.Ticks;
        switch (e.EventName)
        {
            case "GCSuspendEEBegin_V1": _suspendBegin = now; break;
            case "GCSuspendEEEnd_V1" when _suspendBegin != 0: _suspendTicks += now - _suspendBegin; _suspensions++; _suspendBegin = 0; break;
            case "GCStart_V2" or "GCStart_V1" or "GCStart": _gcBegin = now; break;
            case "GCEnd_V1" or "GCEnd" when _gcBegin != 0: _gcTicks += now - _gcBegin; _collections++; _gcBegin = 0; break;
            case "GCMarkWithType":
                int type = Convert.ToInt32(e.Payload![e.PayloadNames!.IndexOf("Type")]);
                if (type is >= 0 and < 6) _markedFrom[type] += Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("Bytes")]);
                break;
        }
    }

    public override void Dispose()
    {
        _on = false;
        base.Dispose();
    }

    public override string ToString() => _suspensions == 0 ? "no suspension seen" : FormattableString.Invariant(
        $"stopping the threads {TimeSpan.FromTicks(_suspendTicks).TotalMilliseconds * 1000 / _suspensions:0} µs a suspension ({_suspensions}), collecting {TimeSpan.FromTicks(_gcTicks).TotalMilliseconds * 1000 / Math.Max(1, _collections):0} µs a collection ({_collections}); marked a collection from stacks {_markedFrom[0] / 1024 / Math.Max(1, _collections)} KB, finalizer queue {_markedFrom[1] / 1024 / Math.Max(1, _collections)}, handles {_markedFrom[2] / 1024 / Math.Max(1, _collections)}, older generations {_markedFrom[3] / 1024 / Math.Max(1, _collections)}, overflow {_markedFrom[5] / 1024 / Math.Max(1, _collections)}");
}
