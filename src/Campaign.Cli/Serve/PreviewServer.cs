using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Campaign.Core.Diagnostics;
using Campaign.Site;
using Campaign.Site.Preview;
using Campaign.Site.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaign.Cli.Serve;

/// <summary>One finished build of the preview: its number, result, and what the incremental rebuild did.</summary>
public sealed record PreviewBuild(int Number, BuildResult Result, int PagesRendered, int PagesUnchanged, int FilesParsed, int FilesReused, int FilesWritten);

/// <summary>
/// <c>campaign serve</c>'s engine: builds the site into a folder, serves it with Kestrel on localhost, rebuilds
/// incrementally when the input or theme changes and tells open pages to reload. After a failed build the last
/// good pages stay on disk and are served with the errors laid over them.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>How many ports after the asked one are tried when it is taken.</summary>
    public const int PortAttempts = 20;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly Func<BuildOptions> _options;
    private readonly BuildSession _session;
    private readonly IBuildProgress? _progress;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ReloadHub _hub = new();
    private ChangeWatcher? _watcher;
    private WebApplication? _app;
    private int _number;
    private int _pending;

    /// <summary>Called after every build, from the thread that ran it.</summary>
    public event Action<PreviewBuild>? Built;

    public PreviewBuild? Last { get; private set; }

    /// <summary>True once a build has succeeded, so there are good pages to serve.</summary>
    public bool HasGoodBuild { get; private set; }

    public string OutputDir => _options().OutputDir;

    public Uri? Address { get; private set; }

    public ReloadHub Hub => _hub;

    /// <param name="options">Read before each build (the clock moves on unless <c>--now</c> was given).</param>
    public PreviewServer(Func<BuildOptions> options, IBuildProgress? progress = null)
    {
        _options = options;
        _session = new BuildSession { KeepsOutputLocked = true };
        _progress = progress;
    }

    /// <summary>Builds, then serves on <paramref name="port"/> (0: any free port; taken: the next free one), then watches for changes.</summary>
    public async Task StartAsync(int port, CancellationToken cancel = default)
    {
        Rebuild();
        for (var attempt = 0; ; attempt++)
        {
            var p = port == 0 ? 0 : port + attempt;
            var app = CreateApp(p);
            try
            {
                await app.StartAsync(cancel);
                _app = app;
                var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                Address = new Uri(bound.Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
                break;
            }
            catch (IOException) when (port != 0 && attempt + 1 < PortAttempts)
            {
                await app.DisposeAsync();
            }
        }
        var options = _options();
        _watcher = new ChangeWatcher([options.InputDir, options.Theme], RebuildSoon);
    }

    /// <summary>Runs one build now (waiting for a running one to finish) and announces it to open pages.</summary>
    public PreviewBuild Rebuild()
    {
        _gate.Wait();
        try
        {
            Interlocked.Exchange(ref _pending, 0);
            var options = _options();
            var result = SiteBuilder.Build(options, _session, _progress);
            if (result.Succeeded) HasGoodBuild = true;
            var build = new PreviewBuild(++_number, result, _session.Pages.Rendered, _session.Pages.Skipped,
                _session.Documents.Misses, _session.Documents.Hits, _session.LastChanged);
            Last = build;
            Built?.Invoke(build);
            _hub.Announce(build.Number);
            // the campaigner now reads the page: collect garbage now rather than in the middle of the next rebuild
            if (Volatile.Read(ref _pending) == 0) _session.Rest();
            return build;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void RebuildSoon()
    {
        // Changes that arrive while a build runs are picked up by one more build after it.
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        ThreadPool.QueueUserWorkItem(_ => Rebuild());
    }

    private WebApplication CreateApp(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(Handle);
        return app;
    }

    private async Task Handle(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.Headers.CacheControl = "no-store";
        switch (path)
        {
            case PreviewPage.EventsUrl: await Events(context); return;
            case PreviewPage.ScriptUrl: await Resource(context, "preview/reload.js", "text/javascript; charset=utf-8"); return;
            case PreviewPage.StyleUrl: await Resource(context, "preview/overlay.css", "text/css; charset=utf-8"); return;
            case PreviewPage.StatusUrl: await Status(context); return;
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        await ServeFile(context, path);
    }

    private IReadOnlyList<Diagnostic> Errors => Last is { Result.Succeeded: false } last ? [.. last.Result.Diagnostics.Where(d => d.IsError)] : [];

    /// <summary>The last build's warnings when it succeeded (a failed build shows its errors instead).</summary>
    private IReadOnlyList<Diagnostic> Warnings => Last is { Result.Succeeded: true } last ? [.. last.Result.Diagnostics.Where(d => !d.IsError)] : [];

    private async Task ServeFile(HttpContext context, string path)
    {
        var root = Path.GetFullPath(OutputDir);
        var file = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(path).TrimStart('/')));
        if (file != root && !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (Directory.Exists(file))
        {
            if (!path.EndsWith('/'))
            {
                context.Response.Redirect(path + "/" + context.Request.QueryString);
                return;
            }
            file = Path.Combine(file, "index.html");
        }
        byte[]? bytes = null;
        var status = StatusCodes.Status200OK;
        await _gate.WaitAsync(context.RequestAborted); // never read a page while a build rewrites it
        try
        {
            if (File.Exists(file)) bytes = await File.ReadAllBytesAsync(file, context.RequestAborted);
            else if (File.Exists(Path.Combine(root, "404.html")))
            {
                file = Path.Combine(root, "404.html");
                bytes = await File.ReadAllBytesAsync(file, context.RequestAborted);
                status = StatusCodes.Status404NotFound;
            }
        }
        finally
        {
            _gate.Release();
        }
        if (bytes is null)
        {
            context.Response.StatusCode = HasGoodBuild ? StatusCodes.Status404NotFound : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(PreviewPage.NothingBuilt(Errors), context.RequestAborted);
            return;
        }
        context.Response.StatusCode = status;
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(PreviewPage.Inject(Encoding.UTF8.GetString(bytes), Errors, Warnings), context.RequestAborted);
            return;
        }
        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Server-sent events: one <c>reload</c> event per finished build.</summary>
    private async Task Events(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var channel = _hub.Join();
        try
        {
            await context.Response.WriteAsync($"retry: 1000\nevent: hello\ndata: {Last?.Number ?? 0}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var build in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync($"event: reload\ndata: {build}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // the page was closed or the server is stopping
        }
        finally
        {
            _hub.Leave(channel);
        }
    }

    private async Task Status(HttpContext context)
    {
        var last = Last;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            build = last?.Number ?? 0,
            ok = last?.Result.Succeeded ?? false,
            errors = Errors.Select(d => new { file = d.Location?.File, line = d.Location?.Line, column = d.Location?.Column, code = d.Code, message = d.Message, field = d.Field, hint = d.Hint }),
        }), context.RequestAborted);
    }

    private static async Task Resource(HttpContext context, string name, string type)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded resource {name}");
        context.Response.ContentType = type;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        _hub.CloseAll();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
        // wait for a build in progress, so the output folder is not deleted under it
        await _gate.WaitAsync();
        _session.ReleaseOutput(); // after the last build: another build may now replace the folder
        _gate.Release();
    }
}
