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
    [GeneratedRegex(@"\s(?<attr>href|src|action|poster)=""(?<url>[^""]+)""", RegexOptions.ExplicitCapture)]
    private static partial Regex Attribute();

    /// <summary>Where a link was first seen: the page (output path) and the layout that drew its main part.</summary>
    /// <param name="Found">A same-page anchor already found on that page, so there is nothing left to check.</param>
    private sealed record Seen(string Page, string Lang, string Layout, bool Image, bool Found = false);

    private readonly IReadOnlyCollection<string> _languages;
    private readonly HashSet<string> _contentUrls;
    // (scope, url): the scope is the language for root links, the page for relative ones, the layout for same-page anchors.
    private readonly ConcurrentDictionary<(string Scope, string Url), Seen> _seen = new();

    public ThemeLinks(ContentModel content)
    {
        _languages = content.Site.Languages.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        _contentUrls = ContentUrls(content);
    }

    /// <summary>Records the links of one rendered page; <paramref name="html"/> is the page before its links are made relative.</summary>
    public void Collect(PageJob job, string html)
    {
        var url = job.Page.Url;
        var first = url.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var lang = _languages.Contains(first) ? first : "";
        var page = Routing.Urls.FilePath(url);
        foreach (Match m in Attribute().Matches(html))
        {
            var link = System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value);
            if (!BuildLinkCheck.IsInternal(link) || _contentUrls.Contains(m.Groups["url"].Value)) continue;
            (string, string) key = link[0] == '#' ? ("layout:" + job.Layout, link) : link[0] == '/' ? ("lang:" + lang, link) : ("page:" + page, link);
            if (_seen.ContainsKey(key)) continue;
            var image = m.Groups["attr"].Value == "src" && IsImg(html, m.Index);
            // A same-page anchor is judged here, on the page in hand, so the check never reads the page back.
            var found = link[0] == '#' && (link.Length == 1 || BuildLinkCheck.HtmlHasId(html, Uri.UnescapeDataString(link[1..])));
            _seen.TryAdd(key, new Seen(page, lang, job.Layout, image, found));
        }
    }

    /// <summary>Follows each gathered link through the build folder and warns, once per link as written, about those that lead nowhere.</summary>
    public void Check(string siteDir, Theme theme, DiagnosticList diagnostics)
    {
        var exists = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        bool Exists(string relative) => exists.GetOrAdd(relative, r => File.Exists(Path.Combine(siteDir, r)));
        var html = new Dictionary<string, string>(StringComparer.Ordinal);
        bool HasId(string target, string id)
        {
            if (!html.TryGetValue(target, out var text)) html[target] = text = File.ReadAllText(Path.Combine(siteDir, target));
            return BuildLinkCheck.HtmlHasId(text, id);
        }

        var patterns = new Lazy<List<(string File, int Line, int Column, Regex Pattern)>>(() => Patterns(theme));
        // One warning per place in the theme (a menu link is written on every page of every language), or per link when no line is known.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((_, url), seen) in _seen.OrderBy(e => e.Key.Url, StringComparer.Ordinal).ThenBy(e => e.Value.Page, StringComparer.Ordinal))
        {
            if (seen.Found) continue;
            var problem = url[0] == '#'
                ? new BuildLinkCheck.Problem.NoAnchor(seen.Page, Uri.UnescapeDataString(url[1..]))
                : BuildLinkCheck.Follow(url, seen.Page, seen.Lang, _languages, siteDir, Exists, HasId);
            if (problem is null) continue;
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
    /// the page's layout first. Without one, the layout that drew the page is named, without a line.
    /// </summary>
    private static (SourceLocation At, string Template) Locate(List<(string File, int Line, int Column, Regex Pattern)> patterns, string layout, string url)
    {
        var own = $"theme/layouts/{layout}.liquid";
        foreach (var (file, line, column, pattern) in patterns.OrderBy(p => p.File == own ? 0 : p.File == "theme/layouts/base.liquid" ? 1 : p.File.StartsWith("theme/partials/", StringComparison.Ordinal) ? 2 : 3))
            if (pattern.IsMatch(url)) return (new SourceLocation(file, line, column), file);
        return (new SourceLocation(own), own);
    }

    /// <summary>Each link attribute of the theme's Liquid files read as a pattern: its <c>{{ … }}</c> and <c>{% … %}</c> match anything.</summary>
    private static List<(string File, int Line, int Column, Regex Pattern)> Patterns(Theme theme)
    {
        var patterns = new List<(string, int, int, Regex)>();
        foreach (var (file, bytes) in theme.TemplateSources.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            for (var i = 0; i < lines.Length; i++)
                foreach (Match m in TemplateAttribute().Matches(lines[i]))
                    if (Pattern(m.Groups["value"].Value) is { } pattern)
                        patterns.Add(("theme/" + file, i + 1, m.Groups["value"].Index + 1, pattern));
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
                foreach (Match m in Attribute().Matches(markdown.Html))
                    urls.Add(m.Groups["url"].Value);
        return urls;
    }
}
