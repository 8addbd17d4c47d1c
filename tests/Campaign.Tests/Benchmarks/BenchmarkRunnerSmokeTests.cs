using Campaign.Benchmarks;

namespace Campaign.Tests.Benchmarks;

/// <summary>
/// Runs the macro benchmark runner end to end on a tiny campaign (50 findings, one run each), so the runner cannot rot:
/// it generates both sites, builds ours as a separate process, Hugo if it is installed, rebuilds incrementally, and prints the table.
/// </summary>
public sealed class BenchmarkRunnerSmokeTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"campaign-bench-smoke-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public void Runner_prints_the_table_for_a_small_campaign()
    {
        var log = new StringWriter();
        var code = MacroRunner.Run(MacroOptions.Parse(["--findings", "50", "--runs", "1", "--work", _work]), log);
        var text = log.ToString();

        Assert.Equal(0, code);
        Assert.Contains($"machine: {Environment.ProcessorCount} cores", text);
        Assert.Matches(@"\| figure \(median; [0-9]+ cores\) +\| +50 findings \|", text);
        Assert.Matches(@"\| campaign build: pages \(HTML\) +\| +[1-9][0-9,]* \|", text);
        Assert.Matches(@"\| campaign build: peak memory \(VmHWM\) +\| +[0-9.]+ MiB \|", text);
        Assert.Matches(@"\| rebuild after editing one finding +\| +[0-9]+ ms \|", text);
        Assert.Matches(@"\| search: bytes per query, zh \(median\) +\| +[0-9.]+ kB \|", text);
        if (File.Exists("/usr/bin/hugo")) Assert.Matches(@"\| hugo: pages \(HTML\) +\| +[1-9][0-9,]* \|", text);
        else Assert.Contains("hugo: not installed", text);
        // the generated Hugo site builds the same kinds of pages as ours
        Assert.True(File.Exists(Path.Combine(_work, "n50-seed1", "hugo", "hugo.toml")));
    }

    [Fact]
    public void Runner_carries_on_without_hugo()
    {
        var log = new StringWriter();
        var code = MacroRunner.Run(MacroOptions.Parse(["--findings", "5", "--runs", "1", "--work", _work, "--hugo", Path.Combine(_work, "no-hugo")]), log);

        Assert.Equal(0, code);
        Assert.Contains("hugo: not installed", log.ToString());
        Assert.Matches(@"\| hugo +\| +not installed \|", log.ToString());
    }
}
