using Print.Documents.Rendering;



namespace Print.Documents.Tests.Samples;

/// <summary>
/// The shipped samples, page by page: the layout dump catches any moved or changed item exactly, the PNG
/// catches what the dump cannot show (a glyph drawn wrong, a colour, a backend disagreeing with layout).
/// </summary>
public class SampleSnapshotTests
{
    public static TheoryData<string> Samples => new() { "letter", "table", "card" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleMatchesItsVerifiedSnapshots(string sample)
    {
        var path = Path.Combine(RepositoryRoot(), "templates", "samples", sample + ".xml");
        var document = TestSupport.SharedEngine.LayoutFile(path);

        Snapshot.MatchText($"sample-{sample}", document.Dump());
        for (int i = 0; i < document.Pages.Count; i++)
            Snapshot.MatchPng($"sample-{sample}-page{i + 1}", PngRenderer.Render(document.Pages[i], dpi: 100));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Print.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Print.sln not found above the test binaries");
    }
}
