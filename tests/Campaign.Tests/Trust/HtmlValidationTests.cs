using System.Diagnostics;
using System.Xml.Linq;
using Campaign.Tests.Support;

namespace Campaign.Tests.Trust;

/// <summary>
/// Every built page passes the html-validate checker (npm, the `standard` preset: what the HTML
/// standard requires), and every feed and the sitemap is well-formed XML in the right namespace.
/// The checker is installed into tests/tools on first use from its lock file.
/// </summary>
public sealed class HtmlValidationTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly string Tools = Repo.Path_("tests", "tools");

    private static (int Code, string Output) Run(string file, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Validator()
    {
        var bin = Path.Combine(Tools, "node_modules", ".bin", "html-validate");
        if (!File.Exists(bin))
        {
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
        var (code, output) = Run(validator, ["--config", Path.Combine(Tools, ".htmlvalidaterc.json"), "--formatter", "text", .. pages], site.Output);
        Assert.True(code == 0, $"html-validate found errors in the built site:\n{output}");
    }

    [Fact]
    public void Feeds_and_sitemap_are_well_formed_in_their_namespaces()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var feeds = Directory.EnumerateFiles(site.Output, "*.xml", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "sitemap.xml").ToList();
        Assert.NotEmpty(feeds);
        foreach (var feed in feeds)
        {
            var root = XDocument.Load(feed).Root!;
            Assert.Equal(atom + "feed", root.Name);
            foreach (var required in new[] { "id", "title", "updated" })
                Assert.True(root.Element(atom + required) is not null, $"{feed}: no <{required}>");
            foreach (var entry in root.Elements(atom + "entry"))
                foreach (var required in new[] { "id", "title", "updated" })
                    Assert.True(entry.Element(atom + required) is not null, $"{feed}: an entry has no <{required}>");
        }
        var map = XDocument.Load(site.Path_("sitemap.xml")).Root!;
        Assert.Equal(sitemap + "urlset", map.Name);
        Assert.All(map.Elements(sitemap + "url"), u => Assert.StartsWith("https://", u.Element(sitemap + "loc")!.Value));
    }
}
