using System.Collections;
using System.Runtime.InteropServices;

namespace Print.Store;

/// <summary>
/// The collector's young generation for a command that walks the whole store. Re-segmenting a million customers
/// makes ~43 GB of short-lived garbage, nearly all of it LiteDB's (each update allocates ~27 KB finding its
/// document); with the default budget (16 MB on the project's machines) that is ~2,800 collections and about 15 % of
/// the run. .NET takes the budget only from the environment (<c>DOTNET_GCgen0size</c>, read once as the runtime
/// starts; runtimeconfig.json has no name for it), so the command restarts itself in place with the variable set:
/// the same process id, arguments and environment, a new runtime — nothing is opened or written before.
/// </summary>
public static class YoungGeneration
{
    public const string Variable = "DOTNET_GCgen0size";

    /// <summary>256 MB: the collector then caps the budget at 128 MB (bench/RESULTS.md, issue 4: 64 MB and 256 MB measured).</summary>
    public const long ForWholeStoreWalks = 256L << 20;

    /// <summary>
    /// Restarts this process with <see cref="Variable"/> set to <paramref name="bytes"/> unless it is set already
    /// (by the operator — <c>DOTNET_GCgen0size=0</c> keeps .NET's default — or by the restart). Returns without
    /// restarting where that cannot be done: not Linux, or <c>execve</c> refused; the command then runs with the
    /// default budget, only slower. Call it first thing, before any thread, file or output of the program's own.
    /// </summary>
    public static void RestartWithAtLeast(long bytes)
    {
        if (IsSet || !OperatingSystem.IsLinux() || Environment.ProcessPath is not { } program) return;
        string[] arguments;
        try
        {
            arguments = CommandLine(File.ReadAllBytes("/proc/self/cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        if (arguments is [] or [""]) return;
        var environment = new List<string?>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            environment.Add($"{variable.Key}={variable.Value}");
        environment.Add($"{Variable}=0x{bytes:x}");
        environment.Add(null);

        // The runtime being replaced listens for diagnostic tools (dotnet-trace, dotnet-counters) on a socket
        // named after this process id; the next runtime takes the same name and could not bind it while it exists.
        try
        {
            foreach (var socket in Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{Environment.ProcessId}-*-socket"))
                File.Delete(socket);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The restarted runtime then goes without diagnostic tools; the command itself is not affected.
        }
        execve(program, [.. arguments, null], [.. environment]);
        // Still here: execve failed and this runtime goes on as it was.
    }

    /// <summary>Whether the budget was chosen for this process (either name .NET reads).</summary>
    public static bool IsSet =>
        Environment.GetEnvironmentVariable(Variable) is not null || Environment.GetEnvironmentVariable("COMPlus_GCgen0size") is not null;

    /// <summary>The largest young-generation budget the collector uses in this process, in bytes (null when it does not say).</summary>
    public static long? Budget =>
        GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var value) && value is long bytes && bytes > 0 ? bytes : null;

    /// <summary>The arguments of <c>/proc/self/cmdline</c>: NUL-terminated, the program's own name first, as the process was started.</summary>
    internal static string[] CommandLine(byte[] cmdline)
    {
        int length = cmdline.Length > 0 && cmdline[^1] == 0 ? cmdline.Length - 1 : cmdline.Length;
        return System.Text.Encoding.UTF8.GetString(cmdline, 0, length).Split('\0');
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int execve([MarshalAs(UnmanagedType.LPStr)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
