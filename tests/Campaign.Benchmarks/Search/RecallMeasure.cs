using Campaign.Search;
using Campaign.Search.Analysis;
using Campaign.Search.Index;
using Campaign.Search.Reading;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Campaign.Benchmarks.Search;

/// <summary>
/// Recall on the query set for our index and for the alternative: recall@10 (share of expected documents in the
/// top 10) and R-precision (share in the top |expected|, which rewards ranking them first), against
/// SmartCn words at index and query time (what a SmartCn-only index would give, if the browser could segment).
/// </summary>
public sealed record RecallMeasure(Dictionary<string, double> Bigram, Dictionary<string, double> SmartCn,
    Dictionary<string, double> BigramR, Dictionary<string, double> SmartCnR, List<string> Lines)
{
    public static RecallMeasure Measure(IReadOnlyList<SearchCorpus> corpora, IReadOnlyList<ExpectedQuery> queries)
    {
        var bigram = new Dictionary<string, double>();
        var smart = new Dictionary<string, double>();
        var bigramR = new Dictionary<string, double>();
        var smartR = new Dictionary<string, double>();
        var lines = new List<string>();
        foreach (var corpus in corpora)
        {
            var docs = corpus.Documents.OrderBy(d => d.Url, StringComparer.Ordinal).ToList();
            var files = SearchIndexBuilder.Build(corpus).ToDictionary(f => f.Path, f => f.Bytes);
            var reader = new SearchIndexReader(p => files.GetValueOrDefault(p));
            using var smartIndex = Index(docs, new SmartChineseAnalyzer(SearchAnalyzer.Version));
            using var smartReader = DirectoryReader.Open(smartIndex);
            var searcher = new IndexSearcher(smartReader) { Similarity = new BM25Similarity() };
            int expected = 0, foundBigram = 0, foundSmart = 0, firstBigram = 0, firstSmart = 0;
            foreach (var q in queries.Where(q => q.Lang == corpus.Lang))
            {
                var oursRanked = reader.Search(q.Query, limit: 10).Select(h => h.Url).ToList();
                var ours = oursRanked.ToHashSet();
                var query = new BooleanQuery();
                foreach (var t in Tokens.Of(new SmartChineseAnalyzer(SearchAnalyzer.Version), q.Query))
                    foreach (var (field, boost) in IndexFormat.Fields)
                        query.Add(new TermQuery(new Term(field, t.Term)) { Boost = (float)boost }, Occur.SHOULD);
                var theirsRanked = searcher.Search(query, 10).ScoreDocs.Select(s => docs[s.Doc].Url).ToList();
                var theirs = theirsRanked.ToHashSet();
                var ra = q.Expected.Count(oursRanked.Take(q.Expected.Count).Contains);
                var rb = q.Expected.Count(theirsRanked.Take(q.Expected.Count).Contains);
                firstBigram += ra;
                firstSmart += rb;
                expected += q.Expected.Count;
                var a = q.Expected.Count(ours.Contains);
                var b = q.Expected.Count(theirs.Contains);
                foundBigram += a;
                foundSmart += b;
                lines.Add($"{corpus.Lang}\t{q.Query}\tbigrams {a}/{q.Expected.Count} (first {ra})\tSmartCn {b}/{q.Expected.Count} (first {rb})");
            }
            if (expected == 0) continue;
            bigram[corpus.Lang] = foundBigram / (double)expected;
            smart[corpus.Lang] = foundSmart / (double)expected;
            bigramR[corpus.Lang] = firstBigram / (double)expected;
            smartR[corpus.Lang] = firstSmart / (double)expected;
            lines.Add($"{corpus.Lang}: recall@10 bigrams {foundBigram}/{expected}, SmartCn {foundSmart}/{expected}; R-precision bigrams {firstBigram}/{expected}, SmartCn {firstSmart}/{expected}");
        }
        return new RecallMeasure(bigram, smart, bigramR, smartR, lines);
    }

    private static RAMDirectory Index(IReadOnlyList<SearchDocument> docs, Analyzer analyzer)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzer.Version, analyzer) { Similarity = new BM25Similarity() });
        foreach (var d in docs)
            writer.AddDocument(new Document { new TextField("title", SearchText.Normalize(d.Title), Field.Store.NO), new TextField("body", SearchText.Normalize(d.Body), Field.Store.NO) });
        writer.ForceMerge(1);
        writer.Commit();
        return directory;
    }
}
