using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Campaign.Tests.Support;

namespace Campaign.Tests.Trust;

/// <summary>
/// Every built page passes the html-validate checker (npm, the `standard` preset: what the HTML
/// standard requires), every feed is valid Atom (RFC 4287's grammar, by jing) and the sitemap valid against the
/// sitemaps.org schema (by .NET's XSD validator); both schemas are in Trust/Schemas.
/// The checker is installed into tests/tools on first use from its lock file.
/// </summary>
public sealed class HtmlValidationTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly string Tools = Repo.Path_("tests", "tools");

    internal static (int Code, string Output) Run(string file, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The html-validate command, installed into tests/tools on first use; skips the test without node.</summary>
    internal static string Validator()
    {
        RequiredTools.RequireOnPath("node", "nodejs");
        var bin = Path.Combine(Tools, "node_modules", ".bin", "html-validate");
        if (!File.Exists(bin))
        {
            RequiredTools.RequireOnPath("npm", "npm"); // html-validate is installed from npm on first use
            var (code, output) = Run("npm", ["ci", "--no-audit", "--no-fund"], Tools);
            Assert.True(code == 0, "npm ci in tests/tools failed:\n" + output);
        }
        return bin;
    }

    [Fact]
    public void Every_page_passes_the_html_validator()
    {
        var validator = Validator();
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(pages);
        var (code, output) = Validate(validator, pages, site.Output);
        Assert.True(code == 0, $"html-validate found errors in the built site:\n{output}");
    }

    /// <summary>Runs html-validate with the project's configuration over <paramref name="pages"/>.</summary>
    internal static (int Code, string Output) Validate(string validator, string[] pages, string root) =>
        Run(validator, ["--config", Path.Combine(Tools, ".htmlvalidaterc.json"), "--formatter", "text", .. pages], root);

    private static readonly string Schemas = Repo.Path_("tests", "Campaign.Tests", "Trust", "Schemas");

    /// <summary>Runs jing (Debian's RELAX NG validator, installed by .ci/run) with the Atom grammar over some files.</summary>
    private static (int Code, string Output) Jing(params string[] files)
    {
        RequiredTools.Require(RequiredTools.Jing, "jing default-jre-headless");
        var (code, output) = Run(RequiredTools.Jing, ["-c", Path.Combine(Schemas, "atom.rnc"), .. files], Schemas);
        // Debian's wrapper warns about optional jars it does not need; keep only the validator's own lines.
        return (code, string.Join("\n", output.Split('\n').Where(l => !l.StartsWith("[warning]", StringComparison.Ordinal))));
    }

    [Fact]
    public void Every_feed_is_valid_against_the_Atom_grammar_of_RFC_4287()
    {
        var feeds = Directory.EnumerateFiles(site.Output, "*.xml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "sitemap.xml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, feeds.Length); // updates and press releases, in each language
        var (code, output) = Jing(feeds);
        Assert.True(code == 0, "a feed is not valid Atom:\n" + output);
    }

    [Fact]
    public void The_Atom_grammar_rejects_what_RFC_4287_forbids()
    {
        var feed = File.ReadAllText(site.Path_("en/updates/feed.xml"));
        var dir = Directory.CreateTempSubdirectory("campaign-atom-").FullName;
        try
        {
            var broken = new Dictionary<string, string>
            {
                ["two-titles.xml"] = ReplaceFirst(feed, "<title>", "<title>again</title><title>"),
                ["no-id.xml"] = ReplaceFirst(feed, feed[feed.IndexOf("<id>", StringComparison.Ordinal)..(feed.IndexOf("</id>", StringComparison.Ordinal) + 5)], ""),
                ["bad-date.xml"] = ReplaceFirst(feed, "<updated>", "<updated>9 September ").Replace("Z</updated>", "</updated>"),
                ["bad-type.xml"] = feed.Replace("<summary>", "<summary type=\"markdown\">"),
            };
            foreach (var (name, text) in broken)
            {
                File.WriteAllText(Path.Combine(dir, name), text);
                var (code, output) = Jing(Path.Combine(dir, name));
                Assert.True(code != 0, name + " passed the Atom grammar");
                Assert.Contains("error", output);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, old);
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    private static List<string> SitemapErrors(string path)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add("http://www.sitemaps.org/schemas/sitemap/0.9", Path.Combine(Schemas, "sitemap.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(path, settings);
        while (reader.Read()) { }
        return errors;
    }

    [Fact]
    public void The_sitemap_is_valid_against_the_sitemap_schema()
    {
        Assert.Empty(SitemapErrors(site.Path_("sitemap.xml")));
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var map = XDocument.Load(site.Path_("sitemap.xml")).Root!;
        // A page's other languages are in its head, not repeated here.
        var en = map.Elements(sitemap + "url").Single(u => u.Element(sitemap + "loc")!.Value.EndsWith("/en/about/", StringComparison.Ordinal));
        Assert.Equal(["loc"], en.Elements().Select(e => e.Name.LocalName));

        // And the schema is strict enough to fail: a relative loc, an unknown child.
        var text = File.ReadAllText(site.Path_("sitemap.xml"));
        var dir = Directory.CreateTempSubdirectory("campaign-sitemap-").FullName;
        try
        {
            foreach (var (name, bad) in new[]
            {
                ("relative.xml", ReplaceFirst(text, "<loc>https://out-of-control.example.org/", "<loc>/")),
                ("child.xml", ReplaceFirst(text, "</loc>", "</loc><title>x</title>")),
            })
            {
                File.WriteAllText(Path.Combine(dir, name), bad);
                Assert.True(SitemapErrors(Path.Combine(dir, name)).Count > 0, name + " passed the sitemap schema");
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
