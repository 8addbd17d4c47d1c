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

/// <summary>A finding with every field, in one language.</summary>
public sealed record FindingView(
    string Id, string Url, ShownText Title, CompanyLink Company, ShownText Product,
    FacetLinkView Technology, ShownText BuyerName, FacetLinkView BuyerType, IReadOnlyList<FacetLinkView> Places, ShownText Country,
    string Years, IReadOnlyList<FacetLinkView> YearLinks, string SummaryHtml, string? SummaryLang, string SummaryForm,
    FacetLinkView Licence, IReadOnlyList<SourceView> Sources, ReportSectionView? ReportSection, IReadOnlyList<string> Tags,
    DateView Reviewed, string JsonUrl, Citations.CitationView Citation, FacetLinkView? Kind = null);

/// <summary>A list of findings: the index, one of its pages, or the findings of one facet value.</summary>
/// <param name="Facets">The browse links (on the index only).</param>
/// <param name="Interactive">True on the index: the filter script enhances it.</param>
/// <param name="Charts">The charts of every finding (on the index only), drawn from the same catalogue as the table.</param>
/// <param name="LabelsUrl">The style sheet naming the table's columns on a phone (<see cref="FindingTableLabels"/>); null links none.</param>
public sealed record FindingListView(string Heading, int Total, IReadOnlyList<FindingRowView> Rows, PagerView Pager,
    IReadOnlyList<FacetView> Facets, bool Interactive, string IndexUrl, string DataUrl, string? ScriptUrl, string? FacetUrl, string? FacetLabel,
    IReadOnlyList<Charts.ChartView>? Charts = null, string? LabelsUrl = null);

/// <summary>A downloadable file on the data page, with what a reader needs to verify it.</summary>
public sealed record DownloadView(string Name, string Title, string Description, string Url, string Format, long Bytes, string BytesText, string Size,
    string Sha256, int? Records, string? Licence, DateView? Updated);

/// <summary>A company as a language edition publishes it: the link findings show, and whether it is still a draft.</summary>
public sealed record EditionCompany(CompanyLink Link, bool Draft);

/// <summary>A report as findings refer to it: its title and its headings' texts by id (the first of equal ids).</summary>
public sealed record ReportHeadings(string Title, IReadOnlyDictionary<string, string> Headings);

/// <summary>A facet value as findings' views show it: its slug, its label and how many findings have it.</summary>
public sealed record FacetValueLabel(string Key, string Slug, LocalizedText Label, int Count);

