using Campaign.Tests.Support;

namespace Campaign.Tests.Theme;

/// <summary>The theme's scripts and style sheets are published minified, and a theme script that does not parse stops the build at its line.</summary>
public sealed class MinifiedThemeTests(SampleSite site) : IClassFixture<SampleSite>
{
    private string Published(string themePath)
    {
        var stem = Path.GetFileNameWithoutExtension(themePath);
        var ext = Path.GetExtension(themePath);
        var dir = Path.Combine(site.Output, "assets", "theme", Path.GetDirectoryName(themePath)!);
        return Directory.GetFiles(dir, stem + ".*" + ext).Single(f => Path.GetFileName(f).Split('.').Length == 3);
    }

    [Theory]
    [InlineData("js/search.js")]
    [InlineData("js/findings.js")]
    [InlineData("css/site.css")]
    public void Scripts_and_styles_are_published_minified_and_much_smaller(string themePath)
    {
        var source = new FileInfo(Path.Combine(Repo.Theme, "static", themePath)).Length;
        var published = File.ReadAllText(Published(themePath));
        Assert.True(published.Length < source * 0.8, $"{themePath}: {published.Length} bytes published of {source}");
        Assert.DoesNotContain("/**", published);
        Assert.True(published.Split('\n').Length < 5, $"{themePath} is still laid out on lines");
    }

    [Fact]
    public void The_published_search_script_is_the_one_the_pages_load()
    {
        var url = "/assets/theme/js/" + Path.GetFileName(Published("js/search.js"));
        Assert.Contains(url.TrimStart('/'), site.Read("en/search/index.html"));
    }

    [Fact]
    public void A_theme_script_that_does_not_parse_stops_the_build_at_its_line()
    {
        using var campaign = new TestCampaign("");
        var theme = Path.Combine(campaign.Root, "theme");
        foreach (var file in Directory.EnumerateFiles(Repo.Theme, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(theme, Path.GetRelativePath(Repo.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        File.WriteAllText(Path.Combine(theme, "static", "js", "findings.js"), "// fine\nconst ok = 1;\nfunction broken( {\n");
        var run = CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", theme, "--now", "2026-11-25", "--no-pdf");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("theme/static/js/findings.js:3", run.Error);
        Assert.Contains("CMP043", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(Path.Combine(campaign.Output, "index.html")));
    }
}
