using System.IO.Compression;
using System.Text;
using Campaign.Site;
using Campaign.Tests.Support;

namespace Campaign.Tests.Press;

/// <summary>An embargoed or scheduled page leaves no trace anywhere in the output until its moment; <c>--drafts</c> shows it marked.</summary>
public sealed class EmbargoTests : IDisposable
{
    private readonly TestCampaign _campaign = new(PressCampaign.All + """

        -- reports/quokka-dossier.en.md --
        ---
        title: Quokka Dossier Revealed
        date: 2020-10-01
        summary: Quokkasecret summary.
        embargo: 2020-10-01T00:01:00+01:00
        ---
        ## Quokkaheading {#q}

        Quokkabody.
        -- reports/quokka-dossier.zh.md --
        ---
        title: 袋鼠秘密档案
        date: 2020-10-01
        summary: 袋鼠摘要。
        embargo: 2020-10-01T00:01:00+01:00
        ---
        袋鼠正文。
        -- reports/quokka-dossier.en.pdf --
        %PDF-1.4 Quokka supplied
        -- updates/quokka-statement.en.md --
        ---
        title: Quokka Statement Embargoed
        date: 2020-10-01
        kind: press-release
        summary: Quokkasummary.
        embargo: 2020-10-01T00:01:00+01:00
        ---
        Quokkatext.
        -- companies/quokkacorp.en.md --
        ---
        name: Quokkacorp
        country: Nowhere
        summary: Quokka company.
        embargo: 2020-10-01T00:01:00+01:00
        responses:
          - status: responded
            document: letters/quokka-reply.pdf
            letter: quokka-letter.en.txt
        ---
        Quokkaprofile.
        -- companies/quokka-letter.en.txt --
        Dear campaign, Quokkaletter in full.
        -- assets/letters/quokka-reply.pdf --
        %PDF-1.4 Quokka reply letter
        -- pages/quokka-page.en.md --
        ---
        title: Quokka Scheduled Page
        publish: 2020-10-02
        menu: 9
        ---
        Quokkapage.
        """);

    public void Dispose() => _campaign.Dispose();

    private BuildResult Build(string now, bool drafts) =>
        SiteBuilder.Build(_campaign.Options(now, drafts) with { Bundle = true });

    /// <summary>Every file of the output as text, zip entries opened, so a leak inside the bundle is found too.</summary>
    private IEnumerable<(string Path, string Text)> AllText()
    {
        foreach (var file in Directory.EnumerateFiles(_campaign.Output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_campaign.Output, file);
            yield return (relative, relative + "\n" + Encoding.UTF8.GetString(File.ReadAllBytes(file)));
            if (file.EndsWith(".zip", StringComparison.Ordinal))
            {
                using var zip = ZipFile.OpenRead(file);
                foreach (var entry in zip.Entries)
                {
                    using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                    yield return (relative + "!" + entry.FullName, entry.FullName + "\n" + reader.ReadToEnd());
                }
            }
        }
    }

    [Fact]
    public void Before_the_embargo_nothing_of_the_embargoed_pages_appears_in_any_file_of_the_output()
    {
        var result = Build("2020-09-30", drafts: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var files = AllText().ToList();
        Assert.Contains(files, f => f.Path.EndsWith(".zip!campaign-2020-09-30/en/press/index.html", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Path == "en/updates/feed.xml");
        Assert.Contains(files, f => f.Path == "sitemap.xml");
        foreach (var (path, text) in files)
            foreach (var trace in new[] { "Quokka", "quokka", "袋鼠" })
                Assert.False(text.Contains(trace, StringComparison.Ordinal), $"{path} contains `{trace}` before the embargo");
    }

    [Fact]
    public void After_the_embargo_the_pages_are_published_everywhere()
    {
        var result = Build("2020-10-03", drafts: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        _campaign.AssertFile("en/reports/quokka-dossier/index.html", "Quokka Dossier Revealed\n! notice-draft");
        _campaign.AssertFile("en/updates/press-releases.xml", "Quokka Statement Embargoed");
        _campaign.AssertFile("sitemap.xml", "https://campaign.example.org/en/quokka-page/");
        _campaign.AssertFile("en/press/index.html", "Quokka Statement Embargoed\nQuokka Dossier Revealed\ndownloads/quokka-dossier.en.pdf");
        _campaign.AssertFile("SHA256SUMS", "downloads/quokka-dossier.en.pdf\nassets/letters/quokka-reply.pdf");
        _campaign.AssertFile("SHA256SUMS", "downloads/letters/quokka-letter.en.txt");
        _campaign.AssertFile("en/companies/quokkacorp/index.html", "Dear campaign, Quokkaletter in full.");
        Assert.True(_campaign.Exists("assets/letters/quokka-reply.pdf"));
    }

    [Fact]
    public void An_embargo_is_judged_to_the_minute_in_its_own_time_zone()
    {
        // 00:01 in UTC+1 is 23:01 UTC the day before.
        Assert.True(SiteBuilder.Build(_campaign.Options("2020-09-30") with { Now = DateTimeOffset.Parse("2020-09-30T23:00:00Z") }).Succeeded);
        Assert.False(_campaign.Exists("en/reports/quokka-dossier/index.html"));
        Assert.True(SiteBuilder.Build(_campaign.Options("2020-09-30") with { Now = DateTimeOffset.Parse("2020-09-30T23:01:00Z") }).Succeeded);
        Assert.True(_campaign.Exists("en/reports/quokka-dossier/index.html"));
    }

    [Fact]
    public void A_drafts_build_shows_embargoed_pages_marked_as_not_yet_public()
    {
        var result = Build("2020-09-30", drafts: true);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        _campaign.AssertFile("en/reports/quokka-dossier/index.html", """
            <p class="notice notice-draft" role="note">Not yet public
            Quokka Dossier Revealed
            """);
        _campaign.AssertFile("en/quokka-page/index.html", "notice-draft");
        _campaign.AssertFile("en/press/index.html", "Quokka Statement Embargoed\n<span class=\"badge-draft\">Draft</span>");
        _campaign.AssertFile("robots.txt", "Disallow: /");
    }
}
