using Campaign.Core.Model;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

// The findings' part of the template model (theme/README.md, "Findings"). Members are read in snake_case.

/// <summary>A text in the reader's language, or in another one as a fallback; <c>Lang</c> is set only then.</summary>
public sealed record ShownText(string Text, string? Lang);

/// <summary>A link to a facet value's page with its count.</summary>
public sealed record FacetLinkView(string Key, string Label, string Url, int Count);

/// <summary>A facet as the index shows it: its label, a page of all its values, and the values (the first few on the index).</summary>
/// <param name="More">How many values are left out of <see cref="Values"/>; the facet's own page lists them all.</param>
public sealed record FacetView(string Name, string Label, string Url, IReadOnlyList<FacetLinkView> Values, int More);

/// <summary>One row of a findings table.</summary>
public sealed record FindingRowView(string Id, string Url, ShownText Title, string Company, string CompanyUrl,
    string Technology, string BuyerType, string Place, string Years, string Licence, string LicenceKey);

/// <summary>A source of a finding, with both its links.</summary>
public sealed record SourceView(string Title, string? Publisher, DateView? Date, string Url, string? ArchivedUrl, string? Quote, string? Language);

/// <summary>The report section a finding comes from.</summary>
public sealed record ReportSectionView(string Url, string ReportTitle, string? SectionTitle);

/// <summary>How to cite a finding, with the files to download.</summary>
/// <param name="Absolute">False when the site has no base URL: the page then says the address is relative to the site.</param>
public sealed record CitationView(string Text, string Url, bool Absolute, DateView Accessed, string BibtexUrl, string CslUrl, string BibtexName, string CslName);

/// <summary>A finding with every field, in one language.</summary>
public sealed record FindingView(
    string Id, string Url, ShownText Title, CompanyLink Company, ShownText Product,
    FacetLinkView Technology, ShownText BuyerName, FacetLinkView BuyerType, IReadOnlyList<FacetLinkView> Places, ShownText Country,
    string Years, IReadOnlyList<FacetLinkView> YearLinks, string SummaryHtml, string? SummaryLang, string SummaryForm,
    FacetLinkView Licence, IReadOnlyList<SourceView> Sources, ReportSectionView? ReportSection, IReadOnlyList<string> Tags,
    DateView Reviewed, string JsonUrl, CitationView Citation);

/// <summary>A list of findings: the index, one of its pages, or the findings of one facet value.</summary>
/// <param name="Facets">The browse links (on the index only).</param>
/// <param name="Interactive">True on the index: the filter script enhances it.</param>
public sealed record FindingListView(string Heading, int Total, IReadOnlyList<FindingRowView> Rows, PagerView Pager,
    IReadOnlyList<FacetView> Facets, bool Interactive, string IndexUrl, string DataUrl, string? ScriptUrl, string? FacetUrl, string? FacetLabel);

/// <summary>A downloadable file on the data page, with what a reader needs to verify it.</summary>
public sealed record DownloadView(string Name, string Title, string Description, string Url, string Format, long Bytes, string BytesText, string Size,
    string Sha256, int? Records, string? Licence, DateView? Updated);

/// <summary>Builds the findings' views for one language edition.</summary>
public sealed class FindingViewFactory(SiteModel model, EditionViews views, FindingCatalog catalog)
{
    private readonly string _code = views.Code;
    private readonly string _fallback = model.Site.DefaultLanguage;
    private readonly Dictionary<(string Facet, string Key), FacetValue> _values = catalog.Facets
        .SelectMany(f => f.Values.Select(v => (f.Name, v))).ToDictionary(x => (x.Name, x.v.Key), x => x.v);

    public string Code => _code;

    public ShownText Shown(LocalizedText text) =>
        text.Has(_code) ? new ShownText(text[_code]!, null) : new ShownText(text.Get(_code, _fallback), LangOf(text));

    private string? LangOf(LocalizedText text)
    {
        var code = text.Has(_fallback) ? _fallback : text.Values.Keys.First();
        return model.Site.Find(code)?.Lang ?? code;
    }

    public string Text(LocalizedText text) => text.Get(_code, _fallback);

