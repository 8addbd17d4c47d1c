using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Findings;

/// <summary>
/// Data that reads: years only as the sources give them ("year not stated" where they give none), and the spreadsheet's
/// name and label columns beside its code columns, in every language, from what each language edition publishes.
/// </summary>
public sealed class FindingDataTests
{
    /// <summary>The two findings of <see cref="FindingCampaigns.Yaml"/> and one whose sources give no year.</summary>
    private const string Undated = """
        -- findings/undated.yaml --
        - id: facely-undated
          title: { en: Facely's undated sale, zh: 费斯利未注明日期的销售 }
          kind: sale
          company: facely
          product: { en: Face matching, zh: 人脸比对 }
          technology: facial-recognition
          buyer:
            name: { en: A police bureau, zh: 某公安局 }
            type: police
          country: { en: China, zh: 中国 }
          years: not-stated
          summary: { en: "The sources do not date the sale.", zh: "资料没有注明销售的年份。" }
          licence: unknown
          sources:
            - { title: Third article, url: "https://example.org/third" }
          reviewed: 2026-11-01

        """;

    [Fact]
    public void A_finding_whose_sources_give_no_year_says_so_and_is_in_no_year_list()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + Undated);
        c.BuildOk();
        c.AssertFile("en/findings/facely-undated/index.html", "<dt>Years</dt><dd>year not stated</dd>");
        c.AssertFile("zh/findings/facely-undated/index.html", "<dd>未说明年份</dd>");
        c.AssertFile("en/findings/index.html", """
            <td>year not stated</td>
            data-year-not-stated="year not stated"
            """);
        foreach (var year in Directory.EnumerateDirectories(Path.Combine(c.Output, "en", "findings", "year")))
            Assert.DoesNotContain("facely-undated", File.ReadAllText(Path.Combine(year, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(c.Output, "en", "findings", "year", "0")));
        using var record = JsonDocument.Parse(c.Read(global::Campaign.Site.Routing.Urls.FindingRecord("facely-undated").TrimStart('/')));
        Assert.Equal(JsonValueKind.Null, record.RootElement.GetProperty("years").ValueKind);
        var csv = c.Read("data/findings.csv");
        Assert.Contains(",not-stated,", csv);
        // the company page's latest findings too
        c.AssertFile("en/companies/facely/index.html", "year not stated\n! –0");
    }

    [Fact]
    public void The_csv_gives_a_name_or_label_beside_every_code_in_every_language_and_reads_back_without_them()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + Undated);
        c.BuildOk();
        var lines = c.Read("data/findings.csv").TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("id,title_en,title_zh,kind,kind_label_en,kind_label_zh,company,company_name_en,company_name_zh,product_en,product_zh,"
            + "technology,technology_label_en,technology_label_zh,buyer_name_en,buyer_name_zh,buyer_type,buyer_type_label_en,buyer_type_label_zh,", lines[0]);
        Assert.Contains(",summary_form,licence,licence_label_en,licence_label_zh,source1_title,", lines[0]);
        var guilin = lines.Single(l => l.StartsWith("acme-guilin-2015,", StringComparison.Ordinal));
        Assert.Contains(",,,,acme,Acme Cameras,阿克米摄像,Dome cameras,球形摄像头,network-cameras,Network cameras,网络摄像头,", guilin); // no kind given
        Assert.Contains(",police,Police and public security,公安机关,", guilin);
        Assert.Contains(",not-required,Not required,无需许可,", guilin);
        var undated = lines.Single(l => l.StartsWith("facely-undated,", StringComparison.Ordinal));
        Assert.Contains(",sale,Sale or supply,销售或供货,facely,Facely,费斯利,", undated);

        // put back into findings/ as it is, the file builds without a warning and gives the same file
        using var again = new TestCampaign(FindingCampaigns.Base);
        again.WriteBytes("findings/all.csv", File.ReadAllBytes(Path.Combine(c.Output, "data", "findings.csv")));
        var result = again.BuildOk();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CMP004");
        Assert.Equal(c.Read("data/findings.csv"), again.Read("data/findings.csv"));
    }

    [Fact]
    public void The_findings_page_says_what_kinds_it_holds_and_offers_kind_as_a_facet()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + Undated);
        c.BuildOk();
        c.AssertFile("en/findings/index.html", """
            sale or supply, contract, listing in tenders or use
            statement or lack of a clear answer
            <a href="kind/index.html">Kind of finding</a>
            <a href="kind/sale/index.html">Sale or supply</a> <span class="count">(1)</span>
            """);
        c.AssertFile("zh/findings/kind/sale/index.html", "费斯利未注明日期的销售\n! 阿克米为桂林警方提供摄像头");
        c.AssertFile("en/findings/facely-undated/index.html", "<dt>Kind of finding</dt><dd><a href=\"../kind/sale/index.html\">Sale or supply</a></dd>");
        c.AssertFile("en/findings/acme-guilin-2015/index.html", "! Kind of finding");
        c.AssertFile(global::Campaign.Site.Routing.Urls.FindingRecord("facely-undated").TrimStart('/'), "\"kind\":\"sale\"");
        // without any kind in the data there is no kind facet, rather than an empty one
        using var none = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        none.BuildOk();
        Assert.False(none.Exists("en/findings/kind/index.html"));
        none.AssertFile("en/findings/index.html", "! Kind of finding");
    }

    [Fact]
    public void Docs_data_md_names_every_csv_column_and_every_json_field()
    {
        using var c = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + Undated);
        c.BuildOk();
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "data.md"));
        var header = c.Read("data/findings.csv").TrimStart('\uFEFF').Split("\r\n")[0].Split(',');
        foreach (var column in header)
        {
            var general = System.Text.RegularExpressions.Regex.Replace(column, "_(en|zh)$", "_<lang>");
            general = System.Text.RegularExpressions.Regex.Replace(general, "^source[0-9]+_", "source<N>_");
            Assert.True(docs.Contains($"`{general}`", StringComparison.Ordinal), $"docs/data.md does not name the CSV column {general}");
        }
        using var schema = JsonDocument.Parse(c.Read("data/findings.schema.json"));
        var defs = schema.RootElement.GetProperty("$defs");
        foreach (var field in defs.GetProperty("finding").GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .Concat(defs.GetProperty("source").GetProperty("properties").EnumerateObject().Select(p => p.Name)))
            Assert.True(docs.Contains($"`{field}`", StringComparison.Ordinal), $"docs/data.md does not name the JSON field {field}");
    }
}
