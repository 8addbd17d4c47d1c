using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Site.Rendering;

/// <summary>
/// Rewrites root-relative links (<c>href="/en/reports/"</c>) into links relative to the page
/// (<c>href="../../reports/index.html"</c>), so the site works under any sub-path, on any mirror,
/// and opened from disk, where a folder link would show a directory listing instead of its index.html.
/// </summary>
public static partial class RelativeLinks
{
    [GeneratedRegex("""(?<pre>\s(?:href|src|action|poster)=")(?<url>/(?!/)[^"]*)(?<post>")""")]
    private static partial Regex Attribute();

    /// <param name="languages">The site's language codes. A link that starts with none of them nor a shared folder (<c>/assets/</c>, <c>/downloads/</c>, <c>/data/</c>)
    /// (<c>/reports/x/</c>, as content authors write it) is taken to mean the page's own language, so one
    /// link works in every translation.</param>
    public static string Rewrite(string html, string pageUrl, IReadOnlyCollection<string> languages)
    {
        var fromDir = pageUrl.EndsWith('/') ? pageUrl : pageUrl[..(pageUrl.LastIndexOf('/') + 1)];
        var from = fromDir.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pageLang = pageUrl.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var inLanguage = pageLang is not null && languages.Contains(pageLang);
        // A page links to the same places many times over (navigation, facets, list rows): each is worked out once.
        var done = new Dictionary<string, string>(StringComparer.Ordinal);
        return Attribute().Replace(html, m =>
        {
            var url = m.Groups["url"].Value;
            if (!done.TryGetValue(url, out var relative))
            {
                relative = Relative(from, inLanguage && !IsSiteWide(url, languages) ? "/" + pageLang + url : url);
                done[url] = relative;
            }
            return m.Groups["pre"].Value + relative + m.Groups["post"].Value;
        });
    }

    /// <summary>Folders and files shared by all languages: assets, the downloads (report PDFs, data) every edition links to, their checksums.</summary>
    private static readonly string[] SiteWideFolders = ["assets", "downloads", "data", "SHA256SUMS"];

    internal static bool IsSiteWide(string url, IReadOnlyCollection<string> languages)
    {
        var end = url.IndexOfAny(['/', '?', '#'], 1);
        var first = end < 0 ? url[1..] : url[1..end];
        return first.Length == 0 || languages.Contains(first) || SiteWideFolders.Contains(first) || first.Contains('.');
    }

    /// <summary>
    /// For pages served at any address (the 404 page): links become path-absolute under the base URL's path
    /// (<c>/campaign/en/</c> for <c>https://example.org/campaign/</c>), and stay root-relative without one.
    /// Only the path is used, never the host, so the page loads nothing from another origin when a mirror serves it.
    /// </summary>
    public static string Absolute(string html, string? baseUrl)
    {
        if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)) return html;
        var prefix = uri.AbsolutePath.TrimEnd('/') + "/";
        return Attribute().Replace(html, m => m.Groups["pre"].Value + prefix + m.Groups["url"].Value.TrimStart('/') + m.Groups["post"].Value);
    }

    /// <summary>The path from folder <paramref name="fromDir"/> (ending in /) to <paramref name="target"/>, both root-relative.</summary>
    public static string Relative(string fromDir, string target) => Relative(fromDir.Split('/', StringSplitOptions.RemoveEmptyEntries), target);

    private static string Relative(string[] from, string target)
    {
        var cut = target.IndexOfAny(['#', '?']);
        var path = cut < 0 ? target : target[..cut];
        var tail = cut < 0 ? "" : target[cut..];
        if (path.Length == 0) return tail; // "#top" stays on the page
        if (path.EndsWith('/')) path += "index.html";

        var to = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common]) common++;
        var result = new StringBuilder();
        for (var i = common; i < from.Length; i++) result.Append("../");
        result.AppendJoin('/', to.Skip(common));
        return result.ToString() + tail;
    }
}
