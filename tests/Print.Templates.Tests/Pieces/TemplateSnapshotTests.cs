using System.Text.Json.Nodes;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Print.Templates.Model;


namespace Print.Templates.Tests.Pieces;

/// <summary>
/// Every template folder under templates/ (whatever is there when the tests run, so new pieces are covered
/// as soon as they are added), merged with its sample and with the adversarial sample: the layout dump
/// catches any moved or changed item exactly, a 100 dpi PNG per page what the dump cannot show.
/// Verified files: Pieces/Snapshots/verified/; accept new or changed ones with PRINT_ACCEPT_SNAPSHOTS=1.
/// </summary>
public class TemplateSnapshotTests
{
    /// <summary>The date snapshots are rendered on when a sample does not give one (letters are dated with it).</summary>
    public static readonly DateTime FixedToday = new(2026, 11, 25);

    public static TheoryData<string> Templates => new(TestSupport.Library.Names);

    [Fact]
    public void TheTemplatesFolderHoldsTheThankYouLetter() => Assert.Contains("thank-you", TestSupport.Library.Names);

    [Theory]
    [MemberData(nameof(Templates))]
    public void SampleMatchesItsVerifiedSnapshots(string name) => Match(name, adversarial: false);

    [Theory]
    [MemberData(nameof(Templates))]
    public void AdversarialSampleMatchesItsVerifiedSnapshots(string name) => Match(name, adversarial: true);

    private static void Match(string name, bool adversarial)
    {
        var template = TestSupport.Library.Get(name); // throws TemplateCheckException listing every problem
        var model = StableSample(template);
        if (adversarial) model = AdversarialSample.From(model);
        var document = TestSupport.Renderer.Render(template, model);
        var snapshot = $"{name}-{(adversarial ? "adversarial" : "sample")}";

        Snapshot.MatchText(snapshot, document.Dump());
        for (int i = 0; i < document.Pages.Count; i++)
            Snapshot.MatchPng($"{snapshot}-page{i + 1}", PngRenderer.Render(document.Pages[i], dpi: 100));
        Assert.All(document.Pages, page => Assert.NotEmpty(page.Items.OfType<TextRun>()));
    }

    /// <summary>The sample as production prepares it, on a fixed date unless the sample gives one (so snapshots do not change daily).</summary>
    private static TemplateModel StableSample(PrintTemplate template)
    {
        var json = File.ReadAllText(template.SamplePath);
        var model = TemplateJson.Read<TemplateModel>(json, template.SamplePath);
        if (JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true }) is JsonObject o
            && !o.ContainsKey("today"))
            model.Today = FixedToday;
        return TestSupport.Library.Prepare(template, model);
    }
}
