using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Press;

/// <summary>The press page (<c>layout: press</c>): press releases, contacts, downloads, fact sheet, citations, mirrors.</summary>
public sealed class PressRoomTests : IDisposable
{
    private readonly TestCampaign _campaign = new(PressCampaign.All + """

        -- reports/watch.en.pdf --
        %PDF-1.4 supplied English report
        """);

    public void Dispose() => _campaign.Dispose();

    [Fact]
    public void Press_page_lists_press_releases_contacts_downloads_facts_and_citations_in_each_language()
    {
        _campaign.BuildOk();
        _campaign.AssertFile("en/press/index.html", """
            <body class="kind-press">
            Welcome, journalists.
            Press releases
            <a href="../updates/launch/index.html">Report launched today</a>
            ! A news item
            <a href="../updates/press-releases.xml" type="application/atom+xml">
            Press desk
            <a href="mailto:press@example.org">press@example.org</a>
            442000000000">&#x2B;44 20 0000 0000</a>
            <a href="tel:
            <a class="download" href="../../downloads/watch.en.pdf"
            <a class="download" href="../../assets/letters/reply.pdf"
            ! href="../../assets/card.png"
            <a href="../../SHA256SUMS"
            <dt>42</dt><dd>cameras counted</dd>
            <a href="../mirrors/index.html">Mirrors</a>
            How to cite
            Test Organisation, Watching the Watchers, Index: TST 01/2020, 21 September 2020. https://campaign.example.org/en/reports/watch/
            @report{watch-2020-en,
            number = {TST 01/2020}
            url = {https://campaign.example.org/en/reports/watch/}
            """);
        _campaign.AssertFile("zh/press/index.html", """
            欢迎记者。
            新闻稿
            报告今日发布
            新闻台
            <dt>42</dt><dd>统计的摄像头</dd>
            测试组织，《监视监视者》，索引号：TST 01/2020，2020年9月21日。https://campaign.example.org/zh/reports/watch/
            """);
    }

    [Fact]
    public void Csl_json_citation_is_valid_json_with_the_report_fields()
    {
        _campaign.BuildOk();
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(_campaign.Read("en/press/index.html"));
        var json = html.QuerySelector("pre.cite-csl code")!.TextContent;
        var item = JsonDocument.Parse(json).RootElement[0];
        Assert.Equal("report", item.GetProperty("type").GetString());
        Assert.Equal("Watching the Watchers", item.GetProperty("title").GetString());
        Assert.Equal("TST 01/2020", item.GetProperty("number").GetString());
        Assert.Equal("https://campaign.example.org/en/reports/watch/", item.GetProperty("URL").GetString());
        Assert.Equal(2020, item.GetProperty("issued").GetProperty("date-parts")[0][0].GetInt32());
        Assert.Equal("Test Organisation", item.GetProperty("author")[0].GetProperty("literal").GetString());
        var bibtex = html.QuerySelector("pre.cite-bibtex code")!.TextContent;
        Assert.StartsWith("@report{watch-2020-en,\n", bibtex);
        Assert.EndsWith("\n}", bibtex);
        Assert.Equal(bibtex.Count(c => c == '{'), bibtex.Count(c => c == '}'));
    }

    [Fact]
    public void Mirrors_page_lists_each_mirror_with_its_note()
    {
        _campaign.BuildOk();
        _campaign.AssertFile("en/mirrors/index.html", """
            <a href="https://mirror.example.net/" rel="noopener">https://mirror.example.net/</a> · Mirror note
            """);
        _campaign.AssertFile("zh/mirrors/index.html", "镜像说明");
    }

    [Fact]
    public void Without_mirrors_there_is_no_mirrors_page()
    {
        _campaign.Write("site.yaml", TestCampaign.DefaultSite);
        _campaign.BuildOk();
        Assert.False(_campaign.Exists("en/mirrors/index.html"));
        _campaign.AssertFile("en/press/index.html", "! mirrors/index.html");
    }

    [Fact]
    public void An_unknown_layout_is_an_error_naming_the_field()
    {
        _campaign.Write("pages/press.en.md", "---\ntitle: Press\nlayout: pres\n---\nText.\n");
        var result = _campaign.Build();
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CMP092");
        Assert.True(error.IsError);
        Assert.Contains("pres", error.Message);
        Assert.Contains("press", error.Hint);
    }

    [Fact]
    public void Pages_open_graph_and_twitter_metadata_use_canonical_address_and_configured_image()
    {
        _campaign.BuildOk();
        _campaign.AssertFile("en/reports/watch/index.html", """
            <link rel="canonical" href="https://campaign.example.org/en/reports/watch/">
            <meta property="og:url" content="https://campaign.example.org/en/reports/watch/">
            <meta property="og:type" content="article">
            <meta property="og:title" content="Watching the Watchers">
            <meta property="og:image" content="https://campaign.example.org/assets/card.png">
            <meta name="twitter:card" content="summary_large_image">
            <meta property="og:locale" content="en_GB">
            <link rel="alternate" type="application/atom+xml" title="All updates" href="../../updates/feed.xml">
            """);
        _campaign.AssertFile("zh/index.html", """
            <meta property="og:locale" content="zh_CN">
            <meta property="og:type" content="website">
            """);
    }
}
