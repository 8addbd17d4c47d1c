using System.Globalization;
using System.Runtime.InteropServices;
using Campaign.Cli.Serve;

namespace Campaign.Cli.Commands;

/// <summary><c>campaign serve</c>: builds, serves on localhost, rebuilds what changed and reloads open pages.</summary>
public sealed class ServeCommand : ICommand
{
    public const int DefaultPort = 8000;

    public string Name => "serve";
    public string Summary => "preview the site on localhost, rebuilding and reloading as you edit";

    public string Usage => $"""
        Usage: campaign serve [options]

        Builds the campaign and serves it at http://localhost:{DefaultPort}/ (or the next free port).
        When a file in the input or theme folder changes, only what the change affects is rebuilt and
        open pages reload. A content error is shown over the page and in this terminal, naming the file,
        line and field; the last good pages stay served until it is fixed. Ctrl+C stops.

        Options:
          --port N        the port to serve on (default: {DefaultPort}; the next free one when taken)
          --input DIR     the campaign folder (default: input)
          --output DIR    where the preview is built (default: a temporary folder, deleted on exit)
          --theme DIR     the theme folder (default: theme/ beside the input folder, else the theme
                          installed with the command)
          --now DATE      judge embargoes at this date instead of the current time
          --drafts        include embargoed and scheduled pages, marked as not yet public
          --quiet         print errors only
          --verbose       list every warning and what each rebuild did
          --help          show this help

        Exit codes: 0 stopped cleanly, 2 usage errors.
        """;

    public static readonly string[] Valued = ["--port", "--input", "--output", "--theme", "--now"];
    public static readonly string[] Switches = ["--drafts", "--quiet", "--verbose"];

    public int Run(IReadOnlyList<string> args, Console console)
    {
        var a = Arguments.Parse(args, Valued, Switches);
        if (a.Positional.Count > 0) throw new UsageException($"unexpected argument `{a.Positional[0]}`.");
        console.Apply(a);
        var port = DefaultPort;
        if (a.Value("--port") is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
            throw new UsageException($"--port `{p}` is not a port number; write a number such as --port {DefaultPort}.");
        var input = a.Value("--input") ?? "input";
        if (!Directory.Exists(input)) throw new UsageException($"the input folder `{input}` does not exist.");
        var temporary = a.Value("--output") is null;
        var output = a.Value("--output") ?? Path.Combine(Path.GetTempPath(), $"campaign-preview-{Environment.ProcessId}");
        var fixedNow = a.Value("--now") is { } now ? BuildCommand.ParseNow(now) : (DateTimeOffset?)null;
        var options = BuildCommand.Options(a) with { OutputDir = output };

        using var stop = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop cleanly below instead of being killed mid-write
            stop.Set();
        };
        System.Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Set();
        });

        var builds = 0;
        var failed = 0;
        var server = new PreviewServer(() => options with { Now = fixedNow ?? DateTimeOffset.UtcNow });
        var print = new Lock();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        server.Built += build =>
        {
            lock (print)
            {
                builds++;
                if (!build.Result.Succeeded) failed++;
                Report(build, options.InputDir, console, shown, anyGood: builds > failed);
            }
        };
        try
        {
            server.StartAsync(port).GetAwaiter().GetResult();
            console.Out.WriteLine($"Serving {server.Address} (built in {output}). Edit files in {input}/ and save; press Ctrl+C to stop.");
            if (port != 0 && server.Address!.Port != port) console.Out.WriteLine($"Port {port} was taken; using {server.Address.Port}.");
            stop.Wait();
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            if (temporary && Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
        console.Out.WriteLine();
        console.Out.WriteLine($"Stopped. {builds} build{(builds == 1 ? "" : "s")}, {failed} with errors." +
            (temporary ? " The preview folder was deleted." : $" The last good build is in {output}/."));
        return 0;
    }

    /// <summary>One build in the terminal: the errors with file, line and field, or the new warnings and what the rebuild did.</summary>
    /// <param name="shown">The warnings printed after the previous build, which are not printed again; updated.</param>
    /// <param name="anyGood">Whether an earlier build succeeded, so that there are last good pages to show the errors over.</param>
    internal static void Report(PreviewBuild build, string inputDir, Console console, HashSet<string>? shown = null, bool anyGood = true)
    {
        var r = build.Result;
        var ms = r.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (!r.Succeeded)
        {
            console.Diagnostics(r.Diagnostics, inputDir);
            console.Failure(r.Failure);
            console.Error.WriteLine($"[{time}] Build {build.Number} failed: {Count(r.Errors, "error")}. " +
                (r.Errors == 1 ? "The browser shows it" : "The browser shows them") + (anyGood ? " over the last good pages" : "") + "; fix the file and save.");
            return;
        }
        // Warnings (broken links, missing images, …) are listed where the campaigner works, not only by `campaign check`, and
        // in the page's panel: each one once, when it first appears (all of them every time with --verbose), so that saving a
        // file does not scroll the same list past again.
        var fresh = console.Verbose || shown is null ? r.Diagnostics : [.. r.Diagnostics.Where(d => !shown.Contains(d.ToString()))];
        console.Diagnostics(fresh, inputDir);
        if (shown is not null)
        {
            shown.Clear();
            shown.UnionWith(r.Diagnostics.Select(d => d.ToString()));
        }
        console.Line($"[{time}] Build {build.Number} in {ms} ms: {Count(build.PagesRendered, "page")} rendered, {build.PagesUnchanged} unchanged; " +
            $"{Count(build.FilesParsed, "document")} parsed, {build.FilesReused} reused; {Count(build.FilesWritten, "file")} written" +
            (r.Warnings > 0 ? $"; {Count(r.Warnings, "warning")}." : "."));
    }

    /// <summary>"1 file", "2 files".</summary>
    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
