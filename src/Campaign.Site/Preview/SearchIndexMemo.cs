using System.Collections.Concurrent;
using Campaign.Search;
using Campaign.Search.Index;
using Campaign.Site.Emit;

namespace Campaign.Site.Preview;

/// <summary>
/// Each language's search index from the previous build of a live preview, kept as an <see cref="IncrementalIndex"/>:
/// a rebuild analyses only the documents whose fields changed, encodes only the terms whose postings changed and
/// compresses only the files whose content changed; every other file is the same byte array as before, which the output
/// ledger recognises without hashing it. The files equal a full build's, byte for byte, but for the script packs: a
/// preview is served over HTTP, where the client fetches the binary files, so it writes no packs (a one-finding edit
/// would otherwise write a megabyte of base64 again) and no <c>manifest.js</c>.
/// Languages are built in parallel, each by its own index.
/// </summary>
public sealed class SearchIndexMemo
{
    private readonly ConcurrentDictionary<string, IncrementalIndex> _byLanguage = new(StringComparer.Ordinal);
    private int _reused;
    private int _analysed;
    private int _made;
    private int _kept;

    /// <summary>Indexes returned exactly as the build before (no file changed) since the last <see cref="ResetCounts"/>.</summary>
    public int Reused => _reused;

    /// <summary>Documents analysed since the last <see cref="ResetCounts"/> (all of them on a first build).</summary>
    public int Analysed => _analysed;

    /// <summary>Index files (packs not counted) compressed or first stored since the last <see cref="ResetCounts"/>.</summary>
    public int Made => _made;

    /// <summary>Index files (packs not counted) reused, the same arrays, since the last <see cref="ResetCounts"/>.</summary>
    public int Kept => _kept;

    internal void ResetCounts() => (_reused, _analysed, _made, _kept) = (0, 0, 0, 0);

    // Each language's index files of the last build and the generated files made of them, position by position.
    private readonly ConcurrentDictionary<string, (IReadOnlyList<IndexFile> Index, GeneratedFile[] Files)> _generated = new(StringComparer.Ordinal);

    /// <summary>
    /// The published files of <paramref name="corpus"/> as generated files under <paramref name="folder"/>: a file whose
    /// bytes are the same array as last build's is last build's very <see cref="GeneratedFile"/>, which the output
    /// ledger passes in one step (tens of thousands of document shards stay as they were after a one-finding edit).
    /// The index keeps its unchanged files' instances in place, so most are matched by comparing two references;
    /// only when files moved are last build's looked up by path.
    /// </summary>
    public IReadOnlyList<GeneratedFile> Generated(SearchCorpus corpus, string folder)
    {
        var files = Build(corpus);
        var (index, before) = _generated.GetValueOrDefault(corpus.Lang);
        Dictionary<string, GeneratedFile>? byPath = null; // only when files moved
        var result = new GeneratedFile[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (index is not null && before is not null && i < index.Count
                && (ReferenceEquals(index[i], file) || index[i].Path == file.Path && before[i].Holds(file.Bytes)))
            {
                result[i] = before[i];
                continue;
            }
            if (before is not null && index is not null && (i >= index.Count || index[i].Path != file.Path))
            {
                byPath ??= before.ToDictionary(f => f.Path, StringComparer.Ordinal);
                if (byPath.TryGetValue(folder + file.Path, out var moved) && moved.Holds(file.Bytes))
                {
                    result[i] = moved;
                    continue;
                }
            }
            result[i] = new GeneratedFile(folder + file.Path, file.Bytes);
        }
        _generated[corpus.Lang] = (files, result);
        return result;
    }

    /// <summary>The index files of <paramref name="corpus"/> (those of <see cref="Site.Search.SearchOutput.Files"/> without the packs), rebuilt from the last ones.</summary>
    private IReadOnlyList<IndexFile> Build(SearchCorpus corpus)
    {
        var index = _byLanguage.GetOrAdd(corpus.Lang, _ => new IncrementalIndex());
        var files = index.Build(corpus, packs: false);
        if (index.Unchanged) Interlocked.Increment(ref _reused);
        Interlocked.Add(ref _analysed, index.Analysed);
        Interlocked.Add(ref _made, index.Made);
        Interlocked.Add(ref _kept, index.Kept);
        return files;
    }
}
