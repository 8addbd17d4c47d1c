using Campaign.Generate;
using Campaign.Site;
using Campaign.Tests.Findings;
using Campaign.Tests.Support;

namespace Campaign.Tests.Charts;

/// <summary>
/// The charts and the map as built pages show them: drawn from the findings the table lists, in both languages, with a
/// title, a description and a data table, changing when the data changes, and exported as PNG for press when Chromium prints.
/// </summary>
public sealed class ChartPagesTests
{
    private const string Xinjiang = """
        -- findings/xinjiang.yaml --
        - id: facely-urumqi-2018
          title: { en: Facely face matching for Urumqi, zh: 费斯利为乌鲁木齐提供人脸比对 }
          company: facely
          product: { en: Face matching, zh: 人脸比对 }
          technology: facial-recognition
          buyer:
            name: { en: Urumqi Public Security Bureau, zh: 乌鲁木齐市公安局 }
            type: police
            province: { en: Xinjiang, zh: 新疆 }
          country: { en: China, zh: 中国 }
          years: 2018
          summary: { en: Facely sold face matching., zh: 费斯利出售了人脸比对系统。 }
          licence: unknown
          sources:
            - { title: Third article, url: "https://example.org/third" }
          reviewed: 2026-11-01

        """;

    private const string NotStated = """
        -- findings/undated.yaml --
        - id: acme-undated
          title: { en: Acme cameras at an unnamed date, zh: 阿克米摄像头（年份未说明） }
          company: acme
          product: { en: Cameras, zh: 摄像头 }
          technology: network-cameras
          buyer:
            name: { en: A city police, zh: 某市警方 }
            type: police
          country: { en: China, zh: 中国 }
          years: not-stated
          summary: { en: No year is given., zh: 未说明年份。 }
          licence: unknown
          sources:
            - { title: Fourth article, url: "https://example.org/fourth" }
          reviewed: 2026-11-01

        """;

    [Fact]
    public void Adding_a_finding_in_Xinjiang_changes_the_map_on_the_findings_and_home_pages()
    {
        using var campaign = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        campaign.BuildOk();
        campaign.AssertFile("en/findings/index.html", """
            <section id="charts" class="charts" aria-labelledby="charts-title">
            class="chart chart-map" viewBox="0 0 360 
            role="img" aria-labelledby="chart-provinces-title chart-provinces-desc"
            <title id="chart-provinces-title">Findings by province</title>
            Findings per region: Guangxi: 1.
            <g><title>Xinjiang: 0</title><rect class="cell l0"
            <g><title>Guangxi: 1</title><rect class="cell l4"
            <a href="#chart-provinces-table">Data table</a>
            <table id="chart-provinces-table">
            <th scope="row"><a href="place/guangxi/index.html">Guangxi</a></th><td>1</td>
            ! Xinjiang</a>
            """);
        campaign.AssertFile("zh/index.html", """
            <g><title>新疆0条</title>
            <g><title>广西1条</title><rect class="cell l4"
            >广西</text>
            """);

        campaign.Write("findings/xinjiang.yaml", TestCampaign.Parse(Xinjiang)["findings/xinjiang.yaml"]);
        campaign.BuildOk();
        foreach (var page in new[] { "en/findings/index.html", "en/index.html" })
            campaign.AssertFile(page, """
                Findings per region: Xinjiang: 1; Guangxi: 1.
                <g><title>Xinjiang: 1</title><rect class="cell l4"
                <th scope="row"><a href="
                >Xinjiang</a></th><td>1</td>
                ! <title>Xinjiang: 0</title>
                """);
        campaign.AssertFile("zh/findings/index.html", """
            <g><title>新疆1条</title><rect class="cell l4"
            各地区调查发现：新疆1条；广西1条。
            """);
    }

