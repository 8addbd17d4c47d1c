using Campaign.Site;
using Campaign.Tests.Support;

namespace Campaign.Tests.Site;

/// <summary>The shipped campaign in input/ builds cleanly and its pages exist in both languages.</summary>
public sealed class SampleCampaignTests
{
    [Fact]
    public void Sample_campaign_builds_without_errors_or_warnings()
    {
        var output = Path.Combine(Path.GetTempPath(), "campaign-sample-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = SiteBuilder.Build(new BuildOptions(Repo.Input, output, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), false, Repo.Theme));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.Empty(result.Diagnostics);
            foreach (var lang in new[] { "en", "zh" })
            {
                Assert.True(File.Exists(Path.Combine(output, lang, "index.html")));
                Assert.True(File.Exists(Path.Combine(output, lang, "reports", "out-of-control", "index.html")));
                Assert.True(File.Exists(Path.Combine(output, lang, "companies", "axis", "index.html")));
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }
}
