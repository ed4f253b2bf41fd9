using Print.Core.Campaigns;

namespace Print.Store;

/// <summary>
/// Where the planner's decisions live. A communication's id is its occasion's (trigger/key/customer), so the
/// store is what makes planning idempotent: what it holds is never planned again.
/// </summary>
public interface ICommunicationStore
{
    /// <summary>Which of <paramref name="ids"/> are stored already.</summary>
    IReadOnlySet<string> Existing(IReadOnlyCollection<string> ids);

    Communication? Find(string id);

    /// <summary>Whether any communication of this trigger and occasion key is stored, for any customer.</summary>
    bool AnyOf(string trigger, string key);

    /// <summary>The customers' communications whose send day lies between the two days (both included): the frequency cap's question.</summary>
    IReadOnlyList<Communication> OfCustomers(IReadOnlyCollection<string> customerIds, DateOnly from, DateOnly to);

    /// <summary>Stores them all or none (each is new: a stored id is an error, never an overwrite).</summary>
    void Record(IReadOnlyCollection<Communication> communications);

    /// <summary>Planned communications whose send day has come (on or before <paramref name="day"/>), send day then id order.</summary>
    IReadOnlyList<Communication> DueForHandOff(DateOnly day);

    /// <summary>
    /// Settles the day's hand-off in one transaction: <paramref name="handedOff"/> become HandedOff on
    /// <paramref name="day"/>, <paramref name="tooLate"/> become Dropped with their reason. Ones no longer
    /// Planned are left alone; returns how many changed.
    /// </summary>
    int HandOff(IReadOnlyCollection<string> handedOff, IReadOnlyCollection<(string Id, string Reason)> tooLate, DateOnly day);

    /// <summary>The last day the scheduled planner finished, null before its first run: where the catch-up starts.</summary>
    DateOnly? LastPlannedDay { get; }

    /// <summary>Records that the scheduled planner finished <paramref name="day"/> (never moves backwards).</summary>
    void SetLastPlannedDay(DateOnly day);

    int Count { get; }
}
