using PuppeteerSharp;

namespace Campaign.Site.Charts;

/// <summary>
/// Takes a chart's PNG for press with headless Chromium, the browser that prints the reports: the chart drawn by the
/// theme's own stylesheet in its light colours, at twice the pixels of its CSS size. One browser serves every chart of a build.
/// </summary>
public sealed class ChartCamera(string executable) : IDisposable
{
    /// <summary>The CSS width a chart is drawn at; the PNG is twice as wide.</summary>
    public const int CssWidth = 720;

    /// <summary>Changes whenever what the camera does changes, so cached PNGs from an older camera are not reused.</summary>
    public const string Version = "chart-camera-1;720;2x;light";

    private IBrowser? _browser;

    /// <summary>The PNG of the element <c>#shot</c> of <paramref name="html"/> (a page that needs no other file).</summary>
    public byte[] Shoot(string html) => ShootAsync(html).GetAwaiter().GetResult();

    private async Task<byte[]> ShootAsync(string html)
    {
        _browser ??= await Pdf.HeadlessBrowser.Launch(executable, "--hide-scrollbars", "--font-render-hinting=none");
        await using var page = await _browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = CssWidth + 40, Height = 800, DeviceScaleFactor = 2 });
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = "light" }]);
        await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 });
        var shot = await page.QuerySelectorAsync("#shot") ?? throw new PuppeteerException("the chart page has no #shot element");
        return await shot.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png });
    }

    public void Dispose()
    {
        if (_browser is not null) _browser.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
