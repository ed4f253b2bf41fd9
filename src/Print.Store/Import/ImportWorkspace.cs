using System.Diagnostics;

namespace Print.Store.Import;

/// <summary>
/// The temporary directory of one import (<c>print-import-PID-RANDOM</c> under a root), deleted with its
/// bucket files when the import ends, fails or is cancelled. A process that is killed cannot delete its own, so
/// creating one first deletes those whose process is no longer running.
/// </summary>
internal sealed class ImportWorkspace : IDisposable
{
    private const string Prefix = "print-import-";

    private ImportWorkspace(string path) => Path = path;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public static ImportWorkspace Create(string root)
    {
        Directory.CreateDirectory(root);
        SweepAbandoned(root);
        var path = System.IO.Path.Combine(root, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        // The bucket files hold the rows unmasked: readable by this user only.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new ImportWorkspace(path);
    }

    /// <summary>Deletes the workspaces of processes that are gone (killed mid-import).</summary>
    internal static void SweepAbandoned(string root)
    {
        foreach (var dir in Directory.EnumerateDirectories(root, Prefix + "*"))
        {
            var name = System.IO.Path.GetFileName(dir);
            var pidText = name[Prefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, out int pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
