using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>
/// The theme in a real browser: no page scrolls sideways at 320 px, text keeps its contrast in light and dark
/// mode, focus is visible, and print hides the menus.
/// </summary>
public sealed class ThemeLayoutBrowserTests(SampleSite site, BrowserFixture browser) : IClassFixture<SampleSite>, IClassFixture<BrowserFixture>
{
    private static readonly string[] Pages =
        ["index.html", "en/index.html", "zh/index.html", "en/reports/out-of-control/index.html", "zh/reports/out-of-control/index.html",
         "en/companies/index.html", "zh/companies/axis/index.html", "en/updates/index.html", "zh/updates/report-released/index.html", "en/about/index.html"];

    private string FileUrl(string page) => new Uri(Path.Combine(Path.GetFullPath(site.Output), page)).ToString();

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_px()
    {
        await using var tab = await browser.OpenAsync(FileUrl(Pages[0]), width: 320);
        foreach (var page in Pages)
        {
            await tab.GotoAsync(FileUrl(page));
            var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{page} is {overflow} px wider than a 320 px screen");
        }
        tab.AssertClean("file://");
    }

    /// <summary>WCAG contrast of every text element's colour against the background it sits on (the first opaque ancestor's).</summary>
    private const string LowContrast = """
        () => {
          const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); } return [255, 255, 255]; };
          const bad = [];
          for (const el of document.querySelectorAll('body *')) {
            if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || el.getClientRects().length === 0 || el.closest('.skip-link')) continue;
            const a = lum(rgb(style.color)), b = lum(background(el));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) bad.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)}`);
          }
          return [...new Set(bad)];
        }
        """;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Text_has_enough_contrast_in_both_colour_schemes(ColorScheme scheme)
    {
        await using var tab = await browser.OpenAsync(FileUrl(Pages[0]));
        await tab.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
        var background = "";
        foreach (var page in Pages)
        {
            await tab.GotoAsync(FileUrl(page));
            var bad = await tab.Page.EvaluateAsync<string[]>(LowContrast);
            Assert.True(bad.Length == 0, $"{page} in {scheme} mode: {string.Join("; ", bad)}");
            background = await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        }
        Assert.Equal(scheme == ColorScheme.Dark ? "rgb(18, 18, 18)" : "rgb(255, 255, 255)", background);
    }

    [Fact]
    public async Task Skip_link_and_links_show_a_visible_focus_ring()
    {
        await using var tab = await browser.OpenAsync(FileUrl("en/companies/axis/index.html"));
        await tab.Page.Keyboard.PressAsync("Tab");
        var focused = await tab.Page.EvaluateAsync<string[]>("""
            () => { const el = document.activeElement, s = getComputedStyle(el), r = el.getBoundingClientRect();
              return [el.className, s.outlineStyle, s.outlineWidth, String(r.top >= 0 && r.bottom > 0)]; }
            """);
        Assert.Equal(["skip-link", "solid", "3px", "true"], focused);
        await tab.Page.Keyboard.PressAsync("Tab");
        var outline = await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
    }

    [Fact]
    public async Task Print_hides_menus_and_switcher_and_prints_black_on_white()
    {
        await using var tab = await browser.OpenAsync(FileUrl("zh/reports/out-of-control/index.html"));
        await tab.Page.EmulateMediaAsync(new() { Media = Media.Print, ColorScheme = ColorScheme.Dark });
        Assert.False(await tab.Page.Locator(".site-nav").IsVisibleAsync());
        Assert.False(await tab.Page.Locator(".lang-switch").IsVisibleAsync());
        Assert.True(await tab.Page.Locator("h1").IsVisibleAsync());
        Assert.Equal("rgb(0, 0, 0)", await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).color"));
        Assert.Equal("rgb(255, 255, 255)", await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
    }
}
