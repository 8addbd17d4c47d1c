using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Campaign.Benchmarks.Search;

/// <summary>
/// A plain static HTTP server (Kestrel, no compression, as a simple host serves files) over one or more folders,
/// the first that holds a path wins: Pagefind's files and bench pages are laid over our output without copying it.
/// With <c>gzip</c>, text files (scripts, JSON, HTML, CSS) are sent gzip-compressed when the browser accepts it, as
/// GitHub Pages, Netlify and Cloudflare Pages do; binary files (index shards, WebAssembly) as they are.
/// </summary>
public sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string Url { get; }

    private StaticSite(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<StaticSite> Start(bool gzip, params string[] folders)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (gzip)
        {
            builder.Services.AddResponseCompression(o =>
            {
                o.Providers.Add<GzipCompressionProvider>();
                o.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json"];
            });
            builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        }
        var app = builder.Build();
        if (gzip) app.UseResponseCompression();
        IFileProvider files = folders.Length == 1 ? new PhysicalFileProvider(folders[0])
            : new CompositeFileProvider(folders.Select(f => (IFileProvider)new PhysicalFileProvider(f)));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await app.StartAsync();
        return new StaticSite(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
