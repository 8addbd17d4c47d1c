using System.Security.Cryptography;
using System.Text;
using Campaign.Site.Rendering;

namespace Campaign.Site.Findings;

/// <summary>
/// The findings table's column names as a style sheet: on a phone each row is a card whose facts sit under their column's name
/// (<c>site.css</c> shows <c>--label</c> above each cell). One small file, cached once, instead of a <c>data-label</c> on every cell
/// of every list page (4.3 MiB of a 2,000-finding site's 870 list pages), and the filter script's rows are labelled by the same rules.
/// Cells are named by their place in the row, so the order here is the <c>finding-row</c> partial's.
/// </summary>
public static class FindingTableLabels
{
    /// <summary>The UI strings naming the table's cells after the title, in the row's order (the header row uses the same).</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["facet_company", "facet_technology", "facet_buyer_type", "facet_place", "finding_years", "facet_licence"];

    /// <summary>The sheet's output path and bytes: a rule per language and column, published under a hash of its text like the theme's files.</summary>
    public static (string Path, byte[] Bytes) Sheet(IReadOnlyList<EditionViews> editions)
    {
        var css = new StringBuilder("/* The findings table's column names per language, shown above each fact on a phone (site.css); written by the build from the UI strings. */\n");
        foreach (var v in editions)
            for (var i = 0; i < Columns.Count; i++)
            {
                var label = v.Strings.TryGetValue(Columns[i], out var s) ? s : Columns[i];
                // the first cell is the row's <th>: the cells are the 2nd to the 7th children
                css.Append("html[lang=").Append(Quoted(v.Language.Lang)).Append("] .finding-table td:nth-child(").Append(i + 2)
                    .Append(") { --label: ").Append(Quoted(label)).Append("; }\n");
            }
        var bytes = Encoding.UTF8.GetBytes(css.ToString());
        return ($"assets/theme/css/finding-labels.{Convert.ToHexStringLower(SHA256.HashData(bytes))[..10]}.css", bytes);
    }

    /// <summary>A CSS string: backslash, quote and line breaks escaped (a UI string may hold any of them), nothing else needed.</summary>
    internal static string Quoted(string text)
    {
        var s = new StringBuilder("\"");
        foreach (var ch in text)
        {
            if (ch is '\\' or '"') s.Append('\\').Append(ch);
            else if (ch < ' ' || ch == '\u007f') s.Append('\\').Append(((int)ch).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            else s.Append(ch);
        }
        return s.Append('"').ToString();
    }
}