/// <summary>
/// Builds the findings' views for one language edition, and is the whole context they are made from: everything a
/// view reads besides its finding is one of these public properties (the projections in <see cref="FindingProjections"/>
/// are keyed by them), resolved once from the edition, so an embargoed company or report cannot be reached.
/// </summary>
/// <param name="LanguageTags">Each site language's BCP 47 tag by code, for text shown in another language.</param>
/// <param name="Companies">The companies the edition publishes, by slug.</param>
/// <param name="Facets">Each facet's values by key.</param>
public sealed record FindingViewFactory(
    Language Language, string Fallback, IReadOnlyDictionary<string, string> LanguageTags, IReadOnlyDictionary<string, string> Strings,
    Vocabularies Vocabularies, IReadOnlyDictionary<string, EditionCompany> Companies, IReadOnlyDictionary<string, ReportHeadings> Reports,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, FacetValueLabel>> Facets)
{
    /// <summary>The views' context of one edition, from its views and the catalogue.</summary>
    public static FindingViewFactory For(SiteModel model, EditionViews views, FindingCatalog catalog)
    {
        var reports = new Dictionary<string, ReportHeadings>(StringComparer.Ordinal);
        foreach (var r in views.Edition.Reports)
        {
            var headings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var h in r.Item.Body.Headings) headings.TryAdd(h.Id, h.Text);
            reports.TryAdd(r.Slug, new ReportHeadings(r.Item.Title, headings));
        }
        return new FindingViewFactory(
            views.Language, model.Site.DefaultLanguage,
            model.Site.Languages.ToDictionary(l => l.Code, l => l.Lang, StringComparer.Ordinal),
            views.Strings, model.Content.Vocabularies,
            views.Edition.Companies.ToDictionary(c => c.Slug, c => new EditionCompany(views.CompanyLink(c.Slug), c.IsDraft), StringComparer.Ordinal),
            reports,
            catalog.Facets.ToDictionary(f => f.Name, f => (IReadOnlyDictionary<string, FacetValueLabel>)f.Values.ToDictionary(
                v => v.Key, v => new FacetValueLabel(v.Key, v.Slug, v.Label, v.Members.Length), StringComparer.Ordinal), StringComparer.Ordinal));
    }

    public string Code => Language.Code;

    private DateFormat? _dates;

    /// <summary>Dates in the edition's format (worked out from <see cref="Language"/> and <see cref="Strings"/>).</summary>
    private DateFormat Dates => _dates ??= new DateFormat(Language, Strings);

    public ShownText Shown(LocalizedText text) =>
        text.Has(Code) ? new ShownText(text[Code]!, null) : new ShownText(text.Get(Code, Fallback), LangOf(text));

    private string? LangOf(LocalizedText text)
    {
        var code = text.Has(Fallback) ? Fallback : text.Values.Keys.First();
        return LanguageTags.GetValueOrDefault(code, code);
    }

    public string Text(LocalizedText text) => text.Get(Code, Fallback);

    private string Label(string vocabulary, string value) => Vocabularies.Label(vocabulary, value, Code, Fallback);

    /// <summary>A finding's rendered summary readied for the page (<see cref="ProseHtml"/>), with this edition's labels.</summary>
    private string Prose(string html) => ProseHtml.Prepare(html, Strings);

    /// <summary>A link to a company the edition publishes (routing dropped every reference to any other).</summary>
    public CompanyLink CompanyLink(string slug) => Companies.TryGetValue(slug, out var c) ? c.Link : new(slug, slug, Urls.Company(Code, slug));

    /// <summary>True when the finding's company is still a draft (shown only in a <c>--drafts</c> build).</summary>
    public bool DraftCompany(string slug) => Companies.TryGetValue(slug, out var c) && c.Draft;

    /// <summary>The years as pages show them, "year not stated" included.</summary>
    public string Years(YearRange years) => EditionViews.YearsText(years, Strings);

    public static string FacetUrl(string lang, string facet) => $"/{lang}/findings/{facet}/";
    public static string ValueUrl(string lang, string facet, string slug) => $"/{lang}/findings/{facet}/{slug}/";

    public FacetLinkView Link(string facet, string key)
    {
        var v = Facets[facet][key];
        return new FacetLinkView(v.Key, Text(v.Label), ValueUrl(Code, facet, v.Slug), v.Count);
    }

    public FacetView Facet(Facet facet, int limit)
    {
        // On the index, the values with most findings come first; the facet's page lists all in their natural order.
        var values = limit < facet.Values.Length
            ? facet.Values.OrderByDescending(v => v.Members.Length).ThenBy(v => v.Key, StringComparer.Ordinal).Take(limit)
            : facet.Values.AsEnumerable();
        return new FacetView(facet.Name, Strings.GetValueOrDefault(facet.LabelKey, facet.Name), FacetUrl(Code, facet.Name),
            values.Select(v => Link(facet.Name, v.Key)).ToList(), Math.Max(0, facet.Values.Length - limit));
    }

    public IEnumerable<string> PlaceKeys(Finding f) => FindingCatalog.Places(f).Select(t => FindingCatalog.PlaceKey(t, Fallback)).Distinct();

    /// <summary>Where a finding is filed, as a table writes it: "Guilin, Guangxi", 广西桂林 (<c>place_pair</c>: {0} city, {1} province).</summary>
    private string Place(IReadOnlyList<string> places) => places.Count == 2
        ? Strings.GetValueOrDefault("place_pair", "{0}, {1}").Replace("{0}", places[1]).Replace("{1}", places[0])
        : string.Join(", ", places);

    public FindingRowView Row(Finding f) =>
        new(f.Id, Urls.Finding(Code, f.Id), Shown(f.Title), CompanyLink(f.Company).Name, CompanyLink(f.Company).Url,
            Label("technology", f.Technology), Label("buyer_type", f.Buyer.Type),
            Place(PlaceKeys(f).Select(k => Text(Facets[FacetKeys.Place][k].Label)).ToList()),
            Years(f.Years), Label("licence_status", f.Licence), f.Licence);

    public FindingView Finding(Finding f, Citations.Citation citation)
    {
        var summaryLang = f.Summary.ContainsKey(Code) ? Code : f.Summary.ContainsKey(Fallback) ? Fallback : f.Summary.Keys.First();
        ReportSectionView? section = null;
        if (f.ReportSection is { } rs)
        {
            var parts = rs.Split('#', 2);
            if (Reports.TryGetValue(parts[0], out var report))
            {
                var heading = parts.Length == 2 ? report.Headings.GetValueOrDefault(parts[1]) : null;
                section = new ReportSectionView(Urls.Report(Code, parts[0]) + (parts.Length == 2 ? "#" + parts[1] : ""), report.Title, heading);
            }
        }
        var url = Urls.Finding(Code, f.Id);
        return new FindingView(f.Id, url, Shown(f.Title), CompanyLink(f.Company), Shown(f.Product),
            Link(FacetKeys.Technology, f.Technology), Shown(f.Buyer.Name), Link(FacetKeys.BuyerType, f.Buyer.Type),
            PlaceKeys(f).Select(k => Link(FacetKeys.Place, k)).ToList(), Shown(f.Country),
            Years(f.Years), f.Years.All.Select(y => Link(FacetKeys.Year, y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            Prose(f.Summary[summaryLang].Html), summaryLang == Code ? null : LanguageTags.GetValueOrDefault(summaryLang), f.SummaryForm,
            Link(FacetKeys.Licence, f.Licence),
            f.Sources.Select(s => new SourceView(s.Title, s.Publisher, Dates.View(s.Date), s.Url, s.ArchivedUrl, s.Quote,
                s.Language is null ? null : Label("language", s.Language))).ToList(),
            section, f.Tags.Select(t => Label("tag", t)).ToList(), Dates.View(f.Reviewed), Urls.FindingRecord(f.Id),
            Citations.CitationView.OfFinding(citation, Code),
            f.Kind is not null && Facets.TryGetValue(FacetKeys.Kind, out var kinds) && kinds.ContainsKey(f.Kind) ? Link(FacetKeys.Kind, f.Kind) : null);
    }
}
