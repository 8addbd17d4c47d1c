using System.Collections.Concurrent;
using Campaign.Search;
using Campaign.Search.Index;

namespace Campaign.Site.Incremental;

/// <summary>
/// Each language's search index from the previous build of a live preview, kept as an <see cref="IncrementalIndex"/>:
/// a rebuild analyses only the documents whose fields changed, encodes only the terms whose postings changed and
/// compresses only the files whose content changed; every other file (and its script twin) is the same byte array as
/// before, which the output ledger recognises without hashing it. The files equal a full build's, byte for byte.
/// Languages are built in parallel, each by its own index.
/// </summary>
public sealed class SearchIndexMemo
{
    /// <summary>What the previous build's corpora were made of, reused where unchanged.</summary>
    public Site.Search.CorpusMemo Corpora { get; } = new();

    private readonly ConcurrentDictionary<string, IncrementalIndex> _byLanguage = new(StringComparer.Ordinal);
    private int _reused;
    private int _analysed;
    private int _made;
    private int _kept;

    /// <summary>Indexes returned exactly as the build before (no file changed) since the last <see cref="ResetCounts"/>.</summary>
    public int Reused => _reused;

    /// <summary>Documents analysed since the last <see cref="ResetCounts"/> (all of them on a first build).</summary>
    public int Analysed => _analysed;

    /// <summary>Index files (twins not counted) compressed or first stored since the last <see cref="ResetCounts"/>.</summary>
    public int Made => _made;

    /// <summary>Index files (twins not counted) reused, the same arrays, since the last <see cref="ResetCounts"/>.</summary>
    public int Kept => _kept;

    internal void ResetCounts() => (_reused, _analysed, _made, _kept) = (0, 0, 0, 0);

    /// <summary>The published files of <paramref name="corpus"/> (index and twins, as <see cref="Site.Search.SearchOutput.Files"/>), rebuilt from the last ones.</summary>
    public IReadOnlyList<IndexFile> Build(SearchCorpus corpus)
    {
        var index = _byLanguage.GetOrAdd(corpus.Lang, _ => new IncrementalIndex());
        var files = index.Build(corpus, twins: true);
        if (index.Unchanged) Interlocked.Increment(ref _reused);
        Interlocked.Add(ref _analysed, index.Analysed);
        Interlocked.Add(ref _made, index.Made);
        Interlocked.Add(ref _kept, index.Kept);
        return files;
    }
}
