using Campaign.Site;
using Campaign.Site.Incremental;

namespace Campaign.Tests.Workflow;

/// <summary>A live preview's rebuilds parse, render and write only what changed, and end byte-identical to a full build.</summary>
public sealed class IncrementalBuildTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static BuildOptions Options(CampaignCopy c, string output) => new(c.Input, output, Now, false, c.Theme);

    /// <summary>Every file of a folder with its bytes, by path.</summary>
    private static SortedDictionary<string, byte[]> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static void AssertSameAsFullBuild(CampaignCopy c, string incrementalOutput, string step)
    {
        var full = Path.Combine(c.Root, "full-" + Guid.NewGuid().ToString("N")[..6]);
        var result = SiteBuilder.Build(Options(c, full));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var expected = Snapshot(full);
        var actual = Snapshot(incrementalOutput);
        Assert.Equal(expected.Keys.ToList(), actual.Keys.ToList());
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"after {step}: {path} differs from a full build");
        Directory.Delete(full, true);
    }

    [Fact]
    public void Rebuilds_after_edits_additions_and_deletions_equal_a_full_build()
    {
        using var c = new CampaignCopy();
        var output = Path.Combine(c.Root, "preview");
        var session = new BuildSession();
        var first = SiteBuilder.Build(Options(c, output), session);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var allPages = session.Pages.Rendered;
        AssertSameAsFullBuild(c, output, "the first build");

        // 1. An edited update: its own pages, lists and the home page only.
        c.Edit("updates/brussels-meeting.en.md", "\nThe European Parliament and EU member states meet in Brussels", "\nYesterday the European Parliament and EU member states met in Brussels");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.Equal(1, session.Documents.Misses);
        Assert.InRange(session.Pages.Rendered, 1, allPages / 3);
        Assert.Contains("Yesterday the European Parliament and EU member states met", File.ReadAllText(Path.Combine(output, "en/updates/brussels-meeting/index.html")));
        AssertSameAsFullBuild(c, output, "an edited update");

        // 2. A new update with no translation: its page in both languages (the Chinese one a fallback) and the lists.
        c.Write("updates/new-briefing.en.md", "---\ntitle: A new briefing\ndate: 2021-06-01\nkind: news\n---\nA short briefing.\n");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.True(File.Exists(Path.Combine(output, "zh/updates/new-briefing/index.html")));
        AssertSameAsFullBuild(c, output, "an added update");

        // 3. A deleted translation and a deleted update: their files disappear.
        File.Delete(c.InputFile("updates/recast-applies.zh.md"));
        File.Delete(c.InputFile("updates/new-briefing.en.md"));
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.False(Directory.Exists(Path.Combine(output, "en/updates/new-briefing")));
        AssertSameAsFullBuild(c, output, "deletions");

        // 4. An edited finding: only its file is read again, only its English search document analysed again, and only
        //    the search files it changes compressed again.
        c.Edit("findings/noldus.yaml", "Noldus's FaceReader, which automatically analyses", "Noldus's FaceReader, which analyses");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.Equal(1, session.Documents.Misses);
        Assert.Equal(1, session.SearchIndexes.Analysed);
        Assert.InRange(session.SearchIndexes.Made, 1, session.SearchIndexes.Made + session.SearchIndexes.Kept - 1);
        AssertSameAsFullBuild(c, output, "an edited finding");

        // 5. A changed UI string and a changed stylesheet reach every page.
        var zh = c.InputFile("i18n/zh.yaml");
        File.AppendAllText(zh, "\n");
        var css = Path.Combine(c.Theme, "static/css/site.css");
        File.AppendAllText(css, "\n/* edited */\n");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.Equal(0, session.Pages.Skipped);
        AssertSameAsFullBuild(c, output, "a theme edit");

        // 6. Nothing changed: nothing is parsed, rendered or written.
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.Equal(0, session.Documents.Misses);
        Assert.Equal(0, session.Pages.Rendered);
        Assert.Equal(0, session.LastChanged);
        Assert.Equal(2, session.SearchIndexes.Reused);
        Assert.Equal((0, 0), (session.SearchIndexes.Analysed, session.SearchIndexes.Made));
        AssertSameAsFullBuild(c, output, "a rebuild without changes");

        // 7. A template edit renders its pages again but leaves every search document as it was: both indexes are reused.
        File.AppendAllText(Path.Combine(c.Theme, "layouts/finding.liquid"), "\n{% comment %}edited{% endcomment %}\n");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.Equal(2, session.SearchIndexes.Reused);
        Assert.True(session.Pages.Rendered > 0);
        AssertSameAsFullBuild(c, output, "a template edit");

        // 8. An edit of a finding's English summary changes the English documents only: the Chinese index is reused.
        c.Edit("findings/noldus.yaml", "Noldus's FaceReader, which analyses", "Noldus's FaceReader, which reads and analyses");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.Equal(1, session.SearchIndexes.Reused);
        Assert.Contains("reads and analyses", File.ReadAllText(Path.Combine(output, "en/findings/noldus-facereader-ministry-public-security/index.html")));
        AssertSameAsFullBuild(c, output, "a second finding edit");
    }

    [Fact]
    public void A_broken_edit_keeps_the_last_good_pages_and_the_next_good_edit_recovers()
    {
        using var c = new CampaignCopy();
        var output = Path.Combine(c.Root, "preview");
        var session = new BuildSession();
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        var page = Path.Combine(output, "en/updates/brussels-meeting/index.html");
        var before = File.ReadAllText(page);

        c.Edit("updates/brussels-meeting.en.md", "date: 2020-09-22", "date: 22 September");
        var broken = SiteBuilder.Build(Options(c, output), session);
        Assert.False(broken.Succeeded);
        Assert.Equal(before, File.ReadAllText(page));

        c.Edit("updates/brussels-meeting.en.md", "date: 22 September", "date: 2020-09-23");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        AssertSameAsFullBuild(c, output, "a fixed error");
    }
}
