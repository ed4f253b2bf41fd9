using System.Globalization;
using System.Security;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Print.Templates.Merge;

/// <summary>Markup a template author vouches for: written into the layout as is, not escaped.</summary>
public sealed record TrustedMarkup(string Markup)
{
    public override string ToString() => Markup;
}

/// <summary>
/// The Scriban context every piece is merged in. Values written into the output are XML-escaped, so a
/// customer field such as <c>&lt;/p&gt;</c> or <c>&amp;</c> can never change the layout (only
/// <see cref="TrustedMarkup"/>, from the <c>markup</c> function, is written as is). Sandboxed: no includes,
/// no file or network functions, loop, recursion and output limits, and a time limit per piece. Disposed after
/// the merge: the time limit's timer is then dropped, not left to fire seconds later — a timer a piece firing on
/// the pool made its threads queue on the timer lock while pieces were merged.
/// </summary>
internal sealed class MarkupContext : TemplateContext, IDisposable
{
    private readonly CancellationTokenSource deadline;

    public const int MaxLoopIterations = 10_000;
    public const int MaxOutputCharacters = 2_000_000;

    /// <param name="escape">False for plain-text outputs (SMS, e-mail text), where nothing is markup.</param>
    public MarkupContext(ScriptObject globals, TimeSpan timeLimit, bool escape)
    {
        _escape = escape;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedIndexerAccess = false;
        LoopLimit = MaxLoopIterations;
        RecursiveLimit = 50;
        OutputLimit = MaxOutputCharacters;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = timeLimit;
        AutoIndent = false; // keeps merged columns equal to template columns, for error positions
        TemplateLoader = null;
        MemberRenamer = TemplateFunctions.Rename;
        deadline = new CancellationTokenSource(timeLimit);
        CancellationToken = deadline.Token;
        PushCulture(CultureInfo.InvariantCulture);
        PushGlobal(globals);
    }

    private readonly bool _escape;

    public void Dispose() => deadline.Dispose();

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        var text = textAsObject switch
        {
            null => "",
            TrustedMarkup trusted => trusted.Markup,
            string s => _escape ? SecurityElement.Escape(s) : s,
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => _escape ? SecurityElement.Escape(ObjectToString(textAsObject)) : ObjectToString(textAsObject),
        };
        return base.Write(span, text);
    }
}
