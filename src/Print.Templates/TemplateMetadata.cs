namespace Print.Templates;

/// <summary>template.json: what production needs to know about a piece besides its layout.</summary>
public sealed class TemplateMetadata
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>The page (or card) size the markup must use: A4, postcard, "210×100 mm"…</summary>
    public string Page { get; set; } = "A4";
    public EnvelopeMetadata? Envelope { get; set; }
    /// <summary>ordinary, registered or registered-receipt.</summary>
    public string MailClass { get; set; } = "ordinary";
    /// <summary>Sheets of paper per piece, for the inserter and postage.</summary>
    public int Sheets { get; set; } = 1;
    /// <summary>Pages every piece must have (a two-sided card: 2); unset when it depends on the data.</summary>
    public int? Pages { get; set; }
    public List<string> Fonts { get; set; } = new();
    /// <summary>The layout template (Scriban producing markup), relative to the template folder.</summary>
    public string Document { get; set; } = "piece.sbn";
    /// <summary>Plain-text SMS for the fallback channel (≤ 70 characters is one SMS).</summary>
    public string? Sms { get; set; }
    public string? EmailSubject { get; set; }
    public string? EmailHtml { get; set; }
    public string? EmailText { get; set; }
    /// <summary>Sample data, merged for proofs and validation.</summary>
    public string Sample { get; set; } = "sample.json";
}

public sealed class EnvelopeMetadata
{
    /// <summary>DL, ZL, C5, C4, B6 (GB/T 1416).</summary>
    public string Size { get; set; } = "";
    /// <summary>Where the envelope's window lies over the folded letter: the address <c>place</c> must be exactly here.</summary>
    public WindowMetadata? Window { get; set; }
}

public sealed class WindowMetadata
{
    public string X { get; set; } = "";
    public string Y { get; set; } = "";
    public string Width { get; set; } = "";
    public string Height { get; set; } = "";
}
