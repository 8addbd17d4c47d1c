using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Campaign.Benchmarks.Search;

/// <summary>
/// A plain static HTTP server (Kestrel, no compression, as a simple host serves files) over one or more folders,
/// the first that holds a path wins: Pagefind's files and bench pages are laid over our output without copying it.
/// </summary>
public sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string Url { get; }

    private StaticSite(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<StaticSite> Start(params string[] folders)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        IFileProvider files = folders.Length == 1 ? new PhysicalFileProvider(folders[0])
            : new CompositeFileProvider(folders.Select(f => (IFileProvider)new PhysicalFileProvider(f)));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await app.StartAsync();
        return new StaticSite(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
