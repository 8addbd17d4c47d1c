using Campaign.Tests.Findings;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// A live preview's rebuilds show each edit, addition and deletion where it belongs, and end byte-identical to a full
/// build (what they skip doing is in <see cref="PreviewWorkTests"/>; random sequences in <see cref="PreviewEquivalenceTests"/>).
/// </summary>
public sealed class IncrementalBuildTests
{
    internal const string Site = """
        -- site.yaml --
        title: { en: Test Campaign, zh: 测试运动 }
        base_url: https://campaign.example.org/
        default_language: en
        languages:
          - { code: en, name: English, lang: en, dir: ltr }
          - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
        home:
          ask: { en: "Stop the exports.", zh: "停止出口。" }

        """;

    internal const string Updates = """
        -- updates/first-meeting.en.md --
        ---
        title: A first meeting
        date: 2021-06-01
        kind: news
        ---
        We met the ministry in Brussels.
        -- updates/first-meeting.zh.md --
        ---
        title: 第一次会议
        date: 2021-06-01
        kind: news
        ---
        我们在布鲁塞尔会见了部委。
        -- updates/second-meeting.en.md --
        ---
        title: A second meeting
        date: 2021-07-01
        kind: statement
        companies: [acme]
        ---
        Acme did not come.
        -- updates/second-meeting.zh.md --
        ---
        title: 第二次会议
        date: 2021-07-01
        kind: statement
        companies: [acme]
        ---
        阿克米没有来。

        """;

    internal const string All = Site + FindingCampaigns.Base + FindingCampaigns.Yaml + Updates;

    [Fact]
    public void Rebuilds_after_edits_additions_and_deletions_equal_a_full_build()
    {
        using var p = new PreviewCampaign(All);
        var c = p.Campaign;
        p.Rebuild("the first build");

        c.Edit("updates/first-meeting.en.md", "We met the ministry", "Yesterday we met the ministry");
        p.Rebuild("an edited update");
        c.AssertFile("en/updates/first-meeting/index.html", "Yesterday we met the ministry");

        // a new update with no translation: the Chinese edition shows it as a fallback
        c.Write("updates/new-briefing.en.md", "---\ntitle: A new briefing\ndate: 2021-08-01\nkind: news\n---\nA short briefing.\n");
        p.Rebuild("an added update");
        c.AssertFile("zh/updates/new-briefing/index.html", "A short briefing.");
        c.AssertFile("zh/updates/index.html", "A new briefing");

        c.Delete("updates/second-meeting.zh.md");
        c.Delete("updates/new-briefing.en.md");
        p.Rebuild("a deleted translation and a deleted update");
        Assert.False(c.Exists("en/updates/new-briefing/index.html"));
        Assert.False(c.Exists("zh/updates/new-briefing/index.html"));
        c.AssertFile("zh/updates/second-meeting/index.html", "Acme did not come.\n! 阿克米没有来。");

        c.Edit("findings/acme.yaml", "Acme sold **dome cameras**", "Acme sold **ten dome cameras**");
        p.Rebuild("an edited finding");
        c.AssertFile("en/findings/acme-guilin-2015/index.html", "Acme sold <strong>ten dome cameras</strong>");
        c.AssertFile("data/findings.csv", "ten dome cameras");

        // a UI string and the stylesheet reach every page
        c.Edit("i18n/zh.yaml", "nav_findings: 调查发现", "nav_findings: 调查结果");
        p.EditTheme("static/css/site.css", css => css + "\n/* edited */\n");
        p.Rebuild("a UI string and a stylesheet");
        c.AssertFile("zh/index.html", "调查结果");
        c.AssertFile("zh/companies/acme/index.html", "调查结果");

        p.EditTheme("layouts/finding.liquid", layout => layout + "\n<p class=\"edited-layout\">edited</p>\n");
        p.Rebuild("a layout edit");
        c.AssertFile("zh/findings/acme-ministry-2012-2014/index.html", "edited-layout");
        c.AssertFile("en/findings/index.html", "! edited-layout");

        p.Rebuild("a rebuild without changes");
    }

