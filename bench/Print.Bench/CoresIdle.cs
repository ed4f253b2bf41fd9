using System.Globalization;

/// <summary>
/// The machine's cores idle (and stolen by the hypervisor) between <see cref="Start"/> and <see cref="Stop"/>, from
/// Linux's <c>/proc/stat</c>: a pipeline that leaves a core waiting shows here, whatever its threads' CPU says.
/// </summary>
internal sealed class CoresIdle
{
    private readonly long[]? before = Read();

    public static CoresIdle Start() => new();

    public string Stop()
    {
        var after = Read();
        if (before is null || after is null) return "cores idle: no /proc/stat";
        long total = 0;
        for (int i = 0; i < after.Length; i++) total += after[i] - before[i];
        // user nice system idle iowait irq softirq steal …
        double Share(params int[] columns) => total == 0 ? 0 : 100.0 * columns.Sum(c => after[c] - before[c]) / total;
        return FormattableString.Invariant($"cores idle {Share(3, 4):0.0} %, stolen {Share(7):0.0} %");
    }

    private static long[]? Read()
    {
        if (!File.Exists("/proc/stat")) return null;
        var line = File.ReadLines("/proc/stat").First();
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }
}
