using System.Globalization;
using Campaign.Core.Model;
using Campaign.Site.Citations;
using Campaign.Site.Emit;
using Campaign.Site.Planning;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

/// <summary>The findings' pages, and the whole-database files still being made (added to the build's generated files when it ends).</summary>
public sealed record FindingPlan(List<PageJob> Jobs, Task Files);

/// <summary>
/// The findings' pages in every language: one per finding, the index with its facets and numbered pages,
/// a page per facet and per facet value (what readers without JavaScript browse by), and the data page.
/// Their files (downloads, facet file, records, citations) are generated first, so pages can show sizes and hashes.
/// </summary>
public static class FindingPages
{
    /// <summary>Rows per list page: enough to scan, few enough that a list page stays light at any database size.</summary>
    public const int PageSize = 50;

    /// <summary>Values each facet shows on the index; the facet's own page lists them all.</summary>
    public const int IndexFacetValues = 12;

    /// <param name="projector">Makes the per-finding outputs (a live preview's remembers them); a fresh one for a plain build.</param>
    /// <param name="catalogue">Works out the catalogue (a live preview's reuses the last one when it still holds).</param>
    public static List<PageJob> Plan(SiteModel model, IReadOnlyList<EditionViews> editions, Theme theme, GeneratedFiles generated,
        IProjector? projector = null, Func<SiteModel, FindingCatalog>? catalogue = null)
    {
        var plan = Start(model, editions, theme, generated, projector, catalogue);
        plan.Files.GetAwaiter().GetResult();
        return plan.Jobs;
    }

