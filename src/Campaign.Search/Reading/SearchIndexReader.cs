using System.Text.Json;
using Campaign.Search.Index;

namespace Campaign.Search.Reading;

/// <summary>A ranked result: the document's number in the index, its score and what a result list shows.</summary>
public sealed record SearchHit(int Doc, double Score, string Url, string Title, string Kind, string? Company, int YearFrom, int YearTo, string Excerpt);

/// <summary>Narrows results: by kind, company slug and a year the document covers; null means any.</summary>
public sealed record SearchFilters(string? Kind = null, string? Company = null, int? Year = null)
{
    public static readonly SearchFilters None = new();

    public bool Active => Kind is not null || Company is not null || Year is not null;
}

/// <summary>
/// Reads a language's static index from files and ranks a query exactly as the browser client does:
/// BM25 as Lucene 4.8 computes it (k1 1.2, b 0.75, quantised document length), summed over the query's terms
/// in each field times the field's boost, plus each phrase scored as Lucene's exact <c>PhraseQuery</c>
/// (idf summed over its terms, phrase frequency as tf). Ties go to the lower document number.
/// </summary>
public sealed class SearchIndexReader
{
    private readonly Func<string, byte[]?> _load;
    private readonly Dictionary<int, Dictionary<string, byte[]>> _termShards = [];
    private readonly Dictionary<int, List<SearchHit>> _docShards = [];
    private (int Kind, int Company, int From, int To)[]? _facets;

    public IndexManifest Manifest { get; }

    /// <param name="load">Reads a file of the index by its path (<c>manifest.json</c>, <c>t/3.bin</c>); null when missing.</param>
    public SearchIndexReader(Func<string, byte[]?> load)
    {
        _load = load;
        var manifest = load(IndexFormat.ManifestPath) ?? throw new FileNotFoundException("the search index has no manifest.json");
        Manifest = IndexManifest.Parse(manifest);
    }

    /// <summary>Opens <c>search/&lt;lang&gt;/</c> under a built site.</summary>
    public static SearchIndexReader Open(string siteDir, string lang)
    {
        var dir = Path.Combine(siteDir, "search", lang);
        return new SearchIndexReader(path =>
        {
            var full = Path.Combine(dir, path);
            return File.Exists(full) ? File.ReadAllBytes(full) : null;
        });
    }

    /// <summary>Every matching document, best first, scored; no metadata read.</summary>
    public IReadOnlyList<(int Doc, double Score)> Rank(SearchQuery query, SearchFilters? filters = null)
    {
        filters ??= SearchFilters.None;
        var m = Manifest;
        var n = (double)m.Docs;
        var scores = new Dictionary<int, double>();
        var postings = new Dictionary<string, Dictionary<int, List<(int Doc, byte Norm, int[] Positions)>>>(StringComparer.Ordinal);
        foreach (var term in query.Terms) postings[term] = Postings(term);

        for (var f = 0; f < m.Fields.Count; f++)
        {
            var field = m.Fields[f];
            var lengths = Bm25.LengthNorms(m, f);
            foreach (var term in query.Terms)
            {
                if (!postings[term].TryGetValue(f, out var list)) continue;
                var weight = Bm25.Idf(list.Count, n) * field.Boost * (IndexFormat.K1 + 1);
                foreach (var p in list) Add(scores, p.Doc, weight * p.Positions.Length / (p.Positions.Length + lengths[p.Norm]));
            }
            foreach (var phrase in query.Phrases)
            {
                var lists = phrase.Terms.Select(t => postings[t.Term].TryGetValue(f, out var l) ? l : null).ToList();
                if (lists.Any(l => l is null)) continue;
                var idf = lists.Sum(l => Bm25.Idf(l!.Count, n));
                var weight = idf * field.Boost * (IndexFormat.K1 + 1);
                var byDoc = lists.Select(l => l!.ToDictionary(p => p.Doc)).ToList();
                foreach (var first in lists[0]!)
                {
                    if (!byDoc.All(d => d.ContainsKey(first.Doc))) continue;
                    var freq = PhraseFrequency(phrase, byDoc.Select(d => d[first.Doc].Positions).ToList());
                    if (freq > 0) Add(scores, first.Doc, weight * freq / (freq + lengths[first.Norm]));
                }
            }
        }

        var facets = filters.Active ? Facets() : null;
        return [.. scores
            .Where(s => facets is null || Matches(facets[s.Key], filters))
            .OrderByDescending(s => Bm25.SortKey(s.Value)).ThenBy(s => s.Key)
            .Select(s => (s.Key, s.Value))];
    }

    /// <summary>The top <paramref name="limit"/> hits with their metadata and excerpts.</summary>
    public IReadOnlyList<SearchHit> Search(string text, SearchFilters? filters = null, int limit = 10) =>
        [.. Rank(SearchQuery.Parse(text), filters).Take(limit).Select(r => Document(r.Doc) with { Score = r.Score })];

    /// <summary>How many times the phrase occurs: start positions where every term sits at its offset.</summary>
    private static int PhraseFrequency(QueryPhrase phrase, List<int[]> positions)
    {
        var sets = positions.Skip(1).Select(p => p.ToHashSet()).ToList();
        var count = 0;
        foreach (var start in positions[0])
        {
            var at = start - phrase.Terms[0].Offset;
            var all = true;
            for (var i = 1; i < phrase.Terms.Count && all; i++) all = sets[i - 1].Contains(at + phrase.Terms[i].Offset);
            if (all) count++;
        }
        return count;
    }

