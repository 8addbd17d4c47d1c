using System.Globalization;
using Campaign.Core.Model;
using Campaign.Site.Citations;
using Campaign.Site.Emit;
using Campaign.Site.Preview;
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

    /// <param name="memo">A live preview's findings files from the previous build, so only edited findings' files are made again;
    /// null for a plain build.</param>
    /// <param name="viewMemo">In a live preview, the views of the previous build, reused for unchanged findings.</param>
    public static List<PageJob> Plan(SiteModel model, IReadOnlyList<EditionViews> editions, Theme theme, GeneratedFiles generated,
        FindingFilesMemo? memo = null, Preview.FindingViewMemo? viewMemo = null)
    {
        var plan = Start(model, editions, theme, generated, memo, viewMemo);
        plan.Files.GetAwaiter().GetResult();
        return plan.Jobs;
    }

    /// <summary>
    /// The findings' pages and files, with the whole-database files still being made: hashing tens of megabytes then overlaps
    /// the features that follow (search) instead of holding up a rebuild. Wait for <see cref="FindingPlan.Files"/> before any
    /// page is rendered: the data pages read those files' sizes and hashes as they render.
    /// </summary>
    public static FindingPlan Start(SiteModel model, IReadOnlyList<EditionViews> editions, Theme theme, GeneratedFiles generated,
        FindingFilesMemo? memo = null, Preview.FindingViewMemo? viewMemo = null)
    {
        var jobs = new List<PageJob>();
        if (model.Findings.IsEmpty) return new FindingPlan(jobs, Task.CompletedTask);
        memo ??= new FindingFilesMemo(); // a plain build remembers nothing past itself, but takes the same path
        var catalog = memo.Catalog(model);
        // every record first, on every core: each language's files and findings.json share them
        var recordContext = FindingExports.RecordContext(model.Site);
        var records = memo.Slots<FindingExports.RecordPiece>("record")
            .Fill(catalog.Findings, recordContext, (_, f) => FindingExports.Record(model, f, memo, recordContext), parallel: true);
        // The whole-database files are the largest single piece of work here: written beside the per-finding work.
        var database = Task.Run(() => FindingExports.WholeDatabase(model, editions, generated, memo));
        var script = theme.Static.TryGetValue("js/findings.js", out var js) ? js.Url : null;

        foreach (var v in editions)
        {
            var views = new FindingViewFactory(model, v, catalog);
            var code = v.Code;
            var known = viewMemo?.For(code, model, v, catalog);
            FindingExports.Facets(catalog, views, v.Strings, generated, memo);
            IReadOnlyList<FindingRowView> rows = known is null ? catalog.Findings.Select(views.Row).ToList() : known.Rows(catalog.Findings, views.Row);
            var title = S(v, "findings_title");
            var indexUrl = Urls.Section(code, "findings");
            var dataUrl = Urls.Section(code, "data");

            // each finding: independent of the others, so planned on every core (the views only read shared lookups);
            // the jobs keep the catalogue's order.
            Preview.FindingViewMemo.FindingPage Make(Finding f, int i)
            {
                var record = records[i].Record;
                Citation? cited = null; // worked out once, and only when the files or the page are made anew
                Citation Citation() => cited ??= Citations.Citation.Of(model, v, f);
                GeneratedFile[] Files(Finding f) => FindingExports.Files(code, f, Citation(), record, memo);
                Preview.FindingViewMemo.PageParts Parts(Finding f)
                {
                    var view = views.Finding(f, Citation());
                    var fallback = !f.Title.Has(code) || !f.Summary.ContainsKey(code);
                    // a finding is as public as its company: in a --drafts build, one of a company not yet public is marked so
                    var page = v.Page("finding", "findings", view.Url, view.Title.Text, Plain(f, views),
                        fallback, fallback ? model.Site.DefaultLanguage : null, draft: v.Edition.Company(f.Company)?.IsDraft == true,
                        translatedIn: l => f.Title.Has(l) && f.Summary.ContainsKey(l));
                    return new(page, new FindingPage(view));
                }
                return known is null ? new(Parts(f), Files(f)) : new(known.Page(f, Parts), known.Files(f, Files));
            }
            Preview.FindingViewMemo.FindingPage[] pages;
            if (known is null)
            {
                pages = new Preview.FindingViewMemo.FindingPage[catalog.Findings.Length];
                Parallel.For(0, pages.Length, i => pages[i] = Make(catalog.Findings[i], i));
            }
            else pages = known.Pages(catalog.Findings, (i, f) => Make(f, i));
            var each = new PageJob[pages.Length];
            for (var i = 0; i < each.Length; i++) each[i] = new PageJob(pages[i].Page, "finding", pages[i].Model, v);
            jobs.AddRange(each);
            generated.AddUnder(code + "/", [.. pages.Select(p => p.Files)]);

            // the index and its numbered pages
            var facets = catalog.Facets.Select(f => views.Facet(f, IndexFacetValues)).ToList();
            jobs.AddRange(List(v, known, indexUrl, title, null, null, rows, facets, script, indexUrl, dataUrl));

            // per facet: a page of its values, and a list per value
            foreach (var facet in catalog.Facets)
            {
                var all = views.Facet(facet, int.MaxValue);
                var facetTitle = Pair(v, title, all.Label);
                // a facet page shows only what the edition's context holds (labels, counts), so its address and title are its key
                Preview.FindingViewMemo.PageParts FacetPage() =>
                    new(v.Page("finding-facet", "findings", all.Url, facetTitle, null), new FindingFacetPage(all, indexUrl));
                var facetPage = known is null ? FacetPage() : known.List(all.Url, facetTitle + "\u001f" + indexUrl, [], FacetPage);
                jobs.Add(new PageJob(facetPage.Page, "finding-facet", facetPage.Model, v));
                foreach (var value in facet.Values)
                {
                    var link = views.Link(facet.Name, value.Key);
                    jobs.AddRange(List(v, known, link.Url, Pair(v, all.Label, link.Label), all.Url, all.Label,
                        value.Members.Select(i => rows[i]).ToList(), [], null, indexUrl, dataUrl));
                }
            }

            // the data page: its downloads are read as it renders, once the whole-database files are made
            var values = new DataPage(
                new Planning.DeferredList<DownloadView>(() => [.. database.GetAwaiter().GetResult().Select(d => Download(model, v, d))]),
                indexUrl,
                catalog.Findings.Length > 0 ? $"/{code}/findings/{catalog.Findings[0].Id}.json" : null,
                $"/{code}/findings/facets.json");
            jobs.Add(new PageJob(v.Page("data", "findings", dataUrl, S(v, "data_title"), S(v, "data_intro")), "data", values, v));
        }
        return new FindingPlan(jobs, database); // its files are in `generated` once it ends, with or without editions
    }

    private static string S(EditionViews v, string key) => v.Strings.TryGetValue(key, out var s) ? s : key;

    /// <summary>"Company: Axis" in the language's own punctuation (<c>title_pair</c>: 公司：安讯士).</summary>
    private static string Pair(EditionViews v, string first, string second) =>
        (v.Strings.TryGetValue("title_pair", out var p) ? p : "{0}: {1}").Replace("{0}", first).Replace("{1}", second);

    private static string Plain(Finding f, FindingViewFactory views)
    {
        var text = views.Text(f.Product) + " · " + views.Text(f.Buyer.Name) + " · " + views.Years(f.Years);
        return text;
    }

    /// <param name="known">In a live preview, the edition's memo: a page showing the same rows as last time is reused whole.</param>
    private static IEnumerable<PageJob> List(EditionViews v, Preview.FindingViewMemo.Scope? known, string listUrl, string heading,
        string? facetUrl, string? facetLabel, IReadOnlyList<FindingRowView> rows, IReadOnlyList<FacetView> facets, string? script,
        string indexUrl, string dataUrl)
    {
        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        for (var n = 1; n <= pages; n++)
        {
            var first = n == 1;
            var url = Urls.ListPage(listUrl, n);
            var title = first ? heading : $"{heading} ({n.ToString(CultureInfo.InvariantCulture)}/{pages.ToString(CultureInfo.InvariantCulture)})";
            var shown = rows.Skip((n - 1) * PageSize).Take(PageSize).ToList();
            var page = n; // captured by the factory below
            Preview.FindingViewMemo.PageParts Make()
            {
                var pager = new PagerView(page, pages,
                    page > 1 ? Urls.ListPage(listUrl, page - 1) : null,
                    page < pages ? Urls.ListPage(listUrl, page + 1) : null,
                    Window(page, pages).Select(k => new PagerLink(k, Urls.ListPage(listUrl, k), k == page)).ToList());
                var list = new FindingListView(heading, rows.Count, shown, pager,
                    first ? facets : [], first && script is not null && facets.Count > 0, indexUrl, dataUrl, first ? script : null, facetUrl, facetLabel);
                return new(v.Page("finding-list", "findings", url, title, null), new FindingListPage(list));
            }
            // Everything but the rows comes from the edition's context (labels, counts, addresses) or is in the key:
            // the theme's script address changes with the theme, the total and page count with the rows.
            var parts = known is null ? Make()
                : known.List(url, string.Join('\u001f', title, rows.Count, pages, script, facetUrl, facetLabel, indexUrl, dataUrl), shown, Make);
            yield return new PageJob(parts.Page, "finding-list", parts.Model, v);
        }
    }

    /// <summary>Page numbers a pager shows: the first, the last, and three either side of the current one.</summary>
    public static IEnumerable<int> Window(int current, int total) =>
        Enumerable.Range(1, total).Where(k => k == 1 || k == total || Math.Abs(k - current) <= 3);

    private static DownloadView Download(SiteModel model, EditionViews v, FindingDownload d) =>
        new(d.Name, S(v, $"data_{d.Name}_title"), S(v, $"data_{d.Name}_text"), d.File.Url, d.Format, d.File.Size, v.Dates.Number(d.File.Size), Size(d.File.Size, v),
            d.File.Sha256, d.Records, model.Site.Licence, v.Dates.View(FindingExports.LastReviewed(model)));

    /// <summary>A size as readers compare them (kB with one decimal), in the language's number format.</summary>
    public static string Size(long bytes, EditionViews v) =>
        bytes < 1000 ? $"{v.Dates.Number(bytes)} B"
        : bytes < 1_000_000 ? (bytes / 1000.0).ToString("0.0", v.Dates.Culture) + " kB"
        : (bytes / 1_000_000.0).ToString("0.0", v.Dates.Culture) + " MB";
}
