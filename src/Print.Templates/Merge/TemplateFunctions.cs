using System.Reflection;
using Print.Templates.Helpers;
using Scriban.Runtime;

namespace Print.Templates.Merge;

/// <summary>
/// The functions templates may call, besides Scriban's own string, math, array and date builtins. Names are
/// snake_case: <c>{{ cn_date policy.end_date }}</c>, <c>{{ yuan policy.premium }}</c>.
/// </summary>
public static class TemplateFunctions
{
    /// <summary>2026年11月24日 (empty for no date).</summary>
    public static string CnDate(DateTime? date) => date is { } d ? ChineseFormats.Date(d) : "";

    /// <summary>¥1,234.00</summary>
    public static string Yuan(decimal amount) => ChineseFormats.Yuan(amount);

    /// <summary>壹仟贰佰叁拾肆元整</summary>
    public static string YuanCapitals(decimal amount) => ChineseFormats.YuanInCapitals(amount);

    /// <summary>138****5678</summary>
    public static string MaskMobile(string? mobile) => ChineseFormats.MaskMobile(mobile);

    /// <summary>360***********1234</summary>
    public static string MaskId(string? id) => ChineseFormats.MaskId(id);

    /// <summary>先生 / 女士 / empty.</summary>
    public static string Honorific(string? gender) => ChineseFormats.Honorific(gender);

    /// <summary>丙午年（马年）十月初六</summary>
    public static string LunarDate(DateTime? date) => date is { } d ? ChineseFormats.LunarDate(d) : "";

    /// <summary>Stops the merge with the template's own message, e.g. for data the template cannot handle.</summary>
    public static string Fail(string message) => throw new TemplateFailure(message);

    /// <summary>Writes text the template author trusts as layout markup, unescaped. Never pass customer data.</summary>
    public static Merge.TrustedMarkup Markup(string? markup) => new(markup ?? "");

    /// <summary>Customer.PostCode → post_code: the one naming rule for templates and data files.</summary>
    public static string Rename(MemberInfo member) => StandardMemberRenamer.Rename(member.Name);

    internal static ScriptObject CreateGlobals()
    {
        var functions = new ScriptObject();
        functions.Import(typeof(TemplateFunctions), ScriptMemberImportFlags.All,
            filter: m => m.Name is not (nameof(Rename) or nameof(CreateGlobals)), renamer: Rename);
        return functions;
    }
}

/// <summary>Raised by the <c>fail</c> function: the template's own reason for refusing a record.</summary>
public sealed class TemplateFailure(string message) : Exception(message);