    [Fact]
    public void The_findings_files_follow_every_edit_of_what_they_show()
    {
        using var p = new PreviewCampaign(All);
        var c = p.Campaign;
        p.Rebuild("the first build");

        c.Edit("findings/acme.yaml", "Acme sold **dome cameras**", "Acme sold **ten dome cameras**");
        p.Rebuild("an edited summary");
        c.AssertFile(Record("acme-guilin-2015"), "ten dome cameras");
        c.AssertFile("en/findings/acme-guilin-2015/index.html", "ten dome cameras");
        c.AssertFile("data/findings.json", "ten dome cameras");
        c.AssertFile("data/findings.csv", "ten dome cameras");

        // other years: the finding sorts elsewhere and has another year's facet page
        c.Edit("findings/acme.yaml", "  years: 2015\n", "  years: 2011\n");
        p.Rebuild("a finding's years");
        c.AssertFile("en/findings/year/2011/index.html", "Acme cameras for the Guilin police");
        Assert.False(c.Exists("en/findings/year/2015/index.html"));

        c.Edit("companies/acme.en.md", "name: Acme Cameras", "name: Acme Vision");
        p.Rebuild("a company's name");
        c.AssertFile("en/findings/facets.json", "Acme Vision\n! Acme Cameras");
        c.AssertFile("en/findings/company/acme/index.html", "Acme Vision");

        // the site's title is in each citation and in findings.json, the base URL in every record
        c.Edit("site.yaml", "title: { en: Test Campaign,", "title: { en: Test Campaign Now,");
        p.Rebuild("the site's title");
        c.AssertFile("data/findings.en.bib", "Test Campaign Now");
        c.AssertFile("en/findings/acme-guilin-2015/index.html", "series = {{Test Campaign Now}}");
        c.AssertFile("data/findings.zh.bib", "! Test Campaign Now");
        c.AssertFile("data/findings.json", "Test Campaign Now");
        c.Edit("site.yaml", "base_url: https://campaign.example.org/", "base_url: https://example.org/campaign/");
        p.Rebuild("the base URL");
        c.AssertFile(Record("acme-ministry-2012-2014"), "https://example.org/campaign/zh/findings/");

        var text = File.ReadAllText(Path.Combine(c.Input, "findings/acme.yaml"));
        var second = text[text.IndexOf("- id: acme-ministry-2012-2014", StringComparison.Ordinal)..];
        c.Write("findings/added.yaml", second.Replace("acme-ministry-2012-2014", "acme-added-for-test", StringComparison.Ordinal));
        p.Rebuild("a finding added in a file of its own");
        c.AssertFile("data/findings.zh.bib", "@dataset{finding-acme-added-for-test-zh,");
        Assert.True(c.Exists(Record("acme-added-for-test")));
        c.AssertFile("data/findings.csv", "acme-added-for-test");

        c.Delete("findings/added.yaml");
        p.Rebuild("that finding deleted");
        Assert.False(c.Exists(Record("acme-added-for-test")));
        c.AssertFile("data/findings.en.ris", "! acme-added-for-test");
        c.AssertFile("data/findings.csv", "! acme-added-for-test");
    }

    [Fact]
    public void The_sitemap_and_the_citation_files_follow_what_they_show_and_nothing_else()
    {
        using var p = new PreviewCampaign(All);
        var c = p.Campaign;
        p.Rebuild("the first build");
        c.AssertFile("sitemap.xml", "<lastmod>2026-11-01</lastmod>");

        // only a date the sitemap shows changes, no address: a sitemap kept by its addresses alone would give the old one
        c.Edit("findings/acme.yaml", "reviewed: 2026-11-01", "reviewed: 2026-11-23");
        p.Rebuild("a finding's review date");
        c.AssertFile("sitemap.xml", "<lastmod>2026-11-23</lastmod>\n! <lastmod>2026-11-01</lastmod>");
        c.Edit("updates/first-meeting.en.md", "date: 2021-06-01", "date: 2021-06-02");
        p.Rebuild("an update's date");
        c.AssertFile("sitemap.xml", "<loc>https://campaign.example.org/en/updates/first-meeting/</loc>\n<lastmod>2021-06-02</lastmod>");

        // a summary is in no citation: the citation files stay as they were, and the next edit of a title shows in them
        c.Edit("findings/acme.yaml", "Acme sold **dome cameras**", "Acme sold **many dome cameras**");
        p.Rebuild("an edited summary");
        c.Edit("findings/acme.yaml", "title: { en: Acme cameras for the Guilin police,", "title: { en: Acme cameras for the police of Guilin,");
        p.Rebuild("an edited title");
        c.AssertFile("data/findings.en.bib", "Acme cameras for the police of Guilin\n! Acme cameras for the Guilin police");
        c.AssertFile("data/findings.en.ris", "Acme cameras for the police of Guilin");
        c.AssertFile("data/findings.en.csl.json", "Acme cameras for the police of Guilin");
        c.AssertFile("sitemap.xml", "<lastmod>2026-11-23</lastmod>");
    }

