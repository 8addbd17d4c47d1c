using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using Campaign.Core.Model;
using Campaign.Search;
using Campaign.Site.Planning;
using Campaign.Site.Routing;

namespace Campaign.Site.Search;

/// <summary>
/// What each language edition lets readers find: its findings, each <c>##</c> section of its reports (the first with
/// the report's summary, subtitle and key findings), its companies, updates and pages. Built from the editions, so embargoed and scheduled documents stay out of the index.
/// </summary>
public static class SearchCorpora
{
    /// <param name="projector">Makes the findings' documents and the reports' sections (<see cref="FreshProjector"/> unless given).</param>
    public static IReadOnlyList<SearchCorpus> Build(SiteModel model, IProjector? projector = null) =>
        [.. model.Editions.Select(e => Build(model, e, projector ?? FreshProjector.Instance))];

    /// <summary>A finding's search document in one language.</summary>
    private static readonly Projection<Finding, FindingContext, SearchDocument> FindingDocuments = new("search-finding", static (f, c) => FindingDocument(f, c));

    /// <summary>A report body's sections (parsing reports again cost a live preview as much as the rest of a rebuild).</summary>
    private static readonly Projection<RenderedMarkdown, string, IReadOnlyList<(string Id, string Title, string Text)>> ReportSections =
        new("search-sections", static (body, _) => Sections(body.Html));

    /// <summary>A body's text as the index reads it (<see cref="SearchCorpora.Text(RenderedMarkdown)"/>): parsed again only when the body changed.</summary>
    private static readonly Projection<RenderedMarkdown, string, string> BodyText = new("search-text", static (body, _) => SearchCorpora.Text(body));

    public static SearchCorpus Build(SiteModel model, Edition edition, IProjector projector)
    {
        var lang = edition.Language.Code;
        var docs = new List<SearchDocument>();

        docs.AddRange(projector.Each(FindingDocuments, model.Findings, FindingContext.Of(model, edition)));
        string TextOf(RenderedMarkdown body) => projector.One(BodyText, body, "");

        foreach (var r in edition.Reports)
        {
            var report = r.Item;
            var url = Urls.Report(lang, report.Doc.Slug);
            var sections = projector.One(ReportSections, report.Body, "");
            // What the report's page shows above its first section, from front matter: the summary first (the excerpt is
            // cut from it), then the subtitle and the key findings box, which a reader reads there and searches for.
            // The index number (EUR 01/2556/2020) and authors identify the report itself, not the pages quoting them.
            IEnumerable<string> keyFindings = report.KeyFindings.IsDefault ? [] : report.KeyFindings.Select(k => TextOf(k.Text));
            docs.Add(new SearchDocument(url, report.Title, "report", null, report.Date.Year, report.Date.Year,
                Join([report.Summary, report.Subtitle, .. keyFindings, sections.Count > 0 ? sections[0].Text : ""]),
                Join([report.IndexNumber, .. report.Authors])));
            foreach (var section in sections.Skip(1))
                docs.Add(new SearchDocument(url + "#" + section.Id, section.Title, "report", null, report.Date.Year, report.Date.Year, section.Text));
        }

        // The home page: the campaign's title and what it is about, so searching for the campaign leads home.
        docs.Add(new SearchDocument(Urls.Home(lang), model.Site.Title.Get(lang, model.Site.DefaultLanguage), "page", null, 0, 0,
            Join(model.Site.Tagline?.Get(lang, model.Site.DefaultLanguage), model.Site.Organisation?.Get(lang, model.Site.DefaultLanguage))));

        foreach (var c in edition.Companies)
        {
            var company = c.Item;
            var responses = company.Responses.SelectMany(x => new[] { x.Text is { } t ? TextOf(t) : null, x.Rejoinder is { } r ? TextOf(r) : null });
            docs.Add(new SearchDocument(Urls.Company(lang, company.Doc.Slug), company.Name, "company", company.Doc.Slug,
                company.Updated?.Year ?? 0, company.Updated?.Year ?? 0,
                Join([company.Summary, company.Country, company.Parent, string.Join(' ', company.Products), TextOf(company.Body), .. responses])));
        }

        foreach (var u in edition.Updates)
        {
            var update = u.Item;
            docs.Add(new SearchDocument(Urls.Update(lang, update.Doc.Slug), update.Title, "update",
                update.Companies.Length == 1 ? update.Companies[0] : null, update.Date.Year, update.Date.Year,
                Join(update.Summary, TextOf(update.Body), string.Join(' ', update.Tags))));
        }

        foreach (var p in edition.Pages)
            docs.Add(new SearchDocument(Urls.Page(lang, p.Slug), p.Item.Title, "page", null, 0, 0, Join(p.Item.Summary, TextOf(p.Item.Body))));

        var companies = edition.Companies.Select(c => new SearchCompany(c.Slug, c.Item.Name)).ToList();
        return new SearchCorpus(lang, docs, companies);
    }

