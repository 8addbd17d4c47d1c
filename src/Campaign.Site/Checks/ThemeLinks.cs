using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Campaign.Core.Diagnostics;
using Campaign.Core.Model;
using Campaign.Site.Rendering;

namespace Campaign.Site.Checks;

/// <summary>
/// The links the theme writes (navigation, footer, layouts, cards), checked in every <c>build</c> and <c>serve</c> as
/// warnings (CMP115–CMP117) at the template that writes them. Each page's links are gathered while it is rendered,
/// before they are made relative, skipping those written in content (<see cref="BuildLinkCheck"/> reports those at
/// their line). A root link means the same on every page of a language, so it is followed once per language, not once
/// per page: a menu entry on 20,000 pages is one look-up per language. A same-page <c>#anchor</c> is looked for on
/// the first page of each layout that has it.
/// </summary>
public sealed partial class ThemeLinks
{
    /// <summary>Where a link was seen (the first such page in path order) and the layout that drew that page's main part.</summary>
    /// <param name="Found">A same-page anchor already found on that page, so there is nothing left to check.</param>
    private sealed record Seen(string Page, string Lang, string Layout, bool Image, bool Found = false);

    private readonly IReadOnlyCollection<string> _languages;
    private readonly HashSet<string> _contentUrls;
    // (scope, url): the scope is the language for root links, the page for relative ones, the layout for same-page anchors
    // (a language code, an output path ending in .html and a layout name never coincide).
    private readonly ConcurrentDictionary<(string Scope, string Url), Seen> _seen = new();

    private readonly HashSet<string> _pages;

    /// <param name="jobs">The pages the build renders: a link to one of them needs no look at the disk.</param>
    public ThemeLinks(ContentModel content, IEnumerable<PageJob> jobs)
    {
        _languages = content.Site.Languages.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        _contentUrls = ContentUrls(content);
        _pages = jobs.Select(j => Routing.Urls.FilePath(j.Page.Url)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Records the links of one rendered page; <paramref name="html"/> is the page before its links are made relative.</summary>
    public void Collect(PageJob job, string html)
    {
        var url = job.Page.Url;
        var first = url.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var lang = _languages.Contains(first) ? first : "";
        var page = Routing.Urls.FilePath(url);
        // A page writes the same links many times over (menus, facets, rows): each is looked up once per page.
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, written, src) in Attributes(html))
        {
            if (!done.Add(written) || _contentUrls.Contains(written)) continue;
            var link = written.Contains('&') ? System.Net.WebUtility.HtmlDecode(written) : written;
            if (!BuildLinkCheck.IsInternal(link)) continue;
            (string, string) key = link[0] switch { '#' => (job.Layout, link), '/' => (lang, link), _ => (page, link) };
            // Pages render in parallel: the first page in path order is kept, so the warning names the same page in every build.
            if (_seen.TryGetValue(key, out var known) && string.CompareOrdinal(known.Page, page) <= 0) continue;
            var image = src && IsImg(html, at);
            // A same-page anchor is judged here, on the page in hand, so the check never reads the page back.
            var found = link[0] == '#' && (link.Length == 1 || BuildLinkCheck.HtmlHasId(html, Uri.UnescapeDataString(link[1..])));
            var seen = new Seen(page, lang, job.Layout, image, found);
            _seen.AddOrUpdate(key, seen, (_, other) => string.CompareOrdinal(other.Page, page) <= 0 ? other : seen);
        }
    }

    private static readonly string[] LinkAttributes = ["href", "src", "action", "poster"];

    /// <summary>
    /// The link attributes (<c>href</c>, <c>src</c>, <c>action</c>, <c>poster</c>) of <paramref name="html"/> with their value as
    /// written. A scan for <c>="</c> rather than a regular expression: it runs over every page of the build.
    /// </summary>
    private static IEnumerable<(int At, string Value, bool Src)> Attributes(string html)
    {
        for (var i = html.IndexOf("=\"", StringComparison.Ordinal); i > 0; i = html.IndexOf("=\"", i + 2, StringComparison.Ordinal))
        {
            var end = html.IndexOf('"', i + 2);
            if (end < 0) yield break;
            foreach (var name in LinkAttributes)
                if (i > name.Length && html.AsSpan(i - name.Length, name.Length).SequenceEqual(name) && char.IsWhiteSpace(html[i - name.Length - 1]))
                {
                    if (end > i + 2) yield return (i, html[(i + 2)..end], name == "src");
                    break;
                }
        }
    }

