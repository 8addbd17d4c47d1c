using Microsoft.Playwright;

namespace Campaign.Tests.Support;

/// <summary>
/// One headless Debian Chromium (driven by Playwright, no browser download) shared by a test class:
/// <c>class MyTests(BrowserFixture browser) : IClassFixture&lt;BrowserFixture&gt;</c>, then
/// <c>await using var tab = await browser.OpenAsync(url);</c> for a fresh context that records every
/// request and console error.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser; reading it skips the running test, with the reason, when Chromium is not installed.</summary>
    public IBrowser Browser
    {
        get
        {
            RequiredTools.RequireChromium();
            return _browser ?? throw new InvalidOperationException("the browser has not started");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!RequiredTools.HasChromium) return; // each test that reads Browser is then skipped with the reason
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright, "--allow-file-access-from-files");
    }

    /// <summary>Opens <paramref name="url"/> in a new context (viewport <paramref name="width"/> px wide) and waits for it to load.</summary>
    public async Task<BrowserTab> OpenAsync(string url, int width = 1280)
    {
        var tab = await NewTabAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        await tab.GotoAsync(url);
        return tab;
    }

    /// <summary>A blank tab in a new context with <paramref name="options"/> (for example <c>BypassCSP = true</c> to inject axe-core).</summary>
    public async Task<BrowserTab> NewTabAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        return new BrowserTab(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// A page in its own browser context that records every request URL and every console error or page
/// error, so tests can assert that nothing left the origin and nothing failed.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _requests = [];
    private readonly List<string> _errors = [];
    private readonly List<(string Url, int Status)> _responses = [];

    public IPage Page { get; }

    /// <summary>Every response the page received, with its HTTP status (a missing file shows as its 404), in order.</summary>
    public IReadOnlyList<(string Url, int Status)> Responses { get { lock (_responses) return [.. _responses]; } }

    /// <summary>Every URL the page requested (documents, styles, scripts, images, fetches), in order.</summary>
    public IReadOnlyList<string> Requests { get { lock (_requests) return [.. _requests]; } }

    /// <summary>Console errors, uncaught exceptions and failed requests.</summary>
    public IReadOnlyList<string> Errors { get { lock (_errors) return [.. _errors]; } }

    internal BrowserTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Request += (_, r) => { lock (_requests) _requests.Add(r.Url); };
        page.Response += (_, r) => { lock (_responses) _responses.Add((r.Url, r.Status)); };
        page.Console += (_, m) => { if (m.Type == "error") lock (_errors) _errors.Add("console: " + m.Text); };
        page.PageError += (_, e) => { lock (_errors) _errors.Add("page error: " + e); };
        page.RequestFailed += (_, r) => { lock (_errors) _errors.Add($"request failed: {r.Url} ({r.Failure})"); };
    }

    public async Task GotoAsync(string url)
    {
        var response = await Page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
        if (response is not null && !response.Ok) lock (_errors) _errors.Add($"HTTP {response.Status}: {url}");
    }

    /// <summary>Requests whose URL does not start with <paramref name="origin"/> (e.g. <c>http://127.0.0.1:1234/</c> or <c>file://</c>).</summary>
    public IReadOnlyList<string> RequestsOutside(string origin) =>
        Requests.Where(u => !u.StartsWith(origin, StringComparison.Ordinal)).ToList();

    /// <summary>Fails the test if any request left <paramref name="origin"/> or any error was recorded.</summary>
    public void AssertClean(string origin)
    {
        Assert.True(RequestsOutside(origin).Count == 0, "requests left the origin:\n" + string.Join("\n", RequestsOutside(origin)));
        Assert.True(Errors.Count == 0, "browser errors:\n" + string.Join("\n", Errors));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
