using System.Text;
using System.Text.Json;
using Campaign.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Campaign.Search.Index;

/// <summary>One file of a language's index, with its path under that language's index folder (<c>t/3f.bin</c>).</summary>
public sealed record IndexFile(string Path, byte[] Bytes);

/// <summary>
/// Analyses a language's documents with Lucene (into an in-memory Lucene index, so the terms, positions and
/// quantised lengths are Lucene's own) and exports them as the static sharded index the browser reads.
/// Same documents in, same bytes out: documents are ordered by URL, terms ordinally, JSON written by hand-picked order.
/// </summary>
public static class SearchIndexBuilder
{
    /// <summary>A posting of one term in one field of one document.</summary>
    private sealed record Posting(int Doc, byte Norm, int[] Positions);

    public static IReadOnlyList<IndexFile> Build(SearchCorpus corpus)
    {
        var docs = corpus.Documents.OrderBy(d => d.Url, StringComparer.Ordinal).ToList();
        using var directory = BuildLuceneIndex(docs);
        using var reader = DirectoryReader.Open(directory);
        var files = new List<IndexFile>();

        var postings = new SortedDictionary<string, SortedDictionary<int, List<Posting>>>(StringComparer.Ordinal);
        var sums = new long[IndexFormat.Fields.Count];
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            for (var f = 0; f < IndexFormat.Fields.Count; f++)
            {
                var field = IndexFormat.Fields[f].Name;
                var terms = atomic.GetTerms(field);
                if (terms is null) continue;
                sums[f] += terms.SumTotalTermFreq;
                var norms = atomic.GetNormValues(field);
                var te = terms.GetEnumerator();
                DocsAndPositionsEnum? dp = null;
                while (te.MoveNext())
                {
                    var term = te.Term.Utf8ToString();
                    dp = te.DocsAndPositions(atomic.LiveDocs, dp);
                    var list = new List<Posting>();
                    while (dp.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        var positions = new int[dp.Freq];
                        for (var i = 0; i < positions.Length; i++) positions[i] = dp.NextPosition();
                        list.Add(new Posting(leaf.DocBase + dp.DocID, (byte)norms.Get(dp.DocID), positions));
                    }
                    if (!postings.TryGetValue(term, out var byField)) postings[term] = byField = [];
                    byField[f] = list;
                }
            }
        }

        var blocks = postings.Select(kv => (Term: kv.Key, Block: EncodeTerm(kv.Value))).ToList();
        var total = blocks.Sum(b => b.Block.Length + b.Term.Length + 4);
        var shards = 1;
        while (shards * IndexFormat.TargetTermShardBytes < total) shards *= 2;
        foreach (var group in blocks.GroupBy(b => (int)(IndexFormat.Hash(b.Term) & (uint)(shards - 1))).OrderBy(g => g.Key))
        {
            var w = Header(IndexFormat.TermMagic);
            var terms = group.ToList();
            w.VarInt(terms.Count);
            foreach (var (term, block) in terms)
            {
                w.String(term);
                w.VarInt(block.Length);
                w.Bytes(block);
            }
            files.Add(new IndexFile(IndexFormat.TermShardPath(group.Key), IndexFormat.Deflate(w.ToArray())));
        }

