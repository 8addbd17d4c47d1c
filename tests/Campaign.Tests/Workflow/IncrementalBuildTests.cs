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
        // every generated file is the very file of the last build, passed without a lookup, but for a few small ones made
        // anew on every build (feeds, the schema) and checked by hash
        Assert.InRange(session.Ledger.Held, session.LastGenerated - 12, session.LastGenerated);
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

    /// <summary>The findings' files made again by the last build, by kind (see <see cref="FindingFilesMemo.MadeOf"/>).</summary>
    private static string Made(BuildSession s) =>
        string.Join(", ", new[] { "record", "csv", "files:en", "files:zh", "facets:en", "facets:zh" }.Select(k => $"{k}={s.FindingFiles.MadeOf(k)}"));

    [Fact]
    public void Findings_files_are_made_again_only_for_what_an_edit_touches_and_equal_a_full_build()
    {
        using var c = new CampaignCopy();
        var output = Path.Combine(c.Root, "preview");
        var session = new BuildSession();
        var memo = session.FindingFiles;
        void Build(string step)
        {
            var result = SiteBuilder.Build(Options(c, output), session);
            Assert.True(result.Succeeded, step + ": " + string.Join("\n", result.Diagnostics));
        }
        Build("the first build");
        var findings = memo.MadeOf("record");
        Assert.True(findings > 5, $"the sample has {findings} findings");
        foreach (var kind in new[] { "csv", "files:en", "files:zh", "facets:en", "facets:zh" }) Assert.Equal(findings, memo.MadeOf(kind));
        Assert.Equal(1, memo.CatalogsBuilt);
        var csv = Path.Combine(output, "data/findings.csv");
        AssertSameAsFullBuild(c, output, "the first build");

        // Nothing changed: every piece and the catalogue are reused, and the whole-database files are the same arrays.
        Build("a rebuild without changes");
        Assert.Equal(0, memo.Made);
        Assert.Equal(1, memo.CatalogsReused);
        Assert.Equal(0, session.LastChanged);

        // 1. An edited summary: the pieces of that file's findings only (its five, or just the edited one when the loader
        //    keeps the others' instances); the catalogue is reused, as the finding's facets did not change.
        c.Edit("findings/noldus.yaml", "Noldus's FaceReader, which automatically analyses", "Noldus's FaceReader, which analyses");
        Build("an edited finding");
        Assert.InRange(memo.MadeOf("record"), 1, 5);
        Assert.InRange(memo.Made, 6, 30);
        Assert.Equal(1, memo.CatalogsReused);
        Assert.Contains("which analyses", File.ReadAllText(Path.Combine(output, "en/findings/noldus-facereader-ministry-public-security.json")));
        Assert.Contains("which analyses", File.ReadAllText(csv));
        AssertSameAsFullBuild(c, output, "an edited finding");

        // 2. A finding moved to other years: it sorts elsewhere, so the catalogue and facet rows are made again, its record only.
        c.Edit("findings/noldus.yaml", "  years: 2012-2018\n  summary:\n    en: >-\n      Noldus's FaceReader, which analyses",
            "  years: 2011-2018\n  summary:\n    en: >-\n      Noldus's FaceReader, which analyses");
        Build("a finding's years");
        Assert.Equal(1, memo.CatalogsBuilt);
        Assert.InRange(memo.MadeOf("record"), 1, 5);
        Assert.Equal(findings, memo.MadeOf("facets:en"));
        AssertSameAsFullBuild(c, output, "a finding's years");

        // 3. A company's name shows in the facet files (and pages), not in records or citations.
        c.Edit("companies/noldus.en.md", "name: Noldus Information Technology", "name: Noldus IT");
        Build("a company's name");
        Assert.Equal(1, memo.CatalogsBuilt);
        Assert.Equal(0, memo.MadeOf("record"));
        Assert.Equal(0, memo.MadeOf("files:en"));
        Assert.Equal(findings, memo.MadeOf("facets:en"));
        Assert.Contains("Noldus IT", File.ReadAllText(Path.Combine(output, "en/findings/facets.json")));
        AssertSameAsFullBuild(c, output, "a company's name");

        // 4. The site title is in citations and in findings.json. (An edit of site.yaml has every file parsed again, so every
        //    piece is made again; FindingFilesMemoTests show which pieces a changed setting alone makes again.)
        c.Edit("site.yaml", "  en: Out of Control\n", "  en: Out of Control Now\n");
        Build("the site title");
        Assert.Equal(findings, memo.MadeOf("files:en"));
        Assert.Contains("Out of Control Now", File.ReadAllText(Path.Combine(output, "en/findings/noldus-facereader-ministry-public-security/noldus-facereader-ministry-public-security.bib")));
        Assert.Contains("Out of Control Now", File.ReadAllText(Path.Combine(output, "data/findings.json")));
        AssertSameAsFullBuild(c, output, "the site title");

        // 5. The base URL is in every record and citation.
        c.Edit("site.yaml", "base_url: https://out-of-control.example.org/", "base_url: https://example.org/out-of-control/");
        Build("the base URL");
        Assert.Equal(findings, memo.MadeOf("record"));
        Assert.Equal(findings, memo.MadeOf("files:zh"));
        Assert.Contains("https://example.org/out-of-control/en/findings/", File.ReadAllText(Path.Combine(output, "en/findings/noldus-facereader-ministry-public-security.json")));
        AssertSameAsFullBuild(c, output, "the base URL");

        // 6. An added finding (a file of its own): its pieces, and a new catalogue.
        var noldus = File.ReadAllText(c.InputFile("findings/noldus.yaml"));
        var first = noldus[noldus.IndexOf("- id: noldus-facereader-ministry-public-security", StringComparison.Ordinal)..];
        first = first[..first.IndexOf("\n- id:", StringComparison.Ordinal)];
        c.Write("findings/added.yaml", first.Replace("- id: noldus-facereader-ministry-public-security", "- id: noldus-added-for-test", StringComparison.Ordinal) + "\n");
        Build("an added finding");
        Assert.Equal(1, memo.CatalogsBuilt);
        Assert.InRange(memo.MadeOf("record"), 1, 5);
        Assert.True(File.Exists(Path.Combine(output, "zh/findings/noldus-added-for-test/noldus-added-for-test.bib")));
        AssertSameAsFullBuild(c, output, "an added finding");

        // 7. Deleted again: nothing to make, and its files disappear.
        File.Delete(c.InputFile("findings/added.yaml"));
        Build("a deleted finding");
        Assert.Equal(0, memo.MadeOf("record"));
        Assert.False(File.Exists(Path.Combine(output, "en/findings/noldus-added-for-test.json")));
        AssertSameAsFullBuild(c, output, "a deleted finding");
        Assert.True(memo.Reused > 0, Made(session));
    }

    [Fact]
    public void An_edit_inside_a_findings_file_keeps_the_other_findings_and_their_warnings_where_they_are()
    {
        using var c = new CampaignCopy();
        var output = Path.Combine(c.Root, "preview");
        // A warning on the file's last finding, to follow through edits of the first.
        c.Edit("findings/axis.yaml", "  tags: [licence, dual-use-regulation, network-cameras]\n", "  tags: [licence, dual-use-regulation, network-cameras]\n  colour: red\n");
        var session = new BuildSession();
        var first = SiteBuilder.Build(Options(c, output), session);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var warning = Assert.Single(first.Diagnostics, d => d.Code == "CMP004" && d.Message.Contains("colour"));
        var findings = Directory.EnumerateFiles(Path.Combine(output, "en/findings"), "*.json").Count(f => !f.EndsWith("facets.json"));

        // 1. The first finding's summary, same number of lines: every other finding keeps its views, in both languages.
        c.Edit("findings/axis.yaml", "Axis Communications was listed several times", "Axis Communications was listed many times");
        var edited = SiteBuilder.Build(Options(c, output), session);
        Assert.True(edited.Succeeded);
        Assert.Equal(1, session.Documents.Partial); // only the edited finding's lines were parsed
        Assert.Equal(2 * 2 * (findings - 1), session.FindingViews.Reused); // a row and a page, per language
        Assert.Equal(warning.ToString(), Assert.Single(edited.Diagnostics, d => d.Code == "CMP004" && d.Message.Contains("colour")).ToString());
        Assert.Contains("listed many times", File.ReadAllText(Path.Combine(output, "en/findings/axis-recommended-brand-2012-2019/index.html")));
        var listsReusedAfterSummaryEdit = session.FindingViews.ListsReused;
        AssertSameAsFullBuild(c, output, "an edit inside a findings file");

        // 1b. Its title, which the lists show: the lists with its row are remade (and show it), and every other list and
        //     facet page is reused whole. After the summary edit its row read the same, so it stayed the same object and
        //     even those lists were reused.
        c.Edit("findings/axis.yaml", "Axis listed as a \"recommended brand\"", "Axis named a \"recommended brand\"");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        Assert.Contains("Axis named a &quot;recommended brand&quot;", File.ReadAllText(Path.Combine(output, "en/findings/index.html")));
        Assert.Contains("Axis named a &quot;recommended brand&quot;", File.ReadAllText(Path.Combine(output, "en/findings/company/axis/index.html")));
        Assert.InRange(session.FindingViews.ListsReused, 1, listsReusedAfterSummaryEdit - 1);
        AssertSameAsFullBuild(c, output, "a title edit inside a findings file");

        // 2. A line more in the first finding: the findings below it moved, so they are read again and the warning moves too.
        c.Edit("findings/axis.yaml", "  tags: [tenders, network-cameras]\n", "  tags:\n    [tenders, network-cameras]\n");
        var moved = SiteBuilder.Build(Options(c, output), session);
        Assert.True(moved.Succeeded);
        Assert.Equal(0, session.Documents.Partial);
        var now = Assert.Single(moved.Diagnostics, d => d.Code == "CMP004" && d.Message.Contains("colour"));
        Assert.Equal(warning.Location!.Line + 1, now.Location!.Line);
        AssertSameAsFullBuild(c, output, "a finding one line longer");

        // 3. A mistake typed into one finding is reported at its own line, beside the other finding's warning; fixing it recovers.
        const string firstSummary = "  summary:\n    en: >-\n      Between 2012 and 2019 Axis Communications was";
        var yearsLine = File.ReadAllLines(c.InputFile("findings/axis.yaml")).ToList().IndexOf("  years: 2012-2019") + 1;
        c.Edit("findings/axis.yaml", "  years: 2012-2019\n" + firstSummary, "  years: 2012-2099\n" + firstSummary);
        var broken = SiteBuilder.Build(Options(c, output), session);
        Assert.False(broken.Succeeded);
        Assert.Equal(1, session.Documents.Partial);
        var error = Assert.Single(broken.Diagnostics, d => d.IsError);
        Assert.Equal(("CMP024", "findings/axis.yaml", yearsLine), (error.Code, error.Location!.File, error.Location.Line));
        Assert.Single(broken.Diagnostics, d => d.Code == "CMP004" && d.Message.Contains("colour"));
        c.Edit("findings/axis.yaml", "  years: 2012-2099\n", "  years: 2012-2018\n");
        Assert.True(SiteBuilder.Build(Options(c, output), session).Succeeded);
        AssertSameAsFullBuild(c, output, "a fixed finding");
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
