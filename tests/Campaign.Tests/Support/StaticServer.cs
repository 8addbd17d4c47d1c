using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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

    /// <param name="under">A sub-path the site is served under (<c>/mirror/out-of-control</c>), as a mirror may host it; the site's
    /// root is then <see cref="BaseUrl"/> plus that path.</param>
    /// <param name="notFoundPage">Answer a missing file with the site's <c>404.html</c> (status 404), as hosts are set up to.</param>
    public static async Task<StaticServer> StartAsync(string root, string? under = null, bool notFoundPage = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        void Serve(IApplicationBuilder site)
        {
            site.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            site.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
            if (notFoundPage)
                site.Run(async context =>
                {
                    context.Response.StatusCode = 404;
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.SendFileAsync(Path.Combine(Path.GetFullPath(root), "404.html"));
                });
        }
        if (under is null) Serve(app);
        else app.Map(under, Serve);
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
