using System.Globalization;
using Campaign.Site;

namespace Campaign.Cli.Commands;

/// <summary><c>campaign build</c>: builds <c>input/</c> into <c>output/</c>.</summary>
public sealed class BuildCommand : ICommand
{
    public string Name => "build";
    public string Summary => "build the site from input/ into output/";

    public string Usage => """
        Usage: campaign build [options]

        Builds the campaign in the input folder into a static site in the output folder.
        The previous output is replaced only when the build has no errors. A non-empty --output folder
        that a build did not write (it has no .campaign-output file) is refused, never emptied.

        Options:
          --input DIR     the campaign folder (default: input)
          --output DIR    where the site is written (default: output)
          --theme DIR     the theme folder (default: theme/ beside the input folder, else the theme
                          installed with the command)
          --now DATE      the date (YYYY-MM-DD, or date and time with zone) that embargoes and
                          date checks use, so builds are reproducible (default: now)
          --drafts        include embargoed and scheduled pages, marked as not yet public
          --no-pdf        print no report PDFs (supplied PDFs are still published)
          --require-pdf   fail when a report cannot be printed (no Chromium found, or printing failed)
          --cache DIR     where printed PDFs are kept between builds (default: .cache/ beside the input folder)
          --chromium PATH the Chromium executable that prints PDFs (default: chromium on PATH)
          --bundle        also write campaign-<date>.zip of the whole site, and its SHA-256
          --quiet         print errors only
          --verbose       list every warning, and the time each build stage took
          --help          show this help

        Exit codes: 0 built (warnings allowed), 1 content errors, 2 usage errors,
        3 the machine refused (output folder locked, not the build's, read-only, or the disk full).
        """;

    public static readonly string[] Valued = ["--input", "--output", "--theme", "--now", "--cache", "--chromium"];
    public static readonly string[] Switches = ["--drafts", "--quiet", "--verbose", "--no-pdf", "--require-pdf", "--bundle"];

    public int Run(IReadOnlyList<string> args, Console console)
    {
        var a = Arguments.Parse(args, Valued, Switches);
        if (a.Positional.Count > 0) throw new UsageException($"unexpected argument `{a.Positional[0]}`.");
        var options = Options(a);
        console.Quiet = a.Has("--quiet");
        console.Verbose = a.Has("--verbose");
        if (!Directory.Exists(options.InputDir))
            throw new UsageException($"the input folder `{options.InputDir}` does not exist.");

        var result = Progress.BuildProgressView.Run(console,
            progress => SiteBuilder.Build(options, progress: progress));
        console.Diagnostics(result.Diagnostics, options.InputDir);
        console.Failure(result.Failure);
        PrintSummary(result, options, console);
        return result.Succeeded ? 0 : Site.Emit.OutputChecks.FailedOnEnvironment(result.Diagnostics) ? 3 : 1;
    }

    public static BuildOptions Options(Arguments a)
    {
        if (a.Has("--no-pdf") && a.Has("--require-pdf")) throw new UsageException("--no-pdf and --require-pdf contradict each other.");
        var pdf = a.Has("--require-pdf") ? PdfMode.Required : a.Has("--no-pdf") ? PdfMode.Off : PdfMode.Auto;
        var input = a.Value("--input") ?? "input";
        return new(input, a.Value("--output") ?? "output", ParseNow(a.Value("--now")), a.Has("--drafts"), a.Value("--theme") ?? Scaffold.ToolFiles.DefaultTheme(input),
            pdf, a.Value("--cache"), a.Has("--bundle"), a.Value("--chromium"));
    }

    public static DateTimeOffset ParseNow(string? text)
    {
        if (text is null) return DateTimeOffset.UtcNow;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new DateTimeOffset(d.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            return moment;
        throw new UsageException($"--now `{text}` is not a date; write YYYY-MM-DD, for example --now 2020-09-21.");
    }

    private static void PrintSummary(BuildResult result, BuildOptions options, Console console)
    {
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var errors = $"{result.Errors} error{(result.Errors == 1 ? "" : "s")}";
        var warnings = $"{result.Warnings} warning{(result.Warnings == 1 ? "" : "s")}";
        if (!result.Succeeded)
        {
            console.Error.WriteLine();
            console.Error.WriteLine($"Build failed: {errors}, {warnings} ({seconds} s). {options.OutputDir}/ was left as it was.");
            return;
        }
        console.Line();
        console.Line($"Built {options.OutputDir}/ in {seconds} s: {result.FilesWritten} files.");
        foreach (var (lang, pages) in result.PagesPerLanguage) console.Line($"  {lang,-6} {pages} pages");
        console.Line($"  {warnings}, {errors}");
        if (console.Verbose) PrintStages(result, console);
        console.Line($"Open {Path.Combine(options.OutputDir, "index.html")} in a browser.");
    }

    /// <summary>With --verbose: the time each stage took and what it allocated, so a slow build shows where its time goes.</summary>
    private static void PrintStages(BuildResult result, Console console)
    {
        if (result.Stages is not { Count: > 0 } stages) return;
        var width = stages.Max(s => s.Stage.Length);
        console.Line($"  {"time per stage:".PadRight(width + 2)}    wall       cpu   allocated");
        foreach (var s in stages)
            console.Line($"    {s.Stage.PadRight(width)} {Seconds(s.Elapsed),7} s {Seconds(s.Processor),7} s {Megabytes(s.Allocated),8} MB");
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
