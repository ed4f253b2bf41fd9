namespace Print.Core.Campaigns;

/// <summary>
/// Everything a marketer configures about the campaign calendar (README.md beside this file): when each trigger
/// fires and until when its piece is useful, which channels each segment gets, the frequency cap and the quiet
/// periods. Read from a JSON file, checked strictly; the shipped defaults are <c>default-campaign.json</c>.
/// </summary>
public sealed class CampaignSettings
{
    internal CampaignSettings(CampaignCalendar calendar, ChannelPlan channels, FrequencyCap cap, QuietPeriods quiet)
    {
        Calendar = calendar;
        Channels = channels;
        Cap = cap;
        Quiet = quiet;
    }

    public CampaignCalendar Calendar { get; }
    public ChannelPlan Channels { get; }
    public FrequencyCap Cap { get; }
    public QuietPeriods Quiet { get; }

    private const string DefaultResource = "Print.Core.Campaigns.default-campaign.json";

    private static readonly Lazy<CampaignSettings> DefaultSettings = new(() => Parse(DefaultJson, "default-campaign.json"));

    /// <summary>The shipped settings: the seed's triggers and timings, the channel matrix per segment, a cap of 4 pieces in 30 days.</summary>
    public static CampaignSettings Default => DefaultSettings.Value;

    /// <summary>The shipped settings file's text, for a marketer to start their own copy from.</summary>
    public static string DefaultJson
    {
        get
        {
            using var stream = typeof(CampaignSettings).Assembly.GetManifestResourceStream(DefaultResource)
                ?? throw new InvalidOperationException($"the embedded resource {DefaultResource} is missing");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Reads and checks a settings file; throws <see cref="Text.InvalidFileException"/> naming the file and every mistake with its JSON path.</summary>
    public static CampaignSettings Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads and checks settings text; <paramref name="source"/> names it in errors.</summary>
    public static CampaignSettings Parse(string json, string source) => CampaignSettingsReader.Read(json, source);
}
