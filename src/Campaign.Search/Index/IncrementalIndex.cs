using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Campaign.Search.Index;

/// <summary>
/// One language's index, kept between builds so a rebuild does only what changed: documents are analysed only when
/// their fields changed (by digest); when the documents' URLs are as before (so their numbers are too), the postings
/// of the changed documents are patched in place and only the terms whose postings changed are encoded again, and
/// only their shards written again; every file whose content is unchanged is the same stored array as before (gzip
/// and base64 are what cost; a script pack is made again only when a file in it changed). Adding, removing or renaming a document renumbers the documents after it: then the
/// postings are rebuilt from the kept analyses and files are compressed again only where their content changed.
/// A fresh instance builds from nothing, and <see cref="SearchIndexBuilder.Build"/> is exactly that, so a rebuild
/// gives the same bytes as a full build by construction. Builds of one instance run one at a time.
/// </summary>
public sealed class IncrementalIndex
{
    /// <summary>Below this many documents to analyse, threads cost more than they save.</summary>
    private const int ParallelFrom = 32;

    private readonly Lock _gate = new();
    private readonly int _docsPerShard;
    private readonly int _packBytes;
    private readonly StoredFiles _files = new(); // term shards, facets, norms and manifest, by their raw bytes
    private readonly StoredFiles _docFiles = new(); // document shards, by their documents' digests, kinds and companies

