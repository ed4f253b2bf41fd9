using System.Collections;
using System.Reflection;
using Print.Templates.Model;
using Scriban.Syntax;

namespace Print.Templates.Merge;

/// <summary>
/// Finds model members a template names that do not exist (<c>customer.nmae</c>), in every branch, not
/// only the ones the sample data happens to take.
/// </summary>
internal sealed class ModelMemberCheck : ScriptVisitor
{
    private static readonly Dictionary<string, Type> Roots = new()
    {
        ["customer"] = typeof(Customer), ["policy"] = typeof(Policy), ["piece"] = typeof(Piece),
        ["campaign"] = typeof(Campaign), ["sender"] = typeof(Sender),
    };

    private readonly Dictionary<string, Type> _loopVariables = new();
    public List<(int Line, int Column, string Message)> Problems { get; } = new();

    public static List<(int Line, int Column, string Message)> Check(Scriban.Template template)
    {
        var check = new ModelMemberCheck();
        if (template.Page is null) return check.Problems;
        var assigned = new AssignedNames();
        template.Page.Accept(assigned);
        check._known.UnionWith(assigned.Names);
        template.Page.Accept(check);
        return check.Problems;
    }

    /// <summary>Names a template may read without defining them: the model, our functions, Scriban's builtins.</summary>
    private static readonly HashSet<string> Predefined = new(
        Roots.Keys.Append("today")
            .Concat(TemplateFunctions.CreateGlobals().Keys)
            .Concat(new Scriban.Functions.BuiltinFunctions().Keys)
            .Concat(new[] { "for", "forloop", "tablerow", "tablerowloop", "while", "this", "null", "true", "false", "empty", "blank" }),
        StringComparer.Ordinal);

    private readonly HashSet<string> _known = new(Predefined, StringComparer.Ordinal);

    public override void Visit(ScriptVariableGlobal node)
    {
        if (!_known.Contains(node.Name))
            Problems.Add((node.Span.Start.Line + 1, node.Span.Start.Column + 1,
                $"unknown variable '{node.Name}' (the model has {string.Join(", ", Roots.Keys.Append("today"))})"));
        base.Visit(node);
    }

    /// <summary>Every name the template itself defines: assignments, loop variables, captures, functions.</summary>
    private sealed class AssignedNames : ScriptVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public override void Visit(ScriptAssignExpression node) { Add(node.Target); base.Visit(node); }
        public override void Visit(ScriptForStatement node) { Add(node.Variable); base.Visit(node); }
        public override void Visit(ScriptCaptureStatement node) { Add(node.Target); base.Visit(node); }
        public override void Visit(ScriptFunction node)
        {
            Add(node.NameOrDoToken as ScriptExpression);
            foreach (var parameter in node.Parameters ?? new ScriptList<ScriptParameter>()) Add(parameter.Name);
            base.Visit(node);
        }

        private void Add(ScriptExpression? target)
        {
            if (target is ScriptVariable v) Names.Add(v.Name);
        }
    }

    public override void Visit(ScriptForStatement node)
    {
        var itemType = ElementType(TypeOf(node.Iterator));
        var name = (node.Variable as ScriptVariable)?.Name;
        if (itemType is not null && name is not null)
        {
            _loopVariables[name] = itemType;
            base.Visit(node);
            _loopVariables.Remove(name);
        }
        else base.Visit(node);
    }

    public override void Visit(ScriptMemberExpression node)
    {
        var targetType = TypeOf(node.Target);
        var member = node.Member?.ToString();
        if (targetType is not null && IsModel(targetType) && member is not null && Property(targetType, member) is null)
        {
            var known = string.Join(", ", Properties(targetType).Select(p => TemplateFunctions.Rename(p)).Order());
            Problems.Add((node.Member!.Span.Start.Line + 1, node.Member.Span.Start.Column + 1,
                $"unknown member '{member}' of {node.Target} (known: {known})"));
        }
        node.Target?.Accept(this); // the member name itself is not a variable
    }

    private Type? TypeOf(ScriptNode? node) => node switch
    {
        ScriptVariable v when _loopVariables.TryGetValue(v.Name, out var t) => t,
        ScriptVariable v when Roots.TryGetValue(v.Name, out var t) => t,
        ScriptMemberExpression m when TypeOf(m.Target) is { } t && IsModel(t) && m.Member?.ToString() is { } name => Property(t, name)?.PropertyType,
        ScriptIndexerExpression ix => ElementType(TypeOf(ix.Target)),
        _ => null,
    };

    private static IEnumerable<PropertyInfo> Properties(Type t) => t.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>Members of types outside the model (dates, strings, lists) are Scriban's business, not checked here.</summary>
    private static bool IsModel(Type t) => t.Namespace == typeof(Customer).Namespace;

    private static PropertyInfo? Property(Type t, string name) => Properties(t).FirstOrDefault(p => TemplateFunctions.Rename(p) == name);

    private static Type? ElementType(Type? t) =>
        t is not null && t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && t.IsGenericType ? t.GetGenericArguments()[0] : null;
}
