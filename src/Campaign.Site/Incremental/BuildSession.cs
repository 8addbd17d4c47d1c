using Campaign.Core.Load;
using Campaign.Site.Emit;

namespace Campaign.Site.Incremental;

/// <summary>
/// What one build hands the next in a live preview: parsed files by hash, page fingerprints, and a ledger of
/// the output folder, so a rebuild parses, renders and writes only what a change affects. A plain build passes
/// a session only to watch progress (<see cref="Incremental"/> false).
/// </summary>
public sealed class BuildSession(bool incremental = true)
{
    public bool Incremental { get; } = incremental;

    public DocumentCache Documents { get; } = new();
    public PageFingerprints Pages { get; } = new();
    public OutputLedger Ledger { get; } = new();
    public SearchIndexMemo SearchIndexes { get; } = new();
    public FindingViewMemo FindingViews { get; } = new();
    public SitemapMemo Sitemaps { get; } = new();
    public FindingFilesMemo FindingFiles { get; } = new();

    /// <summary>Told when each stage starts and as pages are rendered; null for a silent build.</summary>
    public IBuildProgress? Progress { get; init; }

    internal DocumentCache? Cache => Incremental ? Documents : null;

    internal PageFingerprints? Fingerprints => Incremental ? Pages : null;

    internal SearchIndexMemo? SearchIndex => Incremental ? SearchIndexes : null;

    internal FindingViewMemo? Views => Incremental ? FindingViews : null;

    internal SitemapMemo? Sitemap => Incremental ? Sitemaps : null;
    internal FindingFilesMemo? FindingFileMemo => Incremental ? FindingFiles : null;

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

    internal OutputFolder Open(string outputDir) => Incremental ? OutputFolder.InPlace(outputDir, Ledger) : new OutputFolder(outputDir);

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
        FindingViews.ResetCounts();
        FindingFiles.ResetCounts();
    }

    internal void Stage(string name, int total = 0) => Progress?.Stage(name, total);

    internal void Advance() => Progress?.Advance();
}

/// <summary>Receives a build's progress: the stage it is in, and one tick per rendered page.</summary>
public interface IBuildProgress
{
    /// <summary>A stage starts; <paramref name="total"/> is its number of steps, or 0 when unknown.</summary>
    void Stage(string name, int total);

    /// <summary>One step of the current stage is done (may be called from several threads).</summary>
    void Advance();
}
