using AngleSharp.Html.Parser;
using Campaign.Core.Diagnostics;

namespace Campaign.Site.Checks;

/// <summary>
/// Follows every internal link of a built site (<c>href</c>, <c>src</c>, <c>action</c>) to a file that exists
/// and, when it has a <c>#fragment</c>, to an element with that id on the target page.
/// </summary>
public static class LinkCheck
{
    /// <summary>What was checked, for the summary.</summary>
    public sealed record Counts(int Pages, int Links);

    private static readonly string[] LinkAttributes = ["href", "src", "action", "poster"];

    /// <param name="sources">Which content file each page is built from (by output path), to point at the file to fix.</param>
    public static Counts Run(string siteDir, IReadOnlyDictionary<string, string> sources, DiagnosticList diagnostics)
    {
        var parser = new HtmlParser();
        var pages = Directory.EnumerateFiles(siteDir, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(siteDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var links = new List<(string Page, string Link, bool Image)>();
        foreach (var page in pages)
        {
            var doc = parser.ParseDocument(File.ReadAllText(Path.Combine(siteDir, page)));
            ids[page] = doc.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(doc.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var element in doc.All)
                foreach (var attribute in LinkAttributes)
                    if (element.GetAttribute(attribute) is { Length: > 0 } value && IsInternal(value))
                        links.Add((page, value, attribute == "src" && element.LocalName == "img"));
        }

        var broken = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var images = new HashSet<string>(StringComparer.Ordinal); // targets only ever shown as images, named as such
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (page, link, image) in links)
        {
            var cut = link.IndexOf('#');
            var pathPart = cut < 0 ? link : link[..cut];
            var fragment = cut < 0 ? null : Uri.UnescapeDataString(link[(cut + 1)..]);
            var query = pathPart.IndexOf('?');
            if (query >= 0) pathPart = pathPart[..query];
            var (target, wanted) = pathPart.Length == 0 ? (page, page) : Resolve(page, Uri.UnescapeDataString(pathPart), siteDir);
            var at = new SourceLocation(page);
            var from = sources.TryGetValue(page, out var source) ? $"the page is built from {source}" : null;
            if (target is null)
            {
                if (!broken.TryGetValue(wanted, out var set)) broken[wanted] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(page);
                (image ? images : linked).Add(wanted);
                continue;
            }
            if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal)
                && ids.TryGetValue(target, out var targetIds) && !targetIds.Contains(fragment))
            {
                diagnostics.Error("CMP111", $"The link `{link}` on {page} points to #{fragment}, but {target} has no heading or element with that id.", at,
                    hint: (from is null ? "" : from + "; ") + "check the heading's id on the target page (headings get ids from their text)");
            }
        }
        // One broken target is one mistake, however many pages link to it (a menu entry is on every page).
        foreach (var (wanted, from) in broken)
        {
            var first = from.First();
            var files = from.Select(p => sources.TryGetValue(p, out var f) ? f : null).OfType<string>().Distinct().Take(3).ToList();
            var pagesText = from.Count == 1 ? first : $"{from.Count} pages ({string.Join(", ", from.Take(3))}{(from.Count > 3 ? ", …" : "")})";
            var where = from.Count == 1 ? $"The link on {first} leads" : $"Links on {pagesText} lead";
            var message = images.Contains(wanted) && !linked.Contains(wanted)
                ? $"The image {wanted}, shown on {pagesText}, is missing: the site has no such file."
                : $"{where} to {wanted}, which the site does not have.";
            diagnostics.Error("CMP110", message, new SourceLocation(first),
                hint: files.Count > 0 && from.Count <= 3
                    ? $"fix the link in {string.Join(", ", files)}, or add the page it points to"
                    : "a link on many pages comes from the theme or a common page; fix it there, or add the page it points to");
        }
        return new Counts(pages.Count, links.Count);
    }

    /// <summary>Links to other sites, mail and inline data are not this check's business.</summary>
    private static bool IsInternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal)) return false;
        if (url[0] is '/' or '#' or '.') return true;
        // http:, mailto:, data: … have a scheme; `https:www.example.org` too, which Uri cannot resolve against a page.
        return Core.Validate.UrlPolicy.Scheme(url) is null && !Uri.TryCreate(url, UriKind.Absolute, out _);
    }

    /// <summary>The output file a link from <paramref name="page"/> reaches (null when there is none) and the path it asks for.</summary>
    private static (string? Found, string Wanted) Resolve(string page, string path, string siteDir)
    {
        // Root-relative links (only the 404 page, served at any address, has them) start from the site's root.
        string resolved;
        try
        {
            resolved = path.StartsWith('/') ? new Uri("file:///site" + path).AbsolutePath : new Uri(new Uri("file:///site/" + page), path).AbsolutePath;
        }
        catch (UriFormatException)
        {
            return (null, path); // a link no browser can follow is a broken link, not a crash of the check
        }
        if (!resolved.StartsWith("/site/", StringComparison.Ordinal)) return (null, path); // climbs out of the site
        var relative = resolved["/site/".Length..];
        var full = Path.Combine(siteDir, relative);
        if (relative.Length == 0 || relative.EndsWith('/') || Directory.Exists(full))
        {
            relative = relative.TrimEnd('/') + (relative.Trim('/').Length == 0 ? "index.html" : "/index.html");
            full = Path.Combine(siteDir, relative);
        }
        return (File.Exists(full) ? relative : null, relative);
    }
}
