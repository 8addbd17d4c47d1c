using System.Diagnostics;
using Campaign.Generate;
using Campaign.Site;

namespace Campaign.Tests.Support;

/// <summary>
/// A generated campaign of many findings (the benchmarks' <see cref="SyntheticCampaign"/>), written and built in a
/// temporary folder that is deleted on dispose: what the structural tests of a large database build on.
/// </summary>
public sealed class GeneratedSite : IDisposable
{
    private readonly string _root;

    /// <summary>The built site.</summary>
    public string Output => Path.Combine(_root, "output");

    /// <summary>Writes <paramref name="findings"/> generated findings and builds them; fails the test if the build fails.</summary>
    public GeneratedSite(int findings, int seed, Action<string> log)
    {
        _root = Path.Combine(Path.GetTempPath(), "campaign-generated-" + Guid.NewGuid().ToString("N")[..8]);
        var clock = Stopwatch.StartNew();
        CampaignWriter.Write(SyntheticCampaign.Create(findings, seed), Path.Combine(_root, "input"), Repo.Input);
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(_root, "input"), Output,
            new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), false, Repo.Theme));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(20)));
        log($"generated and built {result.FilesWritten} files in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
