using System.Text;
using Campaign.Tests.Support;

namespace Campaign.Tests.Diagnostics;

/// <summary>What the campaigner sees on the command line for bad content: every error, clickable positions, exit 1, no stack trace, the old site kept.</summary>
public sealed class CliDiagnosticsTests
{
    private const string Broken = """
        -- updates/a.en.md --
        ---
        title: A
        date: 2020-13-01
        kind: news
        titel: x
        ---
        -- updates/b.en.md --
        ---
        title: B
        date: 2020-09-21
        kind: news
        companies: [axsi]
        slug: "../b"
        ---
        -- companies/axis.en.md --
        ---
        name: Axis
        country: Sweden
        summary: Cameras.
        ---
        -- pages/about.fr.md --
        ---
        title: À propos
        ---
        """;

    [Fact]
    public void Bad_content_exits_1_listing_every_error_with_position_field_and_hint_and_no_stack_trace()
    {
        using var campaign = new TestCampaign(Broken);
        campaign.WriteBytes("pages/bad.en.md", [.. Encoding.ASCII.GetBytes("---\ntitle: Caf"), 0xE9, (byte)'\n', .. Encoding.ASCII.GetBytes("---\n")]);
        campaign.Write("pages/empty.en.md", "");
        var run = CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25");

        Assert.Equal(1, run.ExitCode);
        OutputAssert.Contains(run.Error, """
            updates/a.en.md:3:7: error CMP006: `2020-13-01` is not a valid date. [date] (write dates as YYYY-MM-DD
            updates/a.en.md:5:8: warning CMP004: Unknown field `titel`; it is ignored. [titel] (did you mean `title`?)
            updates/b.en.md:6:7: error CMP016: The slug `../b` cannot be used in a URL: it contains `..`. [slug]
            pages/about.fr.md: error CMP008:
            pages/bad.en.md:2: error CMP009: The file is not valid UTF-8.
            pages/empty.en.md: error CMP011: The file is empty.
                | date: 2020-13-01
            Build failed:
            was left as it was
            ! at Campaign.
            ! Exception
            """, "stderr");
        Assert.False(Directory.Exists(campaign.Output));
    }

    [Fact]
    public void Unknown_company_reference_is_reported_with_its_hint()
    {
        using var campaign = new TestCampaign("""
            -- companies/axis.en.md --
            ---
            name: Axis
            country: Sweden
            summary: Cameras.
            ---
            -- updates/b.en.md --
            ---
            title: B
            date: 2020-09-21
            kind: news
            companies: [axsi]
            ---
            """);
        var run = CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("updates/b.en.md:5:13: error CMP019: `axsi` is not a company of this campaign. [companies] (did you mean `axis`?", run.Error);
    }

    [Fact]
    public void Failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var campaign = new TestCampaign("""
            -- updates/a.en.md --
            ---
            title: A
            date: 2020-09-21
            kind: news
            ---
            Body.
            """);
        var args = new[] { "build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--quiet" };
        Assert.Equal(0, CliRun.Run(args).ExitCode);
        var before = OutputSnapshot.Of(campaign.Output);

        campaign.Write("updates/a.en.md", "---\ntitle: A\ndate: not a date\nkind: news\n---\nChanged body.\n");
        campaign.Write("updates/new.en.md", "---\ntitle: New\ndate: 2020-09-22\nkind: news\n---\nNew.\n");
        var run = CliRun.Run(args);

        Assert.Equal(1, run.ExitCode);
        OutputSnapshot.AssertSame(before, OutputSnapshot.Of(campaign.Output));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(campaign.Output)!, ".output.*"));
    }
}
