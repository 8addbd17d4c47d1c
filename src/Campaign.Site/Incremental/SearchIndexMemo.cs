using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Campaign.Search;
using Campaign.Search.Index;

namespace Campaign.Site.Incremental;

/// <summary>
/// Each language's search index from the previous build of a live preview, with a digest of the documents it was
/// built from. The index is a function of those documents alone, so when an edit leaves a language's documents as
/// they were (a template, a stylesheet, a page of the other language) its index is reused instead of analysed again,
/// and its files are the same byte arrays, which the output ledger recognises without hashing them.
/// </summary>
public sealed class SearchIndexMemo
{
    private readonly ConcurrentDictionary<string, (string Digest, IReadOnlyList<IndexFile> Files)> _byLanguage = new(StringComparer.Ordinal);
    private int _reused;

    /// <summary>Indexes reused since the last <see cref="ResetCounts"/>.</summary>
    public int Reused => _reused;

    internal void ResetCounts() => _reused = 0;

    /// <summary>The index of <paramref name="corpus"/>: the previous one when its documents are unchanged, else built anew.</summary>
    public IReadOnlyList<IndexFile> Build(SearchCorpus corpus)
    {
        var digest = Digest(corpus);
        if (_byLanguage.TryGetValue(corpus.Lang, out var known) && known.Digest == digest)
        {
            Interlocked.Increment(ref _reused);
            return known.Files;
        }
        var files = Site.Search.SearchOutput.Files(corpus);
        _byLanguage[corpus.Lang] = (digest, files);
        return files;
    }

    private static string Digest(SearchCorpus corpus)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text)
        {
            Span<byte> length = stackalloc byte[4];
            BitConverter.TryWriteBytes(length, text?.Length ?? -1);
            hash.AppendData(length);
            if (text is not null) hash.AppendData(Encoding.UTF8.GetBytes(text));
        }
        Add(corpus.Lang);
        foreach (var d in corpus.Documents)
        {
            Add(d.Url); Add(d.Title); Add(d.Kind); Add(d.Company);
            Add(d.YearFrom.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(d.YearTo.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(d.Body);
        }
        Add("companies");
        foreach (var c in corpus.Companies) { Add(c.Slug); Add(c.Name); }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