        var kinds = docs.Select(d => d.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
        var companies = corpus.Companies.OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
        var companyIndex = companies.Select((c, i) => (c.Slug, i)).ToDictionary(x => x.Slug, x => x.i + 1, StringComparer.Ordinal);
        var years = docs.Where(d => d.YearFrom > 0).SelectMany(d => new[] { d.YearFrom, d.YearTo }).ToList();
        var yearBase = years.Count == 0 ? 0 : years.Min() - 1;
        int CompanyOf(SearchDocument d) => d.Company is { } c && companyIndex.TryGetValue(c, out var i) ? i : 0;

        for (var start = 0; start < docs.Count; start += IndexFormat.DocsPerShard)
        {
            var w = Header(IndexFormat.DocMagic);
            var slice = docs.Skip(start).Take(IndexFormat.DocsPerShard).ToList();
            w.VarInt(slice.Count);
            foreach (var d in slice)
            {
                w.String(d.Url);
                w.String(d.Title);
                w.String(Excerpt(d.Body));
                w.Byte(kinds.IndexOf(d.Kind));
                w.VarInt(CompanyOf(d));
                w.VarInt(d.YearFrom);
                w.VarInt(d.YearTo);
            }
            files.Add(new IndexFile(IndexFormat.DocShardPath(start / IndexFormat.DocsPerShard), IndexFormat.Deflate(w.ToArray())));
        }

        var facets = Header(IndexFormat.FacetMagic);
        facets.VarInt(docs.Count);
        foreach (var d in docs)
        {
            facets.Byte(kinds.IndexOf(d.Kind));
            facets.VarInt(CompanyOf(d));
            facets.VarInt(d.YearFrom == 0 ? 0 : d.YearFrom - yearBase);
            facets.VarInt(d.YearTo == 0 ? 0 : d.YearTo - yearBase);
        }
        files.Add(new IndexFile(IndexFormat.FacetsPath, IndexFormat.Deflate(facets.ToArray())));
        files.Add(new IndexFile(IndexFormat.ManifestPath, Manifest(corpus.Lang, docs.Count, shards, sums, kinds, companies, years, yearBase)));
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>Indexes the documents in order (one segment, so Lucene's doc ids are list positions) with BM25.</summary>
    internal static RAMDirectory BuildLuceneIndex(IReadOnlyList<SearchDocument> docs)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(SearchAnalyzer.Version, new SearchAnalyzer())
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var d in docs)
            {
                var doc = new Document
                {
                    new StringField("url", d.Url, Field.Store.YES),
                    new TextField("title", SearchText.Normalize(d.Title), Field.Store.NO),
                    new TextField("body", SearchText.Normalize(d.Body), Field.Store.NO),
                };
                writer.AddDocument(doc);
            }
            writer.ForceMerge(1);
            writer.Commit();
        }
        return directory;
    }

    /// <summary>
    /// A term's postings, column by column within each field (document deltas, then norms, then tfs, then positions),
    /// so gzip sees long runs of alike values: 12 % smaller compressed than one document after another.
    /// </summary>
    private static byte[] EncodeTerm(SortedDictionary<int, List<Posting>> byField)
    {
        var w = new ByteWriter();
        w.Byte(byField.Count);
        foreach (var (field, list) in byField)
        {
            w.Byte(field);
            w.VarInt(list.Count);
            var last = 0;
            foreach (var p in list)
            {
                w.VarInt(p.Doc - last);
                last = p.Doc;
            }
            foreach (var p in list) w.Byte(p.Norm);
            foreach (var p in list) w.VarInt(p.Positions.Length);
            foreach (var p in list)
            {
                var lastPos = 0;
                foreach (var pos in p.Positions)
                {
                    w.VarInt(pos - lastPos);
                    lastPos = pos;
                }
            }
        }
        return w.ToArray();
    }

    private static ByteWriter Header(byte[] magic)
    {
        var w = new ByteWriter();
        w.Bytes(magic);
        w.Byte(IndexFormat.Version);
        return w;
    }

    /// <summary>The start of the body, cut at a whole character (never inside a surrogate pair).</summary>
    internal static string Excerpt(string body)
    {
        var text = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= IndexFormat.ExcerptChars) return text;
        var cut = IndexFormat.ExcerptChars;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut];
    }

    private static byte[] Manifest(string lang, int docs, int shards, long[] sums, List<string> kinds,
        List<SearchCompany> companies, List<int> years, int yearBase)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", IndexFormat.Version);
            json.WriteString("lang", lang);
            json.WriteNumber("docs", docs);
            json.WriteNumber("docsPerShard", IndexFormat.DocsPerShard);
            json.WriteNumber("termShards", shards);
            json.WriteNumber("k1", IndexFormat.K1);
            json.WriteNumber("b", IndexFormat.B);
            json.WriteStartArray("fields");
            for (var f = 0; f < IndexFormat.Fields.Count; f++)
            {
                json.WriteStartObject();
                json.WriteString("name", IndexFormat.Fields[f].Name);
                json.WriteNumber("boost", IndexFormat.Fields[f].Boost);
                json.WriteNumber("sumTotalTermFreq", sums[f]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("kinds");
            foreach (var k in kinds) json.WriteStringValue(k);
            json.WriteEndArray();
            json.WriteStartArray("companies");
            foreach (var c in companies)
            {
                json.WriteStartArray();
                json.WriteStringValue(c.Slug);
                json.WriteStringValue(c.Name);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumber("yearBase", yearBase);
            json.WriteStartArray("years");
            if (years.Count > 0) { json.WriteNumberValue(years.Min()); json.WriteNumberValue(years.Max()); }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }
}
