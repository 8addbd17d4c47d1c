using System.Text.Json;
using Campaign.Tests.Support;

namespace Campaign.Tests.Workflow;

/// <summary><c>campaign new</c> and <c>campaign translations</c>: files written, refusals, statuses and exit codes.</summary>
public sealed class NewAndTranslationsTests
{
    private const string Update = """
        -- companies/acme.en.md --
        ---
        name: Acme
        country: France
        summary: Makes cameras.
        ---
        Profile.
        -- updates/vote.en.md --
        ---
        title: The vote
        date: 2021-03-25
        kind: news
        ---
        Parliament voted.
        -- updates/vote.zh.md --
        ---
        title: 投票
        date: 2021-03-25
        kind: news
        ---
        议会投票了。
        """;

    private static CliRun Run(TestCampaign c, params string[] args) => CliRun.Run([.. args, "--input", c.Input, "--now", "2026-11-25"]);

    [Theory]
    [InlineData("update", "updates/briefing.en.md", "kind: news")]
    [InlineData("company", "companies/briefing.en.md", "responses: []")]
    [InlineData("report", "reports/briefing.en.md", "summary: ")]
    [InlineData("page", "pages/briefing.en.md", "# menu: 5")]
    [InlineData("finding", "findings/briefing.yaml", "id: briefing")]
    public void New_writes_a_commented_file_that_builds_and_prints_its_path(string kind, string file, string field)
    {
        using var c = new TestCampaign(Update);
        // A finding's company is left empty (an error) unless --company names it; TemplateMarkerTests covers the empty one.
        var run = kind == "finding" ? Run(c, "new", kind, "briefing", "--company", "acme") : Run(c, "new", kind, "briefing");
        Assert.True(run.ExitCode == 0, run.Error);
        var path = Path.Combine(c.Input, file);
        Assert.Equal(path, run.Out.Split('\n')[0].Trim());
        var text = File.ReadAllText(path);
        Assert.Contains(field, text);
        // every field line carries a comment saying what it is
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && char.IsAsciiLetterLower(l[0]) && l.Contains(':')))
            Assert.True(line.Contains(" # ", StringComparison.Ordinal), $"{file}: `{line}` has no comment");
        var build = c.Build();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
    }

    [Fact]
    public void New_refuses_to_overwrite_with_exit_1()
    {
        using var c = new TestCampaign(Update);
        var before = File.ReadAllText(Path.Combine(c.Input, "updates/vote.en.md"));
        var run = Run(c, "new", "update", "vote");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("campaign new: updates/vote.en.md already exists; campaign new never overwrites a file.", run.Error);
        Assert.Equal(before, File.ReadAllText(Path.Combine(c.Input, "updates/vote.en.md")));
        Assert.Equal(1, Run(c, "new", "update", "vote", "--lang", "zh").ExitCode);
        Assert.Equal(2, Run(c, "new", "leaflet", "x").ExitCode);
    }

    [Fact]
    public void A_translation_copies_the_source_and_records_its_hash_until_the_source_changes()
    {
        using var c = new TestCampaign(Update);
        var run = Run(c, "new", "--lang", "zh", "companies/acme.en.md");
        Assert.True(run.ExitCode == 0, run.Error);
        var translation = File.ReadAllText(Path.Combine(c.Input, "companies/acme.zh.md"));
        Assert.Contains("name: Acme", translation);
        Assert.Contains("Profile.", translation);
        Assert.Matches("translated_from: [0-9a-f]{64}", translation);
        Assert.Contains("\nuntranslated: true ", translation);
        Assert.True(c.Build().Succeeded);

        var json = JsonDocument.Parse(Run(c, "translations", "--format", "json").Out);
        string Status(string lang, string id) => json.RootElement.EnumerateArray()
            .First(r => r.GetProperty("language").GetString() == lang && r.GetProperty("id").GetString() == id).GetProperty("status").GetString()!;
        // The untouched copy is not a translation until the translator translates it and deletes the marker.
        Assert.Equal("untranslated", Status("zh", "companies/acme"));
        var translated = string.Join("\n", translation.Split('\n').Where(l => !l.StartsWith("untranslated:", StringComparison.Ordinal)))
            .Replace("summary: Makes cameras.", "summary: 制造摄像头。").Replace("Profile.", "简介。");
        File.WriteAllText(Path.Combine(c.Input, "companies/acme.zh.md"), translated);
        json = JsonDocument.Parse(Run(c, "translations", "--format", "json").Out);
        Assert.Equal("translated", Status("zh", "companies/acme"));

        File.AppendAllText(Path.Combine(c.Input, "companies/acme.en.md"), "\nA new paragraph.\n");
        json = JsonDocument.Parse(Run(c, "translations", "--format", "json").Out);
        Assert.Equal("out-of-date", Status("zh", "companies/acme"));
        Assert.Equal("unverified", Status("zh", "updates/vote"));
        Assert.Equal("source", Status("en", "companies/acme"));

        Assert.Equal(1, Run(c, "translations", "--strict").ExitCode);
        var mark = Run(c, "translations", "--mark-current", "companies/acme.zh.md");
        Assert.Equal(0, mark.ExitCode);
        Assert.Contains("Marked companies/acme.zh.md as translated from the current companies/acme.en.md", mark.Out);
        json = JsonDocument.Parse(Run(c, "translations", "--format", "json").Out);
        Assert.Equal("translated", Status("zh", "companies/acme"));
        Assert.Equal(0, Run(c, "translations", "--strict").ExitCode);
    }

    [Fact]
    public void Translations_lists_missing_pages_and_finding_fields_in_table_and_csv()
    {
        using var c = new TestCampaign(Update + "\n" + """
            -- pages/about.en.md --
            ---
            title: About
            ---
            Us.
            -- findings/acme.yaml --
            id: acme-one
            title: { en: Acme sale }
            company: acme
            product: { en: Camera, zh: 摄像头 }
            technology: network-cameras
            buyer: { name: { en: A police bureau, zh: 某公安局 }, type: police }
            country: { en: China, zh: 中国 }
            years: 2015
            summary: { en: A sale., zh: 一次销售。 }
            licence: unknown
            sources:
              - title: A news article
                url: https://example.org/article
            reviewed: 2026-11-01
            """);
        var table = Run(c, "translations");
        Assert.Equal(0, table.ExitCode);
        OutputAssert.Contains(table.Out, """
            中文 (zh): 
            missing      finding     acme-one                                 no zh value for title
            missing      page        pages/about                              campaign new --lang zh pages/about.en.md
            translations are missing, untranslated or out of date.
            """, "stdout");
        var csv = Run(c, "translations", "--format", "csv").Out.Split('\n');
        Assert.Equal("language,kind,id,file,status,source,detail", csv[0].TrimEnd('\r'));
        Assert.Contains(csv, l => l.StartsWith("zh,page,pages/about,,missing,pages/about.en.md,", StringComparison.Ordinal));
        Assert.Equal(1, Run(c, "translations", "--strict").ExitCode);
    }
}
