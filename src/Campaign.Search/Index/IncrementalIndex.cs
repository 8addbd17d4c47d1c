using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Campaign.Search.Index;

/// <summary>
/// One language's index, kept between builds so a rebuild does only what changed: documents are analysed only when
/// their fields changed (by digest); when the documents' URLs are as before (so their numbers are too), the postings
/// of the changed documents are patched in place and only the terms whose postings changed are encoded again, and
/// only their shards written again; every file whose content is unchanged is the same stored array as before (gzip
/// and base64 are what cost). Adding, removing or renaming a document renumbers the documents after it: then the
/// postings are rebuilt from the kept analyses and files are compressed again only where their content changed.
/// A fresh instance builds from nothing, and <see cref="SearchIndexBuilder.Build"/> is exactly that, so a rebuild
/// gives the same bytes as a full build by construction. Builds of one instance run one at a time.
/// </summary>
public sealed class IncrementalIndex
{
    /// <summary>Below this many documents to analyse, threads cost more than they save.</summary>
    private const int ParallelFrom = 32;

    private readonly Lock _gate = new();
    private readonly StoredFiles _files = new(); // term shards, facets and manifest, by their raw bytes
    private readonly StoredFiles _docFiles = new(); // document shards, by their documents' digests, kinds and companies

    private Dictionary<UInt128, AnalysedDocument> _analysed = [];
    private AnalysedDocument[] _docs = []; // in URL order: a document's number is its index
    private string[] _corpusUrls = []; // the URLs in the corpus's own order, and the order sorting them gave
    private int[] _corpusOrder = [];

    private readonly Dictionary<string, TermPostings> _terms = new(StringComparer.Ordinal);
    private List<TermPostings>[] _shardTerms = []; // each shard's terms in ordinal order
    private StoredFile?[] _shardFiles = [];
    private UInt128[] _shardKeys = [];
    private long _total; // sum of the terms' sizes: decides the number of shards
    private int[] _termOrder = []; // shard numbers in the order of their paths
    private int[] _docOrder = [];
    private readonly List<string> _docPaths = [];

    private IReadOnlyList<IndexFile>? _last;

    /// <summary>Documents analysed by the last build.</summary>
    public int Analysed { get; private set; }

    /// <summary>Files (twins not counted) the last build compressed, or stored for the first time.</summary>
    public int Made { get; private set; }

    /// <summary>Files (twins not counted) the last build took unchanged from the build before.</summary>
    public int Kept { get; private set; }

    /// <summary>Whether the last build returned the previous build's files as they were, array for array.</summary>
    public bool Unchanged { get; private set; }

    /// <summary>
    /// The index files of <paramref name="corpus"/>, ordered by path (as <see cref="SearchIndexBuilder.Build"/>), then,
    /// when <paramref name="twins"/>, the <c>.js</c> twin of each in the same order.
    /// </summary>
    public IReadOnlyList<IndexFile> Build(SearchCorpus corpus, bool twins = false)
    {
        lock (_gate)
        {
            try
            {
                return BuildOnce(corpus, twins);
            }
            catch
            {
                Forget(); // a build that stopped half-way leaves the state half updated
                throw;
            }
        }
    }

    private void Forget()
    {
        _files.Clear();
        _docFiles.Clear();
        _analysed = [];
        _docs = [];
        _corpusUrls = [];
        _terms.Clear();
        _shardTerms = [];
        _last = null;
    }

