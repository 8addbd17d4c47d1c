using Campaign.Core.Markdown;
using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Markdown past Markdig's nesting limit, and Markdown whose cost grows faster than its length (deeply nested raw
/// HTML, thousands of identical headings): each is an error at its file and line, found before Markdig runs, and
/// nothing is written. The time bound is asserted through the limit's diagnostic, not the clock.
/// </summary>
public sealed class MarkdownLimitTests
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    /// <summary>A page whose body starts on line 4, with an ordinary paragraph first so the bad line is line 6.</summary>
    private static TestCampaign Page(string body) => new($"""
        -- pages/deep.en.md --
        ---
        title: Deep
        ---
        An ordinary paragraph.

        {body}
        """);

    public static TheoryData<string, string, int, string> Cases => new()
    {
        { "block quotes 128 deep", Repeat(">", 128) + " x", 1, "CMP131" },
        { "a list 100,000 deep", Repeat("- ", 100_000) + "x", 1, "CMP131" },
        { "a list nested by indentation 63 deep", string.Join("\n", Enumerable.Range(0, 63).Select(i => new string(' ', i * 2) + "- x")), 33, "CMP131" },
        { "50,000 nested emphasis markers", Repeat("*a ", 50_000) + "x" + Repeat(" a*", 50_000), 1, "CMP131" },
        { "a run of 50,000 stars", Repeat("*", 50_000) + "x" + Repeat("*", 50_000), 1, "CMP131" },
        { "50,000 nested brackets", Repeat("[", 50_000) + "x" + Repeat("]", 50_000), 1, "CMP131" },
        { "![ nested 50,000 times", Repeat("![", 50_000) + "x" + Repeat("](y)", 50_000), 1, "CMP131" },
        { "100,000 nested div", Repeat("<div>", 100_000) + "x" + Repeat("</div>", 100_000), 1, "CMP132" },
        { "25,000 unclosed div on their own lines", Repeat("<div>\n", 25_000) + "x", MarkdownLimits.MaxHtmlDepth + 1, "CMP132" },
        { "11,000 raw HTML tags one after another", Repeat("<span>x</span>", 5_500), 1, "CMP132" },
        { "20,000 identical headings", Repeat("## Same\n\n", 20_000), 2 * MarkdownLimits.MaxHeadings + 1, "CMP133" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_past_a_limit_is_an_error_at_its_line_and_nothing_is_written(string what, string body, int lineInBody, string code)
    {
        using var c = Page(body);
        var result = c.Build();
        Assert.False(result.Succeeded, what);
        var d = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, d.Code);
        Assert.Equal("pages/deep.en.md", d.Location?.File);
        Assert.Equal(5 + lineInBody, d.Location?.Line);
        Assert.NotNull(d.Hint);
        Assert.False(Directory.Exists(c.Output), "nothing may be written from a broken input");
    }

    [Fact]
    public void Markdown_within_the_limits_builds()
    {
        using var c = Page(string.Join("\n", [
            Repeat(">", MarkdownLimits.MaxBlockDepth) + " quoted",
            "",
            Repeat("*a ", MarkdownLimits.MaxInlineDepth) + "x" + Repeat(" a*", MarkdownLimits.MaxInlineDepth),
            "",
            Repeat("<div>", MarkdownLimits.MaxHtmlDepth) + "inside" + Repeat("</div>", MarkdownLimits.MaxHtmlDepth),
            "",
            "Brackets in code are not nesting: `" + Repeat("[", 200) + "`",
            "",
            "```",
            Repeat("[", 200) + Repeat("<div>", 200),
            "```",
            "",
            Repeat("## Same\n\n", 50),
        ]));
        var result = c.BuildOk();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CMP131" or "CMP132" or "CMP133");
        c.AssertFile("en/deep/index.html", """
            quoted
            inside
            id="same-49"
            """);
    }
}
