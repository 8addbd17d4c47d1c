using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Trust;

/// <summary>
/// In a real browser: every page type, and search, works under a sub-path (as on a mirror) and from disk, asks no
/// other origin for anything, logs no error, keeps no cookie or storage, and the language switcher
/// works from the keyboard alone.
/// </summary>
public sealed class BrowserTrustTests(SampleSite site, BrowserFixture browser) : IClassFixture<SampleSite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_page_type_works_under_a_sub_path_without_leaks()
    {
        // A mirror that serves the site at /mirror/campaign/ rather than at the root.
        var root = Directory.CreateTempSubdirectory("campaign-subpath-").FullName;
        try
        {
            var mounted = Path.Combine(root, "mirror", "campaign");
            foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(mounted, Path.GetRelativePath(site.Output, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            await using var server = await StaticServer.StartAsync(root);
            var origin = server.Url("mirror/campaign/");
            foreach (var path in PageTypes.In(site.Output).Where(p => p != "404.html"))
            {
                await using var tab = await browser.OpenAsync(server.Url("mirror/campaign/" + path));
                tab.AssertClean(origin);
                Assert.Equal("", await tab.Page.EvaluateAsync<string>("document.cookie"));
                Assert.Equal(0, await tab.Page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
                // Every stylesheet and script the page names was found (a broken relative path would 404).
                Assert.True(await tab.Page.EvaluateAsync<bool>("[...document.styleSheets].every(s => s.cssRules.length > 0)"), path + ": stylesheet missing");
            }
            await SearchFinds(server.Url("mirror/campaign/"), origin);
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public async Task Every_page_type_works_from_disk()
    {
        var origin = new Uri(site.Output + "/").AbsoluteUri;
        foreach (var path in PageTypes.In(site.Output).Where(p => p != "404.html"))
        {
            await using var tab = await browser.OpenAsync(new Uri(site.Path_(path)).AbsoluteUri);
            tab.AssertClean(origin);
        }
        await SearchFinds(origin, origin);
    }

    /// <summary>The search script works where the pages do: a query in each language lists results, with no leak.</summary>
    private async Task SearchFinds(string root, string origin)
    {
        foreach (var (lang, query) in new[] { ("en", "Axis"), ("zh", "人脸识别") })
        {
            await using var tab = await browser.OpenAsync(root + lang + "/search/index.html?q=" + Uri.EscapeDataString(query));
            await tab.Page.WaitForSelectorAsync("#search-results .search-result", new() { Timeout = 15_000 });
            tab.AssertClean(origin);
        }
    }

    [Fact]
    public async Task The_language_switcher_and_skip_link_work_from_the_keyboard()
    {
        await using var server = await StaticServer.StartAsync(site.Output);
        await using var tab = await browser.OpenAsync(server.Url("en/companies/axis/"));
        var page = tab.Page;

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id || location.hash.slice(1)"));

        await page.GotoAsync(server.Url("en/companies/axis/"));
        // Tab until the switcher's link to the Chinese page has focus, then follow it with Enter.
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("document.activeElement.getAttribute('hreflang') || ''") == "zh-Hans") break;
        }
        Assert.Equal("zh-Hans", await page.EvaluateAsync<string>("document.activeElement.getAttribute('hreflang')"));
        await Task.WhenAll(page.WaitForURLAsync("**/zh/companies/axis/**"), page.Keyboard.PressAsync("Enter"));
        Assert.Equal("zh-Hans", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.EvaluateAsync<bool>("getComputedStyle(document.activeElement).outlineStyle !== 'none' || document.activeElement === document.body"));
        tab.AssertClean(server.Url());
    }
}
