using Campaign.Core.Diagnostics;

namespace Campaign.Tests.Findings;

/// <summary>Every mistake the findings schema catches gets a diagnostic naming the file, line and field (in CSV, the row's line and the column header).</summary>
public sealed class FindingDiagnosticsTests
{
    private static IReadOnlyList<Diagnostic> Yaml(string from, string to)
    {
        Assert.Contains(from, FindingCampaigns.Yaml);
        return FindingSchemaTests.Load(FindingCampaigns.Base + FindingCampaigns.Yaml.Replace(from, to)).Diagnostics;
    }

    private static IReadOnlyList<Diagnostic> Csv(string from, string to)
    {
        Assert.Contains(from, FindingCampaigns.Csv);
        return FindingSchemaTests.Load(FindingCampaigns.Base + FindingCampaigns.Csv.Replace(from, to)).Diagnostics;
    }

    private static Diagnostic One(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var found = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got:\n" + string.Join("\n", diagnostics));
        return found[0];
    }

    [Fact]
    public void Duplicate_id_names_the_first_use()
    {
        var d = One(Yaml("id: acme-ministry-2012-2014", "id: acme-guilin-2015"), "CMP025");
        Assert.True(d.IsError);
        Assert.Contains("findings/acme.yaml:1", d.Message);
        Assert.Equal("findings/acme.yaml", d.Location!.File);
    }

    [Fact]
    public void Unknown_company_suggests_the_nearest()
    {
        var d = One(Yaml("company: acme\n  product: { en: Dome", "company: acne\n  product: { en: Dome"), "CMP019");
        Assert.Contains("`acme`", d.Hint ?? "");
        // The line of the company field, not of the record's first field.
        Assert.Equal(3, d.Location!.Line);
        var c = One(Csv(",acme,Dome cameras,", ",acne,Dome cameras,"), "CMP019");
        Assert.StartsWith("findings/acme.csv:2: error CMP019: row 2, column D (company): `acne` is not a company of this campaign. [company]", c.ToString());
    }

    [Fact]
    public void Unknown_vocabulary_value_in_csv_names_row_column_and_nearest_value()
    {
        var d = One(Csv("球形摄像头,network-cameras", "球形摄像头,network-camera"), "CMP007");
        Assert.Equal("technology", d.Field);
        Assert.Equal(2, d.Location!.Line);
        Assert.Equal("row 2, column G (technology)", d.Location.Cell);
        Assert.Contains("`network-cameras`", d.Hint ?? "");
        Assert.StartsWith("findings/acme.csv:2: error CMP007: row 2, column G (technology): `network-camera` is not a known technology.", d.ToString());
    }

    [Fact]
    public void Unknown_buyer_type_in_yaml_names_the_nested_field()
    {
        var d = One(Yaml("type: ministry", "type: minstry"), "CMP007");
        Assert.EndsWith("].buyer.type", d.Field);
        Assert.Contains("`ministry`", d.Hint ?? "");
    }

    [Fact]
    public void Year_outside_1990_to_the_build_date_is_an_error()
    {
        Assert.Contains("outside 1990–2026", One(Yaml("years: 2015", "years: 1989"), "CMP024").Message);
        Assert.Contains("The year 2031", One(Csv(",2012-2014,", ",2012-2031,"), "CMP024").Message);
        Assert.Equal("years", One(Csv(",2012-2014,", ",2012-2031,"), "CMP024").Field);
    }

    [Fact]
    public void Finding_without_a_source_is_an_error()
    {
        var d = One(Yaml("  sources:\n    - { title: Second article, url: \"https://example.org/second\" }\n", ""), "CMP022");
        Assert.Equal("sources", d.Field);
        var c = One(Csv(",Second article,,,https://example.org/second,", ",,,,,"), "CMP022");
        Assert.Equal(3, c.Location!.Line);
        Assert.Contains("source1_title", c.Hint ?? "");
    }

    [Fact]
    public void Source_without_url_or_with_a_non_web_url_is_an_error()
    {
        var missing = One(Csv(",https://example.org/second,", ",,"), "CMP023");
        Assert.Equal("source1_url", missing.Field);
        Assert.Equal(3, missing.Location!.Line);
        var ftp = One(Yaml("url: https://example.org/article", "url: ftp://example.org/article"), "CMP023");
        Assert.Contains("not an http(s) address", ftp.Message);
        Assert.EndsWith("].sources[1].url", ftp.Field);
    }

    [Fact]
    public void Missing_translation_is_a_warning_and_the_page_falls_back()
    {
        var files = FindingCampaigns.Base + FindingCampaigns.Csv.Replace(",阿克米与部委,", ",,");
        var (_, diagnostics) = FindingSchemaTests.Load(files);
        var d = One(diagnostics, "CMP020");
        Assert.False(d.IsError);
        Assert.Equal("title_zh", d.Hint![(d.Hint!.IndexOf('`') + 1)..d.Hint!.LastIndexOf('`')]);
        Assert.Equal(3, d.Location!.Line);

        using var c = new Support.TestCampaign(files);
        c.BuildOk();
        c.AssertFile("zh/findings/acme-ministry-2012-2014/index.html", """
            <h1 lang="en">Acme and the ministry</h1>
            notice-fallback
            """);
    }
}
