using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Campaign.Tests.Support;

/// <summary>
/// Checks every internal link and embedded resource of a built site: it must be relative, resolve to a file
/// inside the site, and its <c>#anchor</c> must exist there. Returns the problems, one line each.
/// </summary>
public static class LinkChecker
{
    private static readonly (string Selector, string Attribute)[] Targets =
        [("a[href]", "href"), ("link[href]", "href"), ("script[src]", "src"), ("img[src]", "src"), ("source[src]", "src"), ("form[action]", "action")];

    /// <param name="ignore">Site paths (forward slashes, no leading slash) whose links are not checked, because they
    /// point at pages another part of the project adds.</param>
    public static IReadOnlyList<string> Check(string root, Func<string, bool>? ignore = null)
    {
        var parser = new HtmlParser();
        var problems = new List<string>();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        root = Path.GetFullPath(root);
        foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var page = Path.GetRelativePath(root, file).Replace('\\', '/');
            // The 404 page is served at any address, so its links are root-relative (or absolute under the base URL) on purpose.
            var rootRelativeAllowed = page == "404.html";
            using var doc = parser.ParseDocument(File.ReadAllText(file));
            foreach (var (selector, attribute) in Targets)
                foreach (var element in doc.QuerySelectorAll(selector))
                {
                    var url = element.GetAttribute(attribute)!;
                    if (IsExternal(url)) continue;
                    if (url.StartsWith('/') && !rootRelativeAllowed)
                    {
                        problems.Add($"{page}: root-relative {attribute}=\"{url}\"");
                        continue;
                    }
                    var hash = url.IndexOf('#');
                    var path = hash < 0 ? url : url[..hash];
                    var anchor = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
                    var query = path.IndexOf('?');
                    if (query >= 0) path = path[..query];
                    var target = path.Length == 0 ? file
                        : path.StartsWith('/') ? Path.Combine(root, Uri.UnescapeDataString(path.TrimStart('/')))
                        : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                    if (Directory.Exists(target)) target = Path.Combine(target, "index.html");
                    var targetPath = Path.GetRelativePath(root, target).Replace('\\', '/');
                    if (ignore?.Invoke(targetPath) == true) continue;
                    if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        problems.Add($"{page}: {attribute}=\"{url}\" leaves the site");
                    else if (!File.Exists(target))
                        problems.Add($"{page}: {attribute}=\"{url}\" -> {targetPath} does not exist");
                    else if (anchor is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(target, ids, parser).Contains(anchor))
                        problems.Add($"{page}: {attribute}=\"{url}\" -> no id \"{anchor}\" in {targetPath}");
                }
        }
        return problems;
    }

    public static bool IsExternal(string url) =>
        url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> IdsOf(string file, Dictionary<string, HashSet<string>> cache, HtmlParser parser)
    {
        lock (cache)
        {
            if (cache.TryGetValue(file, out var known)) return known;
            using var doc = parser.ParseDocument(File.ReadAllText(file));
            var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(doc.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)).ToHashSet(StringComparer.Ordinal);
            cache[file] = ids;
            return ids;
        }
    }
}
