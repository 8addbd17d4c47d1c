using Campaign.Tests.Support;

namespace Campaign.Tests.Languages;

/// <summary>Two languages done properly: counterparts, lang attributes, hreflang, fallbacks with notices, dates per language.</summary>
public sealed class LanguageEditionTests
{
    private const string Updates = """
        -- updates/meeting.en.md --
        ---
        title: The meeting
        date: 2020-09-21
        kind: news
        ---
        English text.
        -- updates/meeting.zh.md --
        ---
        title: 会议
        date: 2020-09-21
        kind: news
        ---
        中文正文。
        -- updates/only-english.en.md --
        ---
        title: Only in English
        date: 2020-09-22
        kind: statement
        ---
        Not translated yet.
        """;

    [Fact]
    public void Each_page_links_to_its_counterpart_labelled_in_that_languages_own_name()
    {
        using var campaign = new TestCampaign(Updates);
        campaign.BuildOk();
        campaign.AssertFile("en/updates/meeting/index.html", """
            <html lang="en" dir="ltr">
            <a href="../../../zh/updates/meeting/index.html" hreflang="zh-Hans" lang="zh-Hans" dir="ltr" rel="alternate">中文</a>
            <span class="current" aria-current="true" lang="en" dir="ltr">English</span>
            """);
        campaign.AssertFile("zh/updates/meeting/index.html", """
            <html lang="zh-Hans" dir="ltr">
            <a href="../../../en/updates/meeting/index.html" hreflang="en" lang="en" dir="ltr" rel="alternate">English</a>
            <h1>会议</h1>
            ! notice-fallback
            """);
    }

    [Fact]
    public void Every_page_declares_an_hreflang_alternate_per_language_that_resolves()
    {
        using var campaign = new TestCampaign(Updates);
        campaign.BuildOk();
        var pages = Directory.EnumerateFiles(Path.Combine(campaign.Output, "en"), "*.html", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(campaign.Output, "zh"), "*.html", SearchOption.AllDirectories)).ToList();
        Assert.True(pages.Count >= 8);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var alternates = System.Text.RegularExpressions.Regex.Matches(html, """<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">""");
            Assert.Equal(["en", "zh-Hans", "x-default"], alternates.Select(m => m.Groups[1].Value).ToArray());
            foreach (var m in alternates.Cast<System.Text.RegularExpressions.Match>())
                Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, m.Groups[2].Value))), $"{page}: {m.Groups[2].Value} does not exist");
        }
    }

    [Fact]
    public void Missing_translation_shows_default_text_with_notice_in_readers_language_and_warns()
    {
        using var campaign = new TestCampaign(Updates);
        var result = campaign.BuildOk();
        campaign.AssertFile("zh/updates/only-english/index.html", """
            <html lang="zh-Hans" dir="ltr">
            <p class="notice notice-fallback" role="note">本页尚未译成中文，以下显示的是英文原文。</p>
            <article class="wrap update">
            <span class="kind kind-statement">声明</span>
            <h1 lang="en" dir="ltr">Only in English</h1>
            <div class="prose" lang="en" dir="ltr">
            Not translated yet.
            ! English原文
            """);
        campaign.AssertFile("en/updates/only-english/index.html", "! notice-fallback");
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "CMP020");
        Assert.False(warning.IsError);
        Assert.Equal("updates/only-english.en.md", warning.Location!.File);
        Assert.Contains("No 中文 translation of updates/only-english", warning.Message);
        Assert.Contains("updates/only-english.zh.md", warning.Hint);
    }

    [Fact]
    public void Dates_are_written_the_way_each_language_writes_them()
    {
        using var campaign = new TestCampaign(Updates);
        campaign.BuildOk();
        campaign.AssertFile("en/updates/meeting/index.html", """<time datetime="2020-09-21">21 September 2020</time>""");
        campaign.AssertFile("zh/updates/meeting/index.html", """<time datetime="2020-09-21">2020年9月21日</time>""");
    }

    [Fact]
    public void A_right_to_left_third_language_is_one_site_entry_and_one_i18n_file()
    {
        using var campaign = TestCampaign.FromFixture("campaign", "uyghur");
        var result = campaign.BuildOk();

        campaign.AssertFile("ug/index.html", """
            <html lang="ug" dir="rtl">
            <a class="skip-link" href="#main">ئاساسىي مەزمۇنغا ئاتلاش</a>
            """);
        // The switcher offers all three languages, each in its own name.
        campaign.AssertFile("ug/updates/first-meeting/index.html", """
            <html lang="ug" dir="rtl">
            hreflang="en" lang="en" dir="ltr" rel="alternate">English</a>
            hreflang="zh-Hans" lang="zh-Hans" dir="ltr" rel="alternate">中文</a>
            <span class="current" aria-current="true" lang="ug" dir="rtl">ئۇيغۇرچە</span>
            <link rel="alternate" hreflang="ug" href="index.html">
            <p class="notice notice-fallback" role="note">بۇ بەت تېخى ئۇيغۇرچىغا تەرجىمە قىلىنمىدى؛ English نۇسخىسى كۆرسىتىلدى.</p>
            <article class="wrap update">
            <div class="prose" lang="en" dir="ltr">
            """);
        campaign.AssertFile("en/updates/first-meeting/index.html", """
            hreflang="ug" lang="ug" dir="rtl" rel="alternate">ئۇيغۇرچە</a>
            <link rel="alternate" hreflang="ug" href="../../../ug/updates/first-meeting/index.html">
            """);
        // The translated page has no notice.
        campaign.AssertFile("ug/contact/index.html", """
            <h1>ئالاقە</h1>
            ! notice-fallback
            """);
        campaign.AssertFile("index.html", """<li lang="ug" dir="rtl">""");
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP020" && d.Location?.File == "companies/acme.en.md" && d.Message.Contains("ئۇيغۇرچە"));
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP020" && d.Location?.File == "updates/first-meeting.en.md" && d.Message.Contains("ئۇيغۇرچە"));
    }
}
