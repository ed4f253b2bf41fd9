using System.Collections.Concurrent;
using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Templates;

namespace Print.Production.Batches;

/// <summary>What production takes from a template's template.json: paper, envelope, mail class, sheets per piece.</summary>
public sealed record TemplateFacts(string Name, string Paper, string? Envelope, MailClass MailClass, int Sheets);

/// <summary>
/// The templates folder as production sees it: each template's facts from its template.json (read once), and
/// the content hash of a batch's template folders that an approval records (<see cref="TemplateHash"/>).
/// </summary>
public sealed class TemplateCatalog(string root)
{
    private readonly ConcurrentDictionary<string, TemplateFacts> facts = new(StringComparer.Ordinal);

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The facts of template <paramref name="name"/>; a missing or unreadable template.json is a <see cref="TemplateException"/>.</summary>
    public TemplateFacts this[string name] => facts.GetOrAdd(name, Read);

    private TemplateFacts Read(string name)
    {
        var path = Path.Combine(Folder(name), "template.json");
        if (!File.Exists(path))
            throw new TemplateException(Path.Combine("templates", name, "template.json"), 0, 0, $"no template '{name}' in {Root}");
        var metadata = TemplateJson.Read<TemplateMetadata>(File.ReadAllText(path), Path.Combine("templates", name, "template.json"));
        var mailClass = metadata.MailClass switch
        {
            "ordinary" => MailClass.Ordinary,
            "registered" => MailClass.Registered,
            "registered-receipt" => MailClass.RegisteredWithReturnReceipt,
            var other => throw new TemplateException(Path.Combine("templates", name, "template.json"), 0, 0,
                $"mail_class \"{other}\" is not ordinary, registered or registered-receipt"),
        };
        var envelope = metadata.Envelope is { Size.Length: > 0 } e ? e.Size : null;
        return new TemplateFacts(name, metadata.Page, envelope, mailClass, Math.Max(1, metadata.Sheets));
    }

    public string Folder(string name)
    {
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(".."))
            throw new TemplateException(name, 0, 0, "not a template name");
        return Path.Combine(Root, name);
    }

    /// <summary>
    /// The hash an approval records and printing checks, the same as the renderer's (<c>BatchRenderer.Hash</c>):
    /// for one template <see cref="TemplateHash.OfFolder"/> of its folder; for several, <see cref="TemplateHash.Of"/>
    /// over each template's folder hash by name. A change to any file of any of them gives another hash.
    /// </summary>
    public string Hash(IEnumerable<string> documents)
    {
        var names = documents.Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 1) return TemplateHash.OfFolder(Folder(names[0]));
        return TemplateHash.Of(names.Select(n => KeyValuePair.Create(n, TemplateHash.OfFolder(Folder(n)))));
    }

    /// <summary>The strongest of two mail classes (ordinary &lt; registered &lt; registered with return receipt).</summary>
    public static MailClass Stronger(MailClass a, MailClass b) => (MailClass)Math.Max((int)a, (int)b);
}
