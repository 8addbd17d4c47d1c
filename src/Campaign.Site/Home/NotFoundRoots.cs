using System.Text.Json;
using Campaign.Core.Model;

namespace Campaign.Site.Home;

/// <summary>
/// What the 404 page's inline script needs to find the site's root wherever the page is served: the site's own address
/// and each mirror's (the first a visited address starts with gives the root), the path its links are written under
/// (the base URL's path: without script, they work on the site itself at any depth), and the language folders (on an
/// address no list names, the root is what comes before <c>/en/</c> or <c>/zh/</c>).
/// </summary>
public static class NotFoundRoots
{
    public static string Json(SiteConfig site)
    {
        var roots = new[] { site.BaseUrl }.Concat(site.Mirrors.Select(m => m.Url)).OfType<string>()
            .Select(u => u.EndsWith('/') ? u : u + "/").Distinct().OrderByDescending(u => u.Length).ThenBy(u => u, StringComparer.Ordinal).ToList();
        var written = site.BaseUrl is not null && Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') + "/" : "/";
        // The default encoder escapes < > & ' ", so nothing here can end the script element it is written into.
        return JsonSerializer.Serialize(new { roots, written, languages = site.Languages.Select(l => l.Code).ToList() });
    }
}
