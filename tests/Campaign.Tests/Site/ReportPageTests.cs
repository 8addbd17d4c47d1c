using Campaign.Tests.Support;

namespace Campaign.Tests.Site;

/// <summary>
/// The report page as a reader meets it: contents numbered by top-level section only (a sub-section does not
/// take a number, in the page and so in the PDFs printed from it), the PDFs in each language near the top with
/// size and SHA-256, notes under a heading with one compact line of back-links, tables in a scroll box, and
/// footnote markers joined to the character before them.
/// </summary>
public sealed class ReportPageTests : IDisposable
{
    private readonly TestCampaign _campaign = new("""
        -- reports/watch.en.md --
        ---
        title: "Watching the Watchers"
        date: 2020-09-21
        summary: A report about cameras.
        index_number: TST 01/2020
        ---
        ## Overview {#overview}

        Cameras were sold.[^1] Again.[^1] And again.[^1]

        | Company | Country |
        | --- | --- |
        | Axis | Sweden |

        ## Cameras {#cameras}

        ### Guilin {#guilin}

        ## Rules {#rules}

        Once.[^2]

        [^1]: A source.
        [^2]: Another source.
        -- reports/watch.zh.md --
        ---
        title: 监视监视者
        date: 2020-09-21
        summary: 关于摄像头的报告。
        index_number: TST 01/2020
        ---
        ## 概述 {#overview}

        摄像头被出售了。[^1]

        ## 摄像头 {#cameras}

        ### 桂林 {#guilin}

        ## 规则 {#rules}

        [^1]: 一个来源。
        -- updates/only-english.en.md --
        ---
        title: Only in English
        date: 2020-09-22
        kind: news
        ---
        Said once.[^1]

        [^1]: A source.
        -- reports/watch.en.pdf --
        %PDF-1.4 supplied English report
        -- reports/watch.zh.pdf --
        %PDF-1.4 supplied Chinese report 中文
        """);

    public void Dispose() => _campaign.Dispose();

    [Fact]
    public void Contents_number_top_level_sections_only_with_sub_sections_nested_under_theirs()
    {
        _campaign.BuildOk();
        // Three numbered items (Overview, Cameras, Rules); Guilin is a list inside Cameras' item, not a fourth number.
        _campaign.AssertFile("en/reports/watch/index.html", """
            <ol>
            <li><a href="#overview">Overview</a></li>
            <li><a href="#cameras">Cameras</a><ol>
            <li class="toc-level-3"><a href="#guilin">Guilin</a></li></ol></li>
            <li><a href="#rules">Rules</a></li>
            </ol>
            """);
        var toc = _campaign.Read("zh/reports/watch/index.html").Split("<nav class=\"toc\"")[1].Split("</nav>")[0];
        Assert.Equal(3, toc.Split("<li><a").Length - 1);
    }

    [Fact]
    public void The_pdfs_in_each_language_are_in_the_title_block_with_size_and_hash()
    {
        _campaign.BuildOk();
        var page = _campaign.Read("zh/reports/watch/index.html");
        var header = page.Split("<header class=\"doc-header\">")[1].Split("</header>")[0];
        Assert.Contains("report-downloads", header);
        Assert.Contains("""hreflang="en">PDF · <span lang="en" dir="ltr">English</span></a>""", header);
        Assert.Contains("""hreflang="zh">PDF · <span lang="zh-Hans" dir="ltr">中文</span></a>""", header);
        Assert.Contains("SHA-256校验值 <code class=\"hash\">", header);
        Assert.Equal(1, page.Split("class=\"report-downloads\"").Length - 1); // only there, not again at the foot of the page
    }

    [Fact]
    public void Notes_have_a_heading_and_a_note_cited_three_times_has_one_line_of_numbered_back_links()
    {
        _campaign.BuildOk();
        _campaign.AssertFile("en/reports/watch/index.html", """
            <h2 class="notes-title">Notes</h2>
            <span class="footnote-back-refs"><span aria-hidden="true">&#8617;</span> <a href="#fnref:1" class="footnote-back-ref" aria-label="Back to reference 1 in the text">1</a> <a href="#fnref:2" class="footnote-back-ref" aria-label="Back to reference 2 in the text">2</a> <a href="#fnref:3" class="footnote-back-ref" aria-label="Back to reference 3 in the text">3</a></span>
            <a href="#fnref:4" class="footnote-back-ref">&#8617;</a></p>
            Cameras were sold<span class="fn-joint">.<a id="fnref:1" href="#fn:1" class="footnote-ref"><sup>1</sup></a></span>
            <div class="table-scroll" role="region" tabindex="0" aria-label="Table (scrolls sideways on a small screen)"><table>
            </table></div>
            ! <hr />
            """);
        _campaign.AssertFile("zh/reports/watch/index.html", """
            <h2 class="notes-title">注释</h2>
            摄像头被出售了<span class="fn-joint">。<a id="fnref:1" href="#fn:1" class="footnote-ref"><sup>1</sup></a></span>
            """);
        // A Chinese page showing English text: the text is English, the heading over its notes is the page's Chinese.
        _campaign.AssertFile("zh/updates/only-english/index.html", """
            <div class="prose" lang="en" dir="ltr">
            <h2 class="notes-title" lang="zh-Hans">注释</h2>
            """);
        _campaign.AssertFile("en/updates/only-english/index.html", """<h2 class="notes-title">Notes</h2>""");
    }

    [Fact]
    public void A_subtitle_sits_under_the_title_and_a_link_showing_its_own_address_is_marked_so_print_shows_it_once()
    {
        _campaign.Edit("reports/watch.en.md", "date: 2020-09-21", "subtitle: Cameras and the rules that failed\ndate: 2020-09-21");
        _campaign.Edit("reports/watch.en.md", "[^2]: Another source.", "[^2]: Another source, <https://example.org/a?b=1&c=2>, and [its copy](https://example.org/copy/).");
        _campaign.BuildOk();
        _campaign.AssertFile("en/reports/watch/index.html", """
            <h1>Watching the Watchers</h1>
            <p class="subtitle">Cameras and the rules that failed</p>
            <a href="https://example.org/a?b=1&amp;c=2" class="url">https://example.org/a?b=1&amp;c=2</a>
            <a href="https://example.org/copy/">its copy</a>
            ! report-pdf.
            ! running-heads.css
            """);
        _campaign.AssertFile("zh/reports/watch/index.html", "! class=\"subtitle\"");
    }
}
