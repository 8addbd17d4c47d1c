using Campaign.Core.Validate;
using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>The one URL check, as a table, and what a build that only warns puts into its feeds.</summary>
public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("https://www.amnesty.org/en/", null)]
    [InlineData("http://example.org/a?b=c#d", null)]
    [InlineData("mailto:press@example.org", null)]
    [InlineData("/en/about/", null)]
    [InlineData("../x/", null)]
    [InlineData("#top", null)]
    [InlineData("page:2", "CMP030")]
    [InlineData("javascript:alert(1)", "CMP030")]
    [InlineData(" \tjava\tscript:alert(1)", "CMP030")]
    [InlineData("\u001Bjavascript:alert(1)", "CMP030")]
    [InlineData("VBScript:x", "CMP030")]
    [InlineData("data:image/png;base64,AAAA", "CMP030")]
    [InlineData("file:///etc/passwd", "CMP030")]
    [InlineData("https:www.amnesty.org/en/", "CMP151")]
    [InlineData("https://", "CMP151")]
    [InlineData("https://a b.org/", "CMP151")]
    [InlineData("https://u:p@example.org/", "CMP151")]
    [InlineData("https://example.org:70000/", "CMP151")]
    public void Links_are_judged_as_a_browser_reads_them(string url, string? code) =>
        Assert.Equal(code, UrlPolicy.Link(url)?.Code);

    [Theory]
    [InlineData("https://tracker.example/p.gif", true)]
    [InlineData("//tracker.example/p.gif", true)]
    [InlineData("/\\tracker.example/p.gif", true)]
    [InlineData(" HTTPS://tracker.example/", true)]
    [InlineData("/assets/a.png", false)]
    [InlineData("../assets/a.png", false)]
    [InlineData("a.png", false)]
    public void Foreign_resources_are_those_fetched_from_another_host(string url, bool foreign) =>
        Assert.Equal(foreign, UrlPolicy.IsForeign(url));

    [Fact]
    public void A_build_that_only_warns_puts_no_handler_or_script_link_in_its_feeds()
    {
        using var c = new TestCampaign("""
            -- site.yaml --
            base_url: https://example.org/
            title: { en: Test Campaign, zh: 测试运动 }
            default_language: en
            languages:
              - { code: en, name: English, lang: en, dir: ltr }
              - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
            home:
              ask: { en: "Stop the exports.", zh: "停止出口。" }
            -- updates/x.en.md --
            ---
            title: News
            date: 2020-09-21
            kind: news
            ---
            A <span onclick="alert(1)">click</span> and <a href="https://www.amnesty.org/" onmouseover="alert(2)">Amnesty</a>.
            """);
        var result = c.BuildOk();
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP032" && d.Location!.Line == 6);
        var feeds = HostileOutput.Files(c).Where(f => f.Path.EndsWith(".xml", StringComparison.Ordinal) && f.Text.Contains("<feed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(feeds);
        Assert.Contains(feeds, f => f.Text.Contains("https://www.amnesty.org/", StringComparison.Ordinal));
        foreach (var (path, text) in feeds)
        {
            Assert.DoesNotContain("onclick", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onmouseover", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
