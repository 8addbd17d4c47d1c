using System.Globalization;
using System.Text.Json;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Site;
using Campaign.Site.Checks;

namespace Campaign.Cli.Commands;

/// <summary><c>campaign check</c>: every validation, plus links, anchors and advice, without touching <c>output/</c>.</summary>
public sealed class CheckCommand : ICommand
{
    public string Name => "check";
    public string Summary => "check content, links and anchors without writing output/";

    public string Usage => """
        Usage: campaign check [options]

        Runs every validation of a build, then builds the site into a temporary folder (deleted
        afterwards; output/ is not touched) and follows every internal link and #anchor. Also warns
        about sources without an archived copy, images without alt text and headings that skip a level.

        Options:
          --input DIR       the campaign folder (default: input)
          --theme DIR       the theme folder (default: theme/ beside the input folder, else the theme
                            installed with the command)
          --now DATE        the date embargoes and date checks use (default: now)
          --drafts          check embargoed and scheduled pages too
          --format FORMAT   text (default) or json (one JSON object on standard output, for scripts)
          --quiet           print errors only
          --verbose         list every warning
          --help            show this help

        Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage errors,
        3 the machine refused (the temporary folder cannot be written, or the disk is full).
        """;

    public static readonly string[] Valued = ["--input", "--theme", "--now", "--format"];
    public static readonly string[] Switches = ["--drafts", "--quiet", "--verbose"];

    /// <summary>The outcome of a check, as <c>--format json</c> prints it.</summary>
    public sealed record CheckReport(bool Ok, int Errors, int Warnings, int Pages, int Links, IReadOnlyList<Diagnostic> Diagnostics)
    {
        /// <summary>The bug that stopped the build (CMP130), for <c>--verbose</c> to print its stack trace.</summary>
        public Exception? Failure { get; init; }

        /// <summary>0 when there is no error, 3 when the disk or the system refused (as for <c>build</c>), else 1.</summary>
        public int ExitCode => Ok ? 0 : Site.Emit.OutputChecks.FailedOnEnvironment(Diagnostics) ? 3 : 1;
    }

    public int Run(IReadOnlyList<string> args, Console console)
    {
        var a = Arguments.Parse(args, Valued, Switches);
        if (a.Positional.Count > 0) throw new UsageException($"unexpected argument `{a.Positional[0]}`.");
        var format = a.Value("--format") ?? "text";
        if (format is not ("text" or "json")) throw new UsageException($"--format `{format}` is not known; write --format text or --format json.");
        console.Apply(a);
        var json = format == "json";
        var input = a.Value("--input") ?? "input";
        if (!Directory.Exists(input)) throw new UsageException($"the input folder `{input}` does not exist.");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = Check(BuildCommand.Options(a), json ? null : console);
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                ok = report.Ok,
                errors = report.Errors,
                warnings = report.Warnings,
                pages = report.Pages,
                links = report.Links,
                diagnostics = report.Diagnostics.Select(d => new
                {
                    severity = d.IsError ? "error" : "warning", code = d.Code, message = d.Message,
                    file = d.Location?.File, line = d.Location?.Line, column = d.Location?.Column, field = d.Field, hint = d.Hint,
                }),
            }, MachineJson.Serializer));
            return report.ExitCode;
        }
        console.Diagnostics(report.Diagnostics, input);
        console.Failure(report.Failure);
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var summary = $"{report.Errors} error{(report.Errors == 1 ? "" : "s")}, {report.Warnings} warning{(report.Warnings == 1 ? "" : "s")}";
        var writer = report.Ok ? console.Out : console.Error;
        if (!report.Ok || !console.Quiet)
        {
            writer.WriteLine();
            writer.WriteLine(report.Pages > 0
                ? $"Checked {report.Pages} pages and {report.Links} links in {seconds} s: {summary}."
                : $"Checked the content in {seconds} s: {summary}; links were not checked because the site does not build.");
            writer.WriteLine(report.Ok ? "No errors. Nothing was written to output/." : "Fix the errors above (each names the file, line and field). Nothing was written to output/.");
        }
        return report.ExitCode;
    }

    /// <summary>Builds into a temporary folder, checks it and deletes it.</summary>
    /// <param name="scratch">The folder to make that temporary folder in (default: the system's temporary folder).</param>
    public static CheckReport Check(BuildOptions options, Console? progressTo, string? scratch = null)
    {
        options = options with { LinkWarnings = false }; // LinkCheck below reports the same links as errors
        var temp = Path.Combine(scratch ?? Path.GetTempPath(), "campaign-check-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var site = options with { OutputDir = Path.Combine(temp, "site") };
            var build = progressTo is null
                ? SiteBuilder.Build(site)
                : Progress.BuildProgressView.Run(progressTo, p => SiteBuilder.Build(site, progress: p));
            var diagnostics = new DiagnosticList();
            foreach (var d in build.Diagnostics) diagnostics.Add(d);
            var counts = new LinkCheck.Counts(0, 0);
            // The advice below reads the content the build loaded.
            var content = build.Content;
            if (content is not null) ContentCheck.Run(content, diagnostics);
            if (build.Succeeded && content is not null)
                counts = LinkCheck.Run(Path.Combine(temp, "site"), PageSources.Of(content), diagnostics);
            var all = diagnostics.Sorted();
            return new CheckReport(!all.Any(d => d.IsError), all.Count(d => d.IsError), all.Count(d => !d.IsError), counts.Pages, counts.Links, all) { Failure = build.Failure };
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }
}