    [Fact]
    public void A_long_list_follows_an_edit_on_any_of_its_pages()
    {
        // 17 list pages of 50 findings: more than one run of pages (FindingPages.RunPages), so an edit falls in a run that
        // is made anew while the other is kept. All in 2015, so the list is by id: finding 801 is on page 17.
        var many = string.Concat(Enumerable.Range(1, 820).Select(i => $"""

            - id: f-{i:D4}
              title: {"{"} en: Finding {i}, zh: 发现{i} {"}"}
              company: acme
              product: {"{"} en: P, zh: 产品 {"}"}
              technology: network-cameras
              buyer: {"{"} name: {"{"} en: B, zh: 买方 {"}"}, type: police {"}"}
              country: {"{"} en: China, zh: 中国 {"}"}
              years: 2015
              summary: {"{"} en: S {i}, zh: 摘要 {"}"}
              licence: unknown
              sources: [{"{"} title: T, url: "https://example.org/{i}" {"}"}]
              reviewed: 2026-01-01
            """));
        using var p = new PreviewCampaign(Site + FindingCampaigns.Base + "-- findings/many.yaml --\n" + many);
        var c = p.Campaign;
        p.Rebuild("the first build");
        c.AssertFile("en/findings/page/17/index.html", "Finding 801\n(17/17)");

        c.Edit("findings/many.yaml", "en: Finding 801,", "en: Finding eight hundred and one,");
        p.Rebuild("a title on the last page");
        c.AssertFile("en/findings/page/17/index.html", "Finding eight hundred and one");
        c.AssertFile("en/findings/company/acme/page/17/index.html", "Finding eight hundred and one");
        c.Edit("findings/many.yaml", "en: Finding 2,", "en: Finding two,");
        p.Rebuild("a title on the first page");
        c.AssertFile("en/findings/index.html", "Finding two");
        c.AssertFile("en/findings/page/17/index.html", "Finding eight hundred and one");
        c.Edit("findings/many.yaml", "en: S 790,", "en: S seven hundred and ninety,");
        p.Rebuild("a summary, which no list shows");
        c.AssertFile("en/findings/f-0790/index.html", "S seven hundred and ninety");
    }

    [Fact]
    public void The_charts_follow_an_edit_of_what_they_count_and_their_warning_the_finding_as_it_now_stands()
    {
        using var p = new PreviewCampaign(All);
        var c = p.Campaign;
        p.Rebuild("the first build");
        c.AssertFile("en/findings/index.html", "Findings per region: Guangxi: 1.\n! (year not stated: 1)");

        c.Edit("findings/acme.yaml", "province: { en: Guangxi, zh: 广西 }", "province: { en: Xinjiang, zh: 新疆 }");
        p.Rebuild("a finding's province");
        c.AssertFile("en/findings/index.html", "Findings per region: Xinjiang: 1.\n<g><title>Guangxi: 0</title>");
        c.Edit("findings/acme.yaml", "  years: 2015\n", "  years: not-stated\n");
        p.Rebuild("a finding's years");
        c.AssertFile("en/findings/index.html", "Findings per company: Acme Cameras: 2 (year not stated: 1).");

        // a province the map does not know is warned of where the finding now stands, after a line is added above it too
        c.Edit("findings/acme.yaml", "province: { en: Xinjiang, zh: 新疆 }", "province: { en: Xinjang, zh: 新疆省 }");
        var warned = Assert.Single(p.Rebuild("a misspelt province").Diagnostics, d => d.Code == "CMP095");
        Assert.Equal(9, warned.Location!.Line);
        c.Edit("findings/acme.yaml", "- id: acme-guilin-2015", "# the first finding\n- id: acme-guilin-2015");
        var moved = Assert.Single(p.Rebuild("a line added above it").Diagnostics, d => d.Code == "CMP095");
        Assert.Equal(10, moved.Location!.Line);
    }