    public static string FacetUrl(string lang, string facet) => $"/{lang}/findings/{facet}/";
    public static string ValueUrl(string lang, string facet, string slug) => $"/{lang}/findings/{facet}/{slug}/";

    public FacetLinkView Link(string facet, string key)
    {
        var v = _values[(facet, key)];
        return new FacetLinkView(v.Key, Text(v.Label), ValueUrl(_code, facet, v.Slug), v.Members.Length);
    }

    public FacetView Facet(Facet facet, int limit)
    {
        // On the index, the values with most findings come first; the facet's page lists all in their natural order.
        var values = limit < facet.Values.Length
            ? facet.Values.OrderByDescending(v => v.Members.Length).ThenBy(v => v.Key, StringComparer.Ordinal).Take(limit)
            : facet.Values.AsEnumerable();
        return new FacetView(facet.Name, views.Strings.GetValueOrDefault(facet.LabelKey, facet.Name), FacetUrl(_code, facet.Name),
            values.Select(v => Link(facet.Name, v.Key)).ToList(), Math.Max(0, facet.Values.Length - limit));
    }

    public IEnumerable<string> PlaceKeys(Finding f) => FindingCatalog.Places(f).Select(t => FindingCatalog.PlaceKey(t, _fallback)).Distinct();

    public FindingRowView Row(Finding f) =>
        new(f.Id, Urls.Finding(_code, f.Id), Shown(f.Title), views.CompanyLink(f.Company).Name, views.CompanyLink(f.Company).Url,
            views.Label("technology", f.Technology), views.Label("buyer_type", f.Buyer.Type),
            string.Join(", ", PlaceKeys(f).Reverse().Select(k => Text(_values[("place", k)].Label))),
            f.Years.ToString(), views.Label("licence_status", f.Licence), f.Licence);

    public FindingView Finding(Finding f, Citation citation)
    {
        var summaryLang = f.Summary.ContainsKey(_code) ? _code : f.Summary.ContainsKey(_fallback) ? _fallback : f.Summary.Keys.First();
        ReportSectionView? section = null;
        if (f.ReportSection is { } rs)
        {
            var parts = rs.Split('#', 2);
            var report = views.Edition.Reports.FirstOrDefault(r => r.Slug == parts[0]);
            if (report is not null)
            {
                var heading = parts.Length == 2 ? report.Item.Body.Headings.FirstOrDefault(h => h.Id == parts[1]) : null;
                section = new ReportSectionView(Urls.Report(_code, parts[0]) + (parts.Length == 2 ? "#" + parts[1] : ""), report.Item.Title, heading?.Text);
            }
        }
        var url = Urls.Finding(_code, f.Id);
        return new FindingView(f.Id, url, Shown(f.Title), views.CompanyLink(f.Company), Shown(f.Product),
            Link("technology", f.Technology), Shown(f.Buyer.Name), Link("buyer-type", f.Buyer.Type),
            PlaceKeys(f).Select(k => Link("place", k)).ToList(), Shown(f.Country),
            f.Years.ToString(), f.Years.All.Select(y => Link("year", y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            views.Prose(f.Summary[summaryLang].Html), summaryLang == _code ? null : model.Site.Find(summaryLang)?.Lang, f.SummaryForm,
            Link("licence", f.Licence),
            f.Sources.Select(s => new SourceView(s.Title, s.Publisher, views.Dates.View(s.Date), s.Url, s.ArchivedUrl, s.Quote,
                s.Language is null ? null : views.Label("language", s.Language))).ToList(),
            section, f.Tags.Select(t => views.Label("tag", t)).ToList(), views.Dates.View(f.Reviewed), $"/{_code}/findings/{f.Id}.json",
            new CitationView(Citations.PlainText(citation, views.Strings.GetValueOrDefault("cite_pattern", "{0}. \"{1}\". {2}, {3}. {5}. {6}.")),
                citation.Url, citation.Absolute, views.Dates.View(citation.Accessed),
                $"{url}{f.Id}.bib", $"{url}{f.Id}.csl.json", $"{f.Id}-{_code}.bib", $"{f.Id}-{_code}.csl.json"));
    }
}
