using Campaign.Search.Analysis;
using System.Text.Json;
using Campaign.Search.Index;

namespace Campaign.Search.Reading;

/// <summary>A ranked result: the document's number in the index, its score and what a result list shows.</summary>
public sealed record SearchHit(int Doc, double Score, string Url, string Title, string Kind, string? Company, int YearFrom, int YearTo, string Excerpt);

/// <summary>
/// The ranked documents of a query, best first; <see cref="AnyWord"/> when no document held every word, so these are
/// the documents holding any of them (the result list says so).
/// </summary>
public sealed class SearchRanking(IReadOnlyList<(int Doc, double Score)> hits, bool anyWord) : IReadOnlyList<(int Doc, double Score)>
{
    public bool AnyWord { get; } = anyWord;

    public (int Doc, double Score) this[int index] => hits[index];

    public int Count => hits.Count;

    public IEnumerator<(int Doc, double Score)> GetEnumerator() => hits.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>What a search shows: the top hits, how many there are, whether they hold any word only, and the corrected query they are for (null: as typed).</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Count, bool AnyWord, string? Corrected);

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
    private readonly Dictionary<int, List<(SearchHit Hit, string[] Texts)>> _docShards = [];
    private (int Kind, int Company, int From, int To)[]? _facets;
    private byte[][]? _norms;

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

    /// <summary>
    /// The matching documents, best first, scored. A document matches when it holds every word of the query (the last
    /// word, when typed as a prefix, by itself or by a term it begins); when none does, every document holding any
    /// word, and the ranking says so (<see cref="SearchRanking.AnyWord"/>). Order: documents holding every phrase of the
    /// query first, then those holding the prefix word as typed, then by score, then by number.
    /// </summary>
    /// <param name="top">
    /// How many of the best are ranked exactly: a phrase is checked against the texts in the document shards, and only
    /// for the documents that could still reach the top (best bound first, as search.js does), so a query reads the
    /// document shards of about that many documents. The rest follow in the order of their bounds. All by default.
    /// </param>
    public SearchRanking Rank(SearchQuery query, SearchFilters? filters = null, int top = int.MaxValue)
    {
        filters ??= SearchFilters.None;
        var m = Manifest;
        var n = (double)m.Docs;
        // The clauses: the query's terms, the terms its compounds are also written as, the prefix's expansions.
        var clauses = new List<(string Term, double Weight)>();
        var clauseOf = new Dictionary<string, int>(StringComparer.Ordinal);
        void Clause(string term, double weight)
        {
            if (clauseOf.ContainsKey(term)) return;
            clauseOf[term] = clauses.Count;
            clauses.Add((term, weight));
        }
        foreach (var term in query.Terms) Clause(term, 1.0);
        foreach (var c in query.Variants) foreach (var term in c.Instead) Clause(term, 1.0);
        var postings = new Dictionary<string, Dictionary<int, List<(int Doc, int Tf)>>>(StringComparer.Ordinal);
        foreach (var (term, _) in clauses) postings[term] = Postings(term);
        var expansions = query.Prefix is { } prefix ? Expansions(prefix, [.. clauses.Select(c => c.Term)]) : [];
        foreach (var (term, list) in expansions)
        {
            postings[term] = list;
            Clause(term, SearchQuery.PrefixWeight);
        }

        // What a document must hold: per word a unit, held by any of its alternatives, each a list of slots all held,
        // each slot held by any of its terms (the prefix word: itself or an expansion); a compound is one unit.
        int[] SlotOf(string term) => query.Prefix is { } p && p.Term == term
            ? [clauseOf[term], .. expansions.Select(e => clauseOf[e.Term])] : [clauseOf[term]];
        var inCompound = query.Variants.SelectMany(c => c.Words).ToHashSet(StringComparer.Ordinal);
        var units = new List<int[][][]>();
        foreach (var term in query.Terms) if (!inCompound.Contains(term)) units.Add([[SlotOf(term)]]);
        foreach (var c in query.Variants) units.Add([[.. c.Words.Select(SlotOf)], [.. c.Instead.Select(t => new[] { clauseOf[t] })]]);
        var prefixClause = query.Prefix is { } q ? clauseOf[q.Term] : -1;
        var insteads = query.Variants.Select(c => c.Instead.Select(t => clauseOf[t]).ToArray()).ToArray();

        var norms = clauses.Count > 0 ? Norms() : [];
        var lengths = Enumerable.Range(0, m.Fields.Count).Select(f => Bm25.LengthNorms(m, f)).ToArray();
        var docs = new Dictionary<int, DocScore>();
        DocScore At(int doc)
        {
            if (!docs.TryGetValue(doc, out var d)) docs[doc] = d = new DocScore(doc, clauses.Count, query.Phrases.Count);
            return d;
        }
        for (var f = 0; f < m.Fields.Count; f++)
        {
            var boost = m.Fields[f].Boost;
            for (var c = 0; c < clauses.Count; c++)
            {
                var (term, weightOfTerm) = clauses[c];
                if (!postings[term].TryGetValue(f, out var list)) continue;
                var weight = Bm25.Idf(list.Count, n) * boost * (IndexFormat.K1 + 1) * weightOfTerm;
                foreach (var (doc, tf) in list)
                {
                    var d = At(doc);
                    d.Score += weight * tf / (tf + lengths[f][norms[f][doc]]);
                    d.Held[c] = true;
                }
            }
        }
        // Each phrase a document may hold in a field (it holds every term of it there): its weight there, and a bound,
        // since a phrase occurs at most as often as its rarest term.
        for (var f = 0; f < m.Fields.Count; f++)
            for (var ph = 0; ph < query.Phrases.Count; ph++)
            {
                var phrase = query.Phrases[ph];
                var lists = phrase.Terms.Select(t => postings[t.Term].TryGetValue(f, out var l) ? l : null).ToList();
                if (lists.Any(l => l is null)) continue;
                var idf = lists.Sum(l => Bm25.Idf(l!.Count, n));
                var weight = idf * m.Fields[f].Boost * (IndexFormat.K1 + 1);
                var byDoc = lists.Skip(1).Select(l => l!.ToDictionary(x => x.Doc, x => x.Tf)).ToList();
                foreach (var (doc, tf) in lists[0]!)
                {
                    var least = tf;
                    var every = true;
                    foreach (var other in byDoc)
                    {
                        if (!other.TryGetValue(doc, out var t)) { every = false; break; }
                        least = Math.Min(least, t);
                    }
                    if (!every) continue;
                    var d = At(doc);
                    d.Possible.Add((f, ph, weight, lengths[f][norms[f][doc]], least));
                }
            }

        var facets = filters.Active ? Facets() : null;
        var candidates = docs.Values.Where(d => facets is null || Matches(facets[d.Doc], filters)).ToList();
        bool HoldsAll(DocScore d) => units.All(unit => unit.Any(alternative => alternative.All(slot => slot.Any(c => d.Held[c]))));
        var all = candidates.Where(HoldsAll).ToList();
        var anyWord = all.Count == 0 && candidates.Count > 0;
        var ranked = anyWord ? candidates : all;
        foreach (var d in ranked) d.Bound(prefixClause, insteads);

        // The best `top` exactly: check the phrases of those still unchecked among the best by bound, until none is.
        var order = Comparer<DocScore>.Create((a, b) => a.Tier != b.Tier ? b.Tier.CompareTo(a.Tier)
            : Bm25.SortKey(a.Score) != Bm25.SortKey(b.Score) ? Bm25.SortKey(b.Score).CompareTo(Bm25.SortKey(a.Score)) : a.Doc.CompareTo(b.Doc));
        ranked.Sort(order);
        while (true)
        {
            var open = ranked.Take(top).Where(d => !d.Checked).ToList();
            if (open.Count == 0) break;
            foreach (var d in open) d.Check(query, Positions(d.Doc), prefixClause, insteads);
            ranked.Sort(order);
        }
        return new SearchRanking([.. ranked.Select(d => (d.Doc, d.Score))], anyWord);
    }

    /// <summary>
    /// A document's score so far, and which words and phrases of the query it holds. Until its phrases are checked,
    /// <see cref="Tier"/> and <see cref="Score"/> are bounds: what it would have if every phrase it may hold occurred
    /// as often as its rarest term.
    /// </summary>
    private sealed class DocScore(int doc, int clauses, int phrases)
    {
        public readonly int Doc = doc;
        public double Score;
        private double _terms;
        public readonly bool[] Held = new bool[clauses];
        public readonly bool[] Phrases = new bool[phrases];
        public readonly List<(int Field, int Phrase, double Weight, double Length, int Bound)> Possible = [];
        public bool Checked;
        public int Tier;

        /// <summary>The bounds, before any phrase is checked (exact already when no phrase may occur).</summary>
        public void Bound(int prefixClause, int[][] insteads)
        {
            _terms = Score;
            foreach (var p in Possible)
            {
                Score += p.Weight * p.Bound / (p.Bound + p.Length);
                Phrases[p.Phrase] = true;
            }
            Checked = Possible.Count == 0;
            Tier = TierOf(prefixClause, insteads);
        }

        /// <summary>The phrases counted in the document's texts: the exact score and tier.</summary>
        public void Check(SearchQuery query, Func<int, string, int[]> positions, int prefixClause, int[][] insteads)
        {
            Score = _terms;
            Array.Clear(Phrases);
            foreach (var p in Possible)
            {
                var phrase = query.Phrases[p.Phrase];
                var freq = PhraseFrequency(phrase, [.. phrase.Terms.Select(t => positions(p.Field, t.Term))]);
                if (freq <= 0) continue;
                Score += p.Weight * freq / (freq + p.Length);
                Phrases[p.Phrase] = true;
            }
            Checked = true;
            Tier = TierOf(prefixClause, insteads);
        }

        /// <summary>
        /// Every phrase held, or one compound as written the other way (face reader for FaceReader), ranks first (2),
        /// then the prefix word as typed (1; its clause, −1 when none).
        /// </summary>
        private int TierOf(int prefixClause, int[][] insteads) =>
            (Phrases.Length > 0 && (Phrases.All(p => p) || insteads.Any(i => i.All(c => Held[c]))) ? 2 : 0) + (prefixClause >= 0 && Held[prefixClause] ? 1 : 0);
    }

    /// <summary>
    /// The positions of a term in a field of a document, found by analysing the text its document shard stores (the
    /// text the index analysed), each field once.
    /// </summary>
    private Func<int, string, int[]> Positions(int doc)
    {
        var texts = Texts(doc);
        var fields = new Dictionary<string, int[]>?[texts.Length];
        return (field, term) =>
        {
            fields[field] ??= Tokens.Of(Analyzer, texts[field], IndexFormat.Fields[field].Name)
                .GroupBy(t => t.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(t => t.Position).ToArray(), StringComparer.Ordinal);
            return fields[field]!.GetValueOrDefault(term) ?? [];
        };
    }

    private static readonly SearchAnalyzer Analyzer = new();

    /// <summary>
    /// The terms the prefix stands for: those beginning with it, other than the query's own terms, in the first
    /// <see cref="SearchQuery.PrefixShards"/> shards its range spans; the <see cref="SearchQuery.MaxExpansions"/> found in
    /// the most documents (summed over the fields), ties in ordinal order.
    /// </summary>
    private List<(string Term, Dictionary<int, List<(int Doc, int Tf)>> Postings)> Expansions(QueryPrefix prefix, IReadOnlyList<string> own)
    {
        if (Manifest.TermStarts.Count == 0) return [];
        var (first, last) = TermRanges.ShardsOfPrefix(Manifest.TermStarts, prefix.Text);
        last = Math.Min(last, first + SearchQuery.PrefixShards - 1);
        var found = new List<(string Term, Dictionary<int, List<(int Doc, int Tf)>> Postings, int Df)>();
        for (var s = first; s <= last; s++)
            foreach (var term in TermShard(s).Keys)
                if (term.StartsWith(prefix.Text, StringComparison.Ordinal) && !own.Contains(term, StringComparer.Ordinal))
                {
                    var postings = Postings(term);
                    found.Add((term, postings, postings.Values.Sum(l => l.Count)));
                }
        return [.. found.OrderByDescending(e => e.Df).ThenBy(e => e.Term, StringComparer.Ordinal).Take(SearchQuery.MaxExpansions).Select(e => (e.Term, e.Postings))];
    }

    /// <summary>The top <paramref name="limit"/> hits with their metadata and excerpts (of the corrected query, when it was corrected).</summary>
    public IReadOnlyList<SearchHit> Search(string text, SearchFilters? filters = null, int limit = 10) => Find(text, filters, limit).Hits;

    /// <summary>
    /// Searches as the search page does: the query as typed, or, when no document holds all its words, the query with
    /// its misspelt words corrected (<see cref="Corrected"/>) if that finds documents holding them all.
    /// </summary>
    public SearchResults Find(string text, SearchFilters? filters = null, int limit = 10)
    {
        var ranking = Rank(SearchQuery.Parse(text), filters, limit);
        string? corrected = null;
        if ((ranking.Count == 0 || ranking.AnyWord) && Corrected(text) is { } c && Rank(SearchQuery.Parse(c), filters, limit) is { Count: > 0, AnyWord: false } better)
            (ranking, corrected) = (better, c);
        return new SearchResults([.. ranking.Take(limit).Select(r => Document(r.Doc) with { Score = r.Score })], ranking.Count, ranking.AnyWord, corrected);
    }

    /// <summary>Words shorter than this are never corrected (too many words lie one letter away).</summary>
    public const int MinCorrectedLength = 5;

    /// <summary>
    /// The query with each word the index does not hold (letters only, five or more, not Han) replaced by the indexed
    /// term one edit away (insert, delete or replace a letter) found in the most documents, looked for in the term shard
    /// the word itself was looked up in (no other request); the rest of the word after its stem is kept, and a capital
    /// first letter. Null when no word could be corrected. search.js's <c>corrected</c> does the same.
    /// </summary>
    public string? Corrected(string text)
    {
        if (Manifest.TermStarts.Count == 0) return null;
        var normalized = SearchText.Normalize(text);
        var result = new System.Text.StringBuilder();
        var at = 0;
        foreach (var t in Tokens.Of(new SearchAnalyzer(), text))
        {
            var raw = normalized[t.Start..t.End];
            var lower = raw.ToLowerInvariant();
            if (t.Han || raw.Length < MinCorrectedLength || !raw.All(char.IsLetter) || !lower.StartsWith(t.Term, StringComparison.Ordinal)) continue;
            if (Postings(t.Term).Count > 0) continue;
            string? best = null;
            var bestDf = 0;
            foreach (var term in TermShard(TermRanges.ShardOf(Manifest.TermStarts, t.Term)).Keys.Order(StringComparer.Ordinal))
            {
                if (term.Length < MinCorrectedLength - 1 || !OneEditApart(term, t.Term)) continue;
                var df = Postings(term).Values.Sum(l => l.Count);
                if (df > bestDf) (best, bestDf) = (term, df);
            }
            if (best is null) continue;
            var word = best + lower[t.Term.Length..];
            if (char.IsUpper(raw[0])) word = char.ToUpperInvariant(word[0]) + word[1..];
            result.Append(normalized, at, t.Start - at).Append(word);
            at = t.End;
        }
        if (at == 0) return null;
        return result.Append(normalized, at, normalized.Length - at).ToString();
    }

    /// <summary>Whether one insertion, deletion or replacement turns <paramref name="a"/> into <paramref name="b"/> (not equal).</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b) return false;
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (a.Length == b.Length) return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

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

    /// <summary>A term shard's terms and their blocks, read once (the shard the manifest's ranges name always exists).</summary>
    private Dictionary<string, byte[]> TermShard(int shard)
    {
        if (_termShards.TryGetValue(shard, out var blocks)) return blocks;
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
        return _termShards[shard] = blocks;
    }

    /// <summary>A term's postings per field id, read from the term shard whose range holds it: (document, tf) in document order.</summary>
    private Dictionary<int, List<(int Doc, int Tf)>> Postings(string term)
    {
        var result = new Dictionary<int, List<(int, int)>>();
        if (Manifest.TermStarts.Count == 0) return result;
        var blocks = TermShard(TermRanges.ShardOf(Manifest.TermStarts, term));
        if (!blocks.TryGetValue(term, out var block)) return result;
        var br = new ByteReader(block);
        var fields = br.Byte();
        for (var f = 0; f < fields; f++)
        {
            var field = br.Byte();
            var df = br.VarInt();
            // column by column: the documents skipped before each, then each tf − 1
            var gaps = br.Column((int)df);
            var tfs = br.Column((int)df);
            var list = new List<(int, int)>((int)df);
            var doc = -1;
            for (var i = 0; i < df; i++) list.Add((doc += gaps[i] + 1, tfs[i] + 1));
            result[field] = list;
        }
        return result;
    }

    /// <summary>Every document's norm byte per field (<c>norms.bin</c>), read once.</summary>
    private byte[][] Norms()
    {
        if (_norms is not null) return _norms;
        var bytes = IndexFormat.Inflate(_load(IndexFormat.NormsPath) ?? throw new InvalidDataException("the search index lacks norms.bin"));
        var r = new ByteReader(bytes);
        r.Expect(IndexFormat.NormsMagic);
        var count = (int)r.VarInt();
        var result = new byte[IndexFormat.Fields.Count][];
        for (var f = 0; f < result.Length; f++)
        {
            result[f] = new byte[count];
            for (var i = 0; i < count; i++) result[f][i] = (byte)r.Byte();
        }
        return _norms = result;
    }

    /// <summary>A document's metadata and excerpt text, from its document shard.</summary>
    public SearchHit Document(int doc) => DocShard(doc).Hit;

    /// <summary>The texts of a document's fields as the index analysed them, from its document shard.</summary>
    private string[] Texts(int doc) => DocShard(doc).Texts;

    private (SearchHit Hit, string[] Texts) DocShard(int doc)
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
                var texts = new string[IndexFormat.Fields.Count];
                for (var f = 0; f < texts.Length; f++) texts[f] = r.String();
                list.Add((new SearchHit(shard * Manifest.DocsPerShard + i, 0, url, title, kind,
                    company == 0 ? null : Manifest.Companies[company - 1].Slug, from, to, excerpt), texts));
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
public sealed record IndexManifest(int Version, string Lang, int Docs, int DocsPerShard, IReadOnlyList<string> TermStarts,
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
            root.GetProperty("docsPerShard").GetInt32(), [.. root.GetProperty("termStarts").EnumerateArray().Select(t => t.GetString()!)],
            [.. root.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("boost").GetDouble(), f.GetProperty("sumTotalTermFreq").GetInt64()))],
            [.. root.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!)],
            [.. root.GetProperty("companies").EnumerateArray().Select(c => new SearchCompany(c[0].GetString()!, c[1].GetString()!))],
            root.GetProperty("yearBase").GetInt32());
    }
}