    /// <summary>Follows each gathered link through the build folder and warns, once per link as written, about those that lead nowhere.</summary>
    public void Check(string siteDir, Theme theme, DiagnosticList diagnostics)
    {
        var exists = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        bool Exists(string relative) => _pages.Contains(relative) || exists.GetOrAdd(relative, r => File.Exists(Path.Combine(siteDir, r)));
        var html = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        bool HasId(string target, string id) => BuildLinkCheck.HtmlHasId(html.GetOrAdd(target, t => File.Exists(Path.Combine(siteDir, t)) ? File.ReadAllText(Path.Combine(siteDir, t)) : ""), id);

        // Followed in parallel and unordered (a large campaign's theme writes a hundred thousand distinct links); only the broken are sorted.
        var broken = new ConcurrentBag<(string Url, Seen Seen, BuildLinkCheck.Problem Problem)>();
        Parallel.ForEach(_seen, entry =>
        {
            var ((_, url), seen) = entry;
            if (seen.Found) return;
            var problem = url[0] == '#'
                ? new BuildLinkCheck.Problem.NoAnchor(seen.Page, Uri.UnescapeDataString(url[1..]))
                : BuildLinkCheck.Follow(url, seen.Page, seen.Lang, _languages, siteDir, Exists, HasId);
            if (problem is not null) broken.Add((url, seen, problem));
        });

        var patterns = new Lazy<List<(string File, int Line, int Column, Regex Pattern, int Literal)>>(() => Patterns(theme));
        // One warning per place in the theme (a menu link is written on every page of every language), or per link when no line is known.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (url, seen, problem) in broken.OrderBy(b => b.Url, StringComparer.Ordinal).ThenBy(b => b.Seen.Page, StringComparer.Ordinal))
        {
            var (at, template) = Locate(patterns.Value, seen.Layout, url);
            if (!reported.Add(at.Line > 0 ? at.ToString() : url)) continue;
            var where = $"written by {template} (first on {seen.Page})";
            const string how = "theme links start from the root and name the language, e.g. {{ site.home_url }}about/";
            switch (problem)
            {
                case BuildLinkCheck.Problem.NoFile(var wanted) when seen.Image:
                    diagnostics.Warning(BuildLinkCheck.MissingImage, $"The image `{url}` {where} is missing: the site has no {wanted}.", at, null,
                        "put the image under assets/ in the campaign folder (names are case-sensitive), or correct the path in the template");
                    break;
                case BuildLinkCheck.Problem.NoFile(var wanted):
                    diagnostics.Warning(BuildLinkCheck.BrokenLink, $"The link `{url}` {where} leads to {wanted}, which the site does not have.", at, null,
                        $"correct the link in the template, or add the page it points to; {how}");
                    break;
                case BuildLinkCheck.Problem.NoAnchor(var target, var fragment):
                    diagnostics.Warning(BuildLinkCheck.MissingAnchor, $"The link `{url}` {where} points to #{fragment}, but {target} has no element with that id.", at, null,
                        "give the element the template points to that id, or correct the link");
                    break;
            }
        }
    }

    /// <summary>
    /// The template line that writes <paramref name="url"/>: the first link attribute of the theme whose pattern matches,
    /// the page's layout first, then base, then partials; within each, the attribute with most literal text first, so a
    /// written-out `#colophon` is found before a partial's `#{{ id }}` that could also have written it. Without one, the
    /// layout that drew the page is named, without a line.
    /// </summary>
    private static (SourceLocation At, string Template) Locate(List<(string File, int Line, int Column, Regex Pattern, int Literal)> patterns, string layout, string url)
    {
        var own = $"theme/layouts/{layout}.liquid";
        foreach (var (file, line, column, pattern, _) in patterns
                     .OrderBy(p => p.File == own ? 0 : p.File == "theme/layouts/base.liquid" ? 1 : p.File.StartsWith("theme/partials/", StringComparison.Ordinal) ? 2 : 3)
                     .ThenByDescending(p => p.Literal))
            if (pattern.IsMatch(url)) return (new SourceLocation(file, line, column), file);
        return (new SourceLocation(own), own);
    }

    /// <summary>Each link attribute of the theme's Liquid files read as a pattern: its <c>{{ … }}</c> and <c>{% … %}</c> match anything.</summary>
    private static List<(string File, int Line, int Column, Regex Pattern, int Literal)> Patterns(Theme theme)
    {
        var patterns = new List<(string, int, int, Regex, int)>();
        foreach (var (file, bytes) in theme.TemplateSources.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            for (var i = 0; i < lines.Length; i++)
                foreach (Match m in TemplateAttribute().Matches(lines[i]))
                    if (Pattern(m.Groups["value"].Value) is { } pattern)
                        patterns.Add(("theme/" + file, i + 1, m.Groups["value"].Index + 1, pattern, LiquidTag().Replace(m.Groups["value"].Value, "").Length));
        }
        return patterns;
    }

    [GeneratedRegex(@"\b(?:href|src|action|poster)=""(?<value>[^""]*)""", RegexOptions.ExplicitCapture)]
    private static partial Regex TemplateAttribute();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}")]
    private static partial Regex LiquidTag();

    /// <summary>An attribute value of a template as a pattern over the links it can write; null when it has no literal text to match.</summary>
    private static Regex? Pattern(string value)
    {
        var literal = LiquidTag().Replace(value, "");
        if (literal.Trim('/').Length == 0) return null; // `{{ item.url }}` could be any link: it names no line
        var parts = LiquidTag().Split(value).Select(p => Regex.Escape(System.Net.WebUtility.HtmlDecode(p)));
        return new Regex("^" + string.Join(".*?", parts) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool IsImg(string html, int at)
    {
        var open = html.LastIndexOf('<', at);
        return open >= 0 && html.AsSpan(open + 1).StartsWith("img", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every link attribute in the Markdown the content renders to, as it appears in the page's HTML.</summary>
    private static HashSet<string> ContentUrls(ContentModel content)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<RenderedMarkdown?> all = [
            .. content.Reports.Select(r => r.Body), .. content.Updates.Select(u => u.Body), .. content.Pages.Select(p => p.Body),
            .. content.Companies.Select(c => c.Body),
            .. content.Companies.SelectMany(c => c.Responses).SelectMany(r => new[] { r.Text, r.Rejoinder }),
            .. content.Findings.SelectMany(f => f.Summary.Values)];
        foreach (var markdown in all)
            if (markdown is not null)
                foreach (var (_, value, _) in Attributes(markdown.Html))
                    urls.Add(value);
        return urls;
    }
}
