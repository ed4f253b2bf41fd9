namespace Print.Core.Production;

/// <summary>
/// A block of S10 numbers the post office assigned: serials <see cref="FirstSerial"/> to <see cref="LastSerial"/>
/// (both included) under one prefix and country code. The range itself holds no counter: the store keeps the
/// next unused serial per range and hands it to <see cref="Allocate"/>.
/// </summary>
/// <remarks>
/// The allocation contract, for the store: <see cref="Allocate"/> is pure and decides nothing durable. The
/// store must write <see cref="TrackingAllocation.NextSerial"/> for the range <b>in the same transaction</b>
/// as the pieces that carry the numbers (and an audit line: range, first and last serial, batch, time, actor).
/// If that transaction fails or the process dies before it commits, neither the pieces nor the new next
/// serial exist, so the numbers were never handed out and may be allocated again; once it commits, the next
/// serial has moved past them for good. A number therefore reaches at most one piece, crash or not. The
/// next serial only grows, so a number is not reused within the 12 months S10 asks (a new range from the post
/// office must not overlap an old one: <see cref="TrackingRanges"/> refuses overlaps).
/// </remarks>
public sealed record TrackingRange
{
    public TrackingRange(string id, string prefix, int firstSerial, int lastSerial, string country, int lowWater)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("a tracking range needs an id", nameof(id));
        _ = TrackingNumber.Create(prefix, firstSerial, country); // checks prefix, country and the serial's digits
        if (lastSerial is < 0 or > TrackingNumber.MaxSerial) throw new ArgumentOutOfRangeException(nameof(lastSerial), lastSerial, "an S10 serial has 8 digits");
        if (lastSerial < firstSerial) throw new ArgumentException($"range {id}: the last serial {lastSerial:D8} is before the first {firstSerial:D8}", nameof(lastSerial));
        if (lowWater < 0) throw new ArgumentOutOfRangeException(nameof(lowWater), lowWater, "the low-water mark is a count of numbers, 0 or more");
        Id = id;
        Prefix = prefix;
        FirstSerial = firstSerial;
        LastSerial = lastSerial;
        Country = country;
        LowWater = lowWater;
    }

    /// <summary>The operator's name for the range (e.g. <c>nanchang-2026-rr</c>); the store keys the next serial by it.</summary>
    public string Id { get; }
    public string Prefix { get; }
    public int FirstSerial { get; }
    public int LastSerial { get; }
    public string Country { get; }

    /// <summary>A warning is raised when fewer than this many numbers remain after an allocation.</summary>
    public int LowWater { get; }

    /// <summary>How many numbers the range holds in all.</summary>
    public long Size => (long)LastSerial - FirstSerial + 1;

    /// <summary>How many numbers are left when <paramref name="nextSerial"/> is the next unused one.</summary>
    public long Remaining(long nextSerial)
    {
        CheckNext(nextSerial);
        return LastSerial - nextSerial + 1;
    }

    /// <summary>Whether the range shares a number with <paramref name="other"/> (same prefix, country and a common serial).</summary>
    public bool Overlaps(TrackingRange other) =>
        Prefix == other.Prefix && Country == other.Country && FirstSerial <= other.LastSerial && other.FirstSerial <= LastSerial;

    /// <summary>
    /// The next <paramref name="count"/> numbers from <paramref name="nextSerial"/> on (use <see cref="FirstSerial"/>
    /// for a range never used) and the next serial after them. All or nothing: when fewer than
    /// <paramref name="count"/> remain, <see cref="TrackingRangeExhaustedException"/> says how many are left and
    /// nothing is allocated, so a batch is never half numbered.
    /// </summary>
    public TrackingAllocation Allocate(long nextSerial, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long remaining = Remaining(nextSerial);
        if (count > remaining) throw new TrackingRangeExhaustedException(this, count, remaining);
        var numbers = new TrackingNumber[count];
        for (int i = 0; i < count; i++) numbers[i] = TrackingNumber.Create(Prefix, (int)(nextSerial + i), Country);
        long left = remaining - count;
        string? warning = left < LowWater
            ? $"tracking range {Id} is running low: {left} number{(left == 1 ? "" : "s")} left (warning below {LowWater}); ask the post office for a new range"
            : null;
        return new TrackingAllocation(Id, numbers, nextSerial + count, left, warning);
    }

    private void CheckNext(long nextSerial)
    {
        if (nextSerial < FirstSerial || nextSerial > (long)LastSerial + 1)
            throw new ArgumentOutOfRangeException(nameof(nextSerial), nextSerial,
                $"tracking range {Id}: the next serial must lie between {FirstSerial:D8} and {(long)LastSerial + 1} (one past the last)");
    }

    public override string ToString() => $"{Id} ({Prefix}{FirstSerial:D8}–{Prefix}{LastSerial:D8} {Country})";
}

/// <summary>
/// Numbers handed out by <see cref="TrackingRange.Allocate"/>: persist <see cref="NextSerial"/> with the pieces
/// (see the contract on <see cref="TrackingRange"/>). <see cref="Warning"/> is set when the range is running low.
/// </summary>
public sealed record TrackingAllocation(string RangeId, IReadOnlyList<TrackingNumber> Numbers, long NextSerial, long Remaining, string? Warning)
{
    /// <summary>The first and last serial handed out, for the audit line; null when nothing was asked for.</summary>
    public (int First, int Last)? Serials => Numbers.Count == 0 ? null : (Numbers[0].Serial, Numbers[^1].Serial);
}

/// <summary>A range that cannot give the numbers a batch needs: the batch stops, nothing is allocated.</summary>
public sealed class TrackingRangeExhaustedException(TrackingRange range, int requested, long remaining)
    : InvalidOperationException(remaining == 0
        ? $"tracking range {range.Id} is exhausted: {requested} number{(requested == 1 ? "" : "s")} needed, none left; add a new range from the post office"
        : $"tracking range {range.Id} cannot number the batch: {requested} numbers needed, only {remaining} left; add a new range from the post office")
{
    public string RangeId { get; } = range.Id;
    public int Requested { get; } = requested;
    public long Remaining { get; } = remaining;
}
