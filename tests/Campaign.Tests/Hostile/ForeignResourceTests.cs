using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Images and media from other hosts are errors (a tracking pixel tells that host who reads a page, and feed
/// readers load it without the page's CSP), in Markdown and raw HTML alike; links to other sites stay links.
/// </summary>
public sealed class ForeignResourceTests
{
    private static TestCampaign Update(string body) => new($"""
        -- updates/x.en.md --
        ---
        title: News
        date: 2020-09-21
        kind: news
        ---
        Intro line.

        {body}
        """);

    [Theory]
    [InlineData("![pixel](https://tracker.example/p.gif)")]
    [InlineData("![pixel](//tracker.example/p.gif)")]
    [InlineData("![pixel](HTTP://tracker.example/p.gif)")]
    [InlineData("<img src=\"https://tracker.example/p.gif\" alt=\"\">")]
    [InlineData("<img src=\"//tracker.example/p.gif\" alt=\"\">")]
    [InlineData("<img src=\"/assets/a.png\" srcset=\"https://tracker.example/p.gif 2x\" alt=\"\">")]
    [InlineData("<video src=\"https://tracker.example/v.mp4\"></video>")]
    [InlineData("<video poster=\"https://tracker.example/p.gif\"></video>")]
    [InlineData("<audio><source src=\"https://tracker.example/a.mp3\"></audio>")]
    [InlineData("<video><track src=\"https://tracker.example/t.vtt\"></video>")]
    [InlineData("Text <img src=\"https://tracker.example/p.gif\" alt=\"\"> inline.")]
    public void A_foreign_resource_is_an_error_at_its_line_and_nothing_is_written(string markdown)
    {
        using var c = Update(markdown);
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP150");
        Assert.Equal("updates/x.en.md", d.Location!.File);
        Assert.Equal(8, d.Location.Line);
        Assert.Contains("tracker.example", d.Message);
        Assert.Contains("assets/", d.Hint);
        HostileOutput.NothingWritten(c);
    }

    [Fact]
    public void Local_images_and_links_to_other_sites_are_fine_in_pages_and_feeds()
    {
        using var c = Update("""
            ![Camera](/assets/camera.png) and <img src="/assets/camera.png" alt="Camera">

            See [the report](https://www.amnesty.org/en/documents/) and <a href="https://www.amnesty.org/">Amnesty</a>.
            """);
        c.WriteBytes("assets/camera.png", [0x89, 0x50, 0x4E, 0x47]);
        var result = c.BuildOk();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CMP150");
        c.AssertFile("en/updates/x/index.html", "href=\"https://www.amnesty.org/en/documents/\"");
        foreach (var (path, text) in HostileOutput.Files(c).Where(f => f.Path.EndsWith(".xml", StringComparison.Ordinal) || f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("src=\"https://", text);
            Assert.DoesNotContain("src=\"//", text);
        }
    }

    [Fact]
    public void A_foreign_image_in_a_finding_summary_is_reported_in_its_file()
    {
        using var c = new TestCampaign("""
            -- companies/axis.en.md --
            ---
            name: Axis
            country: Sweden
            summary: Cameras.
            ---
            Profile.
            -- findings/f.yaml --
            id: f-1
            title: { en: T, zh: 标题 }
            company: axis
            product: { en: Cam, zh: 摄像头 }
            technology: facial-recognition
            buyer: { name: { en: Bureau, zh: 局 }, type: police }
            country: { en: China, zh: 中国 }
            years: 2015
            summary: { en: "Sold ![](https://tracker.example/p.gif)", zh: 出售。 }
            licence: not-required
            reviewed: 2020-01-01
            sources:
              - { title: Report, url: "https://example.org/r" }
            """);
        var result = c.Build();
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP150" && d.Location!.File == "findings/f.yaml");
        HostileOutput.NothingWritten(c);
    }
}
