namespace Print.Core.Validation;

/// <summary>Flags such as 不寄信 as spreadsheets hold them: 是/否, Y/N, 1/0, true/false, √; empty is no.</summary>
public static class YesNo
{
    public static Validated<bool> Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "是" or "y" or "yes" or "1" or "true" or "√" or "✓" => true,
        "否" or "n" or "no" or "0" or "false" or "" => false,
        _ => Validated.Fail("not a yes/no value (是 or 否)"),
    };
}
