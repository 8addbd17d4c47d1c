using Campaign.Core.Load;
using Campaign.Site.Emit;

namespace Campaign.Site.Preview;

/// <summary>
/// What one build hands the next in a live preview: parsed files by hash, page fingerprints, and a ledger of
/// the output folder, so a rebuild parses, renders and writes only what a change affects. A plain build has none.
/// </summary>
public sealed class BuildSession
{
    public DocumentCache Documents { get; } = new();
    public PageFingerprints Pages { get; } = new();
    public OutputLedger Ledger { get; } = new();
    public SearchIndexMemo SearchIndexes { get; } = new();
    public SitemapMemo Sitemaps { get; } = new();

    /// <summary>The per-record outputs (findings' rows, pages, files) of earlier builds, by record and context.</summary>
    public RememberingProjector Projections { get; } = new();

    public FindingCatalogMemo Catalogues { get; } = new();

    internal DocumentCache Cache => Documents;

    internal PageFingerprints Fingerprints => Pages;

    internal SearchIndexMemo SearchIndex => SearchIndexes;

    internal SitemapMemo Sitemap => Sitemaps;

    /// <summary>
    /// For a live preview: keeps the output folder's lock from the first build until <see cref="ReleaseOutput"/>, so no
    /// other build swaps the folder out from under the preview between rebuilds.
    /// </summary>
    public bool KeepsOutputLocked { get; init; }

    private OutputLock? _outputLock;
    private string? _lockedFolder;

    /// <summary>The lock this session keeps on <paramref name="outputDir"/>, or null.</summary>
    internal OutputLock? LockedOutput(string outputDir) =>
        _outputLock is not null && _lockedFolder == Path.GetFullPath(outputDir) ? _outputLock : null;

    internal void KeepOutputLock(OutputLock held, string outputDir)
    {
        _outputLock?.Dispose();
        (_outputLock, _lockedFolder) = (held, Path.GetFullPath(outputDir));
    }

    /// <summary>Releases the output folder's lock kept by <see cref="KeepsOutputLocked"/> (the preview stops).</summary>
    public void ReleaseOutput()
    {
        _outputLock?.Dispose();
        _outputLock = null;
    }

    internal OutputFolder Open(string outputDir) => new InPlaceFolder(outputDir, Ledger);

    /// <summary>Files written to disk by the last build (in place, unchanged files are not written).</summary>
    public int LastChanged { get; internal set; }

    /// <summary>Files the last build generated besides pages (data, search, per-finding files).</summary>
    internal int LastGenerated { get; set; }

    /// <summary>
    /// Call when a rebuild has been served and the preview waits for the next change: collects the garbage now and
    /// holds collections off until the next rebuild is done, so that rebuild is not paused half-way (see <see cref="IdleCollection"/>).
    /// </summary>
    public void Rest() => IdleCollection.Rest();

    /// <summary>Clears the counts of the previous build.</summary>
    internal void Begin()
    {
        LastChanged = 0;
        Documents.ResetCounts();
        Pages.ResetCounts();
        SearchIndexes.ResetCounts();
        Projections.Begin();
        Catalogues.ResetCounts();
    }
}