    [Fact]
    public void An_edit_inside_a_findings_file_keeps_the_other_findings_warnings_where_they_are()
    {
        using var p = new PreviewCampaign(All);
        var c = p.Campaign;
        // a warning on the file's last finding, to follow through edits of the first
        c.Edit("findings/acme.yaml", "  reviewed: 2026-10-01\n", "  reviewed: 2026-10-01\n  colour: red\n");
        var first = p.Rebuild("the first build");
        var warning = Assert.Single(first.Diagnostics, d => d.Code == "CMP004" && d.Message.Contains("colour"));

        c.Edit("findings/acme.yaml", "Acme sold **dome cameras**", "Acme sold **ten dome cameras**");
        var edited = p.Rebuild("an edit of the first finding's summary");
        Assert.Equal(warning.ToString(), Assert.Single(edited.Diagnostics, d => d.Code == "CMP004" && d.Message.Contains("colour")).ToString());

        c.Edit("findings/acme.yaml", "Acme cameras for the Guilin police", "Acme cameras named for the Guilin police");
        p.Rebuild("an edit of the first finding's title");
        c.AssertFile("en/findings/index.html", "Acme cameras named for the Guilin police");
        c.AssertFile("en/findings/company/acme/index.html", "Acme cameras named for the Guilin police");

        // a line more in the first finding: the one below it moved, and so does its warning
        c.Edit("findings/acme.yaml", "  tags: [cameras, guilin]\n", "  tags:\n    [cameras, guilin]\n");
        var moved = p.Rebuild("the first finding one line longer");
        var now = Assert.Single(moved.Diagnostics, d => d.Code == "CMP004" && d.Message.Contains("colour"));
        Assert.Equal(warning.Location!.Line + 1, now.Location!.Line);

        // a mistake in the first finding is reported at its line, beside the other's warning; fixing it recovers
        var yearsLine = File.ReadAllLines(Path.Combine(c.Input, "findings/acme.yaml")).ToList().IndexOf("  years: 2015") + 1;
        c.Edit("findings/acme.yaml", "  years: 2015\n", "  years: 2015-2099\n");
        var broken = p.RebuildOnly();
        var error = Assert.Single(broken.Diagnostics, d => d.IsError);
        Assert.Equal(("CMP024", "findings/acme.yaml", yearsLine), (error.Code, error.Location!.File, error.Location.Line));
        Assert.Single(broken.Diagnostics, d => d.Code == "CMP004" && d.Message.Contains("colour"));
        c.Edit("findings/acme.yaml", "  years: 2015-2099\n", "  years: 2015-2016\n");
        p.Rebuild("the mistake fixed");
        c.AssertFile("en/findings/acme-guilin-2015/index.html", "2015–2016");
    }

    [Fact]
    public void A_broken_edit_keeps_the_last_good_pages_and_the_next_good_edit_recovers()
    {
        using var p = new PreviewCampaign(All);
        var c = p.Campaign;
        p.Rebuild("the first build");
        var before = c.Read("en/updates/first-meeting/index.html");

        c.Edit("updates/first-meeting.en.md", "date: 2021-06-01", "date: 1 June");
        Assert.False(p.RebuildOnly().Succeeded);
        Assert.Equal(before, c.Read("en/updates/first-meeting/index.html"));

        c.Edit("updates/first-meeting.en.md", "date: 1 June", "date: 2021-06-02");
        p.Rebuild("the error fixed");
        c.AssertFile("en/updates/first-meeting/index.html", "2021-06-02");
    }

    /// <summary>Where a finding's record is written (one file for every language).</summary>
    private static string Record(string id) => global::Campaign.Site.Routing.Urls.FindingRecord(id).TrimStart('/');
}
