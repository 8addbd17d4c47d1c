using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// <c>build</c> follows the links and images written in content and warns, at the content file's line, about those that
/// lead nowhere (CMP115), images the site does not have (CMP116) and missing anchors (CMP117); <c>check</c> still errors.
/// </summary>
public sealed class BuildLinkWarningsTests
{
    private const string Pages = """
        -- assets/camera.png --
        not really a picture
        -- pages/about.en.md --
        ---
        title: About
        ---
        ## Who we are

        Read [the method](/methodology/#how-we-worked), [its sources](/methodology/#sources) and [the other page](/nowhere/).

        ![A camera](/assets/camera.png)

        ![A lamp post](/assets/lamp-post.jpg)

        Back to [the top](#who-we-are) or [the search](/search/).
        -- pages/methodology.en.md --
        ---
        title: Method
        ---
        ## How we worked

        Text.
        """;

    private static CliRun Build(TestCampaign c, params string[] more) =>
        CliRun.Run(["build", "--input", c.Input, "--output", c.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf", .. more]);

    [Fact]
    public void A_broken_link_a_missing_image_and_a_missing_anchor_are_warnings_at_their_line_and_the_build_succeeds()
    {
        using var c = new TestCampaign(Pages);
        var run = Build(c);
        Assert.True(run.ExitCode == 0, run.Error);
        OutputAssert.Contains(run.Error, """
            pages/about.en.md:6:49: warning CMP117: The link `/methodology/#sources` points to #sources, but en/methodology/index.html has no heading or element with that id.
            pages/about.en.md:6:90: warning CMP115: The link `/nowhere/` leads to en/nowhere/index.html, which the site does not have. (correct the link
            | Read [the method]
            pages/about.en.md:10:1: warning CMP116: The image `/assets/lamp-post.jpg` is missing: the site has no assets/lamp-post.jpg. (put the image file under assets/
            ! `/assets/camera.png`
            ! `#who-we-are`
            ! `/search/`
            ! `/methodology/#how-we-worked`
            ! CMP110
            """, "stderr");
        // The English page is the source of the Chinese edition too: one warning per place in the file, not one per language.
        Assert.Single(run.Error.Split('\n'), l => l.Contains("CMP115", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(c.Output, "en", "about", "index.html")), "the site is still built");
    }

    [Fact]
    public void Relative_links_language_links_and_theme_anchors_that_work_give_no_warning()
    {
        using var c = new TestCampaign("""
            -- pages/about.en.md --
            ---
            title: About
            ---
            See [the method](../methodology/index.html#how-we-worked), [in Chinese](/zh/methodology/) and [the page's main part](#main).
            -- pages/methodology.en.md --
            ---
            title: Method
            ---
            ## How we worked

            Text.
            """);
        var run = Build(c);
        Assert.True(run.ExitCode == 0, run.Error);
        OutputAssert.Contains(run.Error, """
            ! CMP115
            ! CMP117
            """, "stderr");
    }

    [Fact]
    public void Check_still_reports_them_as_errors_and_not_twice()
    {
        using var c = new TestCampaign(Pages);
        var run = CliRun.Run(["check", "--input", c.Input, "--theme", Repo.Theme, "--now", "2026-11-25"]);
        Assert.Equal(1, run.ExitCode);
        OutputAssert.Contains(run.Error, """
            error CMP110: The link on en/about/index.html leads to en/nowhere/index.html
            error CMP111: The link `../methodology/index.html#sources` on en/about/index.html points to #sources
            error CMP110: The image assets/lamp-post.jpg, shown on 2 pages (en/about/index.html, zh/about/index.html), is missing: the site has no such file.
            ! CMP115
            ! CMP116
            ! CMP117
            """, "stderr");
    }

    [Fact]
    public void Quiet_builds_print_no_link_warnings()
    {
        using var c = new TestCampaign(Pages);
        var run = Build(c, "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("CMP115", run.Error);
    }
}