    [Fact]
    public void Findings_whose_years_are_not_stated_are_counted_apart_never_in_a_year()
    {
        using var campaign = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + NotStated);
        campaign.BuildOk();
        // Acme: 2012–2014 (one finding, counted in each year), 2015, and one with no year; the axis runs 2012–2015 without gaps
        campaign.AssertFile("en/findings/index.html", """
            <title id="chart-years-title">Findings per year and company</title>
            Findings per company: Acme Cameras: 3 (year not stated: 1).
            <thead><tr><th scope="col">Company</th><th scope="col">2012</th><th scope="col">2013</th><th scope="col">2014</th><th scope="col">2015</th><th scope="col">year not stated</th></tr></thead>
            <th scope="row"><a href="../companies/acme/index.html">Acme Cameras</a></th><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td></tr>
            <rect class="bar bar-none"
            >year not stated</text>
            """);
        campaign.AssertFile("zh/findings/index.html", """
            各公司调查发现：阿克米摄像3条（未说明年份1条）。
            <th scope="col">未说明年份</th>
            """);
    }

    [Fact]
    public void Each_company_page_shows_its_own_timeline_with_its_table()
    {
        using var campaign = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + NotStated);
        campaign.BuildOk();
        campaign.AssertFile("en/companies/acme/index.html", """
            <title id="chart-company-title">Acme Cameras: findings per year</title>
            Findings in all: 3; year not stated: 1.
            <table id="chart-company-table">
            <tr><th scope="row">2015</th><td>1</td></tr>
            <tr><th scope="row">year not stated</th><td>1</td></tr>
            """);
        campaign.AssertFile("zh/companies/acme/index.html", """
            <title id="chart-company-title">阿克米摄像：逐年调查发现</title>
            共3条调查发现，其中未说明年份1条。
            """);
    }

    [Fact]
    public void The_company_and_technology_matrix_counts_each_pair()
    {
        using var campaign = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml + Xinjiang);
        campaign.BuildOk();
        campaign.AssertFile("en/findings/index.html", """
            <title id="chart-matrix-title">Findings by company and technology</title>
            Findings: Acme Cameras, Network cameras: 2; Facely, Facial recognition: 1.
            <thead><tr><th scope="col">Company</th><th scope="col">Facial recognition</th><th scope="col">Network cameras</th></tr></thead>
            """);
    }

    [Fact]
    public void A_province_the_map_does_not_know_is_a_warning_naming_the_file_and_field()
    {
        using var campaign = new TestCampaign(FindingCampaigns.Base + Xinjiang.Replace("{ en: Xinjiang, zh: 新疆 }", "{ en: Xinjang, zh: 新疆省 }"));
        var result = campaign.BuildOk();
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "CMP095");
        Assert.Contains("`Xinjang` of finding facely-urumqi-2018", warning.Message);
        Assert.Equal("buyer.province", warning.Field);
        Assert.EndsWith("xinjiang.yaml", warning.Location!.File);
        Assert.Equal(9, warning.Location.Line);
        campaign.AssertFile("en/findings/index.html", "Findings not on the map, as they name no province (nationwide, or a city only): 1.");
    }

    [Fact]
    public void A_site_without_findings_draws_no_chart()
    {
        using var campaign = new TestCampaign(FindingCampaigns.Base);
        campaign.BuildOk();
        campaign.AssertFile("en/index.html", "! <svg");
        campaign.AssertFile("en/companies/acme/index.html", "! chart-company");
    }

    [Fact]
    public void Without_chromium_the_build_warns_and_links_no_png()
    {
        using var campaign = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        var result = SiteBuilder.Build(campaign.Options() with { Pdf = PdfMode.Auto, Chromium = "/nonexistent/chromium", CacheDir = Path.Combine(campaign.Root, "cache") });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP093" && d.Message.Contains("/nonexistent/chromium", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(campaign.Output, "downloads", "charts")));
        campaign.AssertFile("en/findings/index.html", """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart-map"
            ! .png
            """);
    }

    [Fact]
    public void Each_chart_is_exported_as_a_png_at_twice_its_size_listed_with_its_hash_and_the_same_bytes_every_build()
    {
        RequiredTools.RequireChromium();
        using var campaign = new TestCampaign(FindingCampaigns.Base + FindingCampaigns.Yaml);
        var options = campaign.Options() with { Pdf = PdfMode.Auto, Chromium = RequiredTools.Chromium, CacheDir = Path.Combine(campaign.Root, "cache"), SocialCards = false };
        var result = SiteBuilder.Build(options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var names = new[] { "provinces", "years", "matrix", "company-acme" };
        foreach (var lang in new[] { "en", "zh" })
            foreach (var name in names)
            {
                var png = File.ReadAllBytes(Path.Combine(campaign.Output, "downloads", "charts", $"{name}.{lang}.png"));
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
                var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
                Assert.Equal(2 * Campaign.Site.Charts.ChartCamera.CssWidth, width);
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
                campaign.AssertFile("SHA256SUMS", $"{hash}  downloads/charts/{name}.{lang}.png");
            }
        campaign.AssertFile("en/findings/index.html", """
            <a href="../../downloads/charts/provinces.en.png" download>PNG image for print (2×)</a>
            <a href="../../downloads/charts/matrix.en.png" download>
            """);
        campaign.AssertFile("zh/companies/acme/index.html", "<a href=\"../../../downloads/charts/company-acme.zh.png\" download>印刷用PNG图片");
        var first = File.ReadAllBytes(Path.Combine(campaign.Output, "downloads", "charts", "years.zh.png"));

        // the cache makes the next build's PNGs without Chromium, byte for byte
        var again = SiteBuilder.Build(options with { Chromium = "/nonexistent/chromium" });
        Assert.True(again.Succeeded);
        Assert.DoesNotContain(again.Diagnostics, d => d.Code == "CMP093");
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(campaign.Output, "downloads", "charts", "years.zh.png")));
    }

    [Fact]
    public void The_findings_page_shows_the_eight_companies_with_most_findings_and_the_others_in_one_row()
    {
        var root = Path.Combine(Path.GetTempPath(), "campaign-charts-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            CampaignWriter.Write(SyntheticCampaign.Create(300, seed: 3, companies: 12, updates: 5), Path.Combine(root, "input"), Repo.Input);
            var result = SiteBuilder.Build(new BuildOptions(Path.Combine(root, "input"), Path.Combine(root, "output"), SampleSite.Now, false, Repo.Theme));
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Take(10)));
            var index = File.ReadAllText(Path.Combine(root, "output", "en", "findings", "index.html"));
            var years = index[index.IndexOf("class=\"chart chart-years\"", StringComparison.Ordinal)..];
            years = years[..years.IndexOf("</svg>", StringComparison.Ordinal)];
            Assert.Equal(9, years.Split("class=\"row-label\"").Length - 1);
            Assert.Contains(">Other companies (4)</text>", years);
            Assert.Contains("<th scope=\"row\">Other companies (4)</th>", index);
            Assert.Contains("其他4家公司", File.ReadAllText(Path.Combine(root, "output", "zh", "findings", "index.html")));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
