namespace Print.Core.Customers;

/// <summary>
/// What the customer allows. A do-not flag always wins over the preferred channel: calls to people who
/// refused them are what the regulator punishes.
/// </summary>
public sealed record ContactPreferences
{
    public bool DoNotMail { get; init; }
    public bool DoNotSms { get; init; }
    public bool DoNotEmail { get; init; }
    public bool DoNotCall { get; init; }
    public Channel? PreferredChannel { get; init; }

    /// <summary>
    /// Every channel stopped by what we learnt rather than by the customer's wish (the post office returned a
    /// piece: addressee deceased), with the reason and day; null while contact is allowed. A file never lifts it.
    /// </summary>
    public ContactStop? Stopped { get; init; }

    public bool Allows(Channel channel) => Stopped is null && channel switch
    {
        Channel.Mail => !DoNotMail,
        Channel.Sms => !DoNotSms,
        Channel.Email => !DoNotEmail,
        Channel.Phone => !DoNotCall,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>
    /// These preferences with a later set merged in: a do-not flag once given stays (only an explicit change
    /// lifts it, never a file that leaves it empty); a newer preferred channel replaces the old one.
    /// </summary>
    public ContactPreferences MergedWith(ContactPreferences newer) => new()
    {
        DoNotMail = DoNotMail || newer.DoNotMail,
        DoNotSms = DoNotSms || newer.DoNotSms,
        DoNotEmail = DoNotEmail || newer.DoNotEmail,
        DoNotCall = DoNotCall || newer.DoNotCall,
        PreferredChannel = newer.PreferredChannel ?? PreferredChannel,
        Stopped = Stopped ?? newer.Stopped,
    };

    /// <summary>These preferences with every channel stopped for <paramref name="reason"/> from <paramref name="on"/> (an earlier stop stays).</summary>
    public ContactPreferences StoppedFor(string reason, DateOnly on) => this with { Stopped = Stopped ?? new ContactStop(reason, on) };
}

/// <summary>Why and since when nobody may contact the customer on any channel.</summary>
public sealed record ContactStop(string Reason, DateOnly On)
{
    public override string ToString() => $"all contact stopped on {On:yyyy-MM-dd}: {Reason}";
}