    // Documents. Numbers are positions in URL order; arrays below are indexed by number.
    private Dictionary<UInt128, AnalysedDocument> _analysed = [];
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal); // one string per term
    private SearchDocument[] _corpus = []; // the corpus's own order, and the order sorting it by URL gave
    private int[] _corpusOrder = [];
    private SearchDocument[] _objects = []; // the document objects of the last build: the same object is the same document
    private AnalysedDocument[] _docs = [];

    // Terms.
    private readonly Dictionary<string, TermPostings> _terms = new(StringComparer.Ordinal);
    private List<TermPostings>[] _shardTerms = []; // each shard's terms in ordinal order
    private byte[]?[] _shardFiles = [];
    private UInt128[] _shardKeys = [];
    private List<TermPostings> _sorted = []; // every term, in ordinal order: cut into the shards' ranges
    private string[] _termStarts = []; // where each shard's range starts, as the manifest lists them
    private int[] _termOrder = []; // shard numbers in the order of their paths

    // What the manifest and facets sum up, kept up to date document by document.
    private readonly Dictionary<string, int> _kindCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _yearCounts = [];
    private readonly long[] _sums = new long[IndexFormat.Fields.Count];
    private string[] _kinds = [];
    private string[] _companySlugs = [];
    private int[] _kindOf = [];
    private int[] _companyOf = [];
    private int[] _yearFrom = [];
    private int[] _yearTo = [];

    // Files, and where each sits in the output.
    private UInt128[] _docKeys = [];
    private byte[][] _docShardFiles = [];
    private int[] _docOrder = [];
    private readonly List<string> _docPaths = [];
    private (UInt128 Key, byte[] File) _facets, _manifest, _norms, _variants;
    private int _variantsSlot;
    private IndexFile[] _output = [];
    private int[] _docSlot = [];
    private int[] _termSlot = [];
    private (string Path, byte[] Bytes)[] _packed = []; // every file but the manifest, in path order: what the packs hold
    private int[] _packStarts = [];
    private (string[] Paths, byte[][] Parts, IndexFile File)[] _packFiles = [];
    private (byte[] Manifest, IndexFile File)? _manifestScript;
    private bool _packs;
    private IReadOnlyList<IndexFile>? _last;

    /// <summary>An index with the format's documents per shard (<see cref="IndexFormat.DocsPerShard"/>).</summary>
    public IncrementalIndex() : this(IndexFormat.DocsPerShard) { }

    /// <summary>
    /// An index with <paramref name="docsPerShard"/> documents per document shard (the manifest says how many) and script
    /// packs of at most <paramref name="packBytes"/>: tests and measurements vary them.
    /// </summary>
    internal IncrementalIndex(int docsPerShard, int packBytes = ScriptPacks.TargetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(docsPerShard, 1);
        _docsPerShard = docsPerShard;
        _packBytes = packBytes;
    }

    /// <summary>Documents analysed by the last build.</summary>
    public int Analysed { get; private set; }

    /// <summary>Files (packs not counted) the last build compressed, or stored for the first time.</summary>
    public int Made { get; private set; }

    /// <summary>Files (packs not counted) the last build took unchanged from before: the same arrays.</summary>
    public int Kept { get; private set; }

    /// <summary>Whether the last build returned the previous build's files as they were, array for array.</summary>
    public bool Unchanged { get; private set; }

    /// <summary>
    /// The index files of <paramref name="corpus"/>, ordered by path (as <see cref="SearchIndexBuilder.Build"/>), then,
    /// when <paramref name="packs"/>, the scripts a page opened from disk reads instead: <c>manifest.js</c> and the
    /// packs in order (<see cref="ScriptPacks"/>). The manifest lists the packs either way, so it is the same file.
    /// </summary>
    public IReadOnlyList<IndexFile> Build(SearchCorpus corpus, bool packs = false)
    {
        lock (_gate)
        {
            try
            {
                return BuildOnce(corpus, packs);
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
        _corpus = [];
        _objects = [];
        _docs = [];
        _terms.Clear();
        _shardTerms = [];
        _sorted = [];
        _termStarts = [];
        _termOrder = [];
        _shardFiles = [];
        _shardKeys = [];
        _docKeys = [];
        _docShardFiles = [];
        _facets = default;
        _manifest = default;
        _norms = default;
        _variants = default;
        _packFiles = [];
        _manifestScript = null;
        _last = null;
    }

    private IReadOnlyList<IndexFile> BuildOnce(SearchCorpus corpus, bool packs)
    {
        _files.ResetCounts();
        _docFiles.ResetCounts();
        var ordered = InUrlOrder(corpus.Documents);
        var changed = new List<int>(); // numbers whose document changed, when the numbering stayed
        var docs = Analyse(ordered, changed, out var renumbered);
        var full = renumbered || _last is null;

        var dirty = full ? Repost(docs) : Patch(docs, changed);
        var before = _docs;
        _docs = docs;
        _objects = ordered;
        var changedShards = Encode(dirty, full);

        // Kinds, companies, years and field lengths: counted again only for the documents that changed.
        if (full)
        {
            _kindCounts.Clear();
            _yearCounts.Clear();
            Array.Clear(_sums);
            foreach (var a in docs) Count(a, +1);
        }
        else
            foreach (var i in changed)
            {
                Count(before[i], -1);
                Count(docs[i], +1);
            }
        var kinds = _kindCounts.Keys.Order(StringComparer.Ordinal).ToArray();
        var companies = corpus.Companies.OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
        var slugs = companies.Select(c => c.Slug).ToArray();
        var remap = full || !kinds.SequenceEqual(_kinds) || !slugs.SequenceEqual(_companySlugs);
        _kinds = kinds;
        _companySlugs = slugs;
        var kindIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < kinds.Length; i++) kindIndex[kinds[i]] = i;
        var companyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < slugs.Length; i++) companyIndex.TryAdd(slugs[i], i + 1);
        if (remap)
        {
            (_kindOf, _companyOf, _yearFrom, _yearTo) = (new int[docs.Length], new int[docs.Length], new int[docs.Length], new int[docs.Length]);
            for (var i = 0; i < docs.Length; i++) Describe(i);
        }
        else
            foreach (var i in changed) Describe(i);
        void Describe(int i)
        {
            var d = docs[i].Document;
            _kindOf[i] = kindIndex[d.Kind];
            _companyOf[i] = d.Company is { } c && companyIndex.TryGetValue(c, out var n) ? n : 0;
            _yearFrom[i] = d.YearFrom;
            _yearTo[i] = d.YearTo;
        }
        var years = _yearCounts.Keys.ToList();
        var yearBase = years.Count == 0 ? 0 : years.Min() - 1;

        var termShards = TermShards(changedShards, out var termLayout);
        var docShards = DocShards(remap ? null : changed, out var docLayout);

        var facets = Header(IndexFormat.FacetMagic);
        facets.VarInt(docs.Length);
        for (var i = 0; i < docs.Length; i++)
        {
            facets.Byte(_kindOf[i]);
            facets.VarInt(_companyOf[i]);
            facets.VarInt(_yearFrom[i] == 0 ? 0 : _yearFrom[i] - yearBase);
            facets.VarInt(_yearTo[i] == 0 ? 0 : _yearTo[i] - yearBase);
        }
        var facetsFile = _files.Get(facets.ToArray(), compress: true, out var facetsKey);
        var facetsChanged = facetsFile != _facets.File;
        _facets = (facetsKey, facetsFile);
        // Every document's norm per field, once (the term shards do not repeat them): N bytes a field, so written whole.
        var norms = Header(IndexFormat.NormsMagic);
        norms.VarInt(docs.Length);
        for (var f = 0; f < IndexFormat.Fields.Count; f++)
            foreach (var a in docs) norms.Byte(a.Fields[f].Norm);
        var normsFile = _files.Get(norms.ToArray(), compress: true, out var normsKey);
        var normsChanged = normsFile != _norms.File;
        _norms = (normsKey, normsFile);
        var variants = SearchIndexBuilder.Variants(_terms.Keys);
        var variantsFile = _files.Get(Encoding.UTF8.GetBytes(variants), compress: true, out var variantsKey);
        var variantsChanged = variantsFile != _variants.File;
        _variants = (variantsKey, variantsFile);
        _packed = [.. Packed()];
        _packStarts = [.. ScriptPacks.Cut([.. _packed.Select(f => (f.Path, f.Bytes.Length))], _packBytes)];
        var manifestFile = _files.Get(SearchIndexBuilder.Manifest(corpus.Lang, docs.Length, _docsPerShard, _termStarts, _sums, kinds, companies, years, yearBase,
            variants.Length / 2, [.. _packStarts.Select(i => _packed[i].Path)]), compress: false, out var manifestKey);
        var manifestChanged = manifestFile != _manifest.File;
        _manifest = (manifestKey, manifestFile);

        var changedFiles = termShards.Count + docShards.Count + (facetsChanged ? 1 : 0) + (manifestChanged ? 1 : 0) + (normsChanged ? 1 : 0) + (variantsChanged ? 1 : 0);
        if (full || termLayout || docLayout) Lay();
        else
        {
            foreach (var s in docShards) Place(_docSlot[s], DocPath(s), _docShardFiles[s]);
            foreach (var s in termShards) Place(_termSlot[s], IndexFormat.TermShardPath(s), _shardFiles[s]!);
            if (facetsChanged) Place(_docOrder.Length, IndexFormat.FacetsPath, facetsFile);
            if (manifestChanged) Place(_docOrder.Length + 1, IndexFormat.ManifestPath, manifestFile);
            if (normsChanged) Place(_docOrder.Length + 2, IndexFormat.NormsPath, normsFile);
            if (variantsChanged) Place(_variantsSlot, IndexFormat.VariantsPath, variantsFile);
        }

        Made = _files.Made + _docFiles.Made;
        Kept = _output.Length - Made;
        _docFiles.Prune(_docKeys.Length, () => _docKeys);
        _files.Prune(_shardKeys.Length + 4, () => [.. _shardKeys, facetsKey, manifestKey, normsKey, variantsKey]);

        Unchanged = _last is not null && changedFiles == 0 && !full && !termLayout && !docLayout && packs == _packs;
        _packs = packs;
        if (Unchanged) return _last!;
        return _last = packs ? [.. _output, .. Scripts()] : [.. _output];
    }

    /// <summary>Every file but the manifest, in ordinal path order (d/…, facets.bin, norms.bin, t/…, variants.bin): what the packs hold.</summary>
    private IEnumerable<(string Path, byte[] Bytes)> Packed()
    {
        foreach (var s in _docOrder) yield return (DocPath(s), _docShardFiles[s]);
        yield return (IndexFormat.FacetsPath, _facets.File);
        yield return (IndexFormat.NormsPath, _norms.File);
        foreach (var s in _termOrder)
            if (_shardFiles[s] is { } file) yield return (IndexFormat.TermShardPath(s), file);
        yield return (IndexFormat.VariantsPath, _variants.File);
    }

    /// <summary>
    /// <c>manifest.js</c> and the packs: a pack whose files are the same paths and the same arrays as last build's is
    /// last build's, so base64 is paid only for the packs an edit touched.
    /// </summary>
    private IEnumerable<IndexFile> Scripts()
    {
        var manifest = _manifest.File;
        if (_manifestScript is not { } script || script.Manifest != manifest)
            _manifestScript = script = (manifest, new IndexFile(ScriptPacks.ManifestPath, ScriptPacks.ManifestScript(manifest)));
        yield return script.File;
        var packs = new (string[] Paths, byte[][] Parts, IndexFile File)[_packStarts.Length];
        for (var p = 0; p < packs.Length; p++)
        {
            var end = p + 1 < _packStarts.Length ? _packStarts[p + 1] : _packed.Length;
            var files = _packed[_packStarts[p]..end];
            var paths = files.Select(f => f.Path).ToArray();
            var parts = files.Select(f => f.Bytes).ToArray();
            packs[p] = p < _packFiles.Length && _packFiles[p].Paths.SequenceEqual(paths, StringComparer.Ordinal)
                && _packFiles[p].Parts.SequenceEqual(parts, ReferenceEqualityComparer.Instance)
                ? _packFiles[p]
                : (paths, parts, new IndexFile(ScriptPacks.PathOf(p), ScriptPacks.Text(files)));
        }
        _packFiles = packs;
        foreach (var pack in packs) yield return pack.File;
    }

    private void Count(AnalysedDocument a, int sign)
    {
        var d = a.Document;
        Add(_kindCounts, d.Kind, sign);
        if (d.YearFrom > 0)
        {
            Add(_yearCounts, d.YearFrom, sign);
            Add(_yearCounts, d.YearTo, sign);
        }
        for (var f = 0; f < _sums.Length; f++) _sums[f] += sign * a.Fields[f].Length;

        static void Add<T>(Dictionary<T, int> counts, T key, int sign) where T : notnull
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
            count += sign;
            if (count == 0) counts.Remove(key);
        }
    }

    /// <summary>Every output slot again: paths in ordinal order (d/…, facets.bin, manifest.json, norms.bin, t/…, variants.bin).</summary>
    private void Lay()
    {
        var files = new List<(string Path, byte[] File)>(_docOrder.Length + _termOrder.Length + 2);
        _docSlot = new int[_docOrder.Length];
        foreach (var s in _docOrder)
        {
            _docSlot[s] = files.Count;
            files.Add((DocPath(s), _docShardFiles[s]));
        }
        files.Add((IndexFormat.FacetsPath, _facets.File));
        files.Add((IndexFormat.ManifestPath, _manifest.File));
        files.Add((IndexFormat.NormsPath, _norms.File));
        _termSlot = new int[_shardFiles.Length];
        foreach (var s in _termOrder)
            if (_shardFiles[s] is { } file)
            {
                _termSlot[s] = files.Count;
                files.Add((IndexFormat.TermShardPath(s), file));
            }
        _variantsSlot = files.Count;
        files.Add((IndexFormat.VariantsPath, _variants.File));
        _output = [.. files.Select(f => new IndexFile(f.Path, f.File))];
    }

    private void Place(int slot, string path, byte[] file) => _output[slot] = new IndexFile(path, file);

    /// <summary>The documents sorted by URL (stable); the order is reused while the corpus lists the same URLs in the same order.</summary>
    private SearchDocument[] InUrlOrder(IReadOnlyList<SearchDocument> documents)
    {
        var same = documents.Count == _corpus.Length;
        for (var i = 0; same && i < documents.Count; i++)
            same = ReferenceEquals(documents[i], _corpus[i]) || string.Equals(documents[i].Url, _corpus[i].Url, StringComparison.Ordinal);
        if (!same)
            _corpusOrder = [.. Enumerable.Range(0, documents.Count).OrderBy(i => documents[i].Url, StringComparer.Ordinal)];
        _corpus = [.. documents];
        var result = new SearchDocument[documents.Count];
        for (var i = 0; i < result.Length; i++) result[i] = documents[_corpusOrder[i]];
        return result;
    }

    /// <summary>
    /// Each document's analysis: the last build's when it is the same object, the kept one when its digest is known,
    /// else made now (in parallel when many). Lists the numbers whose analysis changed; renumbered when URLs moved.
    /// </summary>
    private AnalysedDocument[] Analyse(SearchDocument[] docs, List<int> changed, out bool renumbered)
    {
        var result = new AnalysedDocument[docs.Length];
        var missing = new List<(int Number, UInt128 Digest)>();
        var sameLength = docs.Length == _objects.Length;
        renumbered = !sameLength;
        for (var i = 0; i < docs.Length; i++)
        {
            if (sameLength && ReferenceEquals(docs[i], _objects[i]))
            {
                result[i] = _docs[i];
                continue;
            }
            if (sameLength && !string.Equals(docs[i].Url, _objects[i].Url, StringComparison.Ordinal)) renumbered = true;
            var digest = AnalysedDocument.DigestOf(docs[i]);
            if (_analysed.TryGetValue(digest, out var known)) result[i] = known;
            else missing.Add((i, digest));
            if (sameLength && !ReferenceEquals(result[i], _docs[i])) changed.Add(i);
        }
        if (missing.Count >= ParallelFrom)
            Parallel.ForEach(missing, m => result[m.Number] = AnalysedDocument.Analyse(docs[m.Number], m.Digest, _strings));
        else
            foreach (var (i, digest) in missing) result[i] = AnalysedDocument.Analyse(docs[i], digest, _strings);
        Analysed = missing.Count;
        foreach (var (i, digest) in missing) _analysed.TryAdd(digest, result[i]);
        if (_analysed.Count > 2 * docs.Length + 64)
        {
            _analysed = new Dictionary<UInt128, AnalysedDocument>(docs.Length);
            foreach (var a in result) _analysed.TryAdd(a.Digest, a);
        }
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
                    Term(field.Terms[j]).Append(f, new Posting(doc, j));
            }
        return [.. _terms.Values];
    }

    /// <summary>The postings of the documents whose analysis changed, patched; the terms whose postings differ are dirty.</summary>
    private HashSet<TermPostings> Patch(AnalysedDocument[] docs, List<int> changed)
    {
        var dirty = new HashSet<TermPostings>(ReferenceEqualityComparer.Instance);
        foreach (var doc in changed)
        {
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
                    var term = Term(now.Terms[j]);
                    // a posting points at its term's place in the document's analysis: put again even when what it
                    // encodes is as before (the term may sit elsewhere among the field's terms now), dirty only if not
                    term.Put(f, new Posting(doc, j));
                    if (order != 0 || before.Positions(i).Length != now.Positions(j).Length)
                        dirty.Add(term); // the block holds the tf only: norms and positions are elsewhere
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
    /// Encodes the dirty terms' blocks, drops terms left without postings, keeps every term in ordinal order and cuts
    /// that order into ranges (<see cref="TermRanges.Cut"/>), one per shard. Returns the shards whose content may have
    /// changed: those holding a dirty term or other terms than before.
    /// </summary>
    private IReadOnlyCollection<int> Encode(HashSet<TermPostings> dirty, bool full)
    {
        foreach (var term in dirty)
        {
            if (term.IsEmpty)
            {
                _terms.Remove(term.Term);
                term.Block = null;
                if (term.Shard >= 0 && !full) _sorted.RemoveAt(_sorted.BinarySearch(term, ByTerm.Instance));
                term.Shard = -1;
                continue;
            }
            term.Block = term.Encode(_docs);
            if (term.Shard < 0 && !full)
            {
                _sorted.Insert(~_sorted.BinarySearch(term, ByTerm.Instance), term);
                term.Shard = int.MaxValue; // placed below
            }
        }
        if (full)
        {
            _sorted = [.. _terms.Values];
            _sorted.Sort(ByTerm.Instance);
        }

        var starts = TermRanges.Cut([.. _sorted.Select(t => t.Hash)], [.. _sorted.Select(t => t.Size)]);
        var shards = new List<TermPostings>[starts.Count];
        for (var s = 0; s < shards.Length; s++)
        {
            var end = s + 1 < starts.Count ? starts[s + 1] : _sorted.Count;
            shards[s] = _sorted.GetRange(starts[s], end - starts[s]);
            foreach (var term in shards[s]) term.Shard = s;
        }
        var changed = new List<int>();
        for (var s = 0; s < shards.Length; s++)
            if (full || s >= _shardTerms.Length || !shards[s].SequenceEqual(_shardTerms[s], ReferenceEqualityComparer.Instance) || shards[s].Any(dirty.Contains))
                changed.Add(s);
        // Shards past the new end are gone; their files are dropped by TermShards.
        for (var s = shards.Length; s < _shardTerms.Length; s++) changed.Add(s);
        var count = Math.Max(shards.Length, _shardTerms.Length);
        Array.Resize(ref shards, count);
        for (var s = 0; s < count; s++) shards[s] ??= [];
        _shardTerms = shards;
        if (full) (_shardFiles, _shardKeys) = (new byte[]?[count], new UInt128[count]);
        else
        {
            Array.Resize(ref _shardFiles, count);
            Array.Resize(ref _shardKeys, count);
        }
        if (_termOrder.Length != count) _termOrder = [.. Enumerable.Range(0, count).OrderBy(IndexFormat.TermShardPath, StringComparer.Ordinal)];
        _termStarts = [.. Enumerable.Range(0, starts.Count).Select(s => s == 0 ? "" : TermRanges.Separator(_sorted[starts[s] - 1].Term, _sorted[starts[s]].Term))];
        return changed;
    }

    /// <summary>The term shards whose content changed, written and found by content or compressed; <paramref name="layout"/> when a shard appeared or went.</summary>
    private List<int> TermShards(IReadOnlyCollection<int> changed, out bool layout)
    {
        layout = false;
        var result = new List<int>();
        var make = new List<(int Shard, UInt128 Key, byte[] Raw)>();
        foreach (var s in changed.Order())
        {
            var terms = _shardTerms[s];
            if (terms.Count == 0)
            {
                layout |= _shardFiles[s] is not null;
                _shardFiles[s] = null;
                _shardKeys[s] = default;
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
            if (key == _shardKeys[s] && _shardFiles[s] is not null) continue;
            layout |= _shardFiles[s] is null;
            _shardKeys[s] = key;
            result.Add(s);
            if (_files.Find(key) is { } known) _shardFiles[s] = known;
            else make.Add((s, key, raw));
        }
        foreach (var (s, file) in Compress(make)) _shardFiles[s] = _files.Add(_shardKeys[s], file);
        return result;
    }

    /// <summary>
    /// The document shards whose content changed (of the given documents, or of all when null), found by what they hold
    /// or written and compressed; <paramref name="layout"/> when their number changed.
    /// </summary>
    private List<int> DocShards(List<int>? changedDocs, out bool layout)
    {
        var count = (_docs.Length + _docsPerShard - 1) / _docsPerShard;
        layout = count != _docShardFiles.Length;
        if (layout || changedDocs is null)
        {
            Array.Resize(ref _docKeys, count);
            Array.Resize(ref _docShardFiles, count);
        }
        if (_docOrder.Length != count) _docOrder = [.. Enumerable.Range(0, count).OrderBy(DocPath, StringComparer.Ordinal)];
        var shards = changedDocs is null ? Enumerable.Range(0, count) : changedDocs.Select(i => i / _docsPerShard).Distinct();
        var result = new List<int>();
        var make = new List<(int Shard, UInt128 Key, byte[] Raw)>();
        Span<UInt128> parts = stackalloc UInt128[2];
        foreach (var s in shards)
        {
            var hash = new XxHash128();
            var start = s * _docsPerShard;
            var end = Math.Min(_docs.Length, start + _docsPerShard);
            for (var i = start; i < end; i++)
            {
                parts[0] = _docs[i].Digest; // the shard holds the analysed texts too: every field counts
                parts[1] = ((UInt128)(uint)_kindOf[i] << 32) | (uint)_companyOf[i];
                hash.Append(MemoryMarshal.AsBytes(parts));
            }
            var key = hash.GetCurrentHashAsUInt128();
            if (key == _docKeys[s] && _docShardFiles[s] is not null) continue;
            _docKeys[s] = key;
            result.Add(s);
            if (_docFiles.Find(key) is { } known)
            {
                _docShardFiles[s] = known;
                continue;
            }
            var w = Header(IndexFormat.DocMagic);
            w.VarInt(end - start);
            for (var i = start; i < end; i++)
            {
                var d = _docs[i].Document;
                w.String(d.Url);
                w.String(d.Title);
                w.String(_docs[i].Excerpt);
                w.Byte(_kindOf[i]);
                w.VarInt(_companyOf[i]);
                w.VarInt(d.YearFrom);
                w.VarInt(d.YearTo);
                foreach (var text in _docs[i].StoredTexts()) w.String(text);
            }
            make.Add((s, key, w.ToArray()));
        }
        foreach (var (s, file) in Compress(make)) _docShardFiles[s] = _docFiles.Add(_docKeys[s], file);
        return result;
    }

    /// <summary>Compresses files, on every core when there are several (the other language may be done already).</summary>
    private static (int Shard, byte[] File)[] Compress(List<(int Shard, UInt128 Key, byte[] Raw)> make)
    {
        var result = new (int, byte[])[make.Count];
        if (make.Count > 1)
            Parallel.For(0, make.Count, i => result[i] = (make[i].Shard, IndexFormat.Deflate(make[i].Raw)));
        else if (make.Count == 1)
            result[0] = (make[0].Shard, IndexFormat.Deflate(make[0].Raw));
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
