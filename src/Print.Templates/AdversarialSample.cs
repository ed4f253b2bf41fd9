using System.Text.Json;
using Print.Templates.Model;

namespace Print.Templates;

/// <summary>
/// The data every template must survive before it is used: optional fields empty, the longest plausible
/// name and address, XML special characters in every free-text field, and a name with a character from
/// CJK Extension B (𠮷) that common fonts lack.
/// </summary>
public static class AdversarialSample
{
    public const string LongestName = "阿卜杜热合曼·𠮷买提";
    public const string LongestStreet = "孙扎齐牛录镇团结路西三巷幸福家园小区12号楼3单元1502室";
    public const string Markup = "<b>&</p>\"'";

    /// <summary>A deep copy through JSON, so the original stays untouched.</summary>
    public static T Clone<T>(T model) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(model, TemplateJson.Options), TemplateJson.Options)!;

    public static TemplateModel From(TemplateModel sample)
    {
        var m = Clone(sample);
        var c = m.Customer;
        c.Name = LongestName;
        c.Province = "新疆维吾尔自治区";
        c.City = "伊犁哈萨克自治州";
        c.District = "察布查尔锡伯自治县";
        c.Street = LongestStreet + Markup;
        c.Address = "";
        c.Postcode = "835300";
        c.Mobile = "";
        c.Email = "";
        c.Birthday = null;
        c.Age = null;
        c.Gender = "";
        c.Honorific = "";
        m.Policy.Plate = "";
        m.Policy.CarModel += Markup;
        foreach (var coverage in m.Policy.Coverages) coverage.Note += Markup;
        m.Campaign.Offer = m.Campaign.Offer.Length > 0 ? m.Campaign.Offer + Markup : "";
        m.Campaign.Event.Place += Markup;
        m.Campaign.Event.Description = "";
        m.Sender.Branch += "&";
        return ModelCompletion.Complete(m);
    }
}
