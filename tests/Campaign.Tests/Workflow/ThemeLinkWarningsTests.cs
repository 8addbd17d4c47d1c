using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// <c>build</c> also follows the links the theme writes (menus, footer, layouts) and warns about those that lead nowhere
/// at the template line that writes them, once however many pages and languages show it; <c>check</c> still errors.
/// </summary>
public sealed class ThemeLinkWarningsTests
{
    private const string Footer = """
        <footer class="site-footer">
        <div class="wrap">
        <p>{{ t.footer_privacy }}</p>
        <p><a href="{{ site.home_url }}contact/">Contact</a> <a href="#colophon">Colophon</a> <img src="/assets/seal.png" alt="Seal"></p>
        <p><a href="{{ site.home_url }}about/">About</a> <a href="#main">Top</a></p>
        </div>
        </footer>
        """;

    private const string Pages = """
        -- pages/about.en.md --
        ---
        title: About
        ---
        Read [the other page](/nowhere/).
        """;

    /// <summary>The shipped theme copied beside the input, with <paramref name="footer"/> as its footer.</summary>
    private static string ThemeWith(TestCampaign c, string footer)
    {
        var theme = Path.Combine(c.Root, "theme");
        foreach (var file in Directory.EnumerateFiles(Repo.Theme, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(theme, Path.GetRelativePath(Repo.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        File.WriteAllText(Path.Combine(theme, "partials", "footer.liquid"), footer);
        return theme;
    }

    private static CliRun Run(string verb, TestCampaign c, string theme) =>
        CliRun.Run([verb, "--input", c.Input, "--theme", theme, "--now", "2026-11-25", .. verb == "build" ? new[] { "--output", c.Output, "--no-pdf" } : []]);

    [Fact]
    public void A_broken_theme_link_image_and_anchor_are_warnings_at_the_template_line_once_each_and_the_build_succeeds()
    {
        using var c = new TestCampaign(Pages);
        var run = Run("build", c, ThemeWith(c, Footer));
        Assert.True(run.ExitCode == 0, run.Error);
        OutputAssert.Contains(run.Error, """
            theme/partials/footer.liquid:4:13: warning CMP115: The link `/en/contact/` written by theme/partials/footer.liquid (first on 404.html) leads to en/contact/index.html, which the site does not have. (correct the link in the template, or add the page it points to; theme links start from the root and name the language, e.g. {{ site.home_url }}about/)
            theme/partials/footer.liquid:4:63: warning CMP117: The link `#colophon` written by theme/partials/footer.liquid (first on 404.html) points to #colophon, but 404.html has no element with that id. (give the element the template points to that id, or correct the link)
            theme/partials/footer.liquid:4:97: warning CMP116: The image `/assets/seal.png` written by theme/partials/footer.liquid (first on 404.html) is missing: the site has no assets/seal.png. (put the image under assets/ in the campaign folder
            pages/about.en.md:4:6: warning CMP115: The link `/nowhere/` leads to en/nowhere/index.html
            ! `/en/about/`
            ! `/zh/about/`
            ! `#main`
            ! /zh/contact/
            """, "stderr");
        // The footer is on every page of both languages; each broken place in it is one warning, and the content's own
        // broken link is reported once, at its line, not again as the theme's.
        Assert.Equal(4, run.Error.Split('\n').Count(l => l.Contains(": warning CMP11", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(c.Output, "en", "about", "index.html")), "the site is still built");
    }

    [Fact]
    public void A_theme_whose_links_all_work_gives_no_warning()
    {
        using var c = new TestCampaign(Pages.Replace("/nowhere/", "/about/"));
        var run = Run("build", c, ThemeWith(c, Footer.Replace("contact/", "about/").Replace("#colophon", "#main").Replace("/assets/seal.png", "{{ site.icon_url }}")));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("warning CMP11", run.Error);
    }

    [Fact]
    public void Check_still_reports_the_theme_s_broken_link_as_an_error()
    {
        using var c = new TestCampaign(Pages.Replace("/nowhere/", "/about/"));
        var run = Run("check", c, ThemeWith(c, Footer));
        Assert.Equal(1, run.ExitCode);
        OutputAssert.Contains(run.Error, """
            error CMP110:
            en/contact/index.html
            ! warning CMP115
            """, "stderr");
    }
}
