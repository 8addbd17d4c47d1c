using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>
/// The 404 page in headless Chromium, served (as hosts serve it) for a missing address at any depth: styled and with links
/// that work under a sub-path the site was not built for, on a mirror site.yaml lists, and without JavaScript at the root.
/// </summary>
public sealed class NotFoundBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Site = """
        -- site.yaml --
        title: { en: Test Campaign, zh: 测试运动 }
        base_url: https://campaign.example.org/
        default_language: en
        languages:
          - { code: en, name: English, lang: en, dir: ltr }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }
        """;

    private const string Styled = """
        () => [...document.styleSheets].some(s => s.href && s.href.includes('/assets/theme/css/') && s.cssRules.length > 0)
        """;

    /// <summary>Opens <paramref name="missing"/>, checks the page is styled and its English home link leads to the English home page.</summary>
    private static async Task AssertWorks(BrowserTab tab, string missing, string home)
    {
        await tab.GotoAsync(missing);
        Assert.True(await tab.Page.EvaluateAsync<bool>(Styled), $"{missing}: the 404 page is unstyled");
        var link = await tab.Page.EvaluateAsync<string>("() => document.querySelector('li[lang=en] a').href");
        Assert.Equal(home, link);
        var response = await tab.Page.GotoAsync(link);
        Assert.True(response!.Ok, $"{link} answered {response.Status}");
        Assert.Equal("Test Campaign", await tab.Page.EvaluateAsync<string>("() => document.querySelector('.brand').textContent"));
        // nothing failed but the missing page itself (its status, and the console's line about it), and, away from the base
        // path, the stylesheet first asked for there: the script points the page at its real root as it starts
        var errors = tab.Errors.Where(e => !e.StartsWith("HTTP 404: ", StringComparison.Ordinal)
            && e != "console: Failed to load resource: the server responded with a status of 404 (Not Found)"
            && !(e.StartsWith("request failed: " + new Uri(new Uri(missing), "/assets/theme/css/"), StringComparison.Ordinal) && e.EndsWith("(net::ERR_ABORTED)", StringComparison.Ordinal)))
            .ToList();
        Assert.True(errors.Count == 0, "browser errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Under_a_sub_path_it_is_styled_and_its_links_work()
    {
        RequiredTools.RequireChromium();
        using var c = new TestCampaign(Site);
        c.BuildOk();
        await using var server = await StaticServer.StartAsync(c.Output, under: "/copy/of/site", notFoundPage: true);
        await using var tab = await browser.OpenAsync(server.Url("copy/of/site/en/"));
        await AssertWorks(tab, server.Url("copy/of/site/en/reports/no-such-report/"), server.Url("copy/of/site/en/"));
        await tab.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "campaign-404-subpath.png"), FullPage = true });
        Assert.Empty(tab.RequestsOutside(server.Url()));
    }

    [Fact]
    public async Task On_a_mirror_listed_in_site_yaml_any_missing_address_gets_a_working_page()
    {
        RequiredTools.RequireChromium();
        using var c = new TestCampaign(Site);
        c.BuildOk();
        await using var server = await StaticServer.StartAsync(c.Output, under: "/mirror", notFoundPage: true);
        // the mirror's own address, listed as a mirror; a missing address there names no language folder
        c.Write("site.yaml", Site.Split("-- site.yaml --\n")[1] + $"\nmirrors:\n  - url: {server.Url("mirror/")}\n");
        c.BuildOk();
        await using var tab = await browser.OpenAsync(server.Url("mirror/"));
        await AssertWorks(tab, server.Url("mirror/old-campaign-page.html"), server.Url("mirror/en/"));
        Assert.Empty(tab.RequestsOutside(server.Url()));
    }

    [Fact]
    public async Task Without_javascript_it_is_styled_at_any_depth_of_the_site_it_was_built_for()
    {
        RequiredTools.RequireChromium();
        using var c = new TestCampaign(Site);
        c.BuildOk();
        await using var server = await StaticServer.StartAsync(c.Output, notFoundPage: true);
        await using var tab = await browser.NewTabAsync(new() { JavaScriptEnabled = false });
        await AssertWorks(tab, server.Url("en/a/b/c/d/"), server.Url("en/"));
    }
}
