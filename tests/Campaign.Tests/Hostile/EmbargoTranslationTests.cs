using System.Text;
using Campaign.Search.Reading;
using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// A translation may not publish what its source holds back: every combination of an embargoed or public source
/// with a translation that has no embargo, the same, an earlier (past or future) or a later one, in every section,
/// built once; nothing embargoed may be in any output file (pages, fallbacks, feeds, press page, sitemap, search).
/// </summary>
public sealed class EmbargoTranslationTests
{
    private const string Now = "2026-11-25";
    private const string Embargo = "2026-12-01T00:01:00+00:00";

    /// <summary>Source embargo, translation embargo; letters name the case in markers search can find as one token.</summary>
    private static readonly (string Case, string? Source, string? Translation)[] Cases =
    [
        ("a", null, null),
        ("b", null, "2020-01-01T00:00:00+00:00"),
        ("c", null, "2026-12-05T00:00:00+00:00"),
        ("d", Embargo, null),
        ("e", Embargo, Embargo),
        ("f", Embargo, "2020-01-01T00:00:00+00:00"),
        ("g", Embargo, "2026-11-28T00:00:00+00:00"),
        ("h", Embargo, "2026-12-05T00:00:00+00:00"),
    ];

    private static readonly string[] Sections = ["updates", "reports", "companies", "pages"];

    private static string Marker(string section, string @case, string lang) => $"qqx{section}{@case}{lang}qqx";

    private static string Slug(string section, string @case) => $"emb-{section}-{@case}";

    private static bool Past(string? moment) => moment is null || DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture) <= DateTimeOffset.Parse(Now + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static string File(string section, string @case, string lang, string? embargo)
    {
        var marker = Marker(section, @case, lang);
        var front = section switch
        {
            "updates" => $"title: News {marker}\ndate: 2020-09-21\nkind: press-release\nsummary: About {marker}.",
            "reports" => $"title: Report {marker}\ndate: 2020-09-21\nsummary: About {marker}.",
            "companies" => $"name: Company {marker}\ncountry: Sweden\nsummary: About {marker}.",
            _ => $"title: Page {marker}\nsummary: About {marker}.",
        };
        return $"-- {section}/{Slug(section, @case)}.{lang}.md --\n---\n{front}\n{(embargo is null ? "" : $"embargo: \"{embargo}\"\n")}---\n## Section {marker}\n\nThe text {marker}.\n";
    }

    [Fact]
    public void Nothing_a_source_holds_back_is_published_by_its_translation()
    {
        var files = new StringBuilder($"""
            -- site.yaml --
            {TestCampaign.DefaultSite}
            base_url: https://example.org/

            -- pages/press.en.md --
            ---
            title: Press
            layout: press
            ---
            Press room.

            """);
        foreach (var section in Sections)
            foreach (var (@case, source, translation) in Cases)
                files.Append(File(section, @case, "en", source)).Append(File(section, @case, "zh", translation));
        using var c = new TestCampaign(files.ToString());
        var result = c.BuildOk(Now);

        var outputs = HostileOutput.Files(c).ToList();
        var search = new[] { "en", "zh" }.ToDictionary(l => l, l => SearchIndexReader.Open(c.Output, l));
        foreach (var section in Sections)
        {
            foreach (var (@case, source, translation) in Cases)
            {
                var sourcePublic = Past(source);
                var translationPublic = sourcePublic && Past(translation);
                foreach (var (lang, shown) in new[] { ("en", sourcePublic), ("zh", translationPublic) })
                {
                    var marker = Marker(section, @case, lang);
                    var found = outputs.Where(o => o.Text.Contains(marker, StringComparison.Ordinal)).Select(o => o.Path).ToList();
                    // the marker as a word (not as a prefix, nor corrected to a public marker one letter away)
                    var hits = search.Values.SelectMany(s => s.Rank(SearchQuery.Parse(marker, asYouType: false, compounds: false))).ToList();
                    if (shown)
                        Assert.True(found.Count > 0 && hits.Count > 0, $"{section} case {@case} {lang}: public text is missing");
                    else
                    {
                        Assert.True(found.Count == 0, $"{section} case {@case} {lang}: embargoed text is in {string.Join(", ", found)}");
                        Assert.True(hits.Count == 0, $"{section} case {@case} {lang}: embargoed text is in the search index");
                    }
                }
                var slug = Slug(section, @case);
                if (!sourcePublic)
                    Assert.DoesNotContain(outputs, o => o.Text.Contains(slug + "/", StringComparison.Ordinal) || o.Path.Contains(slug, StringComparison.Ordinal));
                var mismatch = source != translation;
                var file = $"{section}/{slug}.zh.md";
                if (mismatch)
                {
                    var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP152" && d.Location!.File == file);
                    // The embargo line follows the `---` and the section's front-matter lines; with none, the file is named.
                    var embargoLine = 2 + section switch { "updates" => 4, "pages" => 2, _ => 3 };
                    Assert.Equal(translation is null ? 0 : embargoLine, d.Location!.Line);
                }
                else
                    Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CMP152" && d.Location!.File == file);
            }
        }
    }

    [Fact]
    public void An_unembargoed_translation_of_an_embargoed_update_waits_and_is_reported()
    {
        using var c = new TestCampaign("""
            -- updates/x.en.md --
            ---
            title: Embargoed news
            date: 2020-09-21
            kind: news
            embargo: 2026-12-01T00:01:00+00:00
            ---
            Secret qqxsecretqqx.
            -- updates/x.zh.md --
            ---
            title: 新闻
            date: 2020-09-21
            kind: news
            ---
            秘密 qqxgeheimqqx.
            """);
        var result = c.BuildOk(Now);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP152");
        Assert.Equal("updates/x.zh.md", d.Location!.File);
        Assert.Contains("held back until 2026-12-01T00:01+00:00", d.Message);
        Assert.Contains("embargo: 2026-12-01T00:01+00:00", d.Hint);
        Assert.False(c.Exists("zh/updates/x/index.html"));
        Assert.False(c.Exists("en/updates/x/index.html"));
        HostileOutput.Nowhere(c, "qqxgeheimqqx");

        // On the day, both are published.
        c.BuildOk("2026-12-02");
        c.AssertFile("zh/updates/x/index.html", "qqxgeheimqqx");
    }
}