    private IReadOnlyList<IndexFile> BuildOnce(SearchCorpus corpus, bool twins)
    {
        _files.ResetCounts();
        _docFiles.ResetCounts();
        var docs = Analyse(InUrlOrder(corpus.Documents));
        var renumbered = docs.Length != _docs.Length;
        for (var i = 0; !renumbered && i < docs.Length; i++)
            renumbered = !string.Equals(docs[i].Document.Url, _docs[i].Document.Url, StringComparison.Ordinal);

        var dirty = renumbered ? Repost(docs) : Patch(docs);
        _docs = docs;
        var changedShards = Encode(dirty, renumbered);

        var kinds = docs.Select(d => d.Document.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
        var kindIndex = kinds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var companies = corpus.Companies.OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
        var companyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < companies.Count; i++) companyIndex.TryAdd(companies[i].Slug, i + 1);
        int CompanyOf(SearchDocument d) => d.Company is { } c && companyIndex.TryGetValue(c, out var i) ? i : 0;
        var years = docs.Where(d => d.Document.YearFrom > 0).SelectMany(d => new[] { d.Document.YearFrom, d.Document.YearTo }).ToList();
        var yearBase = years.Count == 0 ? 0 : years.Min() - 1;

        var termFiles = TermShards(changedShards);
        var docFiles = DocShards(docs, d => kindIndex[d.Kind], CompanyOf);

        var facets = Header(IndexFormat.FacetMagic);
        facets.VarInt(docs.Length);
        foreach (var a in docs)
        {
            var d = a.Document;
            facets.Byte(kindIndex[d.Kind]);
            facets.VarInt(CompanyOf(d));
            facets.VarInt(d.YearFrom == 0 ? 0 : d.YearFrom - yearBase);
            facets.VarInt(d.YearTo == 0 ? 0 : d.YearTo - yearBase);
        }
        var facetsFile = _files.Get(facets.ToArray(), compress: true);
        var sums = new long[IndexFormat.Fields.Count];
        foreach (var a in docs)
            for (var f = 0; f < sums.Length; f++) sums[f] += a.Fields[f].Length;
        var manifest = _files.Get(SearchIndexBuilder.Manifest(corpus.Lang, docs.Length, _shardTerms.Length, sums, kinds, companies, years, yearBase), compress: false);

        // Paths in ordinal order: d/…, facets.bin, manifest.json, t/….
        var files = new List<(string Path, StoredFile File)>(docFiles.Length + termFiles.Length + 2);
        foreach (var s in _docOrder) files.Add((DocPath(s), docFiles[s]));
        files.Add((IndexFormat.FacetsPath, facetsFile));
        files.Add((IndexFormat.ManifestPath, manifest));
        foreach (var s in _termOrder)
            if (termFiles[s] is { } file) files.Add((IndexFormat.TermShardPath(s), file));

        _files.Sweep();
        _docFiles.Sweep();
        Made = _files.Made + _docFiles.Made;
        Kept = _files.Reused + _docFiles.Reused;

        var result = new List<IndexFile>(twins ? files.Count * 2 : files.Count);
        foreach (var (path, file) in files) result.Add(new IndexFile(path, file.Stored));
        if (twins)
            foreach (var (path, file) in files) result.Add(new IndexFile(ScriptTwin.PathOf(path), file.Twin));
        Unchanged = _last is { } last && last.Count == result.Count && result.Select((f, i) => ReferenceEquals(f.Bytes, last[i].Bytes)).All(x => x);
        if (Unchanged) return _last!;
        return _last = result;
    }

    /// <summary>The documents sorted by URL (stable); the order is reused while the corpus lists the same URLs in the same order.</summary>
    private SearchDocument[] InUrlOrder(IReadOnlyList<SearchDocument> documents)
    {
        var same = documents.Count == _corpusUrls.Length;
        for (var i = 0; same && i < documents.Count; i++) same = string.Equals(documents[i].Url, _corpusUrls[i], StringComparison.Ordinal);
        if (!same)
        {
            _corpusUrls = [.. documents.Select(d => d.Url)];
            _corpusOrder = [.. Enumerable.Range(0, documents.Count).OrderBy(i => _corpusUrls[i], StringComparer.Ordinal)];
        }
        return [.. _corpusOrder.Select(i => documents[i])];
    }

    /// <summary>Each document's analysis: the kept one when its digest is known, else made now (in parallel when many).</summary>
    private AnalysedDocument[] Analyse(SearchDocument[] docs)
    {
        var result = new AnalysedDocument[docs.Length];
        var digests = new UInt128[docs.Length];
        var missing = new List<int>();
        for (var i = 0; i < docs.Length; i++)
        {
            digests[i] = AnalysedDocument.DigestOf(docs[i]);
            if (_analysed.TryGetValue(digests[i], out var known)) result[i] = known;
            else missing.Add(i);
        }
        if (missing.Count >= ParallelFrom)
            Parallel.ForEach(missing, i => result[i] = AnalysedDocument.Analyse(docs[i], digests[i]));
        else
            foreach (var i in missing) result[i] = AnalysedDocument.Analyse(docs[i], digests[i]);
        Analysed = missing.Count;
        var kept = new Dictionary<UInt128, AnalysedDocument>(docs.Length);
        foreach (var a in result) kept.TryAdd(a.Digest, a);
        _analysed = kept;
        return result;
    }

