using System.Globalization;

/// <summary>
/// CPU seconds (user + system) of threads, from Linux's /proc: on a machine shared with other work, the CPU time of
/// the thread that limits a run varies less than its wall time.
/// </summary>
internal static class ThreadTimes
{
    /// <summary>The calling thread.</summary>
    public static double Current() => Parse(File.ReadAllText("/proc/thread-self/stat")).Seconds;

    /// <summary>Every thread of the process, summed by name (the main thread, ".NET TP Worker", ".NET BGC", …).</summary>
    public static Dictionary<string, double> ByName()
    {
        var byName = new Dictionary<string, double>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var (name, seconds) = Parse(File.ReadAllText(Path.Combine(task, "stat")));
                byName[name] = byName.GetValueOrDefault(name) + seconds;
            }
            catch (IOException) { } // a thread that ended meanwhile
        }
        return byName;
    }

    // "pid (name) state …": utime and stime are the 12th and 13th fields after the name, in clock ticks of 1/100 s.
    private static (string Name, double Seconds) Parse(string stat)
    {
        int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        return (stat[(open + 1)..close],
            (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
    }
}
