namespace Print.Core.Customers;

/// <summary>
/// A customer's addresses over time. The last entry is the current one (possibly marked bad); the ones before
/// are history. Returned mail and corrections from the post office or customer service update it, so the next
/// batch is delivered better (seed: "address maintenance").
/// </summary>
public sealed class AddressBook
{
    private List<AddressEntry> entries = [];

    /// <summary>Oldest first. Settable only for storage; change it through the methods below.</summary>
    public IReadOnlyList<AddressEntry> Entries { get => entries; init => entries = [.. value]; }

    /// <summary>The address mail goes to now, or was going to before it was marked bad; null when none is known.</summary>
    public AddressEntry? Current => entries.Count > 0 ? entries[^1] : null;

    /// <summary>Earlier addresses, newest first.</summary>
    public IEnumerable<AddressEntry> History => entries.Take(entries.Count - 1).Reverse();

    /// <summary>
    /// Makes <paramref name="address"/> the current address; the old current one becomes history (and stays
    /// bad if it was). Returns whether anything changed. An import never brings back an address the book has
    /// already moved away from: it is older news than the post office's or customer service's, and re-importing
    /// the same file must change nothing.
    /// </summary>
    public bool Correct(Address address, AddressSource source, DateOnly date, bool verified = false)
    {
        if (address.IsEmpty) throw new ArgumentException("an empty address cannot be current", nameof(address));
        var current = Current;
        if (current is not null && current.Address.SamePlaceAs(address) && current.Status == AddressStatus.Current)
        {
            if (!verified || current.Verified) return false;
            entries[^1] = current with { Verified = true, VerifiedOn = date };
            return true;
        }
        if (source == AddressSource.Import && entries.Any(e => e.Address.SamePlaceAs(address))) return false;

        if (current is not null)
            entries[^1] = current with { Status = current.Status == AddressStatus.Bad ? AddressStatus.Bad : AddressStatus.Previous, Until = date };
        entries.Add(new AddressEntry
        {
            Address = address, Source = source, Since = date, Status = AddressStatus.Current,
            Verified = verified, VerifiedOn = verified ? date : null,
        });
        return true;
    }

    /// <summary>
    /// Mail came back from the current address with <paramref name="reason"/>: it is bad until a correction
    /// replaces it. A second return from the same address changes nothing (returns false).
    /// </summary>
    public bool MarkBad(string reason, DateOnly date)
    {
        var current = Current ?? throw new InvalidOperationException("there is no current address to mark bad");
        if (current.Status == AddressStatus.Bad) return false;
        entries[^1] = current with { Status = AddressStatus.Bad, BadReason = reason, BadOn = date, Verified = false };
        return true;
    }

    /// <summary>A piece was delivered to the current address: it is verified.</summary>
    public bool Verify(DateOnly date)
    {
        if (Current is not { Status: AddressStatus.Current, Verified: false } current) return false;
        entries[^1] = current with { Verified = true, VerifiedOn = date };
        return true;
    }
}
