using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>
/// The theme's layout and type in a real browser: the menu is centred with the page, a desktop's width holds a
/// second column (the report's contents, the finding's facts) while a phone keeps one, the home page's latest
/// updates are a band rather than a lone column, Chinese pages draw in the CJK font, controls are styled, and a
/// footnote marker never starts a line on its own.
/// </summary>
public sealed class ThemeTypographyBrowserTests(SampleSite site, BrowserFixture browser) : IClassFixture<SampleSite>, IClassFixture<BrowserFixture>
{
    private string FileUrl(string page) => new Uri(Path.Combine(Path.GetFullPath(site.Output), page)).ToString();

    private static string Left(string selector) => $"Math.round(document.querySelector('{selector}').getBoundingClientRect().left)";

    [Fact]
    public async Task The_menu_starts_where_the_page_starts_not_at_the_windows_edge()
    {
        await using var tab = await browser.OpenAsync(FileUrl("zh/index.html"));
        var lefts = await tab.Page.EvaluateAsync<int[]>($"() => [{Left(".site-nav ul")}, {Left(".header-row")}, {Left(".home-top")}]");
        Assert.True(lefts[1] > 0, "at 1280 px the page is centred");
        Assert.Equal(lefts[1], lefts[0]);
        Assert.Equal(lefts[2], lefts[0]);
    }

    [Fact]
    public async Task Latest_updates_are_a_band_under_the_home_pages_columns_with_cards_side_by_side()
    {
        await using var tab = await browser.OpenAsync(FileUrl("en/index.html"));
        var m = await tab.Page.EvaluateAsync<double[]>("""
            () => { const band = document.querySelector('.home-updates').getBoundingClientRect(), g = document.querySelector('.home-grid'), gs = getComputedStyle(g);
              const grid = { width: g.clientWidth - parseFloat(gs.paddingLeft) - parseFloat(gs.paddingRight) };
              const cards = [...document.querySelectorAll('.home-updates .update-card')].map(c => c.getBoundingClientRect().top);
              const report = document.querySelector('#home-report').getBoundingClientRect(), findings = document.querySelector('#home-findings').getBoundingClientRect();
              return [band.width, grid.width, cards.length, new Set(cards.map(Math.round)).size, report.top, findings.top]; }
            """);
        Assert.Equal(m[1], m[0], 1.0); // the band is as wide as the grid
        Assert.True(m[2] >= 2 && m[3] < m[2], "the update cards sit side by side");
        Assert.Equal(m[4], m[5], 1.0); // report and findings share the first row
    }

    [Theory]
    [InlineData(1280, true)]
    [InlineData(375, false)]
    public async Task Desktop_puts_the_contents_beside_the_report_and_facts_beside_the_finding_a_phone_one_column(int width, bool beside)
    {
        await using var tab = await browser.OpenAsync(FileUrl("zh/reports/out-of-control/index.html"), width);
        var toc = await tab.Page.EvaluateAsync<bool>("() => document.querySelector('.toc').getBoundingClientRect().right <= document.querySelector('.prose').getBoundingClientRect().left");
        Assert.Equal(beside, toc);
        await tab.GotoAsync(FileUrl("zh/findings/axis-guilin-skynet-upgrade/index.html"));
        var facts = await tab.Page.EvaluateAsync<bool>("() => document.querySelector('.doc-header .facts').getBoundingClientRect().left >= document.querySelector('.finding .prose').getBoundingClientRect().right");
        Assert.Equal(beside, facts);
        var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0);
    }

    [Fact]
    public async Task Chinese_text_is_drawn_with_the_chinese_font_stack_and_english_with_the_latin_one()
    {
        await using var tab = await browser.OpenAsync(FileUrl("zh/reports/out-of-control/index.html"));
        var zh = await tab.Page.EvaluateAsync<string[]>("""
            () => [getComputedStyle(document.body).fontFamily, getComputedStyle(document.querySelector('.prose p')).fontFamily,
                   getComputedStyle(document.querySelector('.lang-switch a[lang="en"]')).fontFamily]
            """);
        Assert.StartsWith("\"PingFang SC\"", zh[0]);
        Assert.StartsWith("\"PingFang SC\"", zh[1]);
        Assert.StartsWith("system-ui", zh[2]);
        await tab.GotoAsync(FileUrl("en/index.html"));
        Assert.StartsWith("system-ui", await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
    }

    [Fact]
    public async Task An_updates_type_and_date_stand_clear_of_the_header_rule()
    {
        await using var tab = await browser.OpenAsync(FileUrl("zh/updates/report-released/index.html"));
        var gap = await tab.Page.EvaluateAsync<double>("() => document.querySelector('.doc-header > .meta').getBoundingClientRect().top - document.querySelector('.site-header').getBoundingClientRect().bottom");
        Assert.True(gap >= 16, $"the date line is {gap} px under the header rule");
    }

    [Fact]
    public async Task Search_boxes_selects_and_buttons_are_styled_not_browser_defaults()
    {
        await using var tab = await browser.OpenAsync(FileUrl("en/search/index.html"));
        var styles = await tab.Page.EvaluateAsync<string[]>("""
            () => { const s = e => getComputedStyle(document.querySelector(e));
              return [s('#search-kind').appearance, s('#search-kind').backgroundImage.startsWith('linear-gradient') ? 'arrow' : 'none',
                      s('.search-box button').backgroundColor === getComputedStyle(document.body).color ? 'filled' : 'default',
                      s('#site-search-q').borderTopLeftRadius]; }
            """);
        Assert.Equal(["none", "arrow", "filled", "4.8px"], styles);
    }

    [Fact]
    public async Task A_footnote_marker_stays_on_the_line_of_the_character_before_it()
    {
        await using var tab = await browser.OpenAsync(FileUrl("zh/reports/out-of-control/index.html"), width: 320);
        var split = await tab.Page.EvaluateAsync<int[]>("""
            () => { const joints = [...document.querySelectorAll('.prose .fn-joint')];
              return [joints.length, // one fragment per child, all on one line: a joint split across lines has fragments at two heights
                      joints.filter(j => new Set([...j.getClientRects()].map(r => Math.round(r.top))).size !== 1).length,
                      document.querySelectorAll('.prose a.footnote-ref').length]; }
            """);
        Assert.True(split[0] > 10, "the sample report has many footnote markers");
        Assert.Equal(split[2], split[0]); // every marker is joined
        Assert.Equal(0, split[1]);        // and none is split from its character across lines
    }
}
