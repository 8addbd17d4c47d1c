using AngleSharp.Html.Parser;
using Campaign.Core.Model;
using Campaign.Tests.Support;

namespace Campaign.Tests.Theme;

/// <summary>The campaign's identity from site.yaml: the mark beside the name, the accent as a style sheet, and their diagnostics.</summary>
public sealed class IdentityTests
{
    private const string Mark = """
        -- assets/brand/mark.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0a5c36"/></svg>
        """;

    private static string Site(string identity) => "-- site.yaml --\n" + TestCampaign.DefaultSite + "\n" + identity + "\n";

    [Fact]
    public void The_mark_sits_beside_the_site_name_and_the_accent_comes_in_a_hashed_style_sheet_under_the_same_CSP()
    {
        using var campaign = new TestCampaign(Site("""
            identity:
              mark: brand/mark.svg
              accent: "#0A5C36"
            """) + Mark);
        campaign.BuildOk();
        foreach (var page in new[] { "en/index.html", "zh/index.html" })
        {
            var doc = new HtmlParser().ParseDocument(campaign.Read(page));
            var brand = doc.QuerySelector("header .brand")!;
            var img = brand.QuerySelector("img.brand-mark")!;
            Assert.Equal("../assets/brand/mark.svg", img.GetAttribute("src"));
            Assert.Equal("", img.GetAttribute("alt")); // the name beside it says who it is
            Assert.Contains(page.StartsWith("en", StringComparison.Ordinal) ? "Test Campaign" : "测试运动", brand.TextContent);

            var sheets = doc.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
            Assert.Equal(2, sheets.Count);
            Assert.Matches(@"^\.\./assets/theme/css/identity\.[0-9a-f]{10}\.css$", sheets[1]); // after the theme's, so it wins
            var css = File.ReadAllText(Path.Combine(campaign.Output, sheets[1][3..]));
            Assert.Contains(":root { --accent: #0a5c36; }", css);
            Assert.Matches(@"prefers-color-scheme: dark\) \{ :root \{ --accent: #[0-9a-f]{6}; \} \}", css);
            // Styles only from files: the policy stays as strict as without an identity.
            Assert.Contains("style-src 'self';", doc.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"));
            Assert.Empty(doc.QuerySelectorAll("style, [style]"));
        }
        Assert.True(campaign.Exists("assets/brand/mark.svg"));
    }

    [Fact]
    public void Without_an_identity_there_is_no_mark_and_no_accent_sheet()
    {
        using var campaign = new TestCampaign("");
        campaign.BuildOk();
        campaign.AssertFile("en/index.html", "! brand-mark\n! identity.");
    }

    [Theory]
    [InlineData("mark: nowhere.svg", "CMP107", "There is no file assets/nowhere.svg for the mark.")]
    [InlineData("mark: ../site.yaml", "CMP107", "is not an SVG file")]
    [InlineData("mark: ../outside.svg", "CMP107", "There is no file assets/../outside.svg for the mark.")]
    [InlineData("accent: red", "CMP108", "`red` is not a colour: the accent is written as a hex value.")]
    [InlineData("accent: \"#12345\"", "CMP108", "`#12345` is not a colour")]
    [InlineData("accent: #b42318", "CMP108", "The accent colour is empty.")] // unquoted: YAML reads a comment
    public void A_missing_mark_or_a_bad_colour_is_an_error_at_its_line(string line, string code, string message)
    {
        using var campaign = new TestCampaign(Site("identity:\n  " + line));
        var result = campaign.Build();
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.True(error.IsError);
        Assert.Contains(message, error.Message);
        Assert.Equal("site.yaml", error.Location!.File);
        Assert.Equal(TestCampaign.DefaultSite.Split('\n').Length + 2, error.Location.Line);
        Assert.StartsWith("identity.", error.Field);
        Assert.False(string.IsNullOrEmpty(error.Hint));
    }

    [Fact]
    public void A_pale_accent_builds_with_a_warning_about_its_contrast()
    {
        using var campaign = new TestCampaign(Site("identity:\n  accent: \"#ffd24d\""));
        var result = campaign.BuildOk();
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "CMP108");
        Assert.False(warning.IsError);
        Assert.Contains("contrast of 1.4:1", warning.Message);
    }

    [Theory]
    [InlineData("#b42318")]
    [InlineData("#000000")]
    [InlineData("#0b4f9c")]
    [InlineData("#7a5c00")]
    public void The_dark_scheme_takes_a_lighter_mix_of_the_accent_that_reads_on_the_dark_page(string hex)
    {
        var accent = AccentColour.Parse(hex)!.Value;
        var dark = accent.ForDarkPage();
        Assert.True(dark.ContrastWith(AccentColour.DarkPage) >= 4.5, $"{dark.Hex} on the dark page");
        Assert.True(dark.R >= accent.R && dark.G >= accent.G && dark.B >= accent.B, "a mix towards white");
        Assert.Equal("#aabbcc", AccentColour.Parse("#ABC")!.Value.Hex);
    }
}
