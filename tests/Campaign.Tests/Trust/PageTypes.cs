using Campaign.Tests.Support;

namespace Campaign.Tests.Trust;

/// <summary>One page of every type the site has, in every language, found in a built sample site.</summary>
public static class PageTypes
{
    /// <summary>Paths (relative to the output root) of one page per type and language, plus the root pages.</summary>
    public static IReadOnlyList<string> In(string output)
    {
        var pages = new List<string> { "index.html", "404.html" };
        foreach (var lang in new[] { "en", "zh" })
        {
            string[] fixedPages =
            [
                "", "reports/", "reports/out-of-control/", "companies/", "companies/axis/", "updates/", "updates/report-released/",
                "about/", "press/", "findings/", "data/", "search/",
            ];
            pages.AddRange(fixedPages.Select(p => $"{lang}/{p}index.html"));
            pages.Add(First(output, $"{lang}/findings", d => File.Exists(Path.Combine(d, "index.html")) && !IsFacet(d)));
            pages.Add(First(output, $"{lang}/findings/company", d => File.Exists(Path.Combine(d, "index.html"))));
        }
        foreach (var page in pages)
            Assert.True(File.Exists(Path.Combine(output, page)), $"the sample site has no {page}");
        return pages;
    }

    private static bool IsFacet(string dir) =>
        Path.GetFileName(dir) is "company" or "technology" or "buyer-type" or "place" or "year" or "licence" or "page" or "all";

    private static string First(string output, string folder, Func<string, bool> keep)
    {
        var dir = Directory.EnumerateDirectories(Path.Combine(output, folder)).Order(StringComparer.Ordinal).First(keep);
        return Path.GetRelativePath(output, Path.Combine(dir, "index.html")).Replace('\\', '/');
    }
}
