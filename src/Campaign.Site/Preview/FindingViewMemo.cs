using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Campaign.Core.Model;
using Campaign.Site.Findings;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Preview;

/// <summary>
/// Each finding's views from the previous build of a live preview: its table row and its page's frame and values,
/// per language. A finding's views are a function of the finding and of its edition's context (site settings, UI
/// strings, vocabularies, company names, report sections, facet values and counts, the build date); while that
/// context is unchanged, an unchanged <see cref="Finding"/> instance (the loader keeps instances of unchanged
/// records) gets the very same view objects, so fingerprinting its page finds their digests instead of walking them.
/// </summary>
public sealed class FindingViewMemo
{
    private readonly ConcurrentDictionary<string, Edition> _editions = new(StringComparer.Ordinal);
    private int _reused;

    private int _listsReused;

    /// <summary>Finding views (rows and pages) reused since the last <see cref="ResetCounts"/>.</summary>
    public int Reused => _reused;

    /// <summary>List and facet pages reused whole since the last <see cref="ResetCounts"/>.</summary>
    public int ListsReused => _listsReused;

    internal void ResetCounts()
    {
        _reused = 0;
        _listsReused = 0;
    }

    /// <summary>A finding page's frame and template values.</summary>
    public sealed record PageParts(PageView Page, object Model);

    internal sealed class Edition(string context)
    {
        public string Context { get; } = context;
        public ConditionalWeakTable<Finding, FindingRowView> Rows { get; } = new();
        public ConditionalWeakTable<Finding, PageParts> Pages { get; } = new();
        public ConditionalWeakTable<Finding, Emit.GeneratedFile[]> Files { get; } = new();

        /// <summary>The previous build's rows and finding pages by position in the catalogue.</summary>
        public FindingSlots<FindingRowView> RowSlots { get; } = new();
        public FindingSlots<FindingPage> PageSlots { get; } = new();

