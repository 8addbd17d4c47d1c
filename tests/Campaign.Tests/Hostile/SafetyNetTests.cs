using Campaign.Cli.Serve;
using Campaign.Core.Diagnostics;
using Campaign.Site;
using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// The safety net: an exception nobody expected becomes one CMP130 diagnostic naming the file, with "this is a bug
/// in campaign", exit 1, no stack trace unless <c>--verbose</c>, and the previous output left as it was. The
/// failure is forced without a test hook: a theme whose base layout divides by zero, which Fluid lets through as
/// a plain <see cref="DivideByZeroException"/> from inside the parallel page rendering.
/// </summary>
public sealed class SafetyNetTests : IDisposable
{
    private readonly TestCampaign _campaign = new("""
        -- pages/about.en.md --
        ---
        title: About
        ---
        Hello.
        """);

    private readonly string _theme;

    public SafetyNetTests()
    {
        _theme = Path.Combine(_campaign.Root, "broken-theme");
        foreach (var file in Directory.EnumerateFiles(Repo.Theme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_theme, Path.GetRelativePath(Repo.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var layout = Path.Combine(_theme, "layouts", "base.liquid");
        File.WriteAllText(layout, "{{ 1 | divided_by: 0 }}" + File.ReadAllText(layout));
        // the previous output, which a failed build must leave exactly as it was
        Directory.CreateDirectory(_campaign.Output);
        File.WriteAllText(Path.Combine(_campaign.Output, "index.html"), "previous build");
        // marked as a build's own, so the build may replace it (a folder without the marker is refused, CMP162)
        File.WriteAllText(Path.Combine(_campaign.Output, Campaign.Site.Emit.OutputFolder.Marker), "");
    }

    public void Dispose() => _campaign.Dispose();

    private CliRun Run(string verb, params string[] more) =>
        CliRun.Run([verb, "--input", _campaign.Input, "--theme", _theme, "--now", "2026-11-25", .. more]);

    private void AssertOutputUntouched()
    {
        Assert.Equal([Campaign.Site.Emit.OutputFolder.Marker, "index.html"], Directory.EnumerateFileSystemEntries(_campaign.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("previous build", File.ReadAllText(Path.Combine(_campaign.Output, "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(_campaign.Root, ".output*"));
    }

    [Fact]
    public void A_bug_in_a_build_is_one_diagnostic_naming_the_file_with_exit_1_and_the_output_untouched()
    {
        var run = Run("build", "--output", _campaign.Output, "--no-pdf");
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n'), l => l.Contains("CMP130"));
        Assert.StartsWith("theme/layouts/base.liquid: error CMP130: campaign failed on this file: DivideByZeroException: Attempted to divide by zero.", line);
        Assert.Contains("(this is a bug in campaign, please report it", line);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Unhandled exception", run.Error);
        Assert.Contains("was left as it was", run.Error);
        AssertOutputUntouched();
    }

    [Fact]
    public void With_verbose_the_stack_trace_is_printed_for_the_bug_report()
    {
        var run = Run("build", "--output", _campaign.Output, "--no-pdf", "--verbose");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error CMP130:", run.Error);
        Assert.Contains("System.DivideByZeroException", run.Error);
        Assert.Contains("   at ", run.Error);
        AssertOutputUntouched();
    }

    [Fact]
    public void Check_reports_the_bug_the_same_way()
    {
        var run = Run("check");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("theme/layouts/base.liquid: error CMP130:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        AssertOutputUntouched();
        Assert.Contains("   at ", Run("check", "--verbose").Error);
    }

    [Fact]
    public void A_preview_rebuild_reports_the_bug_in_the_terminal_without_a_stack_trace()
    {
        // What PreviewServer.Rebuild does, without entering its idle no-GC region inside the test process.
        var options = _campaign.Options() with { OutputDir = Path.Combine(_campaign.Root, "preview"), ThemeDir = _theme };
        var session = new Campaign.Site.Preview.BuildSession();
        var result = SiteBuilder.Build(options, session);
        Assert.False(result.Succeeded);
        Assert.Equal(InternalFailure.Code, Assert.Single(result.Diagnostics).Code);
        Assert.IsType<AggregateException>(result.Failure);
        var stderr = new StringWriter();
        Campaign.Cli.Commands.ServeCommand.Report(new PreviewBuild(1, result, 0, 0, 0, 0, 0), _campaign.Input,
            new Campaign.Cli.Console(new StringWriter(), stderr));
        Assert.Contains("theme/layouts/base.liquid: error CMP130:", stderr.ToString());
        Assert.Contains("Build 1 failed", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
        // the next rebuild, with the theme fixed, succeeds with the same session
        File.Copy(Path.Combine(Repo.Theme, "layouts", "base.liquid"), Path.Combine(_theme, "layouts", "base.liquid"), overwrite: true);
        Assert.True(SiteBuilder.Build(options, session).Succeeded);
    }

    [Fact]
    public void The_net_names_the_innermost_cause_through_parallel_loops_and_file_labels()
    {
        var ex = new AggregateException(new FileFailure("pages/x.en.md", "summary", new InvalidCastException("boom\nsecond line")));
        var d = InternalFailure.Diagnose(ex, "rendering");
        Assert.Equal("pages/x.en.md: error CMP130: campaign failed while rendering on this file: InvalidCastException: boom [summary] " +
            "(this is a bug in campaign, please report it with the file named; run with --verbose for the stack trace)", d.ToString());
        Assert.False(InternalFailure.IsBug(new IOException("disk full")));
        var labelled = Assert.Throws<FileFailure>(() => InternalFailure.Around<int>("a.md", null, () => throw new NullReferenceException()));
        Assert.Equal("a.md", labelled.File);
        Assert.Throws<IOException>(() => InternalFailure.Around<int>("a.md", null, () => throw new IOException()));
    }
}
