using Campaign.Core.Diagnostics;
using Campaign.Site.Downloads;
using Campaign.Site.Emit;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Planning;

/// <summary>
/// What the features plan into: every page to render and every file to write, and the download list pages refer to.
/// Features only add; the plan is complete when <see cref="Complete"/> has waited for files still being made.
/// </summary>
/// <param name="writeThrough">A plain build's output folder, into which files are written as they are added (see
/// <see cref="GeneratedFiles(OutputFolder, Func{string, bool})"/>); null to hold them until written (a live preview).</param>
public sealed class SitePlan(SiteModel model, IReadOnlyList<EditionViews> editions, Theme theme, DiagnosticList diagnostics, OutputFolder? writeThrough = null)
{
    private readonly List<PageJob> _pages = [];
    private readonly List<Task> _pending = [];
    private DownloadCatalog? _downloads;

    public SiteModel Model => model;

    /// <summary>Each language edition's views, the default language first.</summary>
    public IReadOnlyList<EditionViews> Editions => editions;

    public Theme Theme => theme;

    public DiagnosticList Diagnostics => diagnostics;

    /// <summary>Every file besides pages: data downloads, search shards, feeds, PDFs.</summary>
    public GeneratedFiles Files { get; } = writeThrough is null ? new() : new(writeThrough, DownloadCatalog.Lists);

    /// <summary>Each edition's charts, put up by the charts feature before the pages that show them are planned.</summary>
    public Charts.ChartBoard Charts { get; } = new();

    /// <summary>The pages planned so far, in the order features added them.</summary>
    public IReadOnlyList<PageJob> Pages => _pages;

    public void Add(PageJob page) => _pages.Add(page);

    public void Add(IEnumerable<PageJob> pages) => _pages.AddRange(pages);

    /// <summary>
    /// Files a feature is still making as it returns, added to <see cref="Files"/> when <paramref name="files"/> ends:
    /// hashing tens of megabytes of data downloads then overlaps the features planned after it.
    /// </summary>
    public void Pending(Task files) => _pending.Add(files);

    /// <summary>A page's list of downloads, read when the page renders, after every feature has added its files.</summary>
    public DownloadList Downloads(Func<DownloadCatalog, IReadOnlyList<Download>> select) =>
        new(() => select(_downloads ?? throw new InvalidOperationException("a page read its downloads before the plan was complete")));

    /// <summary>Waits for the files still being made and lists the downloads; called once, after the last feature.</summary>
    public DownloadCatalog Complete()
    {
        Task.WaitAll(_pending);
        _downloads = DownloadCatalog.Create(model, Files, [.. model.Site.Languages.Select(l => l.Code)]);
        _ = _downloads.All; // worked out now, once, rather than by the first of the pages rendering in parallel while the others wait
        return _downloads;
    }
}
