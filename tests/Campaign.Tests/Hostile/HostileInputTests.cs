using System.Text;
using Campaign.Tests.Support;

namespace Campaign.Tests.Hostile;

/// <summary>
/// Hostile content, as a defaced repository or a careless volunteer would supply it: each case gets a
/// clear diagnostic, and nothing of the payload reaches the output unescaped.
/// </summary>
public sealed class HostileInputTests
{
    private const string Company = """
        -- companies/axis.en.md --
        ---
        name: Axis Communications
        country: Sweden
        summary: Network cameras.
        ---
        Profile.

        """;

    /// <summary>
    /// Every output file that a browser could treat as markup, concatenated, for "appears nowhere" checks.
    /// The CSV download is left out on purpose: it holds the campaign's data exactly as written, so that it
    /// round-trips, and spreadsheets do not run markup (formula cells are neutralised instead).
    /// </summary>
    private static string AllOutput(TestCampaign c) =>
        string.Join("\n", Directory.EnumerateFiles(c.Output, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html") || f.EndsWith(".json") || f.EndsWith(".xml") || f.EndsWith(".txt"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText));

    /// <summary>Parses every page as a browser would and checks no element can run script.</summary>
    private static void AssertNoPayload(TestCampaign c)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var file in Directory.EnumerateFiles(c.Output, "*.html", SearchOption.AllDirectories))
        {
            var doc = parser.ParseDocument(File.ReadAllText(file));
            foreach (var element in doc.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                foreach (var name in new[] { "href", "src", "action", "formaction" })
                {
                    var value = element.GetAttribute(name)?.Trim() ?? "";
                    Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:text", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase), $"{file}: {element.TagName} {name}={value}");
                }
            }
            // the one inline script: the 404 page's, which finds the site's root; it runs only by its hash in the page's own policy
            var policy = doc.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content") ?? "";
            Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") && s.TextContent.Length == 0
                || Path.GetFileName(file) == "404.html" && policy.Contains("'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s.TextContent))) + "'", StringComparison.Ordinal),
                $"{file}: inline script"));
            Assert.Empty(doc.QuerySelectorAll("iframe, object, embed, form:not([role=search])"));
        }
        Assert.DoesNotContain("<script>alert", AllOutput(c));
    }

    private static void AssertDiagnostic(Campaign.Site.BuildResult result, string code, string fileFragment, string messageFragment)
    {
        Assert.Contains(result.Diagnostics, d => d.Code == code && (d.Location?.File ?? "").Contains(fileFragment) && d.Message.Contains(messageFragment));
    }

    [Fact]
    public void Script_and_event_handlers_in_markdown_are_removed_and_reported()
    {
        using var c = new TestCampaign(Company + """
            -- pages/about.en.md --
            ---
            title: About
            ---
            Hello <script>alert(1)</script> and <img src="x.png" onerror="alert(2)" alt="x">.

            <div onclick="alert(3)">click</div>

            <iframe src="https://evil.example/"></iframe>
            """);
        var result = c.BuildOk();
        AssertDiagnostic(result, "CMP032", "pages/about.en.md", "<script>");
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP032" && d.Message.Contains("onerror"));
        AssertNoPayload(c);
        c.AssertFile("en/about/index.html", "Hello\n<div>click</div>");
    }

    [Fact]
    public void Markup_in_front_matter_is_escaped_and_reported()
    {
        using var c = new TestCampaign(Company + """
            -- updates/x.en.md --
            ---
            title: "<script>alert(1)</script> News"
            date: 2020-09-21
            kind: news
            summary: "<img src=x onerror=alert(1)>"
            ---
            Body.
            """);
        var result = c.BuildOk();
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP033" && d.Field == "title" && d.Location!.Line == 2);
        AssertNoPayload(c);
        c.AssertFile("en/updates/x/index.html", "&lt;script&gt;alert(1)&lt;/script&gt; News");
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "javascript:alert(1)")]
    [InlineData("[click](JAVASCRIPT:alert(1))", "JAVASCRIPT:alert(1)")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64")]
    [InlineData("<https://ok.example/> and [x](vbscript:msgbox)", "vbscript:msgbox")]
    public void Dangerous_link_schemes_in_markdown_are_errors(string markdown, string shown)
    {
        using var c = new TestCampaign(Company + $"""
            -- pages/about.en.md --
            ---
            title: About
            ---
            Intro line.

            {markdown}
            """);
        var result = c.Build();
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP030");
        Assert.Equal("pages/about.en.md", d.Location!.File);
        Assert.Equal(6, d.Location.Line);
        Assert.Contains(shown[..Math.Min(shown.Length, 40)], d.Message);
        Assert.False(Directory.Exists(c.Output));
    }

    [Fact]
    public void Script_in_csv_cells_and_vocabulary_labels_is_escaped()
    {
        using var c = new TestCampaign(Company + """
            -- vocabularies.yaml --
            technology:
              cameras: { en: "<script>alert(1)</script>Cameras", zh: 摄像头 }
            buyer_type:
              police: { en: Police, zh: 公安 }
            licence_status:
              unknown: { en: Unknown, zh: 未知 }
            update_kind:
              news: { en: News, zh: 新闻 }
            response_status:
              responded: { en: Responded, zh: 已回应 }
            -- findings/f.csv --
            id,title_en,title_zh,company,product_en,product_zh,technology,buyer_name_en,buyer_name_zh,buyer_type,country_en,country_zh,years,summary_en,summary_zh,licence,source1_title,source1_url,reviewed
            f-1,"<img src=x onerror=alert(1)>",标题,axis,Cam,摄像头,cameras,Bureau,局,police,China,中国,2015,"Sold <script>alert(1)</script>",出售,unknown,Report,https://example.org/r,2020-01-01
            """);
        var result = c.BuildOk();
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP033" && d.Location!.File == "findings/f.csv" && d.Field == "title_en" && d.Location.Line == 2);
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP033" && d.Location!.File == "vocabularies.yaml");
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP032" && d.Location!.File == "findings/f.csv");
        AssertNoPayload(c);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("ftp://example.org/x")]
    public void Sources_must_be_web_addresses(string url)
    {
        using var c = new TestCampaign(Company + $$"""
            -- findings/f.yaml --
            id: f-1
            title: { en: T, zh: 标题 }
            company: axis
            product: { en: Cam, zh: 摄像头 }
            technology: network-cameras
            buyer: { name: { en: B, zh: 局 }, type: police }
            country: { en: China, zh: 中国 }
            years: 2015
            summary: { en: S, zh: 概述 }
            licence: unknown
            sources:
              - title: Report
                url: "{{url}}"
            reviewed: 2020-01-01
            """);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP023");
        Assert.Equal(13, d.Location!.Line);
        Assert.Equal("sources[1].url", d.Field);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../b")]
    [InlineData("a\\b")]
    [InlineData("dots..")]
    public void Path_traversal_in_slugs_is_refused(string slug)
    {
        using var c = new TestCampaign($"""
            -- pages/about.en.md --
            ---
            title: About
            slug: "{slug.Replace("\\", "\\\\")}"
            ---
            Text.
            """);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP016");
        Assert.Equal("slug", d.Field);
        Assert.Equal(3, d.Location!.Line);
        Assert.False(Directory.Exists(c.Output));
        Assert.False(File.Exists(Path.Combine(c.Root, "escape", "index.html")));
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("letters/missing.pdf")]
    public void Response_documents_must_be_existing_assets(string path)
    {
        using var c = new TestCampaign($"""
            -- companies/axis.en.md --
            ---
            name: Axis
            country: Sweden
            summary: Cameras.
            responses:
              - status: responded
                document: "{path}"
            ---
            Profile.
            """);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP034");
        Assert.Equal(7, d.Location!.Line);
    }

    [Fact]
    public void Csv_formula_cells_are_kept_as_text_in_pages()
    {
        using var c = new TestCampaign(Company + """
            -- findings/f.csv --
            id,title_en,title_zh,company,product_en,product_zh,technology,buyer_name_en,buyer_name_zh,buyer_type,country_en,country_zh,years,summary_en,summary_zh,licence,source1_title,source1_url,reviewed
            f-1,"=HYPERLINK(""http://evil.example"",""x"")",标题,axis,Cam,摄像头,network-cameras,Bureau,局,police,China,中国,2015,S,概述,unknown,Report,https://example.org/r,2020-01-01
            """);
        c.BuildOk();
        Assert.DoesNotContain("<a href=\"http://evil.example", AllOutput(c));
    }

    [Fact]
    public void Byte_order_marks_are_accepted_and_invalid_utf8_is_reported_with_its_line()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        using var c = new TestCampaign("");
        c.WriteBytes("pages/about.en.md", [.. bom, .. Encoding.UTF8.GetBytes("---\ntitle: About\n---\nText.\n")]);
        c.BuildOk();
        c.AssertFile("en/about/index.html", "<h1>About</h1>");

        c.WriteBytes("pages/bad.en.md", [.. Encoding.UTF8.GetBytes("---\ntitle: Bad\n---\nline four\n"), 0xC3, 0x28, .. "\n"u8.ToArray()]);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP009");
        Assert.Equal(5, d.Location!.Line);
    }

    [Fact]
    public void Yaml_alias_bombs_and_deep_nesting_end_quickly_with_a_diagnostic()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
            bomb.Append($"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat("*" + (char)('a' + i - 1), 9))}]\n");
        var deep = new string('[', 5000) + new string(']', 5000);
        using var c = new TestCampaign("");
        c.Write("vocabularies.yaml", bomb.ToString());
        c.Write("findings/deep.yaml", "id: " + deep + "\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = c.Build();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP002" && d.Location!.File == "vocabularies.yaml" && d.Message.Contains("aliases"));
        Assert.Contains(result.Diagnostics, d => d.Code == "CMP002" && d.Location!.File == "findings/deep.yaml" && d.Message.Contains("nested deeper"));
    }

    [Fact]
    public void Huge_files_are_refused_without_being_read()
    {
        using var c = new TestCampaign("");
        var path = Path.Combine(c.Input, "pages", "huge.en.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var f = File.Create(path)) f.SetLength(21L * 1024 * 1024);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP010");
        Assert.Equal("pages/huge.en.md", d.Location!.File);
    }

    [Fact]
    public void Duplicate_keys_are_errors()
    {
        using var c = new TestCampaign("""
            -- pages/about.en.md --
            ---
            title: About
            title: Again
            ---
            Text.
            """);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP002");
        Assert.Equal(3, d.Location!.Line);
        Assert.Contains("appears twice", d.Message);
    }

    [Theory]
    [InlineData("axis\u202Egnp")]
    [InlineData("axis\u200B")]
    [InlineData("ax\u200Dis")]
    public void Invisible_and_bidi_characters_in_ids_are_refused(string id)
    {
        using var c = new TestCampaign(Company + $$"""
            -- findings/f.yaml --
            id: "{{id}}"
            title: { en: T, zh: 标题 }
            company: axis
            product: { en: Cam, zh: 摄像头 }
            technology: network-cameras
            buyer: { name: { en: B, zh: 局 }, type: police }
            country: { en: China, zh: 中国 }
            years: 2015
            summary: { en: S, zh: 概述 }
            licence: unknown
            sources:
              - { title: Report, url: "https://example.org/" }
            reviewed: 2020-01-01
            """);
        var result = c.Build();
        var d = Assert.Single(result.Diagnostics, d => d.Code == "CMP016");
        Assert.Contains("U+", d.Message);
        Assert.DoesNotContain('\u202E', d.ToString());
    }
}
