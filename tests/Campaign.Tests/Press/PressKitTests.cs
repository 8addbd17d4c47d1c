using AngleSharp.Html.Parser;
using Campaign.Tests.Support;

namespace Campaign.Tests.Press;

/// <summary>The press kit: contacts first with their languages, time zone and key, the embargo policy, every release in full with notes to editors, and quotes that say what they are.</summary>
public sealed class PressKitTests : IDisposable
{
    private const string Kit = """
        -- site.yaml --
        title: { en: Test Campaign, zh: 测试运动 }
        default_language: en
        languages:
          - { code: en, name: English, lang: en, dir: ltr }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        contacts:
          - name: { en: Press desk, zh: 新闻台 }
            email: press@example.org
            time_zone: "Europe/London (GMT, BST in summer)"
            languages: { en: "English, Chinese", zh: 英文、中文 }
            pgp_fingerprint: "0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567"
        press:
          embargo:
            en: "Releases are **public** when they appear here."
            zh: "新闻稿在本站刊出时即**公开**。"
          quotes:
            - speaker: { en: Ann Example, zh: 安·例子 }
              role: { en: Researcher, zh: 研究员 }
              source: { en: "Chinese release, 1 May 2020", zh: 中文新闻稿，2020年5月1日 }
              published_in: zh
              text:
                zh: 这些出口必须停止。
                en: These exports must stop.
            - speaker: { en: Bo Example, zh: 博·例子 }
              published_in: en
              original: true
              text:
                en: We said it in English.
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }
        -- pages/press.en.md --
        ---
        title: Press
        layout: press
        ---
        Images below.
        -- pages/press.zh.md --
        ---
        title: 媒体
        layout: press
        ---
        下面是图片。
        -- updates/first.en.md --
        ---
        title: First release
        date: 2020-05-01
        kind: press-release
        notes_to_editors: |
          - The index number of the report is TST 01/2020.
        ---
        The whole first release, paragraph one.

        Paragraph two of the first release.
        -- updates/first.zh.md --
        ---
        title: 第一篇新闻稿
        date: 2020-05-01
        kind: press-release
        notes_to_editors: |
          - 报告索引号为 TST 01/2020。
        ---
        第一篇新闻稿全文。
        -- updates/second.en.md --
        ---
        title: Second release
        date: 2020-06-01
        kind: press-release
        ---
        The second release in full.
        -- updates/second.zh.md --
        ---
        title: 第二篇新闻稿
        date: 2020-06-01
        kind: press-release
        ---
        第二篇新闻稿全文。
        """;

    private readonly TestCampaign _campaign = new(Kit);

    public void Dispose() => _campaign.Dispose();

