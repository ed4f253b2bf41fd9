namespace Print.Core.Segmentation;

/// <summary>
/// One comparison of a rule: a field, an operator and its threshold(s). Numbers compare with &lt; &lt;= &gt; &gt;= =
/// != or between (both ends included); texts with in, not_in (exact, ignoring case) or contains (any of the
/// given words).
/// </summary>
public sealed class Condition
{
    internal static readonly IReadOnlyDictionary<string, string> NumberOperators = new Dictionary<string, string>
    {
        ["<"] = "<", ["<="] = "≤", [">"] = ">", [">="] = "≥", ["="] = "=", ["!="] = "≠", ["between"] = "between",
    };
    internal static readonly IReadOnlyDictionary<string, string> TextOperators = new Dictionary<string, string>
    {
        ["in"] = "is one of", ["not_in"] = "is none of", ["contains"] = "contains",
    };

    private readonly FactField fact;
    private readonly string label;

    internal Condition(FactField field, string op, decimal[] numbers, string[] texts, string label)
    {
        this.fact = field;
        this.label = label;
        Operator = op;
        Numbers = numbers;
        Texts = texts;
    }

    public string Field => fact.Key;
    public string Operator { get; }
    /// <summary>The threshold, or the two ends of between.</summary>
    public IReadOnlyList<decimal> Numbers { get; }
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Whether the condition holds for <paramref name="facts"/>, and if so the reason in words.</summary>
    internal bool Holds(SegmentFacts facts, out string reason)
    {
        reason = "";
        if (fact.Kind == FactKind.Text) return HoldsForText(fact.Texts!(facts), out reason);
        if (fact.Number!(facts) is not { } value) return false;
        bool holds = Operator switch
        {
            "<" => value < Numbers[0],
            "<=" => value <= Numbers[0],
            ">" => value > Numbers[0],
            ">=" => value >= Numbers[0],
            "=" => value == Numbers[0],
            "!=" => value != Numbers[0],
            "between" => Numbers[0] <= value && value <= Numbers[1],
            _ => false,
        };
        if (holds)
            reason = Operator == "between"
                ? $"{label} {fact.Format(value)} between {fact.Format(Numbers[0])} and {fact.Format(Numbers[1])}"
                : $"{label} {fact.Format(value)} {NumberOperators[Operator]} {fact.Format(Numbers[0])}";
        return holds;
    }

    private bool HoldsForText(IReadOnlyList<string> values, out string reason)
    {
        reason = "";
        if (Operator == "contains")
        {
            foreach (var value in values)
                if (Texts.FirstOrDefault(t => value.Contains(t, StringComparison.OrdinalIgnoreCase)) is { } word)
                {
                    reason = $"{label} {value} contains {word}";
                    return true;
                }
            return false;
        }
        bool Listed(string value) => Texts.Any(t => string.Equals(value.Trim(), t, StringComparison.OrdinalIgnoreCase));
        var match = Operator == "in" ? values.FirstOrDefault(Listed)
            : values.Count > 0 && !values.Any(Listed) ? values[0] : null;
        if (match is null) return false;
        reason = $"{label} {match} {TextOperators[Operator]} {string.Join(", ", Texts)}";
        return true;
    }
}
