using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Press;

/// <summary>One headless Debian Chromium (through Playwright, no browser download) shared by a test class.</summary>
public sealed class PressBrowser : IAsyncLifetime
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
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>A folder served over HTTP by an in-process Kestrel on a free local port, as a static host would.</summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string Address { get; }

    private StaticSiteServer(WebApplication app, string address) { _app = app; Address = address; }

    public static async Task<StaticSiteServer> StartAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        // SHA256SUMS and *.sha256 have no registered type; serve them as they are.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticSiteServer(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
