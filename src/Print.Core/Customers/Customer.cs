using Print.Core.Segmentation;

namespace Print.Core.Customers;

/// <summary>A car-insurance customer of the insurer, as the campaign knows them.</summary>
public sealed class Customer
{
    /// <summary>The insurer's customer number (客户编号); imports upsert by it.</summary>
    public required string Id { get; init; }
    public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly? Birthday { get; set; }
    /// <summary>18-character resident ID number (居民身份证号), validated; null when not given.</summary>
    public string? IdNumber { get; set; }
    /// <summary>11 digits without +86 or separators; empty when unknown.</summary>
    public string Mobile { get; set; } = "";
    public string Email { get; set; } = "";
    public string Occupation { get; set; } = "";
    public ContactPreferences Contact { get; set; } = new();
    public AddressBook Addresses { get; init; } = new();
    /// <summary>The last segmentation: which segment and why. Null until segmented.</summary>
    public SegmentAssignment? Segment { get; set; }

    /// <summary>Why no letter can go to this customer now, or null when one can.</summary>
    public string? NotMailableReason => Contact.Stopped is { } stop ? stop.ToString()
        : Contact.DoNotMail ? "the customer asked not to be mailed"
        : Addresses.Current switch
        {
            null => "no address",
            { Status: AddressStatus.Bad } bad => $"the address was marked bad on {bad.BadOn:yyyy-MM-dd}: {bad.BadReason}",
            { Address.Postcode.Length: 0 } => "no postcode",
            { Address.Street.Length: 0 } => "no street address",
            _ => null,
        };

    public bool IsMailable => NotMailableReason is null;

    /// <summary>Whole years of age on <paramref name="today"/>, when the birthday is known.</summary>
    public int? AgeOn(DateOnly today) => Birthday is { } b ? Years.Between(b, today) : null;

    /// <summary>
    /// Takes in what a newer import says about this customer. Fields the file leaves empty keep what is known;
    /// do-not-contact flags are never lifted by a file; the address goes through the address book's import
    /// rules, and the segment is left for the next segmentation. Returns whether anything changed.
    /// </summary>
    public bool UpdateFrom(Customer imported, DateOnly date)
    {
        if (imported.Id != Id) throw new ArgumentException($"customer {imported.Id} cannot update customer {Id}", nameof(imported));
        bool changed = false;
        Set(Name, imported.Name, v => Name = v);
        Set(Mobile, imported.Mobile, v => Mobile = v);
        Set(Email, imported.Email, v => Email = v);
        Set(Occupation, imported.Occupation, v => Occupation = v);
        if (imported.IdNumber is { } id && id != IdNumber) { IdNumber = id; changed = true; }
        if (imported.Gender != Gender.Unknown && imported.Gender != Gender) { Gender = imported.Gender; changed = true; }
        if (imported.Birthday is { } birthday && birthday != Birthday) { Birthday = birthday; changed = true; }
        var contact = Contact.MergedWith(imported.Contact);
        if (contact != Contact) { Contact = contact; changed = true; }
        if (imported.Addresses.Current is { } entry) changed |= Addresses.Correct(entry.Address, AddressSource.Import, date);
        return changed;

        void Set(string old, string value, Action<string> set)
        {
            if (value.Length == 0 || value == old) return;
            set(value);
            changed = true;
        }
    }
}
