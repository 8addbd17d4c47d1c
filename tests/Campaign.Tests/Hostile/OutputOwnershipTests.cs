using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// The output belongs to the theme and the pipeline first: no asset may land on a path the build writes, and no asset's
/// name may carry a character that passes for a folder separator. Each is an error, and the previous output stays.
/// </summary>
public sealed class OutputOwnershipTests
{
    private const string Campaign = """
        -- site.yaml --
        title: { en: Test Campaign, zh: 测试运动 }
        default_language: en
        base_url: https://campaign.example.org/
        languages:
          - { code: en, name: English, lang: en, dir: ltr }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }
        -- updates/meeting.en.md --
        ---
        title: Meeting
        date: 2026-11-20
        kind: statement
        ---
        We met.
        -- assets/images/camera.png --
        not really a png
        """;

    private static CliRun Build(TestCampaign campaign) =>
        CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf");

    [Fact]
    public void An_asset_planted_at_every_path_the_build_writes_is_an_error_each_time()
    {
        using var campaign = new TestCampaign(Campaign);
        campaign.BuildOk();
        var before = OutputSnapshot.Of(campaign.Output);
        var written = before.Keys.Where(p => p != "assets/images/camera.png").ToList();
        Assert.Contains("assets/theme/js/" + Path.GetFileName(written.First(p => p.StartsWith("assets/theme/js/search.", StringComparison.Ordinal))), written);
        Assert.Contains("sitemap.xml", written);
        Assert.Contains("SHA256SUMS", written);

        // Under assets/ the path itself (one build: CMP161 is found when the pages are planned); elsewhere the only way
        // there, a name with backslashes climbing out of assets/ (a second build: CMP160 is found as the assets are read).
        var inside = written.Where(p => p.StartsWith("assets/", StringComparison.Ordinal)).ToList();
        var outside = written.Except(inside).ToList();
        Assert.NotEmpty(inside);
        PlantAndExpect(campaign, inside, p => p, "CMP161", before);
        foreach (var path in inside) campaign.Delete(path);
        PlantAndExpect(campaign, outside, p => "assets/..\\" + p.Replace('/', '\\'), "CMP160", before);
    }

    private static void PlantAndExpect(TestCampaign campaign, List<string> paths, Func<string, string> asset, string code, SortedDictionary<string, byte[]> before)
    {
        // An SVG must be a well-formed, script-free one, or it is refused for that (CMP153) before the paths are compared.
        foreach (var path in paths)
            campaign.WriteBytes(asset(path), path.EndsWith(".svg", StringComparison.Ordinal)
                ? "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray() : [0x2f, 0x2f]);
        var result = campaign.Build();
        Assert.False(result.Succeeded);
        foreach (var path in paths)
        {
            var errors = result.Diagnostics.Where(d => d.IsError && d.Location?.File == asset(path)).ToList();
            Assert.True(errors.Count == 1 && errors[0].Code == code, $"{asset(path)}: expected one {code}, got {string.Join("; ", errors)}");
        }
        Assert.Equal(paths.Count, result.Errors);
        OutputSnapshot.AssertSame(before, OutputSnapshot.Of(campaign.Output));
    }

    [Fact]
    public void An_asset_over_the_themes_hashed_script_names_the_theme_file_and_exits_1()
    {
        using var campaign = new TestCampaign(Campaign);
        campaign.BuildOk();
        var script = Directory.GetFiles(Path.Combine(campaign.Output, "assets", "theme", "js"), "search.*.js").Single();
        var before = OutputSnapshot.Of(campaign.Output);
        campaign.Write("assets/theme/js/" + Path.GetFileName(script), "alert(document.cookie)");
        var run = Build(campaign);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"assets/theme/js/{Path.GetFileName(script)}: error CMP161: This asset would be published at assets/theme/js/{Path.GetFileName(script)}, which the theme's file theme/static/js/search.js writes.", run.Error);
        Assert.Contains("(rename the asset or move it to a folder of its own", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        OutputSnapshot.AssertSame(before, OutputSnapshot.Of(campaign.Output));
    }

    [Theory]
    [InlineData("assets/THEME/JS/search.js", null, "which the theme's file")] // case-insensitive disks: the same file
    [InlineData("assets/theme/js", null, "a folder that holds the theme's file")]
    [InlineData("assets/theme/css/{css}/x.png", "css", "which the theme's file theme/static/css/site.css writes as a file")]
    public void An_asset_on_a_folder_or_under_a_file_of_the_theme_is_an_error(string asset, string? folder, string message)
    {
        using var campaign = new TestCampaign(Campaign);
        campaign.BuildOk();
        if (folder is not null)
        {
            var css = Path.GetFileName(Directory.GetFiles(Path.Combine(campaign.Output, "assets", "theme", "css"), "site.*.css").Single());
            asset = asset.Replace("{css}", css);
        }
        if (asset.EndsWith("search.js", StringComparison.Ordinal))
            asset = "assets/THEME/JS/" + Path.GetFileName(Directory.GetFiles(Path.Combine(campaign.Output, "assets", "theme", "js"), "search.*.js").Single());
        campaign.Write(asset, "x");
        var result = campaign.Build();
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CMP161", error.Code);
        Assert.Equal(asset, error.Location?.File);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("..\\en\\index.html", "U+005C `\\`")]
    [InlineData("x\u2215y.png", "U+2215")]
    [InlineData("x\u2044y.png", "U+2044")]
    [InlineData("x\uFF0Fy.png", "U+FF0F")]
    [InlineData("x\uFF3Cy.png", "U+FF3C")]
    [InlineData("c:evil.png", "U+003A `:`")]
    [InlineData("x\u0001y.png", "U+0001 (a control character)")]
    public void A_separator_like_character_in_an_asset_name_is_refused(string name, string character)
    {
        using var campaign = new TestCampaign(Campaign);
        campaign.BuildOk();
        var before = OutputSnapshot.Of(campaign.Output);
        campaign.WriteBytes("assets/" + name, [1]);
        var run = Build(campaign);
        Assert.Equal(1, run.ExitCode);
        var shown = "assets/" + name.Replace("\u0001", "\\u0001");
        Assert.Contains($"{shown}: error CMP160: The asset's name contains {character}", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        OutputSnapshot.AssertSame(before, OutputSnapshot.Of(campaign.Output));
    }
}
