using Campaign.Search;
using Campaign.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Campaign.Tests.Search;

/// <summary>
/// The index as it was built before documents were inverted without Lucene's indexer: a real Lucene index of the
/// documents, its terms, positions and norms exported. Kept as the reference the builder must equal byte for byte.
/// </summary>
internal static class LuceneIndexExport
{
    /// <summary>A posting of one term in one field of one document.</summary>
    private sealed record Posting(int Doc, byte Norm, int[] Positions);

    /// <summary>The index files of <paramref name="corpus"/>, ordered by path, from a Lucene index.</summary>
    public static IReadOnlyList<IndexFile> Build(SearchCorpus corpus)
    {
        var docs = corpus.Documents.OrderBy(d => d.Url, StringComparer.Ordinal).ToList();
        using var directory = SearchIndexBuilder.BuildLuceneIndex(docs);
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

        var blocks = postings.Select(kv => (Term: kv.Key, Block: EncodeTerm(kv.Value))).OrderBy(b => b.Term, StringComparer.Ordinal).ToList();
        var starts = TermRanges.Cut([.. blocks.Select(b => IndexFormat.Hash(b.Term))], [.. blocks.Select(b => b.Block.Length + b.Term.Length + 4)]);
        var termStarts = new List<string>();
        for (var shard = 0; shard < starts.Count; shard++)
        {
            var end = shard + 1 < starts.Count ? starts[shard + 1] : blocks.Count;
            termStarts.Add(shard == 0 ? "" : TermRanges.Separator(blocks[starts[shard] - 1].Term, blocks[starts[shard]].Term));
            var w = Header(IndexFormat.TermMagic);
            w.VarInt(end - starts[shard]);
            foreach (var (term, block) in blocks[starts[shard]..end])
            {
                w.String(term);
                w.VarInt(block.Length);
                w.Bytes(block);
            }
            files.Add(new IndexFile(IndexFormat.TermShardPath(shard), IndexFormat.Deflate(w.ToArray())));
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
                w.String(SearchIndexBuilder.Excerpt(d.ExcerptFrom ?? d.Body));
                w.Byte(kinds.IndexOf(d.Kind));
                w.VarInt(CompanyOf(d));
                w.VarInt(d.YearFrom);
                w.VarInt(d.YearTo);
                w.String(SearchIndexBuilder.StoredText(d.TitleText));
                w.String(SearchIndexBuilder.StoredText(d.Body));
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
        // the norm of each document in each field, as Lucene stored it; 0 where the field has no term
        var normBytes = new byte[IndexFormat.Fields.Count, docs.Count];
        foreach (var byField in postings.Values)
            foreach (var (field, list) in byField)
                foreach (var p in list) normBytes[field, p.Doc] = p.Norm;
        var normsFile = Header(IndexFormat.NormsMagic);
        normsFile.VarInt(docs.Count);
        for (var f = 0; f < IndexFormat.Fields.Count; f++)
            for (var d = 0; d < docs.Count; d++) normsFile.Byte(normBytes[f, d]);
        files.Add(new IndexFile(IndexFormat.NormsPath, IndexFormat.Deflate(normsFile.ToArray())));
        var variants = SearchIndexBuilder.Variants(postings.Keys);
        files.Add(new IndexFile(IndexFormat.VariantsPath, IndexFormat.Deflate(System.Text.Encoding.UTF8.GetBytes(variants))));
        var packed = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var packs = ScriptPacks.Cut([.. packed.Select(f => (f.Path, f.Bytes.Length))]).Select(i => packed[i].Path).ToList();
        files.Add(new IndexFile(IndexFormat.ManifestPath, SearchIndexBuilder.Manifest(corpus.Lang, docs.Count, IndexFormat.DocsPerShard, termStarts, sums, kinds, companies,
            years, yearBase, variants.Length / 2, packs)));
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>A term's postings, column by column within each field: documents skipped, then tf − 1, each a packed column (norms and positions live elsewhere).</summary>
    private static byte[] EncodeTerm(SortedDictionary<int, List<Posting>> byField)
    {
        var w = new ByteWriter();
        w.Byte(byField.Count);
        foreach (var (field, list) in byField)
        {
            w.Byte(field);
            w.VarInt(list.Count);
            w.Column([.. list.Select((p, i) => p.Doc - (i == 0 ? -1 : list[i - 1].Doc) - 1)]);
            w.Column([.. list.Select(p => p.Positions.Length - 1)]);
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
}
