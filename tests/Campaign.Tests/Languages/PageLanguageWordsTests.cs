using Campaign.Tests.Support;

namespace Campaign.Tests.Languages;

/// <summary>
/// A Chinese page speaks Chinese throughout: tags and a source's language are shown in the page's language, not
/// as English codes; the campaign calls itself 本项目 (never 本运动, which reads as a political movement) and its
/// findings 调查发现 (never also 调查结果).
/// </summary>
public sealed class PageLanguageWordsTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void Tags_and_source_languages_are_shown_in_the_pages_language()
    {
        OutputAssert.Contains(site.Read("zh/findings/axis-guilin-skynet-upgrade/index.html"), """
            <span class="tag">天网</span> <span class="tag">桂林</span> <span class="tag">网络摄像头</span>
            <span class="meta">(英文)</span>
            ! >skynet<
            ! >network-cameras<
            ! (en)
            """, "zh finding page");
        OutputAssert.Contains(site.Read("en/findings/axis-guilin-skynet-upgrade/index.html"), """
            <span class="tag">Skynet</span> <span class="tag">Guilin</span> <span class="tag">Network cameras</span>
            <span class="meta">(English)</span>
            """, "en finding page");
        OutputAssert.Contains(site.Read("zh/updates/brussels-meeting/index.html"), """
            <span class="label">标签：</span> <span class="tag">两用条例</span> <span class="tag">欧盟</span>
            ! >dual-use-regulation<
            """, "zh update page");
    }

    [Fact]
    public void The_chinese_edition_uses_one_word_for_the_campaign_and_one_for_findings()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(site.Output, "zh"), "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 20);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.False(html.Contains("本运动", StringComparison.Ordinal), $"{page} says 本运动");
            Assert.False(html.Contains("调查结果", StringComparison.Ordinal), $"{page} says 调查结果");
        }
        Assert.Contains("列与本项目自己的电子表格相同", site.Read("zh/data/index.html"));
    }
}
