namespace Print.Core.Customers;

/// <summary>A postal address as the envelope prints it: province, city, district, street; the 6-digit postcode boxes.</summary>
public sealed record Address
{
    public string Province { get; init; } = "";
    public string City { get; init; } = "";
    public string District { get; init; } = "";
    /// <summary>Street, number, building and room.</summary>
    public string Street { get; init; } = "";
    /// <summary>Six digits, or empty when unknown (then nothing can be mailed to the address).</summary>
    public string Postcode { get; init; } = "";

    public bool IsEmpty => Province.Length + City.Length + District.Length + Street.Length + Postcode.Length == 0;

    /// <summary>
    /// The same place written the same way up to spacing: "八一大道 357 号" and "八一大道357号" are one address,
    /// so re-importing a file does not grow the history.
    /// </summary>
    public bool SamePlaceAs(Address other) => Key == other.Key;

    private string Key => string.Concat((Province + "|" + City + "|" + District + "|" + Street + "|" + Postcode).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The address line as printed: 江西省南昌市东湖区八一大道357号.</summary>
    public override string ToString() => Province + City + District + Street;
}
