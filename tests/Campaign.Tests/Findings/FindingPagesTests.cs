using System.Security.Cryptography;
using Campaign.Tests.Support;

namespace Campaign.Tests.Findings;

/// <summary>The findings' pages, downloads and citations, built from a small campaign with the real theme.</summary>
public sealed class FindingPagesTests
{
    [Fact]
    public void Finding_page_shows_every_field_sources_links_and_citation()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        c.BuildOk();
        c.AssertFile("en/findings/acme-guilin-2015/index.html", """
            <h1>Acme cameras for the Guilin police</h1>
            <code>acme-guilin-2015</code>
            <a href="../../companies/acme/index.html">Acme Cameras</a>
            Dome cameras
            <a href="../technology/network-cameras/index.html">Network cameras</a>
            Guilin Public Security Bureau
            <a href="../buyer-type/police/index.html">Police and public security</a>
            <a href="../place/guangxi/index.html">Guangxi</a>, <a href="../place/guilin/index.html">Guilin</a>
            <dd>China</dd>
            <dd>2015</dd>
            <a href="../licence/not-required/index.html" class="licence licence-not-required">Not required</a>
            <a href="../../reports/probe/index.html#cameras">The Probe: Cameras</a>
            <strong>dome cameras</strong>
            <cite>Example article</cite>, Example Times
            <blockquote>Acme sold cameras.</blockquote>
            <a href="https://example.org/article" rel="external">Original</a>
            <a href="https://archive.example.org/article" rel="external">Archived copy</a>
            Test Campaign. “Acme cameras for the Guilin police”. Test Campaign, finding acme-guilin-2015, in “The Probe”, 21 September 2020; last reviewed 1 November 2026. /en/findings/acme-guilin-2015/.
            This copy of the site has no base address configured
            <pre class="cite-bibtex"><code>@dataset{finding-acme-guilin-2015-en,
            ! <pre class="cite-csl">
            ! <pre class="cite-ris">
            in each, the entry for this finding has the key finding-acme-guilin-2015-en.
            <a href="../../../data/findings.en.bib" download="findings-en.bib"
            <a href="../../../data/findings.en.csl.json" download="findings-en.csl.json"
            <a href="../../../data/findings/ba/acme-guilin-2015.json" type="application/json">
            <time datetime="2026-11-01">1 November 2026</time>
            """);
        c.AssertFile("zh/findings/acme-guilin-2015/index.html", """
            <h1>阿克米为桂林警方提供摄像头</h1>
            <a href="../../companies/acme/index.html">阿克米摄像</a>
            <a href="../../reports/probe/index.html#cameras">调查：摄像头</a>
            /zh/findings/acme-guilin-2015/
            """);
        c.AssertFile("data/findings.en.bib", """
            @dataset{finding-acme-guilin-2015-en,
            title = {{Acme cameras for the Guilin police}},
            date = {2020-09-21},
            ! urldate
            """);
        c.AssertFile("data/findings.zh.csl.json", """
            "title": "阿克米为桂林警方提供摄像头"
            ! "accessed"
            "URL": "/zh/findings/acme-guilin-2015/"
            """);
        c.AssertFile("en/findings/acme-ministry-2012-2014/index.html", """
            Summary by the campaign of what the company said
            <dd>2012–2014</dd>
            <a href="../place/china/index.html">China</a>
            ! In the report
            """);
    }

    [Fact]
    public void List_pages_name_the_table_columns_in_one_style_sheet_instead_of_on_every_cell()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        c.BuildOk();
        var sheets = Directory.GetFiles(Path.Combine(c.Output, "assets", "theme", "css"), "finding-labels.*.css");
        var sheet = Path.GetFileName(Assert.Single(sheets));
        c.AssertFile("en/findings/index.html", $"""
            <link rel="stylesheet" href="../../assets/theme/css/{sheet}">
            <td>Acme Cameras</td><td>Network cameras</td>
            ! data-label
            """);
        c.AssertFile("zh/findings/company/acme/index.html", $"""
            <link rel="stylesheet" href="../../../../assets/theme/css/{sheet}">
            ! data-label
            """);
        // a finding's own page has no table, and links no sheet for one
        c.AssertFile("en/findings/acme-guilin-2015/index.html", "! finding-labels");
        c.AssertFile("assets/theme/css/" + sheet, """
            html[lang="en"] .finding-table td:nth-child(2) { --label: "Company"; }
            html[lang="en"] .finding-table td:nth-child(7) { --label: "Export licence"; }
            html[lang="zh-Hans"] .finding-table td:nth-child(5) { --label: "地点"; }
            html[lang="zh-Hans"] .finding-table td:nth-child(6) { --label: "年份"; }
            """);
        // a UI string is written as a CSS string whatever it holds
        Assert.Equal("\"say \\\"no\\\" \\\\ then\\a \"", global::Campaign.Site.Findings.FindingTableLabels.Quoted("say \"no\" \\ then\n"));
    }

    [Fact]
    public void Citation_uses_the_absolute_permanent_url_when_the_site_has_a_base_url()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + "-- site.yaml --\n" + TestCampaign.DefaultSite + "\nbase_url: https://example.net/campaign/\n");
        c.BuildOk();
        c.AssertFile("en/findings/acme-guilin-2015/index.html", """
            <code>https://example.net/campaign/en/findings/acme-guilin-2015/</code>
            ! no base address configured
            """);
        c.AssertFile("data/findings.json", "\"en\":\"https://example.net/campaign/en/findings/acme-guilin-2015/\"");
    }

    [Fact]
    public void Index_links_facet_pages_with_counts_and_facet_pages_list_their_findings()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        c.BuildOk();
        c.AssertFile("en/findings/index.html", """
            <a href="company/acme/index.html">Acme Cameras</a> <span class="count">(2)</span>
            <a href="year/2015/index.html">2015</a> <span class="count">(1)</span>
            <a href="year/2013/index.html">2013</a> <span class="count">(1)</span>
            <a href="place/guilin/index.html">Guilin</a> <span class="count">(1)</span>
            <a href="buyer-type/ministry/index.html">Ministry</a> <span class="count">(1)</span>
            <a href="licence/unknown/index.html">Unknown</a> <span class="count">(1)</span>
            <a href="technology/network-cameras/index.html">Network cameras</a> <span class="count">(2)</span>
            <p class="finding-count" id="finding-count" role="status">2 findings</p>
            <a href="acme-guilin-2015/index.html">Acme cameras for the Guilin police</a>
            <script src="../../assets/theme/js/findings.
            <a href="../data/index.html">
            """);
        c.AssertFile("en/findings/year/2013/index.html", """
            <h1>Year: 2013</h1>
            <a href="../../acme-ministry-2012-2014/index.html">Acme and the ministry</a>
            ! Acme cameras for the Guilin police
            ! findings.js
            """);
        c.AssertFile("zh/findings/company/acme/index.html", """
            <h1>公司：阿克米摄像</h1>
            共2条调查发现
            """);
        c.AssertFile("en/findings/place/index.html", """
            <a href="guangxi/index.html">Guangxi</a> <span class="count">(1)</span>
            <a href="guilin/index.html">Guilin</a> <span class="count">(1)</span>
            """);
        c.AssertFile("en/companies/acme/index.html", """
            Findings about this company
            <a href="../../findings/acme-guilin-2015/index.html">Acme cameras for the Guilin police</a>
            <a href="../../findings/company/acme/index.html">All 2 findings about this company</a>
            """);
    }

    [Fact]
    public void Long_lists_are_paginated_for_readers_without_javascript()
    {
        var many = string.Concat(Enumerable.Range(1, 120).Select(i => $"""

            - id: f-{i:D3}
              title: {"{"} en: Finding {i}, zh: 发现{i} {"}"}
              company: facely
              product: {"{"} en: P, zh: 产品 {"}"}
              technology: facial-recognition
              buyer: {"{"} name: {"{"} en: B, zh: 买方 {"}"}, type: company {"}"}
              country: {"{"} en: China, zh: 中国 {"}"}
              years: 2015
              summary: {"{"} en: S, zh: 摘要 {"}"}
              licence: unknown
              sources: [{"{"} title: T, url: "https://example.org/{i}" {"}"}]
              reviewed: 2026-01-01
            """));
        using var c = new TestCampaign(FindingCampaigns.Base + "-- findings/many.yaml --\n" + many);
        c.BuildOk();
        c.AssertFile("en/findings/index.html", """
            120 findings
            <a href="page/2/index.html" rel="next">
            <a href="f-050/index.html">
            ! <a href="f-051/index.html">
            """);
        c.AssertFile("en/findings/page/3/index.html", """
            <a href="../../f-101/index.html">
            <a href="../2/index.html" rel="prev">
            """);
        c.AssertFile("en/findings/company/facely/page/2/index.html", "<a href=\"../../../../f-051/index.html\">");
    }

    [Fact]
    public void Downloads_are_listed_with_size_and_hash_and_are_byte_identical_across_builds()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + FindingCampaigns.Csv.Replace("acme-", "csv-acme-"));
        c.BuildOk();
        var files = new[] { "data/findings.csv", "data/findings.json", "data/findings.schema.json", "en/findings/facets.json", "data/findings/ba/acme-guilin-2015.json",
            "data/findings.en.bib", "data/findings.zh.csl.json", "data/findings.en.ris" };
        var first = files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(c.Output, f)));
        var csv = first["data/findings.csv"];
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(csv));
        c.AssertFile("en/data/index.html", $"""
            <a href="../../data/findings.csv" download>Findings as a spreadsheet (CSV)</a>
            <code class="hash">{hash}</code>
            ({csv.Length.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en"))} bytes)
            <dt>Records</dt><dd>4</dd>
            <time datetime="2026-11-01">1 November 2026</time>
            """);
        c.AssertFile("zh/data/index.html", hash);
        // compact JSON, one finding a line between the head and the closing line
        c.AssertFile("data/findings.json", """
            "count":4,"findings":[
            {"id":"acme-guilin-2015","title":{"en":"Acme cameras for the Guilin police","zh":"阿克米为桂林警方提供摄像头"},
            ]}
            """);
        var database = c.Read("data/findings.json");
        Assert.Equal(4, System.Text.Json.JsonDocument.Parse(database).RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(4 + 2, database.TrimEnd('\n').Split('\n').Length);
        c.BuildOk();
        foreach (var f in files) Assert.Equal(first[f], File.ReadAllBytes(Path.Combine(c.Output, f)));
    }

    [Fact]
    public void Facet_file_is_compact_and_holds_no_summaries()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        c.BuildOk();
        c.AssertFile("en/findings/facets.json", """
            {"version":1,"lang":"en","count":2,"facets":[{"name":"company","label":"Company","values":[["acme","Acme Cameras"]]}
            ["acme-guilin-2015","Acme cameras for the Guilin police",0,0,0,[1,2],2015,2015,0,-1]
            ! dome cameras
            ! example.org
            """);
    }

    [Fact]
    public void A_finding_id_that_names_an_index_page_is_refused()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml.Replace("acme-ministry-2012-2014", "year"));
        var result = c.Build();
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP060" && d.IsError && d.Message.Contains("`year`"));
    }
}
