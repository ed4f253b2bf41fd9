using LiteDB;
using Print.Core.Customers;
using Print.Core.Segmentation;

namespace Print.Store.LiteDb;

/// <summary>
/// The documents the LiteDB store writes, spelled out field by field rather than left to reflection: the Core
/// types have init-only and computed members (Customer.IsMailable, AddressBook.Current, Policy.Margin) that
/// must not be stored, a read-only address list, and DateOnly, which LiteDB 5 does not know.
/// <para>
/// <b>DateOnly is an Int32 yyyymmdd</b> (2026-11-18 → 20261118): numbers order like the dates they stand for,
/// so the store's day lists, keyed by day, answer "policies ending between two days" with a range scan, and an Int32 is
/// smaller and compares faster than an ISO string (which would order correctly too). Field names are
/// snake_case, as in the import files and the rules.
/// </para>
/// </summary>
public static class StoreMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { SerializeNullValues = false, TrimWhitespace = false, EmptyStringToNull = false };
        mapper.RegisterType<DateOnly>(d => Date(d), v => Date(v));
        mapper.RegisterType<Customer>(c => Document(c), v => Customer(v.AsDocument));
        mapper.RegisterType<Policy>(p => Document(p), v => Policy(v.AsDocument));
        return mapper;
    }

    public static BsonValue Date(DateOnly d) => new BsonValue(d.Year * 10000 + d.Month * 100 + d.Day);

    public static DateOnly Date(BsonValue v)
    {
        int n = v.AsInt32;
        return new DateOnly(n / 10000, n / 100 % 100, n % 100);
    }

    internal static BsonValue Date(DateOnly? d) => d is { } day ? Date(day) : BsonValue.Null;

    internal static DateOnly? OptionalDate(BsonValue v) => v.IsNull ? null : Date(v);

    private static BsonValue Text(string? s) => s is null ? BsonValue.Null : new BsonValue(s);

    /// <summary>
    /// <paramref name="d"/> without its null fields, in nested documents and arrays too: an absent field reads as
    /// null (<c>d["until"]</c> is <see cref="BsonValue.Null"/> either way), while every stored field is written,
    /// read and given a dictionary entry by LiteDB each time — a customer usually has 6 null fields of 37 (address
    /// end, verification and return; preferred channel, contact stop), and leaving them out made re-segmenting a
    /// million customers ~10 % faster. Documents stored with their nulls read the same.
    /// </summary>
    internal static BsonDocument WithoutNulls(BsonDocument d)
    {
        List<string>? nulls = null;
        foreach (var field in d)
        {
            if (field.Value.IsNull) (nulls ??= []).Add(field.Key);
            else WithoutNullsWithin(field.Value);
        }
        if (nulls is not null)
            foreach (var name in nulls) d.Remove(name);
        return d;

        static void WithoutNullsWithin(BsonValue v)
        {
            if (v.IsDocument) WithoutNulls(v.AsDocument);
            else if (v.IsArray)
                foreach (var item in v.AsArray) WithoutNullsWithin(item);
        }
    }

    // ---------------------------------------------------------------- customers

    public static BsonDocument Document(Customer c) => WithoutNulls(new()
    {
        ["_id"] = c.Id,
        ["name"] = c.Name,
        ["gender"] = c.Gender.ToString(),
        ["birthday"] = Date(c.Birthday),
        // Month and day as MMDD (1203 for 3 December), indexed: the planner's "whose birthday card goes out today".
        ["birthday_md"] = c.Birthday is { } b ? new BsonValue(b.Month * 100 + b.Day) : BsonValue.Null,
        ["id_number"] = Text(c.IdNumber),
        ["mobile"] = c.Mobile,
        ["email"] = c.Email,
        ["occupation"] = c.Occupation,
        ["contact"] = new BsonDocument
        {
            ["do_not_mail"] = c.Contact.DoNotMail,
            ["do_not_sms"] = c.Contact.DoNotSms,
            ["do_not_email"] = c.Contact.DoNotEmail,
            ["do_not_call"] = c.Contact.DoNotCall,
            ["preferred_channel"] = c.Contact.PreferredChannel is { } ch ? ch.ToString() : BsonValue.Null,
            ["stopped"] = c.Contact.Stopped is { } stop ? new BsonDocument { ["reason"] = stop.Reason, ["on"] = Date(stop.On) } : BsonValue.Null,
        },
        ["addresses"] = new BsonArray(c.Addresses.Entries.Select(Document)),
        ["segment"] = Document(c.Segment),
    });

    public static Customer Customer(BsonDocument d)
    {
        var contact = d["contact"].AsDocument;
        return new Customer
        {
            Id = d["_id"].AsString,
            Name = d["name"].AsString,
            Gender = Enum.Parse<Gender>(d["gender"].AsString),
            Birthday = OptionalDate(d["birthday"]),
            IdNumber = d["id_number"].IsNull ? null : d["id_number"].AsString,
            Mobile = d["mobile"].AsString,
            Email = d["email"].AsString,
            Occupation = d["occupation"].AsString,
            Contact = new ContactPreferences
            {
                DoNotMail = contact["do_not_mail"].AsBoolean,
                DoNotSms = contact["do_not_sms"].AsBoolean,
                DoNotEmail = contact["do_not_email"].AsBoolean,
                DoNotCall = contact["do_not_call"].AsBoolean,
                PreferredChannel = contact["preferred_channel"].IsNull ? null : Enum.Parse<Channel>(contact["preferred_channel"].AsString),
                // Absent from records stored before contact could be stopped: null.
                Stopped = contact["stopped"] is { IsDocument: true } stop ? new ContactStop(stop["reason"].AsString, Date(stop["on"])) : null,
            },
            Addresses = new AddressBook { Entries = d["addresses"].AsArray.Select(v => AddressEntry(v.AsDocument)).ToList() },
            Segment = d["segment"].IsNull ? null : Segment(d["segment"].AsDocument),
        };
    }

    private static BsonValue Document(AddressEntry e) => new BsonDocument
    {
        ["province"] = e.Address.Province,
        ["city"] = e.Address.City,
        ["district"] = e.Address.District,
        ["street"] = e.Address.Street,
        ["postcode"] = e.Address.Postcode,
        ["source"] = e.Source.ToString(),
        ["since"] = Date(e.Since),
        ["until"] = Date(e.Until),
        ["status"] = e.Status.ToString(),
        ["verified"] = e.Verified,
        ["verified_on"] = Date(e.VerifiedOn),
        ["bad_reason"] = Text(e.BadReason),
        ["bad_on"] = Date(e.BadOn),
    };

    private static AddressEntry AddressEntry(BsonDocument d) => new()
    {
        Address = new Address
        {
            Province = d["province"].AsString, City = d["city"].AsString, District = d["district"].AsString,
            Street = d["street"].AsString, Postcode = d["postcode"].AsString,
        },
        Source = Enum.Parse<AddressSource>(d["source"].AsString),
        Since = Date(d["since"]),
        Until = OptionalDate(d["until"]),
        Status = Enum.Parse<AddressStatus>(d["status"].AsString),
        Verified = d["verified"].AsBoolean,
        VerifiedOn = OptionalDate(d["verified_on"]),
        BadReason = d["bad_reason"].IsNull ? null : d["bad_reason"].AsString,
        BadOn = OptionalDate(d["bad_on"]),
    };

    /// <summary>The segment as stored in its customer's document (null when not segmented yet).</summary>
    internal static BsonValue Document(SegmentAssignment? s) => s is null ? BsonValue.Null : new BsonDocument
    {
        ["segment"] = s.Segment,
        ["rule"] = s.Rule,
        ["reasons"] = new BsonArray(s.Reasons.Select(r => new BsonValue(r))),
        ["on"] = Date(s.On),
    };

    private static SegmentAssignment Segment(BsonDocument d) => new()
    {
        Segment = d["segment"].AsString,
        Rule = d["rule"].AsString,
        Reasons = d["reasons"].AsArray.Select(r => r.AsString).ToList(),
        On = Date(d["on"]),
    };

    // ---------------------------------------------------------------- policies

    public static BsonDocument Document(Policy p) => WithoutNulls(new()
    {
        ["_id"] = p.Number,
        ["customer_id"] = p.CustomerId,
        ["plate"] = p.Plate,
        ["car_model"] = p.CarModel,
        ["start"] = Date(p.Start),
        ["end"] = Date(p.End),
        ["premium"] = p.Premium,
        ["claims_count"] = p.ClaimsCount,
        ["claims_amount"] = p.ClaimsAmount,
        ["profit"] = p.Profit is { } profit ? new BsonValue(profit) : BsonValue.Null,
    });

    public static Policy Policy(BsonDocument d) => new()
    {
        Number = d["_id"].AsString,
        CustomerId = d["customer_id"].AsString,
        Plate = d["plate"].AsString,
        CarModel = d["car_model"].AsString,
        Start = Date(d["start"]),
        End = Date(d["end"]),
        Premium = d["premium"].AsDecimal,
        ClaimsCount = d["claims_count"].AsInt32,
        ClaimsAmount = d["claims_amount"].AsDecimal,
        Profit = d["profit"].IsNull ? null : d["profit"].AsDecimal,
    };
}