    /// <summary>All postings anew from the documents' analyses (their numbers changed); every term is dirty.</summary>
    private HashSet<TermPostings> Repost(AnalysedDocument[] docs)
    {
        _terms.Clear();
        for (var doc = 0; doc < docs.Length; doc++)
            for (var f = 0; f < IndexFormat.Fields.Count; f++)
            {
                var field = docs[doc].Fields[f];
                for (var j = 0; j < field.Terms.Length; j++)
                    Term(field.Terms[j]).Append(f, new Posting(doc, field.Norm, field.Positions[j]));
            }
        return [.. _terms.Values];
    }

    /// <summary>The postings of the documents whose analysis changed, patched; the terms whose postings differ are dirty.</summary>
    private HashSet<TermPostings> Patch(AnalysedDocument[] docs)
    {
        var dirty = new HashSet<TermPostings>(ReferenceEqualityComparer.Instance);
        for (var doc = 0; doc < docs.Length; doc++)
        {
            if (ReferenceEquals(docs[doc], _docs[doc])) continue;
            for (var f = 0; f < IndexFormat.Fields.Count; f++)
            {
                AnalysedField before = _docs[doc].Fields[f], now = docs[doc].Fields[f];
                int i = 0, j = 0;
                while (i < before.Terms.Length || j < now.Terms.Length)
                {
                    var order = i == before.Terms.Length ? 1 : j == now.Terms.Length ? -1 : string.CompareOrdinal(before.Terms[i], now.Terms[j]);
                    if (order < 0)
                    {
                        var gone = _terms[before.Terms[i++]];
                        gone.Remove(f, doc);
                        dirty.Add(gone);
                        continue;
                    }
                    if (order == 0 && before.Norm == now.Norm && before.Positions[i].AsSpan().SequenceEqual(now.Positions[j]))
                    {
                        i++;
                        j++;
                        continue;
                    }
                    var term = Term(now.Terms[j]);
                    term.Put(f, new Posting(doc, now.Norm, now.Positions[j]));
                    dirty.Add(term);
                    if (order == 0) i++;
                    j++;
                }
            }
        }
        return dirty;
    }

