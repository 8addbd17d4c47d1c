using Campaign.Search.Reading;
using Campaign.Tests.Support;

namespace Campaign.Tests.Search;

/// <summary>
/// What a report's page shows from its front matter besides the summary (the subtitle, the key findings box) is
/// searchable, and leads to the report's own page, in the C# reader and in Chromium, in English and Chinese.
/// </summary>
public sealed class ReportFrontMatterSearchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Each probed word is written once, in the front matter only: not in the body, a finding or a page.
    private const string Campaign = """
        -- reports/probe.en.md --
        ---
        title: The probe
        date: 2020-09-21
        summary: What we found.
        subtitle: Cameras for the harbourmaster
        key_findings:
          - Quartzmoor sold **cameras** to the police.
        ---
        ## Overview {#overview}

        Cameras were sold to the police.
        -- reports/probe.zh.md --
        ---
        title: 调查
        date: 2020-09-21
        summary: 我们的发现。
        subtitle: 港务长的摄像头
        key_findings:
          - 翡翠湾公司向警方出售了**摄像头**。
        ---
        ## 概述 {#overview}

        摄像头被出售给警方。
        -- pages/about.en.md --
        ---
        title: About
        ---
        About the campaign and the police.
        """;

    [Theory]
    [InlineData("en", "Quartzmoor", "The probe")] // a key finding
    [InlineData("zh", "翡翠湾", "调查")]
    [InlineData("en", "harbourmaster", "The probe")] // the subtitle
    [InlineData("zh", "港务长", "调查")]
    public async Task A_word_only_in_a_reports_front_matter_finds_the_report_in_CSharp_and_in_Chromium(string lang, string query, string title)
    {
        using var campaign = new TestCampaign(Campaign);
        campaign.BuildOk();
        Assert.Contains(query, campaign.Read($"{lang}/reports/probe/index.html")); // the reader sees it on the page

        var hit = Assert.Single(SearchIndexReader.Open(campaign.Output, lang).Search(query));
        Assert.Equal(($"/{lang}/reports/probe/", title), (hit.Url, hit.Title));

        await using var server = await StaticServer.StartAsync(campaign.Output);
        await using var tab = await browser.OpenAsync(server.Url($"{lang}/search/?q=" + Uri.EscapeDataString(query)));
        await tab.Page.WaitForSelectorAsync("#search-results .search-result", new() { Timeout = 10_000 });
        Assert.Equal([title], await tab.Page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
        Assert.EndsWith($"/{lang}/reports/probe/index.html",
            await tab.Page.Locator("#search-results .search-result h2 a").EvaluateAsync<string>("a => a.href"));
        Assert.Empty(tab.Errors);
    }
}
