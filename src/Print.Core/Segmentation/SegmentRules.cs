using Print.Core.Customers;

namespace Print.Core.Segmentation;

/// <summary>
/// The marketer's segmentation rules (format in README.md beside this file): an ordered list, the first rule
/// whose conditions all hold gives the segment. A segment may have several rules (any one of them places a
/// customer in it); the last rule may be a catch-all.
/// </summary>
public sealed class SegmentRules
{
    public const int DefaultResponseWindowDays = 180;

    internal SegmentRules(IReadOnlyList<SegmentRule> rules, int responseWindowDays)
    {
        Rules = rules;
        ResponseWindowDays = responseWindowDays;
    }

    public IReadOnlyList<SegmentRule> Rules { get; }

    /// <summary>The days back over which the caller counts <see cref="ResponseHistory"/>.</summary>
    public int ResponseWindowDays { get; }

    private const string DefaultResource = "Print.Core.Segmentation.default-segments.json";

    private static readonly Lazy<SegmentRules> DefaultRules = new(() => Parse(DefaultJson, "default-segments.json"));

    /// <summary>The shipped rules: the seed's four segments with thresholds for Chinese private car insurance.</summary>
    public static SegmentRules Default => DefaultRules.Value;

    /// <summary>The shipped rules file's text, for a marketer to start their own copy from.</summary>
    public static string DefaultJson
    {
        get
        {
            using var stream = typeof(SegmentRules).Assembly.GetManifestResourceStream(DefaultResource)
                ?? throw new InvalidOperationException($"the embedded resource {DefaultResource} is missing");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static SegmentRules Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads and validates a rules file; throws <see cref="Text.InvalidFileException"/> listing every mistake with its JSON path.</summary>
    public static SegmentRules Parse(string json, string source = "segment rules") => SegmentRulesReader.Read(json, source);

    /// <summary>The segment of a customer with these facts, and the reasons.</summary>
    public SegmentAssignment Evaluate(SegmentFacts facts)
    {
        for (int i = 0; i < Rules.Count; i++)
            if (Rules[i].Match(facts) is { } reasons)
                return new SegmentAssignment { Segment = Rules[i].Segment, Rule = Rules[i].Name, Reasons = reasons, On = facts.Today };
        return new SegmentAssignment { Segment = Segments.Unsegmented, Rule = "", On = facts.Today };
    }

    /// <summary>
    /// Segments <paramref name="customer"/> as of <paramref name="today"/> and stores the result on them. When it
    /// says what the customer's assignment already says (segment, rule and reasons), the customer keeps that one
    /// with its day: <see cref="SegmentAssignment.On"/> is when the customer came to stand where they stand, and a
    /// segmentation that finds nothing new has nothing to write.
    /// </summary>
    public SegmentAssignment Assign(Customer customer, IReadOnlyCollection<Policy> policies, DateOnly today, ResponseHistory responses = default)
    {
        var fresh = Evaluate(SegmentFacts.For(customer, policies, today, responses));
        if (customer.Segment is { } held && held.SameAs(fresh)) return held;
        return customer.Segment = fresh;
    }
}
