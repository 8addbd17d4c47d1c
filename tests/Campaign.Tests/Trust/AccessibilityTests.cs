using Campaign.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Campaign.Tests.Trust;

/// <summary>
/// axe-core (Deque's package, offline) finds no WCAG 2.1 AA violation on any page type, in both languages, in light
/// and dark mode, with and without JavaScript. What the passes cover is chosen from what can differ, so nothing is
/// checked twice: dark mode changes only the theme's colour variables, so the dark pass runs the colour rules alone;
/// without JavaScript only a page that loads a script can change, so the no-script pass reads those pages alone
/// (found from the built HTML, so a page that gains a script is covered at once).
/// </summary>
public sealed class AccessibilityTests(SampleSite site, BrowserFixture browser) : IClassFixture<SampleSite>, IClassFixture<BrowserFixture>
{
    private static readonly string[] Wcag21AATags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The WCAG 2.1 AA rules that read colours: text contrast, and links told apart from the text around them.</summary>
    private static readonly string[] ColourRules = ["color-contrast", "link-in-text-block"];

    // Only violations come back: passes and inapplicable rules list every node of the page, and serialising them cost more than the check.
    private static AxeRunOptions Options(bool colourOnly) => new()
    {
        RunOnly = colourOnly ? new RunOnlyOptions { Type = "rule", Values = [.. ColourRules] } : new RunOnlyOptions { Type = "tag", Values = [.. Wcag21AATags] },
        ResultTypes = [ResultType.Violations],
    };

    [Theory]
    [InlineData(ColorScheme.Light, true)]
    [InlineData(ColorScheme.Dark, true)]
    [InlineData(ColorScheme.Light, false)]
    [InlineData(ColorScheme.Dark, false)]
    public async Task Every_page_type_passes_axe(ColorScheme scheme, bool javaScript)
    {
        var paths = javaScript ? PageTypes.In(site.Output) : PageTypes.In(site.Output).Where(LoadsAScript).ToList();
        Assert.True(paths.Count > 0, "no page type to check");
        await using var server = await StaticServer.StartAsync(site.Output);
        // The page's CSP rightly refuses injected scripts; axe is injected with CSP bypassed, as STACK-NOTES describes.
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            ColorScheme = scheme,
            JavaScriptEnabled = true,
            BypassCSP = true,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var options = Options(colourOnly: scheme == ColorScheme.Dark);
        // One tab, reused: a new one per page cost a renderer start each time.
        var page = await context.NewPageAsync();
        if (!javaScript) await page.RouteAsync("**/*.js", route => route.AbortAsync());
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(server.Url(path.EndsWith("/index.html") ? path[..^"index.html".Length] : path));
            var result = await page.RunAxe(options);
            foreach (var v in result.Violations)
                failures.Add($"{path} [{scheme}{(javaScript ? "" : ", no JS")}]: {v.Id} ({v.Impact}) {v.Help}: " +
                    string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html)));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_no_script_pass_reads_the_pages_that_load_a_script()
    {
        // The no-script pass is only as good as this choice: the findings list and the search page do load scripts.
        var scripted = PageTypes.In(site.Output).Where(LoadsAScript).ToList();
        Assert.Contains("en/findings/index.html", scripted);
        Assert.Contains("zh/search/index.html", scripted);
    }

    private bool LoadsAScript(string path) => site.Read(path).Contains("<script", StringComparison.Ordinal);
}