    private TermPostings Term(string term)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_terms, term, out _);
        return slot ??= new TermPostings(term);
    }

    /// <summary>
    /// Encodes the dirty terms' blocks, drops terms left without postings, and places terms in shards (all of them
    /// when the number of shards changed). Returns the shards whose content may have changed.
    /// </summary>
    private IReadOnlyCollection<int> Encode(HashSet<TermPostings> dirty, bool renumbered)
    {
        var changed = new HashSet<int>();
        foreach (var term in dirty)
        {
            if (term.Block is not null) _total -= term.Size;
            if (term.IsEmpty)
            {
                _terms.Remove(term.Term);
                term.Block = null;
                if (term.Shard >= 0 && !renumbered)
                {
                    var list = _shardTerms[term.Shard];
                    list.RemoveAt(list.BinarySearch(term, ByTerm.Instance));
                    changed.Add(term.Shard);
                }
                continue;
            }
            term.Block = term.Encode();
            _total += term.Size;
        }
        if (renumbered) _total = _terms.Values.Sum(t => (long)t.Size);

        var shards = 1;
        while ((long)shards * IndexFormat.TargetTermShardBytes < _total) shards *= 2;
        if (renumbered || shards != _shardTerms.Length)
        {
            _shardTerms = new List<TermPostings>[shards];
            for (var s = 0; s < shards; s++) _shardTerms[s] = [];
            foreach (var term in _terms.Values)
            {
                term.Shard = (int)(term.Hash & (uint)(shards - 1));
                _shardTerms[term.Shard].Add(term);
            }
            foreach (var list in _shardTerms) list.Sort(ByTerm.Instance);
            _shardFiles = new StoredFile?[shards];
            _shardKeys = new UInt128[shards];
            _termOrder = [.. Enumerable.Range(0, shards).OrderBy(IndexFormat.TermShardPath, StringComparer.Ordinal)];
            return [.. Enumerable.Range(0, shards)];
        }
        foreach (var term in dirty)
        {
            if (term.Block is null) continue; // dropped above
            if (term.Shard < 0)
            {
                term.Shard = (int)(term.Hash & (uint)(shards - 1));
                var list = _shardTerms[term.Shard];
                list.Insert(~list.BinarySearch(term, ByTerm.Instance), term);
            }
            changed.Add(term.Shard);
        }
        return changed;
    }

    /// <summary>Each term shard's stored file (null for an empty shard): the changed ones written and found or compressed.</summary>
    private StoredFile?[] TermShards(IReadOnlyCollection<int> changed)
    {
        for (var s = 0; s < _shardFiles.Length; s++)
            if (_shardFiles[s] is not null && !changed.Contains(s)) _files.Find(_shardKeys[s]); // still in use: keep it
        var make = new List<(int Shard, UInt128 Key, byte[] Raw)>();
        foreach (var s in changed.Order())
        {
            var terms = _shardTerms[s];
            if (terms.Count == 0)
            {
                _shardFiles[s] = null;
                continue;
            }
            var w = Header(IndexFormat.TermMagic);
            w.VarInt(terms.Count);
            foreach (var term in terms)
            {
                w.String(term.Term);
                w.VarInt(term.Block!.Length);
                w.Bytes(term.Block);
            }
            var raw = w.ToArray();
            var key = StoredFiles.KeyOf(raw);
            _shardKeys[s] = key;
            if (_files.Find(key) is { } known) _shardFiles[s] = known;
            else make.Add((s, key, raw));
        }
        foreach (var (s, file) in Compress(make)) _shardFiles[s] = _files.Add(_shardKeys[s], file);
        return _shardFiles;
    }

    /// <summary>Each document shard's stored file, found by what it holds or written and compressed now.</summary>
    private StoredFile[] DocShards(AnalysedDocument[] docs, Func<SearchDocument, int> kindOf, Func<SearchDocument, int> companyOf)
    {
        var count = (docs.Length + IndexFormat.DocsPerShard - 1) / IndexFormat.DocsPerShard;
        var files = new StoredFile[count];
        var keys = new UInt128[count];
        var make = new List<(int Shard, UInt128 Key, byte[] Raw)>();
        Span<UInt128> parts = stackalloc UInt128[2];
        for (var s = 0; s < count; s++)
        {
            var hash = new XxHash128();
            var start = s * IndexFormat.DocsPerShard;
            var end = Math.Min(docs.Length, start + IndexFormat.DocsPerShard);
            for (var i = start; i < end; i++)
            {
                var d = docs[i].Document;
                parts[0] = docs[i].Digest;
                parts[1] = ((UInt128)(uint)kindOf(d) << 32) | (uint)companyOf(d);
                hash.Append(MemoryMarshal.AsBytes(parts));
            }
            keys[s] = hash.GetCurrentHashAsUInt128();
            if (_docFiles.Find(keys[s]) is { } known)
            {
                files[s] = known;
                continue;
            }
            var w = Header(IndexFormat.DocMagic);
            w.VarInt(end - start);
            for (var i = start; i < end; i++)
            {
                var d = docs[i].Document;
                w.String(d.Url);
                w.String(d.Title);
                w.String(docs[i].Excerpt);
                w.Byte(kindOf(d));
                w.VarInt(companyOf(d));
                w.VarInt(d.YearFrom);
                w.VarInt(d.YearTo);
            }
            make.Add((s, keys[s], w.ToArray()));
        }
        foreach (var (s, file) in Compress(make)) files[s] = _docFiles.Add(keys[s], file);
        if (_docOrder.Length != count)
            _docOrder = [.. Enumerable.Range(0, count).OrderBy(DocPath, StringComparer.Ordinal)];
        return files;
    }

    /// <summary>Compresses files, on every core when there are several (the other language may be done already).</summary>
    private static (int Shard, StoredFile File)[] Compress(List<(int Shard, UInt128 Key, byte[] Raw)> make)
    {
        var result = new (int, StoredFile)[make.Count];
        if (make.Count > 1)
            Parallel.For(0, make.Count, i => result[i] = (make[i].Shard, new StoredFile(IndexFormat.Deflate(make[i].Raw))));
        else if (make.Count == 1)
            result[0] = (make[0].Shard, new StoredFile(IndexFormat.Deflate(make[0].Raw)));
        return result;
    }

    private string DocPath(int shard)
    {
        while (_docPaths.Count <= shard) _docPaths.Add(IndexFormat.DocShardPath(_docPaths.Count));
        return _docPaths[shard];
    }

    internal static ByteWriter Header(byte[] magic)
    {
        var w = new ByteWriter();
        w.Bytes(magic);
        w.Byte(IndexFormat.Version);
        return w;
    }

    /// <summary>Terms in ordinal order, as the shards list them.</summary>
    private sealed class ByTerm : IComparer<TermPostings>
    {
        public static readonly ByTerm Instance = new();

        public int Compare(TermPostings? x, TermPostings? y) => string.CompareOrdinal(x!.Term, y!.Term);
    }
}
