using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Every URL the build publishes passes one scheme check: Markdown links and autolinks, raw HTML, contacts,
/// mirrors, <c>base_url</c> and finding sources. A refused URL is an error at its line, and nothing is written.
/// </summary>
public sealed class SchemeTests
{
    private static TestCampaign Page(string body, string site = TestCampaign.DefaultSite) => new($"""
        -- site.yaml --
        {site}
        -- pages/about.en.md --
        ---
        title: About
        ---
        Intro line.

        {body}
        """);

    [Theory]
    [InlineData("<javascript:alert(1)>", "CMP030", "javascript:")]
    [InlineData("<JavaScript:alert(1)>", "CMP030", "javascript:")]
    [InlineData("<vbscript:msgbox(1)>", "CMP030", "vbscript:")]
    [InlineData("<data:text/html;base64,PHNjcmlwdD4=>", "CMP030", "data:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "CMP030", "javascript:")]
    [InlineData("<a href=\"java&#9;script:alert(1)\">x</a>", "CMP030", "javascript:")]
    [InlineData("[ref]\n\n[ref]: javascript:alert(1)", "CMP030", "javascript:")]
    [InlineData("[r](https:www.amnesty.org/en/)", "CMP151", "`https:` must be followed by `//`")]
    [InlineData("<a href=\"https:www.amnesty.org/en/\">r</a>", "CMP151", "`https:` must be followed by `//`")]
    [InlineData("[r](https://user:secret@example.org/)", "CMP151", "user name or password")]
    public void Refused_links_are_errors_at_their_line_and_nothing_is_written(string markdown, string code, string message)
    {
        using var c = Page(markdown);
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal("pages/about.en.md", d.Location!.File);
        Assert.Equal(6, d.Location.Line);
        Assert.Contains(message, d.Message + d.Hint, StringComparison.OrdinalIgnoreCase);
        HostileOutput.NothingWritten(c);
    }

    [Fact]
    public void A_web_address_without_slashes_gets_a_diagnostic_in_check_not_a_crash()
    {
        using var c = Page("[r](https:www.amnesty.org/en/)");
        var run = CliRun.Run("check", "--input", c.Input, "--theme", Repo.Theme, "--now", "2026-11-25");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pages/about.en.md:6:1: error CMP151:", run.Error);
        Assert.DoesNotContain("UriFormatException", run.Out + run.Error);
        Assert.DoesNotContain("   at ", run.Out + run.Error);
    }

    [Fact]
    public void Safe_links_pass_and_reach_pages_and_feeds()
    {
        using var c = new TestCampaign("""
            -- updates/x.en.md --
            ---
            title: News
            date: 2020-09-21
            kind: news
            ---
            See <https://www.amnesty.org/en/>, [mail](mailto:press@example.org), [page](/en/about/) and [anchor](#top).
            """);
        var result = c.BuildOk();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CMP030" or "CMP151");
        c.AssertFile("en/updates/x/index.html", "href=\"https://www.amnesty.org/en/\"\nhref=\"mailto:press@example.org\"");
    }

    [Theory]
    [InlineData("\"javascript:alert(1)\"", "CMP030")]
    [InlineData("\"data:text/html,<script>alert(1)</script>\"", "CMP030")]
    [InlineData("\"https:example.org\"", "CMP151")]
    [InlineData("\"example.org/press\"", "CMP014")]
    public void A_contact_url_passes_the_same_check(string url, string code)
    {
        using var c = new TestCampaign($$"""
            -- site.yaml --
            {{TestCampaign.DefaultSite}}
            contacts:
              - name: { en: Press, zh: 新闻 }
                url: {{url}}
            -- pages/press.en.md --
            ---
            title: Press
            layout: press
            ---
            Press room.
            """);
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal("site.yaml", d.Location!.File);
        Assert.Equal(10, d.Location.Line);
        Assert.Equal("contacts.url", d.Field);
        HostileOutput.NothingWritten(c);
    }

    [Theory]
    [InlineData("https://", "no host")]
    [InlineData("https:example.org/", "must be followed by `//`")]
    [InlineData("https://exa mple.org/", "space")]
    [InlineData("https://user:pass@example.org/", "user name or password")]
    [InlineData("https://example.org:99999/", "is not a port")]
    [InlineData("https://example.org:abc/", "is not a port")]
    [InlineData("https://example.org/?utm=1", "query")]
    [InlineData("https://example.org/#top", "fragment")]
    [InlineData("javascript:alert(1)", "http:// or https://")]
    [InlineData("ftp://example.org/", "http:// or https://")]
    public void Base_url_must_be_a_plain_absolute_web_address(string baseUrl, string problem)
    {
        using var c = new TestCampaign($$"""
            -- site.yaml --
            {{TestCampaign.DefaultSite}}
            base_url: "{{baseUrl}}"
            """);
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP014");
        Assert.Equal("site.yaml", d.Location!.File);
        Assert.Equal(8, d.Location.Line);
        Assert.Equal("base_url", d.Field);
        Assert.Contains(problem, d.Message);
        HostileOutput.NothingWritten(c);
    }

    [Theory]
    [InlineData("https://user:pass@mirror.example.net/", "user name or password")]
    [InlineData("https://mirror.example.net:0/", "is not a port")]
    [InlineData("http:mirror.example.net", "must be followed by `//`")]
    public void Mirror_urls_get_the_same_rules(string url, string problem)
    {
        using var c = new TestCampaign($$"""
            -- site.yaml --
            {{TestCampaign.DefaultSite}}
            mirrors:
              - url: "{{url}}"
            """);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP014");
        Assert.Equal(9, d.Location!.Line);
        Assert.Equal("mirrors.url", d.Field);
        Assert.Contains(problem, d.Message);
        HostileOutput.NothingWritten(c);
    }

    [Fact]
    public void A_good_base_url_gets_its_slash_and_builds()
    {
        using var c = new TestCampaign($$"""
            -- site.yaml --
            {{TestCampaign.DefaultSite}}
            base_url: "https://example.org:8443/campaign"
            """);
        c.BuildOk();
        c.AssertFile("sitemap.xml", "https://example.org:8443/campaign/en/");
    }

    [Theory]
    [InlineData("https://user:pw@example.org/r")]
    [InlineData("https:example.org/r")]
    public void Finding_sources_pass_the_same_web_address_check(string url)
    {
        using var c = new TestCampaign($$"""
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
            summary: { en: Sold., zh: 出售。 }
            licence: not-required
            reviewed: 2020-01-01
            sources:
              - title: Report
                url: "{{url}}"
            """);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP023");
        Assert.Equal("findings/f.yaml", d.Location!.File);
        Assert.Equal(14, d.Location.Line);
        HostileOutput.NothingWritten(c);
    }
}
