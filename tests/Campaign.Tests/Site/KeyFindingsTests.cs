using Campaign.Tests.Findings;
using Campaign.Tests.Support;

namespace Campaign.Tests.Site;

/// <summary>
/// A report's key-findings box: numbered under the title block, each sentence with links to the findings in the
/// database that back it, titled in the page's language; a reference to no finding is an error at its line.
/// </summary>
public sealed class KeyFindingsTests : IDisposable
{
    private readonly TestCampaign _campaign = new(FindingCampaigns.Base.Replace("""
        title: The Probe
        date: 2020-09-21
        summary: What we found.
        """, """
        title: The Probe
        date: 2020-09-21
        summary: What we found.
        key_findings:
          - Nobody answered **clearly**.
          - text: Acme sold cameras to the police in Guilin.
            findings: [acme-guilin-2015, acme-ministry-2012-2014]
        """).Replace("""
        title: 调查
        date: 2020-09-21
        summary: 我们的发现。
        """, """
        title: 调查
        date: 2020-09-21
        summary: 我们的发现。
        key_findings:
          - text: 阿克米向桂林警方出售了摄像头。
            findings: [acme-guilin-2015]
        """) + FindingCampaigns.Yaml);

    public void Dispose() => _campaign.Dispose();

    [Fact]
    public void The_box_follows_the_title_block_numbered_with_links_to_the_findings_behind_each_sentence()
    {
        _campaign.BuildOk();
        var page = _campaign.Read("en/reports/probe/index.html");
        Assert.True(page.IndexOf("</header>", StringComparison.Ordinal) < page.IndexOf("class=\"key-findings\"", StringComparison.Ordinal));
        Assert.True(page.IndexOf("class=\"key-findings\"", StringComparison.Ordinal) < page.IndexOf("<div class=\"prose\"", StringComparison.Ordinal));
        _campaign.AssertFile("en/reports/probe/index.html", """
            <section class="key-findings" aria-labelledby="key-findings-title">
            <h2 id="key-findings-title">Key findings</h2>
            <ol>
            <li><p>Nobody answered <strong>clearly</strong>.</p>
            </li>
            <li><p>Acme sold cameras to the police in Guilin.</p>
            <p class="key-finding-links"><span class="meta">In the database:</span> <a href="../../findings/acme-guilin-2015/index.html">Acme cameras for the Guilin police</a> · <a href="../../findings/acme-ministry-2012-2014/index.html">Acme and the ministry</a></p></li>
            """);
        _campaign.AssertFile("zh/reports/probe/index.html", """
            <h2 id="key-findings-title">主要调查发现</h2>
            <li><p>阿克米向桂林警方出售了摄像头。</p>
            <span class="meta">数据库条目：</span> <a href="../../findings/acme-guilin-2015/index.html">阿克米为桂林警方提供摄像头</a></p></li>
            ! Acme and the ministry
            """);
    }

    [Fact]
    public void A_report_without_key_findings_has_no_box()
    {
        _campaign.Edit("reports/probe.zh.md", "key_findings:\n  - text: 阿克米向桂林警方出售了摄像头。\n    findings: [acme-guilin-2015]\n", "");
        _campaign.BuildOk();
        _campaign.AssertFile("zh/reports/probe/index.html", "! key-findings");
    }

    [Fact]
    public void A_key_finding_naming_no_finding_is_an_error_at_its_line_with_the_nearest_id()
    {
        _campaign.Edit("reports/probe.en.md", "findings: [acme-guilin-2015, acme-ministry-2012-2014]", "findings: [acme-guilin-2051]");
        var result = _campaign.Build();
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CMP027");
        Assert.StartsWith("reports/probe.en.md:8:15: error CMP027: `acme-guilin-2051` is not a finding of this campaign. [key_findings.findings]", error.ToString());
        Assert.Contains("did you mean `acme-guilin-2015`?", error.Hint);
    }

    [Fact]
    public void Key_findings_written_as_one_line_of_text_is_an_error_that_says_how_to_write_a_list()
    {
        _campaign.Edit("reports/probe.zh.md", "key_findings:\n  - text: 阿克米向桂林警方出售了摄像头。\n    findings: [acme-guilin-2015]\n", "key_findings: 阿克米向桂林警方出售了摄像头。\n");
        var result = _campaign.Build();
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CMP005");
        Assert.StartsWith("reports/probe.zh.md:5:15: error CMP005: `key_findings` must be a list", error.ToString());
        Assert.Contains("`- `", error.Hint);
    }
}
