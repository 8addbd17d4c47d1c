using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>
/// The built sample site in a real headless Chromium, served over HTTP and opened from disk: the language
/// switcher works both ways, nothing is requested from another origin, nothing logs an error.
/// </summary>
public sealed class SampleSiteBrowserTests(SampleSite site, BrowserFixture browser) : IClassFixture<SampleSite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Served_site_switches_language_both_ways_without_leaving_the_origin()
    {
        await using var server = await StaticServer.StartAsync(site.Output);
        var origin = server.BaseUrl.ToString();
        await using var tab = await browser.OpenAsync(server.Url("en/companies/axis/"));
        await FollowSwitcherRoundTrip(tab, "en/companies/axis/index.html", "zh/companies/axis/index.html", origin);
    }

    [Fact]
    public async Task Site_from_disk_switches_language_both_ways_requesting_only_files()
    {
        var root = new Uri(Path.GetFullPath(site.Output) + "/").ToString();
        await using var tab = await browser.OpenAsync(root + "en/companies/axis/index.html");
        await FollowSwitcherRoundTrip(tab, "en/companies/axis/index.html", "zh/companies/axis/index.html", "file://");
    }

    [Fact]
    public async Task Root_page_offers_each_language_and_leads_to_its_home()
    {
        await using var server = await StaticServer.StartAsync(site.Output);
        await using var tab = await browser.OpenAsync(server.Url());
        await tab.Page.Locator("a[hreflang='zh-Hans']").First.ClickAsync();
        await tab.Page.WaitForURLAsync(server.Url("zh/index.html"));
        Assert.Equal("zh-Hans", await tab.Page.GetAttributeAsync("html", "lang"));
        tab.AssertClean(server.BaseUrl.ToString());
    }

    [Fact]
    public async Task Every_page_of_the_served_site_loads_without_errors_or_foreign_requests()
    {
        await using var server = await StaticServer.StartAsync(site.Output);
        var origin = server.BaseUrl.ToString();
        var pages = Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(site.Output, Path.GetDirectoryName(p)!).Replace('\\', '/'))
            .Select(p => p == "." ? "" : p + "/")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(pages);
        await using var tab = await browser.OpenAsync(server.Url());
        foreach (var page in pages) await tab.GotoAsync(server.Url(page));
        tab.AssertClean(origin);
    }

    [Fact]
    public async Task Pages_read_completely_without_javascript()
    {
        await using var server = await StaticServer.StartAsync(site.Output);
        await using var tab = await browser.NewTabAsync(new() { JavaScriptEnabled = false });
        foreach (var page in new[] { "en/reports/out-of-control/", "zh/companies/axis/", "en/updates/", "zh/" })
        {
            await tab.GotoAsync(server.Url(page));
            Assert.True(await tab.Page.Locator("main h1").IsVisibleAsync(), $"{page}: no visible heading");
            var text = await tab.Page.Locator("main").InnerTextAsync();
            Assert.True(text.Length > 200, $"{page}: main holds only {text.Length} characters");
        }
        tab.AssertClean(server.BaseUrl.ToString());
    }

    private static async Task FollowSwitcherRoundTrip(BrowserTab tab, string from, string to, string origin)
    {
        Assert.Equal("en", await tab.Page.GetAttributeAsync("html", "lang"));
        await tab.Page.Locator("a[hreflang='zh-Hans'][lang='zh-Hans']").First.ClickAsync();
        await tab.Page.WaitForURLAsync(u => u.EndsWith(to, StringComparison.Ordinal));
        Assert.Equal("zh-Hans", await tab.Page.GetAttributeAsync("html", "lang"));
        await tab.Page.Locator("a[hreflang='en'][lang='en']").First.ClickAsync();
        await tab.Page.WaitForURLAsync(u => u.EndsWith(from, StringComparison.Ordinal));
        Assert.Equal("en", await tab.Page.GetAttributeAsync("html", "lang"));
        tab.AssertClean(origin);
    }
}
