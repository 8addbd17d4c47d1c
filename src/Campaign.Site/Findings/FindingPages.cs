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
        var byId = catalog.ById();
        // The whole-database files are the largest single piece of work here: written beside the per-finding work.
        var database = Task.Run(() => FindingExports.WholeDatabase(model, byId, catalog.ById(records), editions, generated, projector));
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

    /// <summary>Pages of a list made (and, in a live preview, kept) together: one context and one pass over their rows for sixteen pages.</summary>
    internal const int RunPages = 16;

    /// <summary>
    /// What a run of a list's pages (<see cref="RunPages"/> of them from page <c>First</c>) is made from besides the rows
    /// they show. A large database has tens of thousands of list pages; a live preview recognises an unchanged run by this
    /// context's value and its rows' identity, instead of a context of its own for every page.
    /// </summary>
    private sealed record ListRunContext(PageFrames Frames, string ListUrl, string Heading, int Total, int Pages, int First,
        IReadOnlyList<FacetView> Facets, string? ScriptUrl, string IndexUrl, string DataUrl, string? FacetUrl, string? FacetLabel,
        IReadOnlyList<Charts.ChartView> Charts, string LabelsUrl);

    /// <summary>The pages of one run, from its context and the rows they show (the run's rows, in order).</summary>
    private static readonly Join<FindingRowView, ListRunContext, PagePart[]> ListRun = new("finding-list-run", static (c, rows) =>
    {
        var count = Math.Min(RunPages, c.Pages - c.First + 1);
        var parts = new PagePart[count];
        for (var k = 0; k < count; k++)
        {
            var n = c.First + k;
            var first = n == 1;
            var url = Urls.ListPage(c.ListUrl, n);
            var title = first ? c.Heading : $"{c.Heading} ({n.ToString(CultureInfo.InvariantCulture)}/{c.Pages.ToString(CultureInfo.InvariantCulture)})";
            var shown = rows.Skip(k * PageSize).Take(PageSize).ToList();
            var pager = new PagerView(n, c.Pages,
                n > 1 ? Urls.ListPage(c.ListUrl, n - 1) : null,
                n < c.Pages ? Urls.ListPage(c.ListUrl, n + 1) : null,
                Window(n, c.Pages).Select(w => new PagerLink(w, Urls.ListPage(c.ListUrl, w), w == n)).ToList());
            var facets = first ? c.Facets : [];
            var script = first ? c.ScriptUrl : null;
            parts[k] = new PagePart(c.Frames.Page("finding-list", "findings", url, title, null), new FindingListPage(new FindingListView(
                c.Heading, c.Total, shown, pager, facets, script is not null && facets.Count > 0, c.IndexUrl, c.DataUrl, script, c.FacetUrl, c.FacetLabel,
                first ? c.Charts : [], c.LabelsUrl)));
        }
        return parts;
    });

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
        for (var first = 1; first <= pages; first += RunPages)
        {
            var one = first == 1;
            var context = new ListRunContext(v.Frames, listUrl, heading, rows.Count, pages, first, one ? facets : [], one ? script : null,
                indexUrl, dataUrl, facetUrl, facetLabel, one ? charts : [], labelsUrl);
            var shown = rows.Skip((first - 1) * PageSize).Take(RunPages * PageSize).ToList();
            foreach (var part in projector.Joined(ListRun, Urls.ListPage(listUrl, first), context, shown))
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
