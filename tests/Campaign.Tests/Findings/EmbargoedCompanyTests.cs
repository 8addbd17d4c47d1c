using System.IO.Compression;
using System.Text;
using Campaign.Site;
using Campaign.Site.Preview;
using Campaign.Tests.Support;

namespace Campaign.Tests.Findings;

/// <summary>
/// A company under embargo that has findings, an update and a report naming it, and a report under embargo that a
/// public finding cites: before the moment neither leaves a trace in any output file; after it, both are published.
/// </summary>
public sealed class EmbargoedCompanyTests : IDisposable
{
    private const string Before = "2026-11-25";
    private const string After = "2027-01-02";

    private readonly TestCampaign _campaign = new(Press.PressCampaign.Site + "\n" + FindingCampaigns.Base + FindingCampaigns.Yaml + """

        -- assets/card.png --
        not really a png
        -- companies/wombatcorp.en.md --
        ---
        name: Wombatcorp
        country: Nowhere
        summary: A company not yet named.
        embargo: 2027-01-01T00:00:00Z
        ---
        Profile.
        -- companies/wombatcorp.zh.md --
        ---
        name: 袋熊公司
        country: 无处
        summary: 尚未点名的公司。
        embargo: 2027-01-01T00:00:00Z
        ---
        简介。
        -- findings/wombatcorp.yaml --
        - id: numbat-sale-2019
          title: { en: Numbat cameras sold, zh: 袋鼬摄像头售出 }
          company: wombatcorp
          product: { en: Numbat dome, zh: 袋鼬球机 }
          technology: network-cameras
          buyer:
            name: { en: Numbatville police, zh: 袋鼬市警方 }
            type: police
            province: { en: Numbatland, zh: 袋鼬省 }
          country: { en: China, zh: 中国 }
          years: 2019
          summary: { en: Numbat cameras were sold., zh: 袋鼬摄像头被出售。 }
          licence: unknown
          sources:
            - { title: Numbat article, url: "https://example.org/numbat" }
          report_section: probe#cameras
          reviewed: 2026-11-01
        - id: acme-bureau-2018
          title: { en: Acme in the files, zh: 阿克米在档案中 }
          company: acme
          product: { en: Cameras, zh: 摄像头 }
          technology: network-cameras
          buyer:
            name: { en: A bureau, zh: 某局 }
            type: police
          country: { en: China, zh: 中国 }
          years: 2018
          summary: { en: Acme sold cameras., zh: 阿克米出售了摄像头。 }
          licence: unknown
          sources:
            - { title: Bureau article, url: "https://example.org/bureau" }
          report_section: quoll-files#sales
          reviewed: 2026-11-01
        -- reports/quoll-files.en.md --
        ---
        title: The Quoll Files
        date: 2026-12-31
        summary: Quollsummary.
        companies: [wombatcorp, acme]
        embargo: 2027-01-01T00:00:00Z
        ---
        ## Sales {#sales}

        Quolltext.
        -- reports/probe-follow-up.en.md --
        ---
        title: Probe follow-up
        date: 2020-10-01
        summary: More of what we found.
        companies: [acme, wombatcorp]
        key_findings:
          - text: Cameras were sold to the police.
            findings: [numbat-sale-2019, acme-bureau-2018]
        ---
        More.
        -- updates/named.en.md --
        ---
        title: Companies named
        date: 2020-10-01
        kind: news
        summary: Who sold what.
        companies: [wombatcorp, acme]
        ---
        Read on.
        """);

    // Everything of the embargoed records: the company's names and slug, its finding's texts, place and id, the report's slug and texts.
    private static readonly string[] Traces = ["Wombatcorp", "wombatcorp", "袋熊", "Numbat", "numbat", "袋鼬", "Quoll", "quoll"];

    public void Dispose() => _campaign.Dispose();

    private BuildResult Build(string now, bool drafts = false)
    {
        var result = SiteBuilder.Build(_campaign.Options(now, drafts) with { Bundle = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>Every file of the output as text, with its path, zip entries opened, so a leak inside the bundle is found too.</summary>
    private static IEnumerable<(string Path, string Text)> AllText(string output)
    {
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file);
            yield return (relative, relative + "\n" + Encoding.UTF8.GetString(File.ReadAllBytes(file)));
            if (!file.EndsWith(".zip", StringComparison.Ordinal)) continue;
            using var zip = ZipFile.OpenRead(file);
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                yield return (relative + "!" + entry.FullName, entry.FullName + "\n" + reader.ReadToEnd());
            }
        }
    }

