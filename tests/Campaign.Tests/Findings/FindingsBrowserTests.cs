using Microsoft.Playwright;

namespace Campaign.Tests.Findings;

/// <summary>The findings index in a real browser: the filter script (URL state, back button, count, keyboard) and the pages without JavaScript.</summary>
public sealed class FindingsBrowserTests(FindingsSiteFixture site) : IClassFixture<FindingsSiteFixture>
{
    private static async Task<string> Count(IPage page) => (await page.Locator("#finding-count").TextContentAsync())!.Trim();

    private static Task<int> Rows(IPage page) => page.Locator("#finding-table tbody tr").CountAsync();

    private static async Task WaitForFilter(IPage page) =>
        await page.Locator("#filter-company").WaitForAsync(new() { State = WaitForSelectorState.Visible });

    [Fact]
    public async Task Filters_keep_their_state_in_the_url_and_the_back_button_restores_it()
    {
        var page = await site.OpenAsync("en/findings/");
        await WaitForFilter(page);
        Assert.Equal("14 findings", await Count(page));
        Assert.Equal("status", await page.Locator("#finding-count").GetAttributeAsync("role"));

        await page.SelectOptionAsync("#filter-company", "axis");
        Assert.EndsWith("/en/findings/?company=axis", page.Url);
        Assert.Equal("6 findings", await Count(page));
        Assert.Equal(6, await Rows(page));

        await page.SelectOptionAsync("#filter-place", "Guilin");
        Assert.Contains("place=Guilin", page.Url);
        Assert.Equal("2 findings", await Count(page));

        await page.GoBackAsync();
        Assert.EndsWith("?company=axis", page.Url);
        Assert.Equal("6 findings", await Count(page));
        Assert.Equal("", await page.InputValueAsync("#filter-place"));
        Assert.Equal("axis", await page.InputValueAsync("#filter-company"));

        await page.GoBackAsync();
        Assert.EndsWith("/en/findings/", page.Url);
        Assert.Equal("14 findings", await Count(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_shared_url_opens_the_same_filtered_view_in_chinese()
    {
        var page = await site.OpenAsync("zh/findings/?year=2015&technology=facial-recognition");
        await WaitForFilter(page);
        Assert.Equal("共2条调查发现", await Count(page));
        Assert.Equal("2015", await page.InputValueAsync("#filter-year"));
        var links = await page.Locator("#finding-table tbody a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Contains("morpho-shanghai-psb-2015/", links);
        await page.Locator("#finding-table tbody a").First.ClickAsync();
        await page.WaitForURLAsync("**/zh/findings/morpho-shanghai-psb-*/");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Filters_work_on_a_copy_opened_from_disk()
    {
        var page = await site.OpenAsync(site.DiskUrl + "zh/findings/index.html?company=axis");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await WaitForFilter(page);
        Assert.Equal("共6条调查发现", await Count(page));
        Assert.Equal(6, await Rows(page));
        await page.SelectOptionAsync("#filter-place", "Guilin");
        Assert.Equal("共2条调查发现", await Count(page));
        Assert.Contains("place=Guilin", page.Url);
        await page.GoBackAsync();
        Assert.Equal("共6条调查发现", await Count(page));
        // Links in the filtered table name index.html, so they open from disk too.
        await page.Locator("#finding-table tbody a").First.ClickAsync();
        await page.WaitForURLAsync(u => u.StartsWith(site.DiskUrl + "zh/findings/", StringComparison.Ordinal) && u.EndsWith("/index.html", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Filter_and_sort_work_from_the_keyboard()
    {
        var page = await site.OpenAsync("en/findings/");
        await WaitForFilter(page);
        await page.FocusAsync("#filter-licence");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Contains("licence=not-required", page.Url);
        Assert.Equal("2 findings", await Count(page));

        var years = page.Locator("th[data-key=year] button");
        await years.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("ascending", await page.Locator("th[data-key=year]").GetAttributeAsync("aria-sort"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("descending", await page.Locator("th[data-key=year]").GetAttributeAsync("aria-sort"));
        Assert.Contains("sort=year", page.Url);
        Assert.Contains("dir=desc", page.Url);

        var clear = page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" });
        await clear.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("14 findings", await Count(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_facet_pages_and_counts_do_the_browsing()
    {
        var page = await site.OpenAsync("en/findings/", javascript: false);
        Assert.False(await page.Locator("#finding-filter").IsVisibleAsync());
        Assert.Equal(14, await Rows(page));
        var facet = page.Locator(".facet a", new() { HasText = "Xinjiang" });
        Assert.Equal("(3)", (await facet.Locator("xpath=following-sibling::span").TextContentAsync())!.Trim());
        await facet.ClickAsync();
        await page.WaitForURLAsync("**/en/findings/place/xinjiang/index.html");
        Assert.Equal("3 findings", await Count(page));
        Assert.Equal(3, await Rows(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Every Place" }).ClickAsync();
        await page.WaitForURLAsync("**/en/findings/place/index.html");
        await page.GetByRole(AriaRole.Link, new() { Name = "Guilin" }).ClickAsync();
        Assert.Equal(2, await Rows(page));
        await page.Context.CloseAsync();
    }
}
