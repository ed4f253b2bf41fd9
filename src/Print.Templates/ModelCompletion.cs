using Print.Templates.Helpers;
using Print.Templates.Model;

namespace Print.Templates;

/// <summary>Fills the fields a template may rely on that data files may leave out.</summary>
public static class ModelCompletion
{
    /// <summary>Completes a data record for <paramref name="template"/>: the default sender, mail class and sheets, derived fields.</summary>
    public static TemplateModel Prepare(TemplateModel model, PrintTemplate template, Sender defaultSender)
    {
        // A copy: a template may assign to the model, and one piece must not change the next one's sender.
        if (model.Sender.Company.Length == 0) model.Sender = defaultSender.Copy();
        if (model.Piece.MailClass.Length == 0) model.Piece.MailClass = template.Metadata.MailClass;
        if (model.Piece.SheetCount <= 1) model.Piece.SheetCount = template.Metadata.Sheets;
        return Complete(model, template.Name);
    }

    public static TemplateModel Complete(TemplateModel model, string? kind = null)
    {
        var c = model.Customer;
        if (c.Honorific.Length == 0) c.Honorific = ChineseFormats.Honorific(c.Gender);
        if (c.Birthday is { } birthday && c.Age is null) c.Age = ChineseFormats.Age(birthday, model.Today);
        if (c.Address.Length == 0) c.Address = string.Concat(c.Province, c.City, c.District, c.Street);
        if (model.Piece.Kind.Length == 0 && kind is not null) model.Piece.Kind = kind;
        return model;
    }
}