        /// <summary>List and facet pages by address: the key they were made from and the rows they show.</summary>
        public ConcurrentDictionary<string, Listed> Lists { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A finding's page (frame and template values) and its files in one language, as one build made them.</summary>
    public sealed record FindingPage(PageView Page, object Model, Emit.GeneratedFile[] Files)
    {
        public FindingPage(PageParts parts, Emit.GeneratedFile[] files) : this(parts.Page, parts.Model, files) { }
    }

    /// <summary>A list page's parts, the rows it shows and everything else it was made from, in one key.</summary>
    internal sealed record Listed(string Key, IReadOnlyList<FindingRowView> Rows, PageParts Parts);

    /// <summary>The memo of one language for this build: emptied when the edition's context changed since the last one.</summary>
    internal Scope For(string lang, SiteModel model, EditionViews views, FindingCatalog catalog)
    {
        var context = Context(model, views, catalog);
        var edition = _editions.AddOrUpdate(lang, _ => new Edition(context), (_, old) => old.Context == context ? old : new Edition(context));
        return new Scope(this, edition);
    }

    /// <summary>One language's memo within one build.</summary>
    internal sealed class Scope
    {
        private readonly FindingViewMemo _memo;
        private readonly Edition _edition;

        internal Scope(FindingViewMemo memo, Edition edition)
        {
            _memo = memo;
            _edition = edition;
        }

        public FindingRowView Row(Finding f, Func<Finding, FindingRowView> make) => Get(_edition.Rows, f, make);

        /// <summary>
        /// Every finding's row: the previous build's by position where the finding is the same instance, else <see cref="Row"/>;
        /// a row made again that reads the same (an edit of the summary, which rows do not show) stays the previous object,
        /// so the lists that show it are reused whole.
        /// </summary>
        public FindingRowView[] Rows(ImmutableArray<Finding> findings, Func<Finding, FindingRowView> make)
        {
            var rows = _edition.RowSlots.Fill(findings, "", (_, f) => Row(f, make), same: (a, b) => a.Equals(b));
            Interlocked.Add(ref _memo._reused, findings.Length - _edition.RowSlots.LastMade);
            return rows;
        }

        /// <summary>
        /// Every finding's page and files: the previous build's by position where the finding is the same instance, else
        /// <paramref name="make"/>'s (on every core when there are many), which may still find them by instance (<see cref="Page"/>, <see cref="Files"/>).
        /// </summary>
        public FindingPage[] Pages(ImmutableArray<Finding> findings, Func<int, Finding, FindingPage> make)
        {
            var pages = _edition.PageSlots.Fill(findings, "", make, parallel: true);
            Interlocked.Add(ref _memo._reused, findings.Length - _edition.PageSlots.LastMade);
            return pages;
        }

        public PageParts Page(Finding f, Func<Finding, PageParts> make) => Get(_edition.Pages, f, make);

        /// <summary>
        /// The finding's files in this language (record, citations). They read only the finding and what the edition's
        /// context holds (site, date), so an unchanged finding's are taken as they are, without working out its citation.
        /// Not counted in <see cref="Reused"/>, which counts views.
        /// </summary>
        public Emit.GeneratedFile[] Files(Finding f, Func<Finding, Emit.GeneratedFile[]> make)
        {
            if (_edition.Files.TryGetValue(f, out var known)) return known;
            var made = make(f);
            _edition.Files.AddOrUpdate(f, made);
            return made;
        }

        /// <summary>
        /// A list or facet page's parts: the previous build's when it showed the very same row objects (an unchanged
        /// finding keeps its row) and was made from an equal <paramref name="key"/>. Its values are then the same object,
        /// whose fingerprint is known, so the page's fifty rows are not walked again.
        /// </summary>
        public PageParts List(string url, string key, IReadOnlyList<FindingRowView> rows, Func<PageParts> make)
        {
            if (_edition.Lists.TryGetValue(url, out var known) && known.Key == key && known.Rows.Count == rows.Count
                && SameRows(known.Rows, rows))
            {
                Interlocked.Increment(ref _memo._listsReused);
                return known.Parts;
            }
            var made = make();
            _edition.Lists[url] = new Listed(key, rows, made);
            return made;
        }

        private static bool SameRows(IReadOnlyList<FindingRowView> a, IReadOnlyList<FindingRowView> b)
        {
            for (var i = 0; i < a.Count; i++)
                if (!ReferenceEquals(a[i], b[i])) return false;
            return true;
        }

        private T Get<T>(ConditionalWeakTable<Finding, T> table, Finding f, Func<Finding, T> make) where T : class
        {
            if (table.TryGetValue(f, out var known))
            {
                Interlocked.Increment(ref _memo._reused);
                return known;
            }
            var made = make(f);
            table.AddOrUpdate(f, made);
            return made;
        }
    }

    /// <summary>
    /// A digest of everything besides the finding that its views read. Facet values count their findings (pages show
    /// the counts), so adding a finding or moving it to another company renews every view; editing its text does not.
    /// </summary>
    private static string Context(SiteModel model, EditionViews views, FindingCatalog catalog) =>
        new ValueFingerprint().Of(new object?[]
        {
            views.Code,
            model.Site,
            model.Today,
            views.Strings.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new[] { kv.Key, kv.Value }).ToList(),
            model.Content.Vocabularies,
            views.Edition.Companies.Select(c => new object[] { c.Slug, c.Item.Name, c.IsDraft }).ToList(),
            views.Edition.Reports.Select(r => new object?[]
                { r.Slug, r.Item.Title, r.Item.Body.Headings.Select(h => new object?[] { h.Id, h.Text }).ToList() }).ToList(),
            catalog.Facets.Select(f => new object?[]
                { f.Name, f.Values.Select(v => new object?[] { v.Key, v.Slug, v.Label, v.Members.Length }).ToList() }).ToList(),
        }) ?? Guid.NewGuid().ToString(); // unreadable: never equal to the last build's
}
