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

    public bool Allows(Channel channel) => channel switch
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
    };
}
