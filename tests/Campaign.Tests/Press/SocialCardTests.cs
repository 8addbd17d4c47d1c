using System.Text.RegularExpressions;
using Campaign.Site;
using Campaign.Site.Cards;
using Campaign.Tests.Support;

namespace Campaign.Tests.Press;

/// <summary>A small bilingual campaign with an identity, built once with its social cards taken by real Chromium.</summary>
public sealed class SocialCardSite : IDisposable
{
    public const string Files = PressCampaign.Site + """

        identity:
          mark: mark.svg
          accent: "#0a5c36"
        -- assets/card.png --
        not really a png
        -- assets/mark.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#6a1b9a"/></svg>
        -- updates/launch.en.md --
        ---
        title: Report launched today
        date: 2020-09-21
        kind: press-release
        ---
        The report is out.
        -- updates/launch.zh.md --
        ---
        title: 报告今日发布：欧盟公司向中国公安机关出售监控工具
        date: 2020-09-21
        kind: press-release
        ---
        报告发布了。
        -- pages/about.en.md --
        ---
        title: About this campaign
        ---
        About.
        """;

    private readonly Lazy<(TestCampaign Campaign, BuildResult Result)> _built = new(() =>
    {
        var campaign = new TestCampaign(Files);
        var result = SiteBuilder.Build(CardOptions(campaign));
        return (campaign, result);
    });

    /// <summary>The options that take cards: Chromium, and a cache folder of the campaign's own.</summary>
    public static BuildOptions CardOptions(TestCampaign campaign) =>
        campaign.Options() with { Pdf = PdfMode.Auto, Chromium = RequiredTools.Chromium, CacheDir = Path.Combine(campaign.Root, "cache") };

    /// <summary>The campaign built with cards; skips the test when Chromium is missing.</summary>
    public (TestCampaign Campaign, BuildResult Result) Built
    {
        get
        {
            RequiredTools.RequireChromium();
            return _built.Value;
        }
    }

    public void Dispose()
    {
        if (_built.IsValueCreated) _built.Value.Campaign.Dispose();
    }
}

/// <summary>
/// Each page's own social card (og:image): a 1200×630 PNG of its title in its language, taken once by Chromium and
/// then read from the cache, byte for byte; the shared social_image whenever the build takes no cards.
/// </summary>
public sealed class SocialCardTests(SocialCardSite site) : IClassFixture<SocialCardSite>
{
    private const string Base = "https://campaign.example.org/";

    private static string OgImage(TestCampaign campaign, string page) =>
        Regex.Match(campaign.Read(page), "<meta property=\"og:image\" content=\"([^\"]+)\">").Groups[1].Value;

    /// <summary>The output file an og:image under the base URL points at.</summary>
    private static string FileOf(TestCampaign campaign, string url)
    {
        Assert.StartsWith(Base + "assets/cards/", url);
        return Path.Combine(campaign.Output, url[Base.Length..]);
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        int At(int i) => (png[i] << 24) | (png[i + 1] << 16) | (png[i + 2] << 8) | png[i + 3];
        return (At(16), At(20));
    }

    [Fact]
    public void Each_page_points_og_image_at_a_1200_by_630_png_of_its_own_in_the_output()
    {
        var (campaign, result) = site.Built;
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CMP096" or "CMP097");
        var pages = new[] { "en/updates/launch/index.html", "zh/updates/launch/index.html", "en/about/index.html", "en/index.html", "zh/index.html", "en/updates/index.html" };
        var files = new List<byte[]>();
        foreach (var page in pages)
        {
            var url = OgImage(campaign, page);
            var file = FileOf(campaign, url);
            Assert.True(File.Exists(file), $"{page} points og:image at {url}, which the build did not write");
            var png = File.ReadAllBytes(file);
            Assert.Equal((SocialCards.Width, SocialCards.Height), PngSize(png));
            files.Add(png);
            campaign.AssertFile(page, $"""
                <meta property="og:image:width" content="1200">
                <meta property="og:image:height" content="630">
                <meta name="twitter:card" content="summary_large_image">
                ! <meta name="twitter:image" content
                ! twitter:title
                ! assets/card.png
                """);
        }
        // two pages, two cards: different files and different pictures
        Assert.NotEqual(OgImage(campaign, pages[0]), OgImage(campaign, pages[1]));
        Assert.Equal(pages.Length, files.Select(Convert.ToHexString).Distinct().Count());
        // the alt text is the card's text, in the page's language
        campaign.AssertFile("en/updates/launch/index.html", "<meta property=\"og:image:alt\" content=\"Update · Report launched today · Test Campaign\">");
        campaign.AssertFile("zh/updates/launch/index.html", "<meta property=\"og:image:alt\" content=\"最新动态 · 报告今日发布：欧盟公司向中国公安机关出售监控工具 · 测试运动\">");
        // the root language picker shows the default language's home card: one file for both
        Assert.Equal(OgImage(campaign, "en/index.html"), OgImage(campaign, "index.html"));
        // the 404 page, served at any address, shares the site's image
        campaign.AssertFile("404.html", "<meta property=\"og:image\" content=\"https://campaign.example.org/assets/card.png\">");
    }