    /// <summary>
    /// Everything a finding's search document reads besides the finding, and nothing else: a live preview reuses an
    /// unchanged finding's document while this holds the same values.
    /// </summary>
    /// <param name="CompanyNames">The edition's published companies' names by slug.</param>
    public sealed record FindingContext(string Lang, string Fallback, ImmutableSortedDictionary<string, string> CompanyNames, Vocabulary? Technology)
    {
        public static FindingContext Of(SiteModel model, Edition edition) => new(edition.Language.Code, model.Site.DefaultLanguage,
            edition.Companies.ToImmutableSortedDictionary(c => c.Slug, c => c.Item.Name, StringComparer.Ordinal), model.Content.Vocabularies["technology"]);
    }

    /// <summary>A finding's search document in one language, made from the finding and <paramref name="c"/> only.</summary>
    public static SearchDocument FindingDocument(Finding f, FindingContext c)
    {
        var (lang, fallback) = (c.Lang, c.Fallback);
        var summary = f.Summary.TryGetValue(lang, out var s) ? s : f.Summary.TryGetValue(fallback, out var d) ? d : null;
        var prose = summary is null ? null : Text(summary);
        var body = Join(
            c.CompanyNames.GetValueOrDefault(f.Company),
            f.Product.Get(lang, fallback),
            c.Technology?.Find(f.Technology)?.Label.Get(lang, fallback) ?? f.Technology,
            f.Buyer.Name.Get(lang, fallback),
            f.Buyer.City?.Get(lang, fallback),
            f.Buyer.Province?.Get(lang, fallback),
            f.Country.Get(lang, fallback),
            prose,
            string.Join(' ', f.Tags));
        // The permanent id (finding-004711, as cited) is indexed with the title: searching for it leads to this page.
        return new SearchDocument(Urls.Finding(lang, f.Id), f.Title.Get(lang, fallback), "finding", f.Company, f.Years.From, f.Years.To, body, f.Id,
            prose ?? ""); // the excerpt is the summary: company, product and the rest show as chips, not run into it
    }

    /// <summary>
    /// A body's text as a reader reads it, block by block: no markup, no footnote numbers (a footnote's mark would run
    /// into the word before it, "bodies,2"), no footnotes at the end; a figure gives its caption's text.
    /// </summary>
    /// <remarks>Most bodies (a finding's summary is one paragraph) have neither: their plain text is taken as it is, without parsing.</remarks>
    internal static string Text(RenderedMarkdown markdown) =>
        markdown.Html.Contains("footnote", StringComparison.Ordinal) || markdown.Html.Contains("<figure", StringComparison.Ordinal) ? Text(markdown.Html) : markdown.PlainText;

    private static string Text(string html) => Join([.. Sections(html).Select(s => s.Title.Length == 0 ? s.Text : s.Title + "\n" + s.Text)]);

    /// <summary>A report body cut at its <c>h2</c> headings: the part before the first one (id "") and each section, as <see cref="Text(RenderedMarkdown)"/> reads them.</summary>
    internal static IReadOnlyList<(string Id, string Title, string Text)> Sections(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var mark in document.Body!.QuerySelectorAll("a.footnote-ref, sup.footnote-ref, .footnotes").ToList()) mark.Remove();
        var result = new List<(string Id, string Title, string Text)> { ("", "", "") };
        var text = new List<string>();
        void Flush() => result[^1] = (result[^1].Id, result[^1].Title, Join([.. text]));
        foreach (var node in document.Body!.Children)
        {
            if (node.LocalName == "h2" && node.Id is { Length: > 0 } id)
            {
                Flush();
                text.Clear();
                result.Add((id, node.TextContent.Trim(), ""));
                continue;
            }
            if (node.ClassList.Contains("footnotes")) continue;
            text.Add(node.TextContent);
        }
        Flush();
        return result;
    }

    private static string Join(params string?[] parts) =>
        string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
