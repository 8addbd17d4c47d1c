using PuppeteerSharp;

namespace Campaign.Site.Pdf;

/// <summary>The viewport a page is laid out in before its <c>#shot</c> element is taken: CSS pixels and the pixels per CSS pixel.</summary>
public sealed record CameraFrame(int Width, int Height, double Scale);

/// <summary>
/// Takes PNGs of self-contained HTML pages (no file beside them) with headless Chromium, in its light scheme: the one
/// camera behind the charts' PNGs and the social cards. One browser serves every shot of a build; several tabs of it
/// may shoot at once, and each result stays with its page, so the order of the output never depends on which finished first.
/// </summary>
public sealed class PageCamera(string executable) : IDisposable
{
    /// <summary>How many tabs of the one browser take shots at once: enough to overlap one tab's layout with another's screenshot.</summary>
    public const int Tabs = 3;

    private IBrowser? _browser;
    private readonly SemaphoreSlim _launch = new(1, 1);

    /// <summary>The PNG of the element <c>#shot</c> of each page, in the pages' order, taken <paramref name="tabs"/> at a time; <paramref name="done"/> is told of each as it is taken.</summary>
    public IReadOnlyList<byte[]> ShootAll(IReadOnlyList<string> pages, CameraFrame frame, int tabs, Action<int, byte[]>? done = null) =>
        ShootAllAsync(pages, frame, tabs, done).GetAwaiter().GetResult();

    private async Task<IReadOnlyList<byte[]>> ShootAllAsync(IReadOnlyList<string> pages, CameraFrame frame, int tabs, Action<int, byte[]>? done)
    {
        var shots = new byte[pages.Count][];
        var next = -1;
        async Task Tab()
        {
            // One tab takes page after page: a new tab is a new renderer, which loads the fonts (a CJK face is large) again.
            IPage? tab = null;
            try
            {
                for (var i = Interlocked.Increment(ref next); i < pages.Count; i = Interlocked.Increment(ref next))
                {
                    tab ??= await Open(frame);
                    shots[i] = await Take(tab, pages[i]);
                    done?.Invoke(i, shots[i]);
                }
            }
            finally
            {
                if (tab is not null) await tab.DisposeAsync();
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, tabs)).Select(_ => Tab()));
        return shots;
    }

    private async Task<IPage> Open(CameraFrame frame)
    {
        var page = await (await Browser()).NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = frame.Width, Height = frame.Height, DeviceScaleFactor = frame.Scale });
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = "light" }]);
        return page;
    }

    private static async Task<byte[]> Take(IPage page, string html)
    {
        await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 });
        // Every face the page asks for is loaded before it is taken.
        await page.EvaluateExpressionAsync("document.fonts.ready.then(() => true)");
        var shot = await page.QuerySelectorAsync("#shot") ?? throw new PuppeteerException("the page to take has no #shot element");
        return await shot.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png });
    }

    private async Task<IBrowser> Browser()
    {
        if (_browser is { } started) return started;
        await _launch.WaitAsync();
        try { return _browser ??= await HeadlessBrowser.Launch(executable, "--hide-scrollbars", "--font-render-hinting=none"); }
        finally { _launch.Release(); }
    }

    public void Dispose()
    {
        if (_browser is not null) _browser.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _launch.Dispose();
    }
}
