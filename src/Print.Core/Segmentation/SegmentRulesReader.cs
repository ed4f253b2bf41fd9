using System.Text.Json;
using Print.Core.Text;

namespace Print.Core.Segmentation;

/// <summary>
/// Reads a rules file strictly: unknown properties, fields, segments and operators, thresholds of the wrong
/// type and misplaced catch-alls are all errors with their JSON path, collected in one go. A marketer's typo
/// must fail loudly, not silently put everyone in low-value.
/// </summary>
internal static class SegmentRulesReader
{
    public static SegmentRules Read(string json, string source)
    {
        using var document = JsonFile.Parse(json, source);
        var root = document.RootElement;
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidFileException(source, ["$: expected an object with \"rules\""]);

        JsonFile.RejectUnknown(root, JsonPath.Root, errors, "description", "response_window_days", "rules");
        int window = SegmentRules.DefaultResponseWindowDays;
        if (root.TryGetProperty("response_window_days", out var w))
        {
            if (w.ValueKind == JsonValueKind.Number && w.TryGetInt32(out int days) && days > 0) window = days;
            else errors.Add("$.response_window_days: expected a whole number of days above 0");
        }

        var rules = new List<SegmentRule>();
        if (!root.TryGetProperty("rules", out var list)) errors.Add("$.rules: missing; expected the ordered list of rules");
        else if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0) errors.Add("$.rules: expected a non-empty list of rules");
        else
        {
            int count = list.GetArrayLength(), i = 0;
            foreach (var rule in list.EnumerateArray())
            {
                if (ReadRule(rule, JsonPath.Index("$.rules", i), i, isLast: i == count - 1, window, errors) is { } r) rules.Add(r);
                i++;
            }
        }
        if (errors.Count > 0) throw new InvalidFileException(source, errors);
        return new SegmentRules(rules, window);
    }

    private static SegmentRule? ReadRule(JsonElement rule, string path, int index, bool isLast, int window, List<string> errors)
    {
        if (rule.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected a rule object"); return null; }
        int before = errors.Count;
        JsonFile.RejectUnknown(rule, path, errors, "segment", "name", "conditions");

        string segment = "";
        if (!rule.TryGetProperty("segment", out var s)) errors.Add($"{path}.segment: missing");
        else if (s.ValueKind != JsonValueKind.String || !Segments.All.Contains(s.GetString()))
            errors.Add($"{path}.segment: unknown segment {s.GetRawText()}; expected one of {string.Join(", ", Segments.All)}");
        else segment = s.GetString()!;

        string name = $"rule {index + 1}";
        if (rule.TryGetProperty("name", out var n))
        {
            if (n.ValueKind == JsonValueKind.String) name = n.GetString()!;
            else errors.Add($"{path}.name: expected text");
        }

        var conditions = new List<Condition>();
        if (!rule.TryGetProperty("conditions", out var list)) errors.Add($"{path}.conditions: missing; use [] for the last, catch-all rule");
        else if (list.ValueKind != JsonValueKind.Array) errors.Add($"{path}.conditions: expected a list of conditions");
        else if (list.GetArrayLength() == 0 && !isLast)
            errors.Add($"{path}.conditions: empty; only the last rule may be a catch-all (the rules after it could never match)");
        else
        {
            int i = 0;
            foreach (var condition in list.EnumerateArray())
            {
                if (ReadCondition(condition, JsonPath.Index($"{path}.conditions", i++), window, errors) is { } c) conditions.Add(c);
            }
        }
        return errors.Count == before ? new SegmentRule(segment, name, conditions) : null;
    }

    private static Condition? ReadCondition(JsonElement condition, string path, int window, List<string> errors)
    {
        if (condition.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected {{ \"field\": …, \"op\": …, \"value\": … }}"); return null; }
        JsonFile.RejectUnknown(condition, path, errors, "field", "op", "value");

        if (!condition.TryGetProperty("field", out var f) || f.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.field: missing; expected one of {string.Join(", ", FactField.All.Keys)}");
            return null;
        }
        if (!FactField.All.TryGetValue(f.GetString()!, out var field))
        {
            errors.Add($"{path}.field: unknown field \"{f.GetString()}\"; expected one of {string.Join(", ", FactField.All.Keys)}");
            return null;
        }

        var operators = field.Kind == FactKind.Text ? Condition.TextOperators : Condition.NumberOperators;
        if (!condition.TryGetProperty("op", out var o) || o.ValueKind != JsonValueKind.String || !operators.ContainsKey(o.GetString()!))
        {
            var given = o.ValueKind == JsonValueKind.Undefined ? "missing" : $"unknown operator {o.GetRawText()} for {field.Key}";
            errors.Add($"{path}.op: {given}; expected one of {string.Join(", ", operators.Keys)}");
            return null;
        }
        var op = o.GetString()!;

        if (!condition.TryGetProperty("value", out var value)) { errors.Add($"{path}.value: missing"); return null; }
        var label = field.Label.Replace("{days}", window.ToString());
        var valuePath = $"{path}.value";
        if (field.Kind == FactKind.Text)
        {
            var texts = value.ValueKind == JsonValueKind.String ? [value.GetString()!]
                : value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && t.GetString()!.Trim().Length > 0)
                    ? value.EnumerateArray().Select(t => t.GetString()!.Trim()).ToArray() : null;
            if (texts is null || texts.Length == 0 || texts.Any(t => t.Trim().Length == 0))
            {
                errors.Add($"{valuePath}: {field.Key} {op} needs text or a non-empty list of texts, got {value.GetRawText()}");
                return null;
            }
            return new Condition(field, op, [], texts, label);
        }

        if (op == "between")
        {
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2 || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
            {
                errors.Add($"{valuePath}: {field.Key} between needs two numbers [from, to], got {value.GetRawText()}");
                return null;
            }
            decimal from = value[0].GetDecimal(), to = value[1].GetDecimal();
            if (from > to) { errors.Add($"{valuePath}: between needs the smaller number first, got {value.GetRawText()}"); return null; }
            return new Condition(field, op, [from, to], [], label);
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{valuePath}: {field.Key} {op} needs a number, got {value.GetRawText()}");
            return null;
        }
        return new Condition(field, op, [value.GetDecimal()], [], label);
    }
}
