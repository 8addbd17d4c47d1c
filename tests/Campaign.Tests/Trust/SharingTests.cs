using Campaign.Tests.Support;

namespace Campaign.Tests.Trust;

/// <summary>
/// Sharing and indexing: valid Open Graph locales from site.yaml (or the one table of language names), absolute hreflang
/// links with an x-default at the language picker, which carries the alternates too, and sitemap lastmod from the
/// content's dates, never the build's clock.
/// </summary>
public sealed class SharingTests
{
    private const string Content = """
        -- site.yaml --
        title: { en: Test Campaign, zh: 测试运动 }
        base_url: https://example.net/campaign/
        default_language: en
        languages:
          - { code: en, name: English, lang: en, dir: ltr, locale: en_GB }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }
        -- reports/probe.en.md --
        ---
        title: The Probe
        date: 2020-09-21
        summary: What we found.
        ---
        Text.
        -- reports/probe.zh.md --
        ---
        title: 调查
        date: 2020-09-21
        summary: 我们的发现。
        ---
        文字。
        -- pages/about.en.md --
        ---
        title: About
        ---
        About us.
        """;

    [Fact]
    public void Og_locale_is_language_territory_from_site_yaml_or_the_table()
    {
        using var c = new TestCampaign(Content);
        c.BuildOk();
        c.AssertFile("en/reports/probe/index.html", """
            <meta property="og:locale" content="en_GB">
            <meta property="og:locale:alternate" content="zh_CN">
            ! content="en"
            """);
        // zh-Hans names no territory: the table gives zh_CN
        c.AssertFile("zh/reports/probe/index.html", """
            <meta property="og:locale" content="zh_CN">
            <meta property="og:locale:alternate" content="en_GB">
            ! zh_Hans
            """);
        // a tag with a territory gives its own
        c.Edit("site.yaml", "{ code: en, name: English, lang: en, dir: ltr, locale: en_GB }", "{ code: en, name: English, lang: en-US, dir: ltr }");
        c.BuildOk();
        c.AssertFile("en/index.html", "<meta property=\"og:locale\" content=\"en_US\">");
    }

    [Fact]
    public void Hreflang_links_are_absolute_with_an_x_default_at_the_language_picker_which_carries_them_too()
    {
        using var c = new TestCampaign(Content);
        c.BuildOk();
        c.AssertFile("zh/reports/probe/index.html", """
            <link rel="alternate" hreflang="en" href="https://example.net/campaign/en/reports/probe/">
            <link rel="alternate" hreflang="zh-Hans" href="https://example.net/campaign/zh/reports/probe/">
            <link rel="alternate" hreflang="x-default" href="https://example.net/campaign/">
            """);
        c.AssertFile("index.html", """
            <link rel="alternate" hreflang="en" href="https://example.net/campaign/en/">
            <link rel="alternate" hreflang="zh-Hans" href="https://example.net/campaign/zh/">
            <link rel="alternate" hreflang="x-default" href="https://example.net/campaign/">
            """);
        c.AssertFile("404.html", "! hreflang=\"x-default\"");
        // the heads carry the alternates; the sitemap lists each address once, without repeating them
        c.AssertFile("sitemap.xml", "<loc>https://example.net/campaign/</loc>\n  </url>\n! xhtml:link");
    }

    [Fact]
    public void Sitemap_lastmod_comes_from_the_content_and_never_from_the_build_date()
    {
        using var c = new TestCampaign(Content);
        c.BuildOk(now: "2026-11-25");
        var first = c.Read("sitemap.xml");
        c.BuildOk(now: "2027-02-03");
        Assert.Equal(first, c.Read("sitemap.xml"));
        Assert.DoesNotContain("2026-11-25", first);
        Assert.DoesNotContain("2027", first);
        Assert.Contains("<loc>https://example.net/campaign/en/reports/probe/</loc>\n    <lastmod>2020-09-21</lastmod>", first);
        Assert.Contains("<loc>https://example.net/campaign/en/reports/</loc>\n    <lastmod>2020-09-21</lastmod>", first);
        // a page the content does not date has none
        Assert.Contains("<loc>https://example.net/campaign/en/about/</loc>\n  </url>", first);
    }
}