    private bool Matches((int Kind, int Company, int From, int To) f, SearchFilters filters)
    {
        var m = Manifest;
        if (filters.Kind is not null && (f.Kind >= m.Kinds.Count || m.Kinds[f.Kind] != filters.Kind)) return false;
        if (filters.Company is not null && (f.Company == 0 || m.Companies[f.Company - 1].Slug != filters.Company)) return false;
        if (filters.Year is { } y && (f.From == 0 || y < f.From + m.YearBase || y > f.To + m.YearBase)) return false;
        return true;
    }

    private static void Add(Dictionary<int, double> scores, int doc, double score) =>
        scores[doc] = scores.GetValueOrDefault(doc) + score;

    /// <summary>A term's postings per field id, read from the term shard its hash names.</summary>
    private Dictionary<int, List<(int Doc, byte Norm, int[] Positions)>> Postings(string term)
    {
        var result = new Dictionary<int, List<(int, byte, int[])>>();
        var shard = (int)(IndexFormat.Hash(term) & (uint)(Manifest.TermShards - 1));
        if (!_termShards.TryGetValue(shard, out var blocks))
        {
            blocks = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            if (_load(IndexFormat.TermShardPath(shard)) is { } stored)
            {
                var bytes = IndexFormat.Inflate(stored);
                var r = new ByteReader(bytes);
                r.Expect(IndexFormat.TermMagic);
                var count = r.VarInt();
                for (var i = 0; i < count; i++)
                {
                    var t = r.String();
                    var length = (int)r.VarInt();
                    blocks[t] = bytes[r.At..(r.At + length)];
                    r.At += length;
                }
            }
            _termShards[shard] = blocks;
        }
        if (!blocks.TryGetValue(term, out var block)) return result;
        var br = new ByteReader(block);
        var fields = br.Byte();
        for (var f = 0; f < fields; f++)
        {
            var field = br.Byte();
            var df = br.VarInt();
            // column by column: document deltas, norms, tfs, then each document's position deltas
            var docs = new int[df];
            var doc = 0;
            for (var i = 0; i < df; i++) docs[i] = doc += (int)br.VarInt();
            var norms = new byte[df];
            for (var i = 0; i < df; i++) norms[i] = (byte)br.Byte();
            var tfs = new int[df];
            for (var i = 0; i < df; i++) tfs[i] = (int)br.VarInt();
            var list = new List<(int, byte, int[])>((int)df);
            for (var i = 0; i < df; i++)
            {
                var positions = new int[tfs[i]];
                var pos = 0;
                for (var k = 0; k < positions.Length; k++) positions[k] = pos += (int)br.VarInt();
                list.Add((docs[i], norms[i], positions));
            }
            result[field] = list;
        }
        return result;
    }

    /// <summary>A document's metadata and excerpt text, from its document shard.</summary>
    public SearchHit Document(int doc)
    {
        var shard = doc / Manifest.DocsPerShard;
        if (!_docShards.TryGetValue(shard, out var list))
        {
            list = [];
            var bytes = IndexFormat.Inflate(_load(IndexFormat.DocShardPath(shard)) ?? throw new InvalidDataException($"the search index lacks {IndexFormat.DocShardPath(shard)}"));
            var r = new ByteReader(bytes);
            r.Expect(IndexFormat.DocMagic);
            var count = r.VarInt();
            for (var i = 0; i < count; i++)
            {
                var url = r.String();
                var title = r.String();
                var excerpt = r.String();
                var kind = Manifest.Kinds[r.Byte()];
                var company = (int)r.VarInt();
                var from = (int)r.VarInt();
                var to = (int)r.VarInt();
                list.Add(new SearchHit(shard * Manifest.DocsPerShard + i, 0, url, title, kind,
                    company == 0 ? null : Manifest.Companies[company - 1].Slug, from, to, excerpt));
            }
            _docShards[shard] = list;
        }
        return list[doc % Manifest.DocsPerShard];
    }

    private (int Kind, int Company, int From, int To)[] Facets()
    {
        if (_facets is not null) return _facets;
        var bytes = IndexFormat.Inflate(_load(IndexFormat.FacetsPath) ?? throw new InvalidDataException("the search index lacks facets.bin"));
        var r = new ByteReader(bytes);
        r.Expect(IndexFormat.FacetMagic);
        var count = r.VarInt();
        var result = new (int, int, int, int)[count];
        for (var i = 0; i < count; i++) result[i] = (r.Byte(), (int)r.VarInt(), (int)r.VarInt(), (int)r.VarInt());
        return _facets = result;
    }
}

/// <summary>The manifest of a language's index: counts, BM25 parameters, field statistics, filter values.</summary>
public sealed record IndexManifest(int Version, string Lang, int Docs, int DocsPerShard, int TermShards,
    IReadOnlyList<(string Name, double Boost, long SumTotalTermFreq)> Fields,
    IReadOnlyList<string> Kinds, IReadOnlyList<SearchCompany> Companies, int YearBase)
{
    public static IndexManifest Parse(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var version = root.GetProperty("version").GetInt32();
        if (version != IndexFormat.Version)
            throw new InvalidDataException($"search index version {version}, this reader reads version {IndexFormat.Version}");
        return new IndexManifest(version, root.GetProperty("lang").GetString()!, root.GetProperty("docs").GetInt32(),
            root.GetProperty("docsPerShard").GetInt32(), root.GetProperty("termShards").GetInt32(),
            [.. root.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("boost").GetDouble(), f.GetProperty("sumTotalTermFreq").GetInt64()))],
            [.. root.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!)],
            [.. root.GetProperty("companies").EnumerateArray().Select(c => new SearchCompany(c[0].GetString()!, c[1].GetString()!))],
            root.GetProperty("yearBase").GetInt32());
    }
}
