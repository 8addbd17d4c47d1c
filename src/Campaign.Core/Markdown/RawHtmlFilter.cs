using Campaign.Core.Diagnostics;
using Campaign.Core.Validate;
using Ganss.Xss;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Campaign.Core.Markdown;

/// <summary>
/// Cuts raw HTML in Markdown down to a safe list. Each piece of raw HTML is checked on its own so that
/// a diagnostic names its line (CMP032 for removed tags and attributes, CMP030/CMP151 for refused links,
/// CMP150 for resources from other hosts); the whole rendered page is then sanitised for output.
/// </summary>
internal static class RawHtmlFilter
{
    /// <summary>Tags whose URLs are followed only when a reader clicks (or never); any other tag's URL is fetched with the page.</summary>
    private static readonly HashSet<string> LinkTags = new(["a", "area", "blockquote", "q", "del", "ins"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reports what sanitising <paramref name="node"/> alone removes, at the node's line.</summary>
    public static void Report(MarkdownObject node, string file, int firstLine, DiagnosticList diagnostics, string? field)
    {
        var raw = node switch
        {
            HtmlBlock block => block.Lines.ToString(),
            HtmlInline inline => inline.Tag,
            _ => null,
        };
        // A closing tag carries no attributes: nothing to report, and no sanitizer to build for it.
        if (string.IsNullOrEmpty(raw) || raw.StartsWith("</", StringComparison.Ordinal)) return;
        var at = new SourceLocation(file, firstLine + node.Line, node.Column + 1);
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        var urls = new List<(UrlProblem? Problem, string Url)>();
        var sanitizer = Create(urls);
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}>");
        sanitizer.RemovingAttribute += (_, e) =>
        {
            // A URL refused by the policy is reported below with its own code.
            if (e.Reason != RemoveReason.NotAllowedUrlValue) removed.Add($"{e.Attribute.Name}=\"…\" on <{e.Tag.LocalName}>");
        };
        sanitizer.RemovingStyle += (_, _) => removed.Add("style");
        sanitizer.Sanitize(raw);
        urls.AddRange(ForeignResources(raw).Select(u => ((UrlProblem?)null, u)));
        foreach (var (problem, url) in urls.DistinctBy(u => u.Url))
        {
            if (problem is not null) diagnostics.Error(problem.Code, problem.Message, at, field, problem.Hint);
            else diagnostics.Error("CMP150", LinkChecks.ForeignMessage(url), at, field, LinkChecks.ForeignHint);
        }
        if (removed.Count > 0)
            diagnostics.Warning("CMP032", $"Raw HTML that is not allowed was removed: {string.Join(", ", removed.Take(5))}{(removed.Count > 5 ? ", …" : "")}.",
                at, field, "use Markdown; scripts, event handlers, forms, embeds and inline styles are never published");
    }

    /// <summary>Attributes a browser fetches with the page (or on play), whatever the sanitizer would keep of their element.</summary>
    private static readonly string[] ResourceAttributes = ["src", "srcset", "poster", "data", "background", "href", "xlink:href"];

    /// <summary>
    /// URLs in <paramref name="raw"/> that would be fetched from another host. Found before sanitising, so a
    /// <c>&lt;video&gt;</c> or <c>srcset</c> the safe list drops anyway is still named as what it is.
    /// </summary>
    private static IEnumerable<string> ForeignResources(string raw)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + raw);
        foreach (var element in document.Body?.QuerySelectorAll("*") ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
        {
            // Embeds are never published and CMP032 already says so; media and images are what a campaigner expects to work.
            if (LinkTags.Contains(element.LocalName) || element.LocalName is "iframe" or "frame" or "object" or "embed") continue;
            foreach (var name in ResourceAttributes)
            {
                if (element.GetAttribute(name) is not { Length: > 0 } value) continue;
                // srcset lists "url width" candidates separated by commas.
                var candidates = name == "srcset" ? value.Split(',').Select(c => c.Trim().Split(' ')[0]) : [value];
                foreach (var url in candidates.Where(UrlPolicy.IsForeign)) yield return url;
            }
        }
    }

    /// <summary>The page's HTML with everything off the safe list removed; problems were reported by <see cref="Report"/>.</summary>
    public static string Sanitize(string html) => Create([]).Sanitize(html);

    /// <summary>A sanitizer per call: its events carry per-file state. Refused URLs are added to <paramref name="refused"/>.</summary>
    private static HtmlSanitizer Create(List<(UrlProblem? Problem, string Url)> refused)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var s in UrlPolicy.LinkSchemes) sanitizer.AllowedSchemes.Add(s);
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedTags.Add("section");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.RemovingComment += (_, _) => { };
        sanitizer.FilterUrl += (_, e) =>
        {
            if (UrlPolicy.Link(e.OriginalUrl) is { } problem)
            {
                refused.Add((problem, e.OriginalUrl));
                e.SanitizedUrl = null;
            }
            else if (!LinkTags.Contains(e.Tag.LocalName) && UrlPolicy.IsForeign(e.OriginalUrl))
            {
                refused.Add((null, e.OriginalUrl));
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }
}
