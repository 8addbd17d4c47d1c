using Campaign.Search;
using Campaign.Search.Index;
using Campaign.Site.Emit;
using Campaign.Site.Planning;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Search;

/// <summary>A value of a search filter and its label.</summary>
public sealed record SearchFilterOption(string Value, string Label);

/// <summary>A link of the no-JavaScript fallback to a list that can be browsed instead.</summary>
public sealed record SearchBrowseLink(string Label, string Url);

/// <summary>What the search page template reads as <c>search</c>.</summary>
/// <param name="ScriptUrl">The client, <c>js/search.js</c> of the theme.</param>
/// <param name="Facets">The findings' facet pages (by company, technology, …), which a reader without JavaScript browses instead.</param>
/// <param name="StemFile">The file name (fingerprinted, beside the client) of <c>js/search-stem.js</c>, which the client loads for a query with a word of letters; empty without it.</param>
/// <param name="TyposFile">The file name of <c>js/search-typos.js</c>, loaded when a query of letters finds nothing holding every word; empty without it.</param>
public sealed record SearchPageView(
    IReadOnlyList<SearchFilterOption> Kinds,
    IReadOnlyList<SearchFilterOption> Companies,
    IReadOnlyList<int> Years,
    IReadOnlyList<SearchBrowseLink> Browse,
    string ScriptUrl,
    IReadOnlyList<SearchBrowseLink>? Facets = null,
    string StemFile = "",
    string TyposFile = "");

/// <summary>The search feature's part of a build: each language's index files and its search page.</summary>
public static class SearchOutput
{
    /// <summary>A language's published index files: the index, and the script packs a page opened from disk reads instead.</summary>
    public static IReadOnlyList<IndexFile> Files(SearchCorpus corpus) => SearchIndexBuilder.Build(corpus, packs: true);

    /// <summary>A language's index files as generated files under <paramref name="folder"/> (<c>search/en/</c>), made from nothing.</summary>
    public static IReadOnlyList<GeneratedFile> Write(SearchCorpus corpus, string folder) =>
        [.. Files(corpus).Select(file => new GeneratedFile(folder + file.Path, file.Bytes))];

    /// <summary>Adds <c>search/&lt;lang&gt;/…</c> for every edition to the generated files and returns the search pages.</summary>
    /// <param name="projector">Makes the per-record documents (<see cref="FreshProjector"/> unless given).</param>
    /// <param name="index">Writes a language's index files (<see cref="Write"/> unless given; a live preview's updates its last index).</param>
    public static IReadOnlyList<PageJob> Plan(SiteModel model, IReadOnlyList<EditionViews> editions, Theme theme, GeneratedFiles generated,
        IProjector? projector = null, Func<SearchCorpus, string, IReadOnlyList<GeneratedFile>>? index = null)
    {
        // One language after the other, each language's documents made only when its turn comes and dropped once its
        // index is made: indexing both at once held both languages' transient memory together (the resident size
        // reached 5.0 GiB at 100,000 findings, docs/performance.md), and each language's build already analyses and
        // compresses on every core. What the search page lists (kinds, years, companies) is kept from each corpus.
        var shown = new Dictionary<string, (HashSet<string> Kinds, HashSet<int> Years, IReadOnlyList<SearchCompany> Companies)>(StringComparer.Ordinal);
        foreach (var edition in model.Editions)
        {
            var corpus = SearchCorpora.Build(model, edition, projector ?? FreshProjector.Instance);
            shown[corpus.Lang] = Shown(corpus);
            var folder = $"search/{corpus.Lang}/";
            generated.AddUnder(folder, (index ?? Write)(corpus, folder));
            // a plain build's language done: its documents and transient postings go before the next language's are made (see PlanGarbage)
            if (index is null) PlanGarbage.Collect();
        }
        var jobs = new List<PageJob>();
        var script = theme.Static.TryGetValue("js/search.js", out var js) ? js.Url : "";
        // The client's parts, loaded by it on demand: named by file, since they sit beside it (js/) wherever the site lives.
        string PartFile(string path) => theme.Static.TryGetValue(path, out var part) ? part.Url[(part.Url.LastIndexOf('/') + 1)..] : "";
        var (stem, typos) = (PartFile("js/search-stem.js"), PartFile("js/search-typos.js"));
        foreach (var v in editions)
        {
            var (present, covered, found) = shown[v.Code];
            var kinds = new[] { "finding", "report", "company", "update", "page" }
                .Where(present.Contains)
                .Select(k => new SearchFilterOption(k, v.T.TryGetValue("search_kind_" + k, out var label) ? label.ToString()! : k)).ToList();
            var companies = found.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new SearchFilterOption(c.Slug, c.Name)).ToList();
            var years = covered.OrderDescending().ToList();
            var browse = v.Site.Nav.Where(n => n.Section != "home").Select(n => new SearchBrowseLink(n.Label, n.Url)).ToList();
            var facets = Campaign.Site.Findings.FindingCatalog.Shown(model.Findings)
                .Where(_ => present.Contains("finding"))
                .Select(f => new SearchBrowseLink(v.T.TryGetValue("facet_" + f.Replace('-', '_'), out var label) ? label.ToString()! : f, Urls.Section(v.Code, "findings") + f + "/"))
                .ToList();
            var view = new SearchPageView(kinds, companies, years, browse, script, facets, stem, typos);
            jobs.Add(new PageJob(v.Page("search", "search", Urls.Section(v.Code, "search"), v.T["search_title"].ToString()!, null),
                "search", new SearchPage(view), v));
        }
        return jobs;
    }

    /// <summary>The kinds and years a language's documents have, and its companies: what its search page offers as filters. One pass over the documents (a hundred thousand in a large campaign).</summary>
    private static (HashSet<string> Kinds, HashSet<int> Years, IReadOnlyList<SearchCompany> Companies) Shown(SearchCorpus corpus)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var years = new HashSet<int>();
        foreach (var d in corpus.Documents)
        {
            kinds.Add(d.Kind);
            for (var y = d.YearFrom; d.YearFrom > 0 && y <= d.YearTo; y++) years.Add(y);
        }
        return (kinds, years, corpus.Companies);
    }
}

/// <summary>What the <c>search</c> layout reads.</summary>
public sealed record SearchPage(SearchPageView Search);