    /// <summary>
    /// The findings' pages and files, with the whole-database files still being made: hashing tens of megabytes then overlaps
    /// the features that follow (search) instead of holding up a rebuild. Wait for <see cref="FindingPlan.Files"/> before any
    /// page is rendered: the data pages read those files' sizes and hashes as they render.
    /// </summary>
    /// <param name="charts">The editions' charts, which the index shows above its table (none when not given).</param>
    public static FindingPlan Start(SiteModel model, IReadOnlyList<EditionViews> editions, Theme theme, GeneratedFiles generated,
        IProjector? projector = null, Func<SiteModel, FindingCatalog>? catalogue = null, Charts.ChartBoard? charts = null)
    {
        projector ??= FreshProjector.Instance;
        var jobs = new List<PageJob>();
        if (model.Findings.IsEmpty) return new FindingPlan(jobs, Task.CompletedTask);
        var catalog = (catalogue ?? FindingCatalog.Build)(model);
        // every record first: its file and findings.json share it
        var recordContext = FindingExports.RecordContextOf(model.Site);
        var records = projector.Each(FindingProjections.Record, catalog.Findings, recordContext);
        // each record once, for every language: the page of every language links the same file
        generated.AddUnder("data/", projector.Each(FindingProjections.RecordFile, records, recordContext));
        var byId = catalog.Findings.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        // The whole-database files are the largest single piece of work here: written beside the per-finding work.
        var database = Task.Run(() => FindingExports.WholeDatabase(model, records, editions, generated, projector));
        var script = theme.Static.TryGetValue("js/findings.js", out var js) ? js.Url : null;
        // the table's column names on a phone, for every language: one file the list pages link
        var sheet = FindingTableLabels.Sheet(editions);
        var labels = generated.Add(sheet.Path, projector.Joined(FindingExports.Unchanged, sheet.Path, sheet.Bytes, [])).Url;

        foreach (var v in editions)
        {
            var views = FindingViewFactory.For(model, v, catalog);
            var code = v.Code;
            FindingExports.Facets(catalog, views, generated, projector);
            var rows = projector.Each(FindingProjections.Row, catalog.Findings, views);
            var title = S(v, "findings_title");
            var indexUrl = Urls.Section(code, "findings");
            var dataUrl = Urls.Section(code, "data");

            // each finding's page and files (the projections make them on every core when there are many), in the catalogue's order
            var cite = FindingCiteContext.Of(model, v);
            var context = new FindingPageContext(views, v.Frames, cite);
            if (projector.Keeps)
                jobs.AddRange(projector.Each(FindingProjections.Page, catalog.Findings, context).Select(p => new PageJob(p.Page, "finding", p.Model, v)));
            else // each view made as its page renders: held from here, 200,000 of them were most of a 100,000-finding build's memory
                jobs.AddRange(catalog.Findings.Select(f => new PageJob(Frame(f, context), "finding", new FindingPageSource(f, context), v)));
            // the language's citations of every finding, one file per format (each page shows its own as text)
            foreach (var file in FindingCitations.Files(code, projector.Each(FindingProjections.CitationEntry, byId, cite), projector)) generated.Add(file);

            // the index and its numbered pages
            var facets = catalog.Facets.Select(f => views.Facet(f, IndexFacetValues)).ToList();
            jobs.AddRange(List(v, projector, indexUrl, title, null, null, rows, facets, script, indexUrl, dataUrl, labels, charts?.For(code).Index ?? []));

            // per facet: a page of its values, and a list per value
            foreach (var facet in catalog.Facets)
            {
                var all = views.Facet(facet, int.MaxValue);
                var facetPage = projector.Joined(FacetPage, all.Url, new FacetPageContext(v.Frames, Pair(v, title, all.Label), all, indexUrl), []);
                jobs.Add(new PageJob(facetPage.Page, "finding-facet", facetPage.Model, v));
                foreach (var value in facet.Values)
                {
                    var link = views.Link(facet.Name, value.Key);
                    jobs.AddRange(List(v, projector, link.Url, Pair(v, all.Label, link.Label), all.Url, all.Label,
                        value.Members.Select(i => rows[i]).ToList(), [], null, indexUrl, dataUrl, labels, []));
                }
            }

            // the data page: its downloads are read as it renders, once the whole-database files are made
            var values = new DataPage(
                new Planning.DeferredList<DownloadView>(() => [.. database.GetAwaiter().GetResult().Select(d => Download(model, v, d))]),
                indexUrl,
                catalog.Findings.Length > 0 ? Urls.FindingRecord(catalog.Findings[0].Id) : null,
                $"/{code}/findings/facets.json");
            jobs.Add(new PageJob(v.Page("data", "findings", dataUrl, S(v, "data_title"), S(v, "data_intro")), "data", values, v));
        }
        return new FindingPlan(jobs, database); // its files are in `generated` once it ends, with or without editions
    }

    /// <summary>A finding's page: its frame and its view, from the finding and the edition's context only.</summary>
    internal static PagePart Page(Finding f, FindingPageContext c) => new(Frame(f, c), new FindingPageSource(f, c).Make());

    /// <summary>A finding's page frame, from what its view would show (address, title), without making the view.</summary>
    private static PageView Frame(Finding f, FindingPageContext c)
    {
        var views = c.Views;
        var code = views.Code;
        var fallback = !f.Title.Has(code) || !f.Summary.ContainsKey(code);
        // a finding is as public as its company: in a --drafts build, one of a company not yet public is marked so
        return c.Frames.Page("finding", "findings", Urls.Finding(code, f.Id), views.Shown(f.Title).Text, Plain(f, views),
            fallback, fallback ? views.Fallback : null, draft: views.DraftCompany(f.Company),
            translatedIn: l => f.Title.Has(l) && f.Summary.ContainsKey(l));
    }

    /// <summary>What a facet's page of all its values is made from.</summary>
    private sealed record FacetPageContext(PageFrames Frames, string Title, FacetView All, string IndexUrl);

    private static readonly Join<FindingRowView, FacetPageContext, PagePart> FacetPage = new("finding-facet", static (c, _) =>
        new PagePart(c.Frames.Page("finding-facet", "findings", c.All.Url, c.Title, null), new FindingFacetPage(c.All, c.IndexUrl)));