    [Fact]
    public void Before_the_embargo_the_company_its_findings_and_the_report_appear_in_no_output_file()
    {
        Build(Before);
        var files = AllText(_campaign.Output).ToList();
        // the walk covers every kind of output the records could leak into
        foreach (var expected in new[] { "en/findings/index.html", "en/findings/facets.json", "en/findings/facets.js", "data/findings.csv",
                     "data/findings.json", "en/updates/feed.xml", "sitemap.xml", "en/updates/named/index.html", "en/reports/probe-follow-up/index.html" })
            Assert.Contains(files, f => f.Path == expected);
        Assert.Contains(files, f => f.Path.StartsWith("search/en/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Path.Contains(".zip!", StringComparison.Ordinal) && f.Path.EndsWith("/en/findings/index.html", StringComparison.Ordinal));
        foreach (var (path, text) in files)
            foreach (var trace in Traces)
                Assert.False(text.Contains(trace, StringComparison.Ordinal), $"{path} contains `{trace}` before the embargo");

        // the public records that referred to them are published, without the reference
        _campaign.AssertFile("en/updates/named/index.html", "Companies named\ncompanies/acme/");
        _campaign.AssertFile("en/reports/probe-follow-up/index.html", "companies/acme/");
        // a key finding keeps its sentence and its link to the public finding, without the one under embargo
        _campaign.AssertFile("en/reports/probe-follow-up/index.html", "Cameras were sold to the police.\n<a href=\"../../findings/acme-bureau-2018/index.html\">Acme in the files</a></p></li>");
        _campaign.AssertFile("en/findings/acme-bureau-2018/index.html", "Acme in the files");
        _campaign.AssertFile("en/findings/index.html", "Acme in the files\nAcme cameras for the Guilin police");
        _campaign.AssertFile("data/findings.json", "acme-bureau-2018\nacme-guilin-2015");
    }

    [Fact]
    public void After_the_embargo_the_company_its_findings_and_the_report_are_published_everywhere()
    {
        Build(After);
        _campaign.AssertFile("en/companies/wombatcorp/index.html", "Wombatcorp\nNumbat cameras sold");
        _campaign.AssertFile("en/findings/index.html", "Wombatcorp\nNumbat cameras sold");
        _campaign.AssertFile("zh/findings/index.html", "袋熊公司");
        _campaign.AssertFile("en/findings/company/wombatcorp/index.html", "Numbat cameras sold");
        _campaign.AssertFile("en/findings/place/numbatland/index.html", "Numbat cameras sold");
        _campaign.AssertFile("en/findings/numbat-sale-2019/index.html", "Wombatcorp\nreports/probe/index.html#cameras\n! notice-draft");
        _campaign.AssertFile("en/findings/facets.json", "\"wombatcorp\",\"Wombatcorp\"");
        _campaign.AssertFile("data/findings.csv", "numbat-sale-2019\nwombatcorp\nquoll-files#sales");
        _campaign.AssertFile("data/findings.json", "\"company\":\"wombatcorp\"");
        _campaign.AssertFile("en/updates/named/index.html", "companies/wombatcorp/\nWombatcorp");
        _campaign.AssertFile("en/reports/probe-follow-up/index.html", "companies/wombatcorp/\n<a href=\"../../findings/numbat-sale-2019/index.html\">Numbat cameras sold</a> · <a href=\"../../findings/acme-bureau-2018/index.html\">");
        _campaign.AssertFile("en/findings/acme-bureau-2018/index.html", "The Quoll Files");
        _campaign.AssertFile("sitemap.xml", "https://campaign.example.org/en/companies/wombatcorp/\nhttps://campaign.example.org/en/findings/numbat-sale-2019/");
        var files = AllText(_campaign.Output).ToList();
        Assert.Contains(files, f => f.Path.StartsWith("search/en/", StringComparison.Ordinal) && f.Text.Contains("wombatcorp", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Path.Contains(".zip!", StringComparison.Ordinal) && f.Text.Contains("Numbat cameras sold", StringComparison.Ordinal));
    }

    [Fact]
    public void A_drafts_build_shows_the_company_s_findings_marked_as_not_yet_public()
    {
        Build(Before, drafts: true);
        _campaign.AssertFile("en/findings/numbat-sale-2019/index.html", "notice-draft\nWombatcorp");
        _campaign.AssertFile("en/findings/acme-guilin-2015/index.html", "! notice-draft");
        _campaign.AssertFile("en/findings/company/wombatcorp/index.html", "Numbat cameras sold");
        _campaign.AssertFile("en/updates/named/index.html", "companies/wombatcorp/");
    }

    [Fact]
    public void A_preview_rebuild_crossing_the_embargo_equals_a_full_build_on_either_side()
    {
        var preview = Path.Combine(_campaign.Root, "preview");
        var session = new BuildSession();
        foreach (var now in new[] { Before, After, Before })
        {
            var options = _campaign.Options(now) with { OutputDir = preview };
            var rebuilt = SiteBuilder.Build(options, session);
            Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
            var full = Path.Combine(_campaign.Root, "full-" + now);
            Assert.True(SiteBuilder.Build(options with { OutputDir = full }).Succeeded);
            // every file but the search packs, which only a full build writes (FolderDiff)
            var difference = FolderDiff.FirstDifference(full, preview);
            Assert.True(difference is null, $"at {now}: {difference}");
            Directory.Delete(full, true);
        }
        Assert.Contains(AllText(preview), f => f.Path == "en/findings/index.html" && !f.Text.Contains("Wombatcorp", StringComparison.Ordinal));
    }
}
