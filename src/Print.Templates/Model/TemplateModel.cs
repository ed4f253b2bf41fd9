namespace Print.Templates.Model;

// What a template sees. Property names reach templates (and JSON data files) in snake_case:
// Customer.PostCode → customer.post_code. Unknown names are errors in both, never silently empty.

/// <summary>Everything one mail piece is merged with.</summary>
public sealed class TemplateModel
{
    public Customer Customer { get; set; } = new();
    public Policy Policy { get; set; } = new();
    public Piece Piece { get; set; } = new();
    public Campaign Campaign { get; set; } = new();
    public Sender Sender { get; set; } = new();
    /// <summary>The date the piece is produced (letters are dated with it).</summary>
    public DateTime Today { get; set; } = DateTime.Today;
}

public sealed class Customer
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>男 or 女 (M/F accepted in data); empty when unknown.</summary>
    public string Gender { get; set; } = "";
    /// <summary>先生 or 女士, derived from the gender when the data does not give it.</summary>
    public string Honorific { get; set; } = "";
    public DateTime? Birthday { get; set; }
    /// <summary>Whole years on <see cref="TemplateModel.Today"/>, derived from the birthday.</summary>
    public int? Age { get; set; }
    public string Mobile { get; set; } = "";
    public string Email { get; set; } = "";
    public string Province { get; set; } = "";
    public string City { get; set; } = "";
    public string District { get; set; } = "";
    /// <summary>Street, number, building and room.</summary>
    public string Street { get; set; } = "";
    /// <summary>The full address line as printed: province + city + district + street (derived when empty).</summary>
    public string Address { get; set; } = "";
    public string Postcode { get; set; } = "";
    /// <summary>high-value, risk, opportunity or low-value.</summary>
    public string Segment { get; set; } = "";
}

public sealed class Policy
{
    public string Number { get; set; } = "";
    public string Plate { get; set; } = "";
    public string CarModel { get; set; } = "";
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }
    /// <summary>Yuan.</summary>
    public decimal Premium { get; set; }
    public List<Coverage> Coverages { get; set; } = new();
    public int ClaimsCount { get; set; }
    public decimal ClaimsAmount { get; set; }
}

/// <summary>One line of a policy or a proposal: 险种, 保额 and 保费.</summary>
public sealed class Coverage
{
    public string Name { get; set; } = "";
    /// <summary>Sum insured in yuan; 0 when the coverage has none (e.g. a service).</summary>
    public decimal SumInsured { get; set; }
    public decimal Premium { get; set; }
    public string Note { get; set; } = "";
}

public sealed class Piece
{
    public string Id { get; set; } = "";
    /// <summary>The template name: thank-you, survey, proposal, invitation, greeting-card.</summary>
    public string Kind { get; set; } = "";
    /// <summary>UPU S10 number of a registered piece (RR473124829CN); empty for ordinary mail.</summary>
    public string TrackingNumber { get; set; } = "";
    /// <summary>ordinary, registered or registered-receipt (double registered, with 回执).</summary>
    public string MailClass { get; set; } = "";
    public string ResponseCode { get; set; } = "";
    public string ResponseUrl { get; set; } = "";
    public int SheetCount { get; set; } = 1;
}

public sealed class Campaign
{
    public string Name { get; set; } = "";
    public string Offer { get; set; } = "";
    /// <summary>For greeting cards: birthday, spring-festival, mid-autumn, dragon-boat, national-day, new-year.</summary>
    public string Occasion { get; set; } = "";
    /// <summary>The date the occasion falls on (the holiday, or this year's birthday).</summary>
    public DateTime? OccasionDate { get; set; }
    public Event Event { get; set; } = new();
    /// <summary>Last date a proposal's quote or an offer is valid.</summary>
    public DateTime? ValidUntil { get; set; }
}

public sealed class Event
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTime? Date { get; set; }
    public string Time { get; set; } = "";
    public string Place { get; set; } = "";
    public string Address { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime? RsvpBy { get; set; }
}

/// <summary>The insurer branch that sends the piece.</summary>
public sealed class Sender
{
    public string Company { get; set; } = "";
    public string Branch { get; set; } = "";
    public string Address { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string Hotline { get; set; } = "";
    public string Website { get; set; } = "";

    /// <summary>A copy of its own (every member is a string, so a shallow copy is a whole one).</summary>
    public Sender Copy() => (Sender)MemberwiseClone();
}
