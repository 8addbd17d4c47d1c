using Campaign.Tests.Support;

namespace Campaign.Tests.Cli;

/// <summary>The <c>campaign</c> command line: usage, exit codes, hints, and the summary at the end of a build.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_on_the_command_prints_usage_listing_the_verbs(string flag)
    {
        var run = CliRun.Run(flag);
        Assert.Equal(0, run.ExitCode);
        OutputAssert.Contains(run.Out, """
            Usage: campaign <verb> [options]
            build
            Exit codes: 0 success, 1 content errors, 2 usage errors, 3 the machine refused
            """, "stdout");
    }

    [Fact]
    public void Help_on_build_prints_its_options()
    {
        var run = CliRun.Run("build", "--help");
        Assert.Equal(0, run.ExitCode);
        OutputAssert.Contains(run.Out, """
            Usage: campaign build [options]
            --input DIR
            --output DIR
            --now DATE
            """, "stdout");
    }

    [Fact]
    public void No_verb_is_a_usage_error()
    {
        var run = CliRun.Run();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage: campaign", run.Error);
    }

    [Fact]
    public void Unknown_verb_exits_2_with_the_nearest_verb()
    {
        var run = CliRun.Run("biuld");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown verb `biuld`; did you mean `build`?", run.Error);
    }

    [Fact]
    public void Unknown_option_exits_2_with_the_nearest_option()
    {
        var run = CliRun.Run("build", "--ouput", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option --ouput; did you mean --output?", run.Error);
        Assert.Contains("campaign build --help", run.Error);
    }

    [Theory]
    [InlineData("2020-13-45")]
    [InlineData("tomorrow")]
    public void Invalid_now_exits_2_saying_how_to_write_it(string now)
    {
        var run = CliRun.Run("build", "--now", now);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--now `{now}` is not a date; write YYYY-MM-DD", run.Error);
    }

    [Fact]
    public void Option_without_its_value_exits_2()
    {
        var run = CliRun.Run("build", "--input");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--input needs a value", run.Error);
    }

    [Fact]
    public void Missing_input_folder_exits_2()
    {
        var run = CliRun.Run("build", "--input", "/nonexistent/campaign", "--now", "2026-11-25");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }

    [Fact]
    public void Successful_build_ends_with_a_summary_of_pages_per_language_warnings_errors_and_time()
    {
        using var campaign = new TestCampaign("""
            -- updates/a.en.md --
            ---
            title: A
            date: 2020-09-21
            kind: news
            ---
            Only English.
            """);
        var run = CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Built .*output/ in \d+\.\d\d s: \d+ files\.", run.Out);
        Assert.Matches(@"\n  en +\d+ pages\n  zh +\d+ pages\n", run.Out.Replace("\r\n", "\n"));
        Assert.Matches(@"\n  \d+ warnings?, 0 errors\n", run.Out.Replace("\r\n", "\n"));
        Assert.Contains("warning CMP020", run.Error);
    }
}
