using System.Text;

namespace Print.Store.Tests;

public class YoungGenerationTests
{
    [Fact]
    public void TheCommandLineIsSplitAtEachNulAsTheKernelWroteItEmptyArgumentsAndUnicodeKept()
    {
        var cmdline = Encoding.UTF8.GetBytes("dotnet\0print.dll\0segment\0--db\0客户 库/print.db\0\0");
        Assert.Equal(["dotnet", "print.dll", "segment", "--db", "客户 库/print.db", ""], YoungGeneration.CommandLine(cmdline));
    }

    [Fact]
    public void ThisProcessesOwnCommandLineStartsWithTheProgramItRuns()
    {
        var arguments = YoungGeneration.CommandLine(File.ReadAllBytes("/proc/self/cmdline"));
        Assert.Equal(Path.GetFileName(Environment.ProcessPath), Path.GetFileName(arguments[0]));
    }
}
