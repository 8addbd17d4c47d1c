using Campaign.Site;
using Campaign.Site.Preview;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary>
/// What a preview rebuild skips, by the session's counts: the few tests that pin the work a rebuild does, because that
/// work is the preview's speed. What the rebuilt pages show is in <see cref="IncrementalBuildTests"/>.
/// </summary>
public sealed class PreviewWorkTests
{
    [Fact]
    public void A_rebuild_parses_analyses_and_renders_only_what_an_edit_touches()
    {
        using var p = new PreviewCampaign(IncrementalBuildTests.All);
        var (c, s) = (p.Campaign, p.Session);
        p.Rebuild("the first build");
        var allPages = s.Pages.Rendered;

        c.Edit("updates/first-meeting.en.md", "We met the ministry", "Yesterday we met the ministry");
        p.Rebuild("an edited update");
        Assert.Equal(1, s.Documents.Misses);
        Assert.InRange(s.Pages.Rendered, 1, allPages / 3);

        // one finding's summary in English: one file read, one English search document analysed, the Chinese index reused
        c.Edit("findings/acme.yaml", "Acme sold **dome cameras**", "Acme sold **ten dome cameras**");
        p.Rebuild("an edited finding");
        Assert.Equal(1, s.Documents.Misses);
        Assert.Equal(1, s.SearchIndexes.Analysed);
        Assert.Equal(1, s.SearchIndexes.Reused);

        // nothing changed: nothing parsed, rendered or written, both indexes reused
        p.Rebuild("a rebuild without changes");
        Assert.Equal(0, s.Documents.Misses);
        Assert.Equal(0, s.Pages.Rendered);
        Assert.Equal(0, s.LastChanged);
        Assert.Equal(2, s.SearchIndexes.Reused);
        Assert.Equal((0, 0), (s.SearchIndexes.Analysed, s.SearchIndexes.Made));

        // a layout edit renders pages again but changes no search document
        p.EditTheme("layouts/finding.liquid", layout => layout + "\n{% comment %}edited{% endcomment %}\n");
        p.Rebuild("a layout edit");
        Assert.True(s.Pages.Rendered > 0);
        Assert.Equal(2, s.SearchIndexes.Reused);
    }

    [Fact]
    public void An_edit_inside_a_findings_file_parses_only_the_edited_record_and_keeps_the_others_views()
    {
        using var p = new PreviewCampaign(IncrementalBuildTests.All);
        var (c, s) = (p.Campaign, p.Session);
        p.Rebuild("the first build");
        var findings = 2;

        c.Edit("findings/acme.yaml", "Acme sold **dome cameras**", "Acme sold **ten dome cameras**");
        p.Rebuild("an edit of the first finding, same number of lines");
        Assert.Equal(1, s.Documents.Partial);
        Assert.Equal(2 * (findings - 1), s.Projections.Reused("finding-row")); // per language
        Assert.Equal(2 * (findings - 1), s.Projections.Reused("finding-page"));

        c.Edit("findings/acme.yaml", "  tags: [cameras, guilin]\n", "  tags:\n    [cameras, guilin]\n");
        p.Rebuild("a line more");
        Assert.Equal(0, s.Documents.Partial);
    }
}
