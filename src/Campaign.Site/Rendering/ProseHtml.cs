using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Site.Rendering;

/// <summary>
/// Readies rendered Markdown for a page in the edition's language: each table scrolls in its own labelled box, a link
/// that shows its own address is marked <c>class="url"</c>, a footnote's back-links collapse into one compact line under a "Notes" heading, and a footnote marker stays
/// on the line of the character before it (it never wraps alone after 。).
/// </summary>
public static partial class ProseHtml
{
    /// <summary>As the other <c>Prepare</c>, with the labels from an edition's UI strings (<c>table_label</c>, <c>notes_title</c>, <c>footnote_back</c>).</summary>
    public static string Prepare(string html, IReadOnlyDictionary<string, string> strings, string? pageLang = null)
    {
        string S(string key) => strings.TryGetValue(key, out var v) ? v : key;
        return Prepare(html, S("table_label"), S("notes_title"), S("footnote_back"), pageLang);
    }

    /// <param name="tableLabel">The accessible name of a table's scroll box (keyboard users scroll it once focused).</param>
    /// <param name="notesTitle">The heading over the footnotes.</param>
    /// <param name="backTo">"Back to reference {0}", the accessible name of a numbered back-link.</param>
    /// <param name="pageLang">The page's language tag when the text is a fallback in another language: the heading, in the page's
    /// language, then says so (注释 inside an English text).</param>
    public static string Prepare(string html, string tableLabel, string notesTitle, string backTo, string? pageLang = null)
    {
        if (html.Length == 0) return html;
        if (html.Contains("<table", StringComparison.Ordinal))
        {
            var label = Escape(tableLabel);
            html = TableStart().Replace(html, m => $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\">" + m.Value);
            html = html.Replace("</table>", "</table></div>", StringComparison.Ordinal);
        }
        // A link that shows its own address is marked, so print (which writes each link's address after it) shows it once.
        if (html.Contains(">http", StringComparison.Ordinal)) html = BareAddress().Replace(html, "<a href=\"$1\" class=\"url\">$1</a>");
        if (!html.Contains("class=\"footnote-ref\"", StringComparison.Ordinal)) return html;
        html = MarkerAfter().Replace(html, "<span class=\"fn-joint\">$1$2</span>");
        html = html.Replace("<div class=\"footnotes\">\n<hr />", $"<div class=\"footnotes\">\n<h2 class=\"notes-title\"{(pageLang is null ? "" : $" lang=\"{Escape(pageLang)}\"")}>{Escape(notesTitle)}</h2>", StringComparison.Ordinal);
        return BackLinks().Replace(html, m => Collapse(m, backTo));
    }

    /// <summary>One back-link stays the usual ↩; several become "↩ 1 2 3", each number a link to its place in the text.</summary>
    private static string Collapse(Match m, string backTo)
    {
        var targets = m.Groups["n"].Captures;
        if (targets.Count == 1) return m.Value;
        var line = new StringBuilder("<span class=\"footnote-back-refs\"><span aria-hidden=\"true\">&#8617;</span>");
        for (var i = 0; i < targets.Count; i++)
        {
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            line.Append($" <a href=\"#fnref:{targets[i].Value}\" class=\"footnote-back-ref\" aria-label=\"{Escape(string.Format(System.Globalization.CultureInfo.InvariantCulture, backTo, number))}\">{number}</a>");
        }
        return line.Append("</span>").ToString();
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>A link whose text is exactly its address (a Markdown autolink, or a URL pasted as the text).</summary>
    [GeneratedRegex("""<a href="(https?://[^"<>]+)">\1</a>""")]
    private static partial Regex BareAddress();

    [GeneratedRegex("<table[ >]")]
    private static partial Regex TableStart();

    /// <summary>The character before a footnote marker (a whole surrogate pair, never part of a tag or an entity) and the marker.</summary>
    [GeneratedRegex("""([\uD800-\uDBFF][\uDC00-\uDFFF]|[^\s<>;&"])(<a id="fnref:[^"]*" href="#fn:[^"]*" class="footnote-ref"><sup>[^<]*</sup></a>)""")]
    private static partial Regex MarkerAfter();

    /// <summary>A footnote's run of Markdig back-links (one per place the note is referenced).</summary>
    [GeneratedRegex("""(?:<a href="#fnref:(?<n>[^"]+)" class="footnote-back-ref">&#8617;</a>)+""")]
    private static partial Regex BackLinks();
}
