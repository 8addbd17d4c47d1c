using AngleSharp.Html.Parser;
using Campaign.Site;
using Campaign.Tests.Support;

namespace Campaign.Tests.Output;

/// <summary>
/// What the output promises whatever the content: reproducible bytes, relative links that resolve, a strict
/// Content-Security-Policy, nothing from other origins, and content values escaped.
/// </summary>
public sealed class OutputGuaranteeTests(SampleSite site) : IClassFixture<SampleSite>
{
    /// <summary>
    /// Links into /&lt;lang&gt;/findings/ are written by the findings feature (its own issue); until it is merged,
    /// the menu and home page link to pages this branch does not build, so exactly those paths are skipped.
    /// </summary>
    private static bool FindingsPage(string path)
    {
        var parts = path.Split('/');
        return parts.Length > 1 && parts[1] == "findings";
    }

    private IEnumerable<(string Path, AngleSharp.Html.Dom.IHtmlDocument Doc)> Pages()
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return (Path.GetRelativePath(site.Output, file).Replace('\\', '/'), parser.ParseDocument(File.ReadAllText(file)));
    }

    [Fact]
    public void Same_input_gives_byte_identical_output()
    {
        var second = Path.Combine(Path.GetTempPath(), "campaign-again-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = SiteBuilder.Build(new BuildOptions(Repo.Input, second, SampleSite.Now, false, Repo.Theme));
            Assert.True(result.Succeeded);
            var first = OutputSnapshot.Of(site.Output);
            Assert.True(first.Count > 30);
            OutputSnapshot.AssertSame(first, OutputSnapshot.Of(second));
        }
        finally
        {
            if (Directory.Exists(second)) Directory.Delete(second, true);
        }
    }

    [Fact]
    public void Every_internal_link_and_source_is_relative_and_resolves_with_its_anchor()
    {
        var problems = LinkChecker.Check(site.Output, FindingsPage);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Link_checker_finds_a_missing_page_a_missing_anchor_and_a_root_relative_link()
    {
        using var campaign = new TestCampaign("""
            -- pages/about.en.md --
            ---
            title: About
            ---
            [gone](/nowhere/) and [no anchor](/about/#missing)
            """);
        campaign.BuildOk();
        var page = Path.Combine(campaign.Output, "en", "about", "index.html");
        File.AppendAllText(page, """<a href="/en/about/">root</a>""");
        var problems = LinkChecker.Check(campaign.Output);
        Assert.Contains(problems, p => p.Contains("en/nowhere/index.html does not exist"));
        Assert.Contains(problems, p => p.Contains("no id \"missing\""));
        Assert.Contains(problems, p => p.Contains("root-relative href=\"/en/about/\""));
    }

    [Fact]
    public void Every_page_has_a_csp_without_unsafe_inline_and_no_inline_script_or_style()
    {
        foreach (var (path, doc) in Pages())
        {
            var csp = doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");
            Assert.False(csp is null, $"{path} has no CSP");
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Contains("default-src 'self'", csp);
            // The 404 page alone has an inline script (it finds the site's root wherever it is served), allowed by its hash only.
            foreach (var script in doc.QuerySelectorAll("script:not([src])"))
            {
                Assert.Equal("404.html", path);
                var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script.TextContent)));
                Assert.Contains($"script-src 'self' 'sha256-{hash}'", csp);
            }
            Assert.Empty(doc.QuerySelectorAll("style"));
            Assert.Empty(doc.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Nothing_is_loaded_from_another_origin()
    {
        foreach (var (path, doc) in Pages())
        {
            var loaded = doc.QuerySelectorAll("script[src], img[src], source[src], iframe[src], video[src], audio[src]").Select(e => e.GetAttribute("src")!)
                .Concat(doc.QuerySelectorAll("link[href]").Where(l => l.GetAttribute("rel") is not ("alternate" or "canonical")).Select(e => e.GetAttribute("href")!));
            // No exception for the 404 page either: it links by path only, so a mirror's 404 page loads from the mirror.
            foreach (var url in loaded)
                Assert.False(LinkChecker.IsExternal(url) && !url.StartsWith("data:", StringComparison.Ordinal), $"{path} loads {url}");
        }
    }

    [Fact]
    public void Not_found_page_links_under_the_base_path_without_naming_the_host()
    {
        using var campaign = new TestCampaign("-- site.yaml --\n" + TestCampaign.DefaultSite + "\nbase_url: https://campaign.example.org/out-of-control/\n");
        campaign.BuildOk();
        campaign.AssertFile("404.html", """
            href="/out-of-control/assets/theme/css/site.
            href="/out-of-control/en/"
            href="/out-of-control/zh/"
            ! href="https://campaign.example.org/out-of-control/assets
            """);
    }

    [Fact]
    public void Content_values_are_escaped_so_markup_in_front_matter_shows_as_text()
    {
        using var campaign = new TestCampaign("""
            -- updates/x.en.md --
            ---
            title: "<script>alert(1)</script> & co"
            date: 2020-09-21
            kind: news
            summary: "<img src=x onerror=alert(2)>"
            tags: ["<b>tag</b>"]
            ---
            Body <script>alert(3)</script> text.
            """);
        campaign.BuildOk();
        foreach (var page in new[] { "en/updates/x/index.html", "en/updates/index.html", "en/index.html" })
            campaign.AssertFile(page, """
                &lt;script&gt;alert(1)&lt;/script&gt; &amp; co
                ! <script>alert
                ! <img src=x
                """);
        campaign.AssertFile("en/updates/x/index.html", """
            &lt;img src=x onerror=alert(2)&gt;
            &lt;b&gt;tag&lt;/b&gt;
            ! <b>tag
            ! alert(3)</script>
            """);
    }
}