    /// <summary>What a list page is made from besides the rows it shows.</summary>
    private sealed record ListContext(PageFrames Frames, string Url, string Title, string Heading, int Total, PagerView Pager,
        IReadOnlyList<FacetView> Facets, bool Interactive, string IndexUrl, string DataUrl, string? ScriptUrl, string? FacetUrl, string? FacetLabel,
        IReadOnlyList<Charts.ChartView> Charts, string LabelsUrl);

    private static readonly Join<FindingRowView, ListContext, PagePart> ListPage = new("finding-list", static (c, rows) =>
        new PagePart(c.Frames.Page("finding-list", "findings", c.Url, c.Title, null), new FindingListPage(new FindingListView(
            c.Heading, c.Total, rows, c.Pager, c.Facets, c.Interactive, c.IndexUrl, c.DataUrl, c.ScriptUrl, c.FacetUrl, c.FacetLabel, c.Charts, c.LabelsUrl))));


    private static string S(EditionViews v, string key) => v.Strings.TryGetValue(key, out var s) ? s : key;

    /// <summary>"Company: Axis" in the language's own punctuation (<c>title_pair</c>: 公司：安讯士).</summary>
    private static string Pair(EditionViews v, string first, string second) =>
        (v.Strings.TryGetValue("title_pair", out var p) ? p : "{0}: {1}").Replace("{0}", first).Replace("{1}", second);

    private static string Plain(Finding f, FindingViewFactory views)
    {
        var text = views.Text(f.Product) + " · " + views.Text(f.Buyer.Name) + " · " + views.Years(f.Years);
        return text;
    }

    private static IEnumerable<PageJob> List(EditionViews v, IProjector projector, string listUrl, string heading,
        string? facetUrl, string? facetLabel, IReadOnlyList<FindingRowView> rows, IReadOnlyList<FacetView> facets, string? script,
        string indexUrl, string dataUrl, string labelsUrl, IReadOnlyList<Charts.ChartView> charts)
    {
        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        for (var n = 1; n <= pages; n++)
        {
            var first = n == 1;
            var url = Urls.ListPage(listUrl, n);
            var title = first ? heading : $"{heading} ({n.ToString(CultureInfo.InvariantCulture)}/{pages.ToString(CultureInfo.InvariantCulture)})";
            var shown = rows.Skip((n - 1) * PageSize).Take(PageSize).ToList();
            var pager = new PagerView(n, pages,
                n > 1 ? Urls.ListPage(listUrl, n - 1) : null,
                n < pages ? Urls.ListPage(listUrl, n + 1) : null,
                Window(n, pages).Select(k => new PagerLink(k, Urls.ListPage(listUrl, k), k == n)).ToList());
            var context = new ListContext(v.Frames, url, title, heading, rows.Count, pager, first ? facets : [],
                first && script is not null && facets.Count > 0, indexUrl, dataUrl, first ? script : null, facetUrl, facetLabel, first ? charts : [], labelsUrl);
            var part = projector.Joined(ListPage, url, context, shown);
            yield return new PageJob(part.Page, "finding-list", part.Model, v);
        }
    }

    /// <summary>Page numbers a pager shows: the first, the last, and three either side of the current one.</summary>
    public static IEnumerable<int> Window(int current, int total) =>
        Enumerable.Range(1, total).Where(k => k == 1 || k == total || Math.Abs(k - current) <= 3);

    private static DownloadView Download(SiteModel model, EditionViews v, FindingDownload d) =>
        new(d.Name, S(v, $"data_{d.Name}_title"), S(v, $"data_{d.Name}_text"), d.File.Url, d.Format, d.File.Size, v.Dates.Number(d.File.Size), Campaign.Site.Downloads.ByteSize.Text(d.File.Size),
            d.File.Sha256, d.Records, model.Site.Licence, v.Dates.View(FindingExports.LastReviewed(model)));
}
