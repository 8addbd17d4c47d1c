using Campaign.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;

namespace Campaign.Tests.Search;

/// <summary>The built sample served by an in-process Kestrel, and one headless Chromium for the search browser tests.</summary>
public sealed class SearchBrowser : IAsyncLifetime
{
    private readonly SampleSearchSite _site = new();
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
    public string Output => _site.Output;

    /// <summary>What the sample's build indexed, per language.</summary>
    public IReadOnlyList<Campaign.Search.SearchCorpus> Corpora => _site.Corpora;

    public async ValueTask InitializeAsync()
    {
        if (!RequiredTools.HasChromium) return; // each test that reads Browser is then skipped with the reason
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var files = new PhysicalFileProvider(_site.Output);
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _site.Dispose();
    }
}