    [Fact]
    public void Contacts_come_first_with_languages_time_zone_and_key_then_the_embargo_policy()
    {
        _campaign.BuildOk();
        var html = _campaign.Read("en/press/index.html");
        _campaign.AssertFile("en/press/index.html", """
            Languages: English, Chinese
            Time zone: Europe/London (GMT, BST in summer)
            OpenPGP key fingerprint: <code class="hash">0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567</code>
            <h2 id="press-embargo-title">Embargo policy</h2>
            Releases are <strong>public</strong> when they appear here.
            """);
        _campaign.AssertFile("zh/press/index.html", """
            语言：
            英文、中文
            时区：
            新闻禁发政策
            新闻稿在本站刊出时即<strong>公开</strong>。
            """);
        var order = new[] { "press-contacts-list", "press-embargo-title", "press-latest", "press-quotes-title", "Images below." }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Every_press_release_is_on_the_press_page_in_full_with_its_notes_to_editors()
    {
        _campaign.BuildOk();
        var doc = new HtmlParser().ParseDocument(_campaign.Read("en/press/index.html"));
        var releases = doc.QuerySelectorAll("article.press-release");
        Assert.Equal(["Second release", "First release"], releases.Select(r => r.QuerySelector("h3")!.TextContent));
        Assert.Contains("Paragraph two of the first release.", releases[1].TextContent);
        Assert.Equal("Notes to editors", releases[1].QuerySelector("h4")!.TextContent);
        Assert.Contains("TST 01/2020", releases[1].QuerySelector(".notes-to-editors")!.TextContent);
        Assert.Null(releases[0].QuerySelector(".notes-to-editors"));
        // and on the release's own page, under a heading
        _campaign.AssertFile("en/updates/first/index.html", """
            <h2 id="notes-to-editors-title">Notes to editors</h2>
            The index number of the report is TST 01/2020.
            """);
        _campaign.AssertFile("zh/updates/first/index.html", """
            <h2 id="notes-to-editors-title">编者注</h2>
            报告索引号为 TST 01/2020。
            """);
    }

    [Fact]
    public void A_quote_says_whether_it_is_the_speakers_words_as_published_or_a_translation_and_gives_the_published_words()
    {
        _campaign.BuildOk();
        var en = new HtmlParser().ParseDocument(_campaign.Read("en/press/index.html")).QuerySelectorAll(".press-quotes figure");
        Assert.Equal(2, en.Length);
        // a translation: shown in English, marked as ours, with the Chinese words as published beside it
        Assert.Equal("These exports must stop.", en[0].QuerySelector("blockquote")!.TextContent);
        Assert.Equal("en", en[0].QuerySelector("blockquote")!.GetAttribute("lang"));
        Assert.Equal("Our translation of the words published in Chinese: quote the published words, shown below.", en[0].QuerySelector(".quote-label")!.TextContent);
        var published = en[0].QuerySelector("details blockquote")!;
        Assert.Equal("zh-Hans", published.GetAttribute("lang"));
        Assert.Equal("这些出口必须停止。", published.TextContent);
        Assert.Contains("As published in Chinese. The source does not say", en[0].QuerySelector("details summary")!.TextContent);
        Assert.Contains("Ann Example", en[0].QuerySelector("figcaption")!.TextContent);
        Assert.Contains("Source: Chinese release, 1 May 2020", en[0].QuerySelector("figcaption")!.TextContent);
        // marked original: the speaker's own words
        Assert.Equal("The speaker's own words, as published in English.", en[1].QuerySelector(".quote-label")!.TextContent);
        Assert.Null(en[1].QuerySelector("details"));

        var zh = new HtmlParser().ParseDocument(_campaign.Read("zh/press/index.html")).QuerySelectorAll(".press-quotes figure");
        Assert.Equal("这些出口必须停止。", zh[0].QuerySelector("blockquote")!.TextContent);
        Assert.Equal("引自以中文发布的文本；出处未说明这是讲话人的原话还是译文。", zh[0].QuerySelector(".quote-label")!.TextContent);
        Assert.Null(zh[0].QuerySelector("details"));
        // only in English: the Chinese page shows the English words, in English, as the speaker's own
        Assert.Equal("en", zh[1].QuerySelector("blockquote")!.GetAttribute("lang"));
        Assert.Equal("讲话人本人的原话，以英文发布。", zh[1].QuerySelector(".quote-label")!.TextContent);
    }

    [Theory]
    [InlineData("published_in: zh", "published_in: fr", "CMP105", "press.quotes.published_in", "`fr` is not one of the site's languages.")]
    [InlineData("published_in: en\n      original: true", "published_in: zh\n      original: true", "CMP106", "press.quotes.text", "gives no `zh:` text")]
    [InlineData("pgp_fingerprint: \"0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567\"", "pgp_fingerprint: \"0123 4567\"", "CMP104", "contacts.pgp_fingerprint", "is not an OpenPGP fingerprint")]
    public void A_press_kit_mistake_names_the_line_and_field_and_stops_the_build(string from, string to, string code, string field, string message)
    {
        var text = Kit.Replace(from, to);
        Assert.NotEqual(Kit, text);
        using var campaign = new TestCampaign(text);
        var run = CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches($@"site\.yaml:\d+:\d+: error {code}: ", run.Error);
        Assert.Contains(message, run.Error);
        Assert.Contains(field, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
