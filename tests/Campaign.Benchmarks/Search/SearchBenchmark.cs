using System.Globalization;
using Campaign.Generate;

namespace Campaign.Benchmarks.Search;

/// <summary>
/// The <c>search</c> verb: for each campaign size, the generated campaign built once by <c>campaign build</c>, then
/// <see cref="SearchComparison"/> (our index against Pagefind's in Chromium), printed query by query.
/// </summary>
public static class SearchBenchmark
{
    public static async Task<int> Run(MacroOptions o, TextWriter log)
    {
        log.WriteLine($"machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB()} memory, load average {Machine.LoadAverage()} (before)");
        foreach (var n in o.Sizes)
        {
            log.WriteLine($"-- {n.ToString("N0", CultureInfo.InvariantCulture)} findings");
            var dir = Path.Combine(o.WorkDir, $"n{n.ToString(CultureInfo.InvariantCulture)}-seed{o.Seed.ToString(CultureInfo.InvariantCulture)}");
            MacroRunner.Generate(o, n, dir, log);
            var input = Path.Combine(dir, "input");
            var output = Path.Combine(dir, "output");
            Machine.Discard(output);
            var build = Machine.Time("dotnet", [o.CampaignDll, "build", "--input", input, "--output", output, "--theme", o.Theme, "--now", MacroRunner.Now, "--no-pdf", "--quiet"]);
            if (build.ExitCode != 0) throw new InvalidOperationException($"campaign build failed ({build.ExitCode}): {build.Error}");
            log.WriteLine($"campaign build: {build.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            var figures = await SearchComparison.Run(input, output, Path.Combine(dir, "search-bench"),
                SearchQuerySet.For(SyntheticCampaign.Create(n, o.Seed)), o.Pagefind, Path.Combine(o.WorkDir, "pagefind-npm"), log, o.HttpGzip);
            log.WriteLine();
            log.Write(SearchComparison.Report(figures));
            log.WriteLine();
        }
        log.WriteLine($"load average {Machine.LoadAverage()} (after)");
        Machine.EmptyDiscarded();
        return 0;
    }
}
