using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Campaign.Core.Model;

namespace Campaign.Site.Press;

/// <summary>How to cite one report in one language: plain text, BibTeX and CSL-JSON, with its permanent URL.</summary>
/// <param name="Url">Root-relative link to the report (made relative on the page).</param>
/// <param name="PermanentUrl">The absolute address under <c>base_url</c>; null when the site has no base URL.</param>
public sealed record Citation(string Title, string Lang, string Url, string? PermanentUrl, string Text, string Bibtex, string CslJson)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = Campaign.Core.PublishedJson.Encoder };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <param name="format">The language's <c>cite_plain</c> string: {0} authors, {1} title, {2} index number part, {3} date, {4} URL part.</param>
    /// <param name="indexFormat">The language's <c>cite_index</c> string, with {0} for the index number.</param>
    public static Citation For(Report report, Language language, string url, string? permanentUrl, string? organisation,
        string dateText, string format, string indexFormat)
    {
        var authors = report.Authors.IsEmpty ? (organisation is null ? [] : [organisation]) : report.Authors.ToList();
        var authorText = string.Join(", ", authors);
        var index = report.IndexNumber is null ? "" : string.Format(System.Globalization.CultureInfo.InvariantCulture, indexFormat, report.IndexNumber);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, authorText, report.Title, index, dateText,
            permanentUrl ?? "").TrimEnd();

        var bib = new StringBuilder();
        bib.Append("@techreport{").Append(report.Doc.Slug).Append('-').Append(report.Date.Year).Append('-').Append(language.Code).Append(",\n");
        // Double braces keep an organisation's name from being split into first and last names.
        if (authors.Count > 0) bib.Append("  author = {").Append(string.Join(" and ", authors.Select(a => "{" + Findings.Citations.Escape(a) + "}"))).Append("},\n");
        bib.Append("  title = {{").Append(Findings.Citations.Escape(report.Title)).Append("}},\n");
        if (organisation is not null) bib.Append("  institution = {").Append(Findings.Citations.Escape(organisation)).Append("},\n");
        if (report.IndexNumber is not null) bib.Append("  number = {").Append(Findings.Citations.Escape(report.IndexNumber)).Append("},\n");
        bib.Append("  year = {").Append(report.Date.Year).Append("},\n");
        bib.Append("  month = ").Append(Months[report.Date.Month - 1]).Append(",\n");
        bib.Append("  language = {").Append(language.Lang).Append('}');
        if (permanentUrl is not null) bib.Append(",\n  url = {").Append(permanentUrl).Append('}');
        bib.Append("\n}");

        var csl = new Dictionary<string, object?>
        {
            ["id"] = $"{report.Doc.Slug}-{report.Date.Year}-{language.Code}",
            ["type"] = "report",
            ["title"] = report.Title,
            ["author"] = authors.Select(a => new Dictionary<string, string> { ["literal"] = a }).ToList(),
            ["publisher"] = organisation,
            ["number"] = report.IndexNumber,
            ["issued"] = new Dictionary<string, int[][]> { ["date-parts"] = [[report.Date.Year, report.Date.Month, report.Date.Day]] },
            ["language"] = language.Lang,
            ["URL"] = permanentUrl,
        };
        foreach (var key in csl.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList()) csl.Remove(key);
        var cslJson = JsonSerializer.Serialize(new[] { csl }, Json);

        return new Citation(report.Title, language.Lang, url, permanentUrl, text, bib.ToString(), cslJson);
    }
}
