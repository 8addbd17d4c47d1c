using Campaign.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Campaign.Tests.Trust;

/// <summary>
/// axe-core (Deque's package, offline) finds no WCAG 2.1 AA violation on any page type, in both
/// languages, in light and dark mode, with and without JavaScript.
/// </summary>
public sealed class AccessibilityTests(SampleSite site, BrowserFixture browser) : IClassFixture<SampleSite>, IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData(ColorScheme.Light, true)]
    [InlineData(ColorScheme.Dark, true)]
    [InlineData(ColorScheme.Light, false)]
    [InlineData(ColorScheme.Dark, false)]
    public async Task Every_page_type_passes_axe(ColorScheme scheme, bool javaScript)
    {
        await using var server = await StaticServer.StartAsync(site.Output);
        // The page's CSP rightly refuses injected scripts; axe is injected with CSP bypassed, as STACK-NOTES describes.
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            ColorScheme = scheme,
            JavaScriptEnabled = true,
            BypassCSP = true,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var failures = new List<string>();
        foreach (var path in PageTypes.In(site.Output))
        {
            var page = await context.NewPageAsync();
            if (!javaScript) await page.RouteAsync("**/*.js", route => route.AbortAsync());
            await page.GotoAsync(server.Url(path.EndsWith("/index.html") ? path[..^"index.html".Length] : path));
            var result = await page.RunAxe(Wcag21AA);
            foreach (var v in result.Violations)
                failures.Add($"{path} [{scheme}{(javaScript ? "" : ", no JS")}]: {v.Id} ({v.Impact}) {v.Help}: " +
                    string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html)));
            await page.CloseAsync();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
