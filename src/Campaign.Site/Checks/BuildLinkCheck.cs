using Campaign.Core.Diagnostics;
using Campaign.Core.Model;
using Campaign.Site.Rendering;

namespace Campaign.Site.Checks;

/// <summary>
/// The link check every <c>build</c> and <c>serve</c> runs, as warnings: each link and image written in a content
/// file's Markdown is followed to a file of the build and, with a <c>#fragment</c>, to an id on that page, and a
/// broken one is reported at its line in the content file. It works from the links Markdig recorded while the
/// content loaded and from the files the build has just written, reading a page only to look for an anchor that is
/// not one of its headings, so it costs next to nothing at 10,000 findings. <c>campaign check</c> still follows every
/// link of every page, the theme's included, as errors (<see cref="LinkCheck"/>).
/// </summary>
public static class BuildLinkCheck
{
    /// <summary>A link written in content that leads nowhere.</summary>
    public const string BrokenLink = "CMP115";
    /// <summary>An image written in content whose file the site does not have.</summary>
    public const string MissingImage = "CMP116";
    /// <summary>A link to a page that exists, to an anchor that page does not have.</summary>
    public const string MissingAnchor = "CMP117";

    /// <param name="siteDir">The folder the build has just written (the build folder, before it is swapped in).</param>
    public static void Run(ContentModel content, string siteDir, DiagnosticList diagnostics)
    {
        var languages = content.Site.Languages.Select(l => l.Code).ToArray();
        var sources = PageSources.Of(content);
        IEnumerable<IDocument> all = [.. content.Reports, .. content.Companies, .. content.Updates, .. content.Pages];
        var byFile = all.GroupBy(d => d.Doc.Location.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var pageOf = sources.ToDictionary(s => s.Key, s => byFile.GetValueOrDefault(s.Value), StringComparer.Ordinal);
        var exists = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Exists(string relative) => exists.TryGetValue(relative, out var e) ? e : exists[relative] = File.Exists(Path.Combine(siteDir, relative));
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        // One warning per place in a file, however many language editions show that body.
        var reported = new HashSet<(string, int, int)>();

        foreach (var (page, file) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (pageOf[page] is not { } doc || !Exists(page)) continue; // an embargoed page, or one this edition does not publish
            var body = ContentCheck.Body(doc);
            if (body.Links.IsDefaultOrEmpty) continue;
            var lang = page[..Math.Max(0, page.IndexOf('/'))];
            foreach (var link in body.Links)
            {
                if (!IsInternal(link.Url)) continue;
                var problem = Follow(link.Url, page, lang, languages, siteDir, Exists, (target, id) => HasId(target, id, pageOf, anchors, siteDir));
                if (problem is null || !reported.Add((file, link.Line, link.Column))) continue;
                var at = new SourceLocation(file, link.Line, link.Column);
                switch (problem)
                {
                    case Problem.NoFile(var wanted) when link.IsImage:
                        diagnostics.Warning(MissingImage, $"The image `{link.Url}` is missing: the site has no {wanted}.", at, null,
                            "put the image file under assets/ in the campaign folder (names are case-sensitive), or correct its path");
                        break;
                    case Problem.NoFile(var wanted):
                        diagnostics.Warning(BrokenLink, $"The link `{link.Url}` leads to {wanted}, which the site does not have.", at, null,
                            "correct the link (write site links from the root without the language, e.g. /reports/<slug>/), or add the page it points to");
                        break;
                    case Problem.NoAnchor(var target, var fragment):
                        diagnostics.Warning(MissingAnchor, $"The link `{link.Url}` points to #{fragment}, but {target} has no heading or element with that id.", at, null,
                            "use the id of a heading on that page (headings get ids from their text: `## Our method` is #our-method)");
                        break;
                }
            }
        }
    }

    /// <summary>Why a link does not work: no file where it leads, or no element with its fragment there.</summary>
    internal abstract record Problem
    {
        public sealed record NoFile(string Wanted) : Problem;
        public sealed record NoAnchor(string Target, string Fragment) : Problem;
    }

    /// <summary>Where <paramref name="url"/>, as written on <paramref name="page"/> before links are made relative, leads, and why it does not work there (null when it does).</summary>
    /// <param name="lang">The page's language (empty for pages outside the language folders): a root link without a language gets it, as on the page.</param>
    internal static Problem? Follow(string url, string page, string lang, IReadOnlyCollection<string> languages, string siteDir,
        Func<string, bool> exists, Func<string, string, bool> hasId)
    {
        var cut = url.IndexOf('#');
        var pathPart = cut < 0 ? url : url[..cut];
        var fragment = cut < 0 ? null : Uri.UnescapeDataString(url[(cut + 1)..]);
        var query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];
        string target;
        if (pathPart.Length == 0) target = page;
        else
        {
            var path = Uri.UnescapeDataString(pathPart);
            // As the page's links are rewritten (RelativeLinks): a root link without a language means this page's language.
            if (path.StartsWith('/') && lang.Length > 0 && !RelativeLinks.IsSiteWide(path, languages)) path = "/" + lang + path;
            // A plain root path (no dot segments, no doubled or back slashes) is its own resolution: most links are, and a Uri per link costs.
            var plain = path.StartsWith('/') && !path.Contains("/.", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\');
            var resolved = plain ? null : path.StartsWith('/') ? new Uri("file:///site" + path).AbsolutePath : new Uri(new Uri("file:///site/" + page), path).AbsolutePath;
            if (resolved is not null && !resolved.StartsWith("/site/", StringComparison.Ordinal)) return new Problem.NoFile(path); // climbs out of the site
            target = resolved is null ? path[1..] : Uri.UnescapeDataString(resolved["/site/".Length..]);
            if (target.Length == 0 || target.EndsWith('/') || Directory.Exists(Path.Combine(siteDir, target)))
                target = target.TrimEnd('/') + (target.Trim('/').Length == 0 ? "index.html" : "/index.html");
            if (!exists(target)) return new Problem.NoFile(target);
        }
        if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal) && !hasId(target, fragment))
            return new Problem.NoAnchor(target, fragment);
        return null;
    }

    /// <summary>
    /// Whether <paramref name="target"/> has the id <paramref name="fragment"/>: one of its body's headings, or else an id in
    /// its HTML (the theme's sections), read from the build folder only then and once per page.
    /// </summary>
    private static bool HasId(string target, string fragment, Dictionary<string, IDocument?> pageOf, Dictionary<string, string> html, string siteDir)
    {
        if (pageOf.GetValueOrDefault(target) is { } doc && ContentCheck.Body(doc).Headings.Any(h => h.Id == fragment)) return true;
        if (!html.TryGetValue(target, out var text)) html[target] = text = File.ReadAllText(Path.Combine(siteDir, target));
        return HtmlHasId(text, fragment);
    }

    /// <summary>Whether the page's HTML has an element with the id (or an anchor with the name) <paramref name="fragment"/>.</summary>
    internal static bool HtmlHasId(string html, string fragment)
    {
        var encoded = System.Net.WebUtility.HtmlEncode(fragment);
        return html.Contains($" id=\"{encoded}\"", StringComparison.Ordinal) || html.Contains($" name=\"{encoded}\"", StringComparison.Ordinal);
    }

    /// <summary>Links to other sites, mail and inline data are not this check's business.</summary>
    internal static bool IsInternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal)) return false;
        if (url[0] is '/' or '#' or '.') return true;
        return !Uri.TryCreate(url, UriKind.Absolute, out _);
    }
}
