using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Characters XML and the HTML sanitiser refuse (a vertical tab pasted from Word, NUL and other C0 controls,
/// noncharacters such as U+FFFE): each is removed where the file is decoded, with a warning at its line and
/// column, so the build finishes and no feed or page carries it.
/// </summary>
public sealed class CharacterTests
{
    private static string Update(string title, string body) => $"""
        -- updates/meeting.en.md --
        ---
        title: "{title}"
        date: 2020-09-21
        kind: news
        summary: A meeting.
        ---
        {body}
        """;

    /// <summary>Every file a browser or feed reader parses, concatenated.</summary>
    private static string AllOutput(TestCampaign c) =>
        string.Join("\n", Directory.EnumerateFiles(c.Output, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html") || f.EndsWith(".json") || f.EndsWith(".xml"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText));

    [Fact]
    public void A_vertical_tab_in_an_update_title_and_body_is_removed_with_its_line_and_column()
    {
        using var c = new TestCampaign(Update("Brussels\vmeeting", "We met\vthe minister."));
        var result = c.BuildOk();
        var warnings = result.Diagnostics.Where(d => d.Code == "CMP134").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, d => Assert.Equal("updates/meeting.en.md", d.Location?.File));
        Assert.Equal((2, 17), (warnings[0].Location!.Line, warnings[0].Location!.Column));
        Assert.Equal((7, 7), (warnings[1].Location!.Line, warnings[1].Location!.Column));
        Assert.Contains("U+000B (a vertical tab)", warnings[0].Message);
        Assert.False(warnings[0].IsError);
        c.AssertFile("en/updates/meeting/index.html", "Brusselsmeeting\nWe metthe minister.");
        Assert.DoesNotContain('\v', AllOutput(c));
    }

    [Fact]
    public void Nul_and_other_controls_and_noncharacters_in_a_body_are_removed()
    {
        using var c = new TestCampaign(Update("Meeting", "A\0B\u0001C\u001BD and \uFFFE, \uFFFF, \uFDD0 and \U0010FFFF.\n"));
        var result = c.BuildOk();
        var warnings = result.Diagnostics.Where(d => d.Code == "CMP134").ToList();
        // the first five are listed, the other two are counted at the first of them
        Assert.Equal(6, warnings.Count);
        Assert.Contains(warnings, d => d.Message.Contains("U+0000 (the null character)") && d.Location == new SourceLocation("updates/meeting.en.md", 7, 2));
        Assert.Contains(warnings, d => d.Message.Contains("U+FFFE (a noncharacter)"));
        Assert.Contains(warnings, d => d.Message.StartsWith("2 more characters") && d.Location?.Column == 19);
        c.AssertFile("en/updates/meeting/index.html", "ABCD and , ,  and .");
        var all = AllOutput(c);
        Assert.DoesNotContain('\0', all);
        Assert.DoesNotContain('\uFFFE', all);
    }

    [Fact]
    public void Character_references_to_controls_in_a_body_do_not_reach_the_feed_or_the_page()
    {
        using var c = new TestCampaign(Update("Meeting", "Tab&#11;bed, &#0; and &#xFFFE; and &#x1F600;.\n"));
        c.BuildOk();
        var all = AllOutput(c);
        Assert.DoesNotContain('\v', all);
        Assert.DoesNotContain('\0', all);
        Assert.DoesNotContain('\uFFFE', all);
        c.AssertFile("en/updates/feed.xml", "Tab");
    }

    [Fact]
    public void Controls_in_yaml_csv_and_i18n_files_are_caught_where_they_are_decoded()
    {
        foreach (var file in new[] { "site.yaml", "findings/x.csv", "i18n/en.yaml" })
        {
            var diagnostics = new DiagnosticList();
            var text = TextFile.Decode(Encoding.UTF8.GetBytes("a: b\nc: d\ve\u0007\n"), file, diagnostics);
            Assert.Equal("a: b\nc: de\n", text);
            Assert.Equal([new SourceLocation(file, 2, 5), new SourceLocation(file, 2, 7)],
                diagnostics.Sorted().Where(d => d.Code == "CMP134").Select(d => d.Location));
        }
    }

    [Fact]
    public void Tabs_newlines_and_paired_astral_characters_are_left_alone()
    {
        var diagnostics = new DiagnosticList();
        var text = TextFile.Decode(Encoding.UTF8.GetBytes("a\tb\r\nc 😀 人\n"), "pages/x.en.md", diagnostics);
        Assert.Equal("a\tb\nc 😀 人\n", text);
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void A_lone_surrogate_is_removed()
    {
        var diagnostics = new DiagnosticList();
        Assert.Equal("ab", TextFile.RemoveForbidden("a\uD800b", "site.yaml", diagnostics));
        Assert.Contains(diagnostics.Sorted(), d => d.Code == "CMP134" && d.Message.Contains("U+D800") && d.Location == new SourceLocation("site.yaml", 1, 2));
    }

    [Theory]
    [InlineData(@"Brussels\vmeeting")]
    [InlineData(@"a\0b")]
    [InlineData(@"bell\u0007")]
    [InlineData(@"not\uFFFEa character")]
    public void An_escape_in_a_quoted_value_that_decodes_to_a_forbidden_character_is_an_error_at_the_value(string title)
    {
        // The file holds only printable characters; the YAML escape makes the control character, past the decoder's check.
        using var c = new TestCampaign(Update(title, "Body."));
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("CMP137", d.Code);
        Assert.Equal(new SourceLocation("updates/meeting.en.md", 2, 8), d.Location);
        Assert.Equal("title", d.Field);
        Assert.Contains("delete the escape", d.Hint);
        Assert.DoesNotContain(result.Diagnostics, x => x.Code == "CMP130");
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void An_escaped_control_character_in_a_slug_is_refused_at_the_slug()
    {
        using var c = new TestCampaign("""
            -- updates/news.en.md --
            ---
            title: News
            date: 2020-09-21
            kind: news
            slug: "bell\u0007"
            ---
            Body.
            """);
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP137");
        Assert.Equal(new SourceLocation("updates/news.en.md", 5, 7), d.Location);
        Assert.Equal("slug", d.Field);
        Assert.False(Directory.Exists(c.Output));
    }
}
