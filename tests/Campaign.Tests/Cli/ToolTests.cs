using System.Text;
using Campaign.Tests.Support;

namespace Campaign.Tests.Cli;

/// <summary>The command as an installed tool: <c>--version</c>, <c>new-site</c>, the theme that comes with it, and the small things of the command line.</summary>
public sealed class ToolTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "campaign-tool-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var run = CliRun.Run("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^campaign \d+\.\d+\.\d+\S*\n$", run.Out.Replace("\r\n", "\n"));
        Assert.Contains("`campaign --version` prints the version", CliRun.Run("--help").Out);
    }

    [Fact]
    public void A_campaign_from_new_site_builds_without_a_theme_folder()
    {
        var dir = Path.Combine(_root, "my-campaign");
        var made = CliRun.Run("new-site", dir);
        Assert.True(made.ExitCode == 0, made.Error);
        Assert.Contains($"Started a campaign in {dir}/input/.", made.Out);
        foreach (var file in new[] { "site.yaml", "i18n/en.yaml", "i18n/zh.yaml", "vocabularies.yaml" })
            Assert.True(File.Exists(Path.Combine(dir, "input", file)), file);
        foreach (var section in new[] { "reports", "companies", "updates", "pages", "findings", "assets" })
            Assert.True(Directory.Exists(Path.Combine(dir, "input", section)), section);
        Assert.False(Directory.Exists(Path.Combine(dir, "theme")));

        var output = Path.Combine(dir, "output");
        var build = CliRun.Run("build", "--input", Path.Combine(dir, "input"), "--output", output, "--no-pdf", "--now", "2026-11-25");
        Assert.True(build.ExitCode == 0, build.Out + build.Error);
        Assert.DoesNotContain("error", build.Error);
        OutputAssert.Contains(File.ReadAllText(Path.Combine(output, "en", "index.html")), """
            <html lang="en"
            Campaign title
            What the campaign asks for.
            """, "en/index.html");
        OutputAssert.Contains(File.ReadAllText(Path.Combine(output, "zh", "index.html")), """
            <html lang="zh-Hans"
            运动标题
            """, "zh/index.html");

        // A campaign of its own, with updates written by `new`, still builds without --theme.
        Assert.Equal(0, CliRun.Run("new", "update", "first-news", "--input", Path.Combine(dir, "input")).ExitCode);
        Assert.Equal(0, CliRun.Run("build", "--input", Path.Combine(dir, "input"), "--output", output, "--no-pdf", "--drafts", "--now", "2026-11-25").ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "en", "updates", "first-news", "index.html")));
    }

    [Fact]
    public void New_site_never_writes_into_a_folder_that_is_not_empty()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "mine");
        var run = CliRun.Run("new-site", _root);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"campaign new-site: {_root} exists and is not empty; campaign new-site never overwrites a file.", run.Error);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
        Assert.Equal(2, CliRun.Run("new-site").ExitCode);
    }

    [Fact]
    public void Short_quiet_is_quiet_and_other_single_hyphen_options_get_a_hint()
    {
        using var c = new TestCampaign("");
        var quiet = CliRun.Run("build", "-q", "--input", c.Input, "--output", c.Output, "--theme", Repo.Theme, "--no-pdf");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Out.Trim());

        var wrong = CliRun.Run("build", "-output", c.Output, "--input", c.Input);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("campaign build: unknown option -output; options start with two hyphens: did you mean --output?", wrong.Error);
    }

    [Theory]
    [InlineData("-5", "--findings `-5` is negative; give 0 or more, for example --findings 1000.")]
    [InlineData("many", "--findings `many` is not a whole number; give 0 or more, for example --findings 1000.")]
    public void Generate_says_why_a_count_is_wrong(string count, string message)
    {
        var run = CliRun.Run("generate", "--findings", count, "--output", Path.Combine(_root, "gen"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"campaign generate: {message}", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_root, "gen")));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_named_but_its_bytes_are_not_echoed()
    {
        using var c = new TestCampaign("");
        // 议会 in GBK, as a Windows editor in a Chinese locale saves it.
        c.WriteBytes("updates/vote.zh.md", [.. Encoding.ASCII.GetBytes("---\ntitle: "), 0xD2, 0xE9, 0xBB, 0xE1, .. Encoding.ASCII.GetBytes("\ndate: 2021-03-25\nkind: news\n---\n")]);
        var run = CliRun.Run("build", "--input", c.Input, "--output", c.Output, "--theme", Repo.Theme, "--no-pdf");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("updates/vote.zh.md:2", run.Error);
        Assert.Contains("CMP009", run.Error);
        Assert.DoesNotContain("\uFFFD", run.Error);
        Assert.DoesNotContain("    | title:", run.Error);
    }

    [Fact]
    public void The_preview_page_before_any_good_build_does_not_claim_to_be_the_last_page_that_built()
    {
        var error = new Campaign.Core.Diagnostics.Diagnostic(Campaign.Core.Diagnostics.Severity.Error, "CMP003", "The required field `title` is missing.",
            new Campaign.Core.Diagnostics.SourceLocation("updates/vote.en.md", 2), "title", "add `title:` with a value");
        var page = Campaign.Cli.Serve.PreviewPage.NothingBuilt([error]);
        Assert.DoesNotContain("last page that built", page);
        Assert.Contains("The last change has 1 error. Nothing has built yet", page);
        Assert.Contains("This is the last page that built", Campaign.Cli.Serve.PreviewPage.Inject("<html><head></head><body></body></html>", [error]));
    }

    [Fact]
    public void A_preview_rebuild_counts_in_the_singular_and_prints_each_new_warning_once()
    {
        using var c = new TestCampaign("");
        var warning = new Campaign.Core.Diagnostics.Diagnostic(Campaign.Core.Diagnostics.Severity.Warning, "CMP181",
            "updates/vote.en.md is a draft (`draft: true`), so it is not published.", new Campaign.Core.Diagnostics.SourceLocation("updates/vote.en.md", 9, 8), "draft");
        var result = new Campaign.Site.BuildResult([warning], new Dictionary<string, int>(), 1, TimeSpan.FromMilliseconds(12));
        var build = new Campaign.Cli.Serve.PreviewBuild(2, result, 1, 3, 1, 4, 1);
        var shown = new HashSet<string>();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var console = new Campaign.Cli.Console(stdout, stderr);
        Campaign.Cli.Commands.ServeCommand.Report(build, c.Input, console, shown);
        Assert.Contains("Build 2 in 12 ms: 1 page rendered, 3 unchanged; 1 document parsed, 4 reused; 1 file written; 1 warning.", stdout.ToString());
        Assert.DoesNotContain("campaign check lists them", stdout.ToString());
        Assert.Contains("updates/vote.en.md:9:8: warning CMP181:", stderr.ToString());

        // The same warning after the next save is not printed again.
        var again = new StringWriter();
        Campaign.Cli.Commands.ServeCommand.Report(build with { Number = 3 }, c.Input, new Campaign.Cli.Console(new StringWriter(), again), shown);
        Assert.Equal("", again.ToString());

        var failed = new StringWriter();
        var error = warning with { Severity = Campaign.Core.Diagnostics.Severity.Error };
        Campaign.Cli.Commands.ServeCommand.Report(build with { Result = result with { Diagnostics = [error] } }, c.Input, new Campaign.Cli.Console(new StringWriter(), failed), shown);
        Assert.Contains("Build 2 failed: 1 error. The browser shows it over the last good pages; fix the file and save.", failed.ToString());
        var first = new StringWriter();
        Campaign.Cli.Commands.ServeCommand.Report(build with { Number = 1, Result = result with { Diagnostics = [error] } }, c.Input,
            new Campaign.Cli.Console(new StringWriter(), first), shown, anyGood: false);
        Assert.Contains("Build 1 failed: 1 error. The browser shows it; fix the file and save.", first.ToString());
    }
}
