using System.Diagnostics;
using System.Text;

namespace Print.Testing;

/// <summary>The <c>print</c> executable in a process of its own, as an operator starts it: the test's build of print.dll, stdout and stderr read as UTF-8.</summary>
public static class PrintProcess
{
    /// <summary>Starts <c>dotnet print.dll ARGS</c>; <paramref name="environment"/> sets (or, with null, removes) variables of the child's environment.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "print.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        return Process.Start(start)!;
    }
}
