using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Tests.Support;

namespace Campaign.Tests.Diagnostics;

/// <summary>
/// Every kind of content mistake named in the foundation issue gets a diagnostic with its code, file,
/// line (and column where known), field and a hint, and never an exception.
/// </summary>
public sealed class ContentDiagnosticsTests
{
    private const string GoodUpdate = """
        ---
        title: A good update
        date: 2020-09-21
        kind: news
        ---
        Body.
        """;

    private static Diagnostic Single(BuildResultView result, string code)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got:\n{string.Join("\n", result.Diagnostics)}");
        return matches[0];
    }

    /// <summary>The diagnostics of a build of <paramref name="files"/>.</summary>
    private static BuildResultView BuildOf(string files, Action<TestCampaign>? more = null)
    {
        using var campaign = new TestCampaign(files);
        more?.Invoke(campaign);
        var result = campaign.Build();
        return new BuildResultView(result.Diagnostics, result.Succeeded);
    }

    private sealed record BuildResultView(IReadOnlyList<Diagnostic> Diagnostics, bool Succeeded);

    [Fact]
    public void Invalid_yaml_in_front_matter_is_an_error_at_its_line_and_column()
    {
        var result = BuildOf("""
            -- updates/broken.en.md --
            ---
            title: Broken
            date: 2020-09-21
            kind: [news
            ---
            Body.
            """);
        Assert.False(result.Succeeded);
        var d = Single(result, "CMP002");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("updates/broken.en.md", d.Location!.File);
        // The unclosed list where it opens (line 4, column 7), not where the parser notices it (the closing `---`).
        Assert.Equal(4, d.Location.Line);
        Assert.Equal(7, d.Location.Column);
        Assert.Equal("The `[` opened here is never closed.", d.Message);
        Assert.Contains("close it with `]`", d.Hint);
    }

    [Fact]
    public void Invalid_yaml_in_a_data_file_names_the_file_and_line()
    {
        var result = BuildOf("""
            -- site.yaml --
            title: { en: Test, zh: 测试 }
            default_language: en
            languages:
              - { code: en, name: English, lang: en, dir: ltr }
               - { code: zh, name: 中文, lang: zh-Hans, dir: ltr }
            """);
        Assert.False(result.Succeeded);
        var d = result.Diagnostics.First(d => d.Code == "CMP002");
        Assert.Equal("site.yaml", d.Location!.File);
        Assert.Equal(5, d.Location.Line);
    }

    [Fact]
    public void Unknown_front_matter_field_is_a_warning_naming_the_nearest_field()
    {
        var result = BuildOf("""
            -- updates/typo.en.md --
            ---
            title: Typo
            date: 2020-09-21
            kind: news
            titel: Typo again
            ---
            Body.
            """);
        Assert.True(result.Succeeded);
        var d = Single(result, "CMP004");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(new SourceLocation("updates/typo.en.md", 5, 8), d.Location);
        Assert.Equal("titel", d.Field);
        Assert.Equal("did you mean `title`?", d.Hint);
    }

    [Fact]
    public void Missing_required_field_names_the_field_and_how_to_add_it()
    {
        var result = BuildOf("""
            -- updates/untitled.en.md --
            ---
            date: 2020-09-21
            kind: news
            ---
            Body.
            """);
        Assert.False(result.Succeeded);
        var d = Single(result, "CMP003");
        Assert.Equal("updates/untitled.en.md", d.Location!.File);
        Assert.Equal(2, d.Location.Line);
        Assert.Equal("title", d.Field);
        Assert.Contains("`title:`", d.Hint);
    }

    [Fact]
    public void Invalid_date_is_an_error_at_the_value_with_the_expected_format()
    {
        var result = BuildOf("""
            -- updates/when.en.md --
            ---
            title: When
            date: 21/09/2020
            kind: news
            ---
            Body.
            """);
        var d = Single(result, "CMP006");
        Assert.Equal(new SourceLocation("updates/when.en.md", 3, 7), d.Location);
        Assert.Equal("date", d.Field);
        Assert.Contains("`21/09/2020`", d.Message);
        Assert.Contains("YYYY-MM-DD", d.Hint);
    }

    [Fact]
    public void Impossible_calendar_date_is_invalid_too()
    {
        var result = BuildOf("""
            -- updates/when.en.md --
            ---
            title: When
            date: 2020-02-30
            kind: news
            ---
            Body.
            """);
        Assert.Equal("date", Single(result, "CMP006").Field);
    }

    [Fact]
    public void Unknown_language_suffix_names_the_site_languages()
    {
        var result = BuildOf("-- companies/axis.fr.md --\n" + """
            ---
            name: Axis
            country: Sweden
            summary: Cameras.
            ---
            """);
        Assert.False(result.Succeeded);
        var d = Single(result, "CMP008");
        Assert.Equal("companies/axis.fr.md", d.Location!.File);
        Assert.Contains("`fr`", d.Message);
        Assert.Contains("en, zh", d.Message);
        Assert.Contains("axis.en.md", d.Hint);
    }

    [Fact]
    public void Two_files_claiming_one_url_are_both_named()
    {
        var result = BuildOf($"""
            -- updates/meeting.en.md --
            {GoodUpdate}
            -- updates/other.en.md --
            ---
            title: Another
            date: 2020-09-22
            kind: news
            slug: meeting
            ---
            Body.
            """);
        Assert.False(result.Succeeded);
        var d = Single(result, "CMP018");
        Assert.Contains("updates/meeting.en.md", d.Message);
        Assert.Contains("updates/other.en.md", d.Message);
        Assert.Contains("en/updates/meeting/", d.Message);
        Assert.Equal(new SourceLocation("updates/other.en.md", 5, 7), d.Location);
        Assert.Equal("slug", d.Field);
        Assert.NotNull(d.Hint);
    }

    [Fact]
    public void Reference_to_an_unknown_company_suggests_the_nearest_one()
    {
        var result = BuildOf("""
            -- companies/axis.en.md --
            ---
            name: Axis
            country: Sweden
            summary: Cameras.
            ---
            -- updates/news.en.md --
            ---
            title: News
            date: 2020-09-21
            kind: news
            companies: [axsi]
            ---
            Body.
            """);
        Assert.False(result.Succeeded);
        var d = Single(result, "CMP019");
        Assert.Equal("updates/news.en.md", d.Location!.File);
        Assert.Equal(5, d.Location.Line);
        Assert.Equal("companies", d.Field);
        Assert.Contains("`axsi`", d.Message);
        Assert.StartsWith("did you mean `axis`?", d.Hint);
    }

    [Theory]
    [InlineData("../escape", "`..`")]
    [InlineData("a/b", "slash")]
    [InlineData(@"a\\b", "slash")]
    [InlineData("tab\\tname", "control character")]
    [InlineData(".hidden", "starts with `.`")]
    [InlineData("trailing.", "ends with `.`")]
    public void Slug_that_could_escape_its_folder_is_refused(string slug, string reason)
    {
        var result = BuildOf($"""
            -- updates/news.en.md --
            ---
            title: News
            date: 2020-09-21
            kind: news
            slug: "{slug}"
            ---
            Body.
            """);
        Assert.False(result.Succeeded);
        var d = Single(result, "CMP016");
        Assert.Equal(new SourceLocation("updates/news.en.md", 5, 7), d.Location);
        Assert.Equal("slug", d.Field);
        Assert.Contains(reason, d.Message);
        Assert.DoesNotContain(d.Message, c => char.IsControl(c));
        Assert.Contains("lower-case letters", d.Hint);
    }

    [Fact]
    public void File_that_is_not_utf8_is_an_error_at_the_bad_line()
    {
        var result = BuildOf("", c => c.WriteBytes("updates/latin1.en.md",
            [.. Encoding.ASCII.GetBytes("---\ntitle: Caf"), 0xE9, .. Encoding.ASCII.GetBytes("\ndate: 2020-09-21\nkind: news\n---\n")]));
        Assert.False(result.Succeeded);
        var d = Single(result, "CMP009");
        Assert.Equal(new SourceLocation("updates/latin1.en.md", 2), d.Location);
        Assert.Contains("UTF-8", d.Hint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n")]
    public void Empty_file_is_an_error(string text)
    {
        var result = BuildOf("", c => c.Write("pages/about.en.md", text));
        Assert.False(result.Succeeded);
        var d = Single(result, "CMP011");
        Assert.Equal("pages/about.en.md", d.Location!.File);
        Assert.NotNull(d.Hint);
    }

    [Fact]
    public void Every_error_of_a_build_is_reported_together()
    {
        var result = BuildOf("""
            -- updates/a.en.md --
            ---
            date: 2020-09-21
            kind: news
            ---
            -- updates/b.en.md --
            ---
            title: B
            date: yesterday
            kind: news
            ---
            -- pages/c.fr.md --
            ---
            title: C
            ---
            -- companies/d.en.md --
            ---
            name: D
            ---
            """);
        Assert.False(result.Succeeded);
        var codes = result.Diagnostics.Where(d => d.IsError).Select(d => (d.Code, d.Location!.File)).ToList();
        Assert.Contains(("CMP003", "updates/a.en.md"), codes);
        Assert.Contains(("CMP006", "updates/b.en.md"), codes);
        Assert.Contains(("CMP008", "pages/c.fr.md"), codes);
        Assert.Contains(("CMP003", "companies/d.en.md"), codes);
    }

    [Theory]
    [InlineData("updates/.en.md", "---\ntitle: x\ndate: 2020-09-21\nkind: news\n---\n", "CMP016")]
    [InlineData("updates/b.en.md", "---\n---\n", "CMP003")]
    [InlineData("updates/c.en.md", "---\ntitle: [a, b]\ndate: 2020-09-21\nkind: news\ntags: {a: b}\n---\n", "CMP005")]
    [InlineData("updates/e.en.md", "---\ntitle: x\n", "CMP001")]
    [InlineData("updates/f.en.md", "Just text, no front matter.\n", "CMP001")]
    [InlineData("updates/g.en.md", "---\ntitle: x\ndate: 2020-09-21\nkind: news\n---\n[x](javascript:alert(1))\n", "CMP030")]
    [InlineData("updates/h.en.md", "---\ntitle: x\ndate: 2020-09-21\nkind: rumour\n---\n", "CMP007")]
    [InlineData("updates/i.en.md", "---\ntitle: x\ndate: 2020-09-21\nkind: news\ntitle: y\n---\n", "CMP002")]
    [InlineData("companies/j.en.md", "---\nname: J\ncountry: X\nsummary: y\nresponses: [1, 2]\n---\n", "CMP005")]
    [InlineData("site.yaml", "- a\n- b\n", "CMP002")]
    [InlineData("site.yaml", "", "CMP011")]
    [InlineData("i18n/zh.yaml", "- a\n", "CMP002")]
    public void Hostile_or_broken_input_is_a_diagnostic_in_its_file_never_an_exception(string file, string text, string code)
    {
        var result = BuildOf("", c => c.Write(file, text));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.IsError && d.Location?.File == file);
    }
}
