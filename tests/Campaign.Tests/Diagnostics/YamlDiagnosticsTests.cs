using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Tests.Support;

namespace Campaign.Tests.Diagnostics;

/// <summary>
/// YAML mistakes in plain words, at the place of the mistake (front matter lines counted from the top of the file), each
/// with a hint that names the fix; the YAML library's own English never reaches the campaigner.
/// </summary>
public sealed class YamlDiagnosticsTests
{
    private static Diagnostic BuildFails(string files, string file)
    {
        using var campaign = new TestCampaign(files);
        var run = CliRun.Run("build", "--input", campaign.Input, "--output", campaign.Output, "--theme", Repo.Theme, "--now", "2026-11-25", "--no-pdf");
        Assert.Equal(1, run.ExitCode);
        Assert.False(Directory.Exists(campaign.Output), "a failed build wrote output");
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        var result = campaign.Build();
        var errors = result.Diagnostics.Where(d => d.IsError && d.Location?.File == file).ToList();
        Assert.True(errors.Count == 1, "expected one error in " + file + ", got:\n" + string.Join("\n", result.Diagnostics));
        Assert.Contains(errors[0].ToString(), run.Error, StringComparison.Ordinal);
        return errors[0];
    }

    [Fact]
    public void A_tab_in_front_matter_is_reported_at_its_own_line_and_column()
    {
        var d = BuildFails("""
            -- updates/meeting.en.md --
            ---
            title: Meeting
            date: 2020-09-21
            kind: news
            	companies: [axis]
            ---
            Body.
            """, "updates/meeting.en.md");
        Assert.Equal("updates/meeting.en.md:5:1: error CMP002: A tab is used to indent this line; YAML indents with spaces only. (replace the tab with spaces)", d.ToString());
    }

    [Fact]
    public void A_tab_in_a_data_file_is_reported_at_its_own_line_and_column()
    {
        var d = BuildFails("""
            -- findings/tab.yaml --
            - id: tab-finding
              title:
                en: A finding
                zh: 一项发现
              company: acme
              buyer:
                name:
                  en: Police
              	  type: police
            """, "findings/tab.yaml");
        Assert.Equal(9, d.Location!.Line);
        Assert.Equal(3, d.Location.Column);
        Assert.Equal("CMP002", d.Code);
        Assert.Equal("A tab is used to indent this line; YAML indents with spaces only.", d.Message);
        Assert.Equal("replace the tab with spaces", d.Hint);
    }

    [Fact]
    public void A_tab_inside_a_block_of_text_is_not_blamed_for_a_later_mistake()
    {
        var d = BuildFails("""
            -- updates/meeting.en.md --
            ---
            title: Meeting
            summary: |
              	indented with a tab, which is text here
            date: 2020-09-21: noon
            kind: news
            ---
            Body.
            """, "updates/meeting.en.md");
        Assert.Equal(5, d.Location!.Line);
        Assert.Equal(17, d.Location.Column);
        Assert.Equal("The value of `date` contains `: `, which YAML reads as the start of another field.", d.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opens()
    {
        var d = BuildFails("""
            -- updates/meeting.en.md --
            ---
            title: "Meeting in Brussels
            date: 2020-09-21
            kind: news
            ---
            Body.
            """, "updates/meeting.en.md");
        Assert.Equal("updates/meeting.en.md:2:8: error CMP002: The quote `\"` that opens this value is never closed. (add the closing `\"` at the end of the value, or remove the opening one)", d.ToString());
    }

    [Fact]
    public void A_colon_in_an_unquoted_value_is_explained_with_the_value_quoted()
    {
        var d = BuildFails("""
            -- updates/meeting.en.md --
            ---
            title: Meeting: the results
            date: 2020-09-21
            kind: news
            ---
            Body.
            """, "updates/meeting.en.md");
        Assert.Equal("updates/meeting.en.md:2:15: error CMP002: The value of `title` contains `: `, which YAML reads as the start of another field. (put the whole value in quotes: title: \"Meeting: the results\")", d.ToString());
    }

    [Fact]
    public void A_missing_opening_line_names_the_first_field()
    {
        var d = BuildFails("""
            -- updates/meeting.en.md --
            title: Meeting
            date: 2020-09-21
            kind: news
            ---
            Body.
            """, "updates/meeting.en.md");
        Assert.Equal("updates/meeting.en.md:1: error CMP001: The file has no front matter: its first line is not `---`. (add a line `---` above `title: Meeting`)", d.ToString());
    }

    [Fact]
    public void A_missing_closing_line_is_placed_after_the_last_field()
    {
        var d = BuildFails("""
            -- updates/meeting.en.md --
            ---
            title: Meeting
            date: 2020-09-21
            kind: news

            The meeting took place.
            """, "updates/meeting.en.md");
        Assert.Equal("updates/meeting.en.md:5: error CMP001: The front matter is not closed: there is no `---` line after the fields. (add a line `---` after line 4 (`kind: news`), the last field)", d.ToString());
    }

    [Fact]
    public void A_line_indented_by_mistake_is_named()
    {
        var d = BuildFails("""
            -- updates/meeting.en.md --
            ---
            title: Meeting
             date: 2020-09-21
            kind: news
            ---
            Body.
            """, "updates/meeting.en.md");
        Assert.Equal(3, d.Location!.Line);
        Assert.Equal("This line is indented differently from the fields around it.", d.Message);
        Assert.Contains("`date: 2020-09-21`", d.Hint);
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 2\n")]
    [InlineData("a: {x: 1\nb: 2\n")]
    [InlineData("a: \"x\" y\n")]
    [InlineData("- a\nb: 1\n")]
    [InlineData("a:\n  - 1\n - 2\n")]
    [InlineData("a: 'it''s\nb: 1\n")]
    [InlineData("a: @x\n")]
    [InlineData("a: `x\n")]
    [InlineData("a: 1\n\tb: 2\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: |\n x\n  y\n z: 1\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("a: !!binary x\nb: [\n")]
    [InlineData("%YAML 9\n--- a\n")]
    public void No_message_is_the_yaml_library_s_english(string yaml)
    {
        var diagnostics = new DiagnosticList();
        YamlReader.Parse(yaml, "site.yaml", 0, diagnostics);
        foreach (var d in diagnostics.Sorted())
        {
            Assert.DoesNotContain("While ", d.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("found", d.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("scalar", d.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("token", d.Message, StringComparison.Ordinal);
            Assert.True(d.Location!.Line >= 1, d.ToString());
            Assert.False(string.IsNullOrEmpty(d.Hint), d.ToString());
        }
    }
}
