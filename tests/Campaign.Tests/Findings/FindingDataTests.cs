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
        using var record = JsonDocument.Parse(c.Read("en/findings/facely-undated.json"));
        Assert.Equal(JsonValueKind.Null, record.RootElement.GetProperty("years").ValueKind);
        var csv = c.Read("data/findings.csv");
        Assert.Contains(",not-stated,", csv);
        // the company page's latest findings too
        c.AssertFile("en/companies/facely/index.html", "year not stated\n! –0");
    }
}
