using Campaign.Site;
using Campaign.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Campaign.Tests.Findings;

/// <summary>
/// The sample campaign built once, served by an in-process Kestrel on a free localhost port, and one headless
/// Debian Chromium shared by the findings browser tests.
/// </summary>
public sealed class FindingsSiteFixture : IAsyncLifetime
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "campaign-findings-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;
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
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!RequiredTools.HasChromium) return; // each test that reads Browser is then skipped with the reason
        var result = SiteBuilder.Build(new BuildOptions(Repo.Input, _output, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), false, Repo.Theme));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var files = new PhysicalFileProvider(_output);
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";

        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>The built site's folder as a <c>file://</c> URL ending in <c>/</c>, as a reader opening a copy from disk sees it.</summary>
    public string DiskUrl => new Uri(Path.GetFullPath(_output) + "/").AbsoluteUri;

    /// <summary>A fresh page in its own context; <paramref name="javascript"/> false reads the site as a reader without scripts.</summary>
    /// <param name="path">Relative to the site root (served over HTTP), or a whole <c>file://</c> URL.</param>
    public async Task<IPage> OpenAsync(string path, bool javascript = true)
    {
        var context = await Browser.NewContextAsync(new() { JavaScriptEnabled = javascript });
        // CI machines are small and shared: give navigation room rather than fail on a slow moment.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path.StartsWith("file:", StringComparison.Ordinal) ? path : BaseUrl + path);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_output, recursive: true); } catch (IOException) { }
    }
}
