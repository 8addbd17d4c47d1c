using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Campaign.Tests.Support;

/// <summary>
/// An in-process Kestrel server over a built site folder on a free localhost port, as a reader's web
/// server would serve it: <c>index.html</c> for folders, static files, 404 otherwise.
/// <c>await using var server = await StaticServer.StartAsync(outputDir);</c> then open <c>server.Url("en/")</c>.
/// </summary>
public sealed class StaticServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>The site's root, ending in a slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    private StaticServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<StaticServer> StartAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StaticServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The absolute URL of a path relative to the site root (<c>"en/companies/axis/"</c>).</summary>
    public string Url(string relative = "") => new Uri(BaseUrl, relative.TrimStart('/')).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