    [Fact]
    public void A_rebuild_takes_no_card_again_and_gives_the_same_bytes()
    {
        var (campaign, _) = site.Built;
        var first = Cards(campaign.Output);
        Assert.NotEmpty(first);
        var page = campaign.Read("zh/updates/launch/index.html");

        // No Chromium at all the second time, into a fresh output folder: every card comes from the cache.
        var again = Path.Combine(campaign.Root, "again");
        var result = SiteBuilder.Build(SocialCardSite.CardOptions(campaign) with { OutputDir = again, Chromium = "/nonexistent/chromium" });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CMP096");
        Assert.Equal(first, Cards(again));
        Assert.Equal(page, File.ReadAllText(Path.Combine(again, "zh/updates/launch/index.html")));
    }

    private static SortedDictionary<string, string> Cards(string output) =>
        new(Directory.EnumerateFiles(Path.Combine(output, "assets", "cards"), "*.png", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f), f => Convert.ToHexString(File.ReadAllBytes(f))), StringComparer.Ordinal);

    [Fact]
    public void With_pdfs_off_every_page_shares_social_image_and_no_card_is_written()
    {
        using var campaign = new TestCampaign(SocialCardSite.Files);
        campaign.BuildOk(); // the tests' default, as --no-pdf
        Assert.False(Directory.Exists(Path.Combine(campaign.Output, "assets", "cards")));
        campaign.AssertFile("zh/updates/launch/index.html", """
            <meta property="og:image" content="https://campaign.example.org/assets/card.png">
            <meta name="twitter:card" content="summary_large_image">
            ! og:image:alt
            """);
    }

    [Fact]
    public void Without_chromium_the_build_warns_and_pages_share_social_image_and_required_makes_it_an_error()
    {
        using var campaign = new TestCampaign(SocialCardSite.Files);
        var options = campaign.Options() with { Pdf = PdfMode.Auto, Chromium = "/nonexistent/chromium", CacheDir = Path.Combine(campaign.Root, "cache") };
        var result = SiteBuilder.Build(options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "CMP096");
        Assert.False(warning.IsError);
        Assert.Contains("/nonexistent/chromium", warning.Message);
        Assert.False(Directory.Exists(Path.Combine(campaign.Output, "assets", "cards")));
        campaign.AssertFile("en/about/index.html", "<meta property=\"og:image\" content=\"https://campaign.example.org/assets/card.png\">");

        var required = SiteBuilder.Build(options with { Pdf = PdfMode.Required });
        Assert.Contains(required.Diagnostics, d => d.Code == "CMP096" && d.IsError);
    }

    [Theory]
    [InlineData("失控：欧盟数字监控出口法规的失败", "失控：|欧盟数字监控出口法规的失败")]
    [InlineData("桂林“天网”升级：安讯士称", "桂林|“天网”|升级：|安讯士称")]
    [InlineData("诺达思信息技术（Noldus Information Technology）", "诺达思信息技术|（Noldus Information Technology）")]
    [InlineData("Axis: no export licence needed, says the company", "Axis: no export licence needed, says the company")]
    public void A_chinese_title_is_cut_into_phrases_at_its_punctuation(string title, string phrases) =>
        Assert.Equal(phrases.Split('|'), CardView.CjkPhrases(title));
}
