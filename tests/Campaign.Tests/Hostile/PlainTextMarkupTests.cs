using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// CMP033 covers every plain-text value the docs name (i18n strings, tags, products, authors), and CMP032 points
/// at the line of the raw HTML it removed, not at the body's first line.
/// </summary>
public sealed class PlainTextMarkupTests
{
    [Fact]
    public void Markup_in_tags_products_and_authors_is_reported_at_its_line_and_escaped()
    {
        using var c = new TestCampaign("""
            -- companies/axis.en.md --
            ---
            name: Axis
            country: Sweden
            summary: Cameras.
            products:
              - Q1615
              - "<img src=x onerror=alert(1)>"
            ---
            Profile.
            -- updates/x.en.md --
            ---
            title: News
            date: 2020-09-21
            kind: news
            tags: ["<script>alert(1)</script>", ok]
            ---
            Body.
            -- reports/r.en.md --
            ---
            title: Report
            date: 2020-09-21
            summary: About.
            authors:
              - "<b>Ann</b>"
            ---
            ## One
            """);
        var result = c.BuildOk();
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP033" && d.Location!.File == "companies/axis.en.md" && d.Location.Line == 7);
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP033" && d.Location!.File == "updates/x.en.md" && d.Location.Line == 5);
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP033" && d.Location!.File == "reports/r.en.md" && d.Location.Line == 6);
        foreach (var (path, text) in HostileOutput.Files(c).Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) || f.Path.EndsWith(".xml", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("<script>alert", text);
            Assert.DoesNotContain("<img src=x", text);
            Assert.DoesNotContain("<b>Ann", text);
        }
    }

    [Fact]
    public void Markup_in_an_i18n_string_is_reported_at_its_line()
    {
        using var c = new TestCampaign("");
        var path = Path.Combine(c.Input, "i18n", "zh.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var index = lines.FindIndex(l => l.StartsWith("skip_to_content:", StringComparison.Ordinal));
        Assert.True(index >= 0, "i18n/zh.yaml has no skip_to_content");
        lines[index] = "skip_to_content: \"<img src=x onerror=alert(1)>\"";
        File.WriteAllLines(path, lines);
        var result = c.BuildOk();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP033");
        Assert.Equal("i18n/zh.yaml", d.Location!.File);
        Assert.Equal(index + 1, d.Location.Line);
        c.AssertFile("zh/index.html", "&lt;img src=x onerror=alert(1)&gt;\n! <img src=x");
    }

    [Fact]
    public void Removed_raw_html_is_reported_at_its_own_line()
    {
        using var c = new TestCampaign("""
            -- pages/about.en.md --
            ---
            title: About
            ---
            First paragraph.

            Second paragraph.

            A <span onclick="alert(1)">click</span> here.

            <script>alert(2)</script>
            """);
        var result = c.BuildOk();
        var handler = Assert.Single(result.Diagnostics, d => d.Code == "CMP032" && d.Message.Contains("onclick"));
        Assert.Equal(new Campaign.Core.Diagnostics.SourceLocation("pages/about.en.md", 8, 3), handler.Location);
        var script = Assert.Single(result.Diagnostics, d => d.Code == "CMP032" && d.Message.Contains("<script>"));
        Assert.Equal(10, script.Location!.Line);
        c.AssertFile("en/about/index.html", "<span>click</span>\n! alert(");
    }
}
