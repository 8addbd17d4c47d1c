using System.Diagnostics;
using Campaign.Site;
using Campaign.Generate;
using Campaign.Tests.Support;

namespace Campaign.Tests.Findings;

/// <summary>
/// With 10,000 findings the index and facet pages stay under 100 KB of HTML and a finding page, with the
/// stylesheet, under 50 KB (uncompressed, so the limits hold on any server); nothing needs JavaScript to be read.
/// </summary>
public sealed class FindingScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void Ten_thousand_findings_keep_the_index_and_finding_pages_light()
    {
        var root = Path.Combine(Path.GetTempPath(), "campaign-scale-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var clock = Stopwatch.StartNew();
            CampaignWriter.Write(SyntheticCampaign.Create(10_000, seed: 7), Path.Combine(root, "input"), Repo.Input);
            var generated = clock.Elapsed;
            var result = SiteBuilder.Build(new BuildOptions(Path.Combine(root, "input"), Path.Combine(root, "output"),
                new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), false, Repo.Theme));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(20)));
            output.WriteLine($"generated in {generated.TotalSeconds:0.0} s, built {result.FilesWritten} files in {result.Elapsed.TotalSeconds:0.0} s");

            var site = Path.Combine(root, "output");
            var css = Directory.EnumerateFiles(Path.Combine(site, "assets", "theme", "css"), "*.css").Sum(f => new FileInfo(f).Length);
            foreach (var lang in new[] { "en", "zh" })
            {
                var findings = Path.Combine(site, lang, "findings");
                var index = new FileInfo(Path.Combine(findings, "index.html")).Length;
                Assert.True(index < 100_000, $"{lang} index is {index} bytes");
                Assert.Contains("10000", File.ReadAllText(Path.Combine(findings, "index.html")));

                // every list page (numbered pages, facet values and their pages) stays under the index's limit
                var lists = Directory.EnumerateFiles(findings, "index.html", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(Path.GetDirectoryName(f)!).StartsWith("finding-", StringComparison.Ordinal)).ToList();
                Assert.True(lists.Count > 100, $"only {lists.Count} list pages");
                var largestList = lists.Max(f => new FileInfo(f).Length);
                Assert.True(largestList < 100_000, $"{lang}: a list page is {largestList} bytes");

                var largestFinding = Directory.EnumerateDirectories(findings, "finding-*")
                    .Max(d => new FileInfo(Path.Combine(d, "index.html")).Length);
                Assert.True(largestFinding + css < 50_000, $"{lang}: finding page {largestFinding} bytes + CSS {css} bytes");
                output.WriteLine($"{lang}: index {index} B, largest list page {largestList} B, largest finding page {largestFinding} B + CSS {css} B");
            }
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
