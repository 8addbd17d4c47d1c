using Campaign.Search;
using Campaign.Search.Analysis;
using Campaign.Search.Index;
using Campaign.Search.Reading;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Campaign.Tests.Search;

/// <summary>
/// Ranking: the C# reader scores as Lucene's own BM25Similarity (with its quantised lengths), search.js scores as the
/// C# reader (same documents, order and scores to 1e-6), the query set finds what it should, phrases rank first.
/// </summary>
[Collection(SampleSearchCollection.Name)]
public sealed class RankingTests(SampleSearchSite site, ITestOutputHelper output)
{
    private static readonly SearchScript Script = new();

    public static TheoryData<string, string> Queries()
    {
        var data = new TheoryData<string, string>();
        foreach (var q in QuerySet.Load()) data.Add(q.Lang, q.Query);
        data.Add("en", "out of control");
        data.Add("en", "surveillance technology exports to China");
        data.Add("zh", "欧盟 监控 出口");
        data.Add("zh", "the 人脸识别 system");
        // typed as prefixes (the last word): as you type
        data.Add("en", "recogn");
        data.Add("en", "emotion recog");
        data.Add("en", "Nold");
        data.Add("en", "surveil");
        data.Add("zh", "人脸 recog");
        data.Add("en", "cam");
        // compounds: written apart, written together
        data.Add("en", "face reader");
        data.Add("en", "Noldus Face Reader");
        data.Add("zh", "Face Reader");
        data.Add("en", "dual use");
        // words no document holds together: the fallback to any word
        data.Add("en", "Noldus zebra");
        data.Add("zh", "桂林 斑马");
        return data;
    }

    /// <summary>
    /// The same query as Lucene objects: per term, a TermQuery per field (boosted per field), required unless
    /// <paramref name="anyWord"/>; a PhraseQuery per phrase and field. (BM25 has no coord: nesting does not change scores.)
    /// </summary>
    private static Query LuceneQuery(SearchQuery q, bool anyWord)
    {
        var query = new BooleanQuery();
        foreach (var term in q.Terms)
        {
            var either = new BooleanQuery();
            foreach (var (field, boost) in IndexFormat.Fields) either.Add(new TermQuery(new Term(field, term)) { Boost = (float)boost }, Occur.SHOULD);
            query.Add(either, anyWord ? Occur.SHOULD : Occur.MUST);
        }
        foreach (var (field, boost) in IndexFormat.Fields)
        {
            foreach (var phrase in q.Phrases)
            {
                var pq = new PhraseQuery { Boost = (float)boost };
                foreach (var (term, offset) in phrase.Terms) pq.Add(new Term(field, term), offset);
                query.Add(pq, Occur.SHOULD);
            }
        }
        return query;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Scores_agree_with_Lucenes_BM25Similarity(string lang, string text)
    {
        var corpus = site.Corpora.Single(c => c.Lang == lang);
        var docs = corpus.Documents.OrderBy(d => d.Url, StringComparer.Ordinal).ToList();
        using var directory = SearchIndexBuilder.BuildLuceneIndex(docs);
        using var lucene = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(lucene) { Similarity = new BM25Similarity() };
        var query = SearchQuery.Parse(text, asYouType: false, compounds: false); // Lucene's PrefixQuery scores otherwise; prefixes and compounds: QueryMatchingTests
        var ours = SearchIndexReader.Open(site.Output, lang).Rank(query);
        var expected = searcher.Search(LuceneQuery(query, ours.AnyWord), 1000).ScoreDocs.ToDictionary(s => s.Doc, s => (double)s.Score);

        if (SearchQuery.Parse(text).Prefix is null) Assert.NotEmpty(ours); // a bare prefix finds nothing as a whole word
        Assert.Equal(expected.Keys.Order(), ours.Select(r => r.Doc).Order());
        foreach (var (doc, score) in ours)
            Assert.True(Math.Abs(score - expected[doc]) <= 1e-5 * Math.Max(1, score), $"doc {doc}: ours {score}, Lucene {expected[doc]}");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_js_ranks_exactly_as_the_CSharp_reader(string lang, string text)
    {
        var reader = SearchIndexReader.Open(site.Output, lang);
        if (reader.Rank(SearchQuery.Parse(text)).Count == 0 && reader.Corrected(text) is { } corrected)
        {
            // a misspelling: both sides correct it the same way, then rank the corrected query
            Assert.Equal(corrected, Script.Corrected(site.IndexDir(lang), text));
            text = corrected;
        }
        var csharp = reader.Rank(SearchQuery.Parse(text));
        var js = Script.Rank(site.IndexDir(lang), text);
        Assert.NotEmpty(csharp);
        Assert.Equal(csharp.AnyWord, Script.AnyWord);
        Assert.Equal(csharp.Select(r => r.Doc), js.Select(r => r.Doc));
        for (var i = 0; i < js.Count; i++) Assert.True(Math.Abs(csharp[i].Score - js[i].Score) < 1e-6, $"{csharp[i]} vs {js[i]}");
    }

    [Theory]
    [InlineData("en", "recognition", "finding", null, null)]
    [InlineData("en", "recognition", null, "noldus", null)]
    [InlineData("en", "cameras", null, null, 2015)]
    [InlineData("zh", "监控", "update", null, 2021)]
    [InlineData("zh", "安讯士", null, "axis", null)]
    public void Search_js_filters_exactly_as_the_CSharp_reader(string lang, string text, string? kind, string? company, int? year)
    {
        var reader = SearchIndexReader.Open(site.Output, lang);
        var csharp = reader.Rank(SearchQuery.Parse(text), new SearchFilters(kind, company, year));
        var all = reader.Rank(SearchQuery.Parse(text));
        Assert.NotEmpty(csharp);
        Assert.True(csharp.Count < all.Count, "the filter should leave some results out");
        foreach (var (doc, _) in csharp)
        {
            var hit = reader.Document(doc);
            if (kind is not null) Assert.Equal(kind, hit.Kind);
            if (company is not null) Assert.Equal(company, hit.Company);
            if (year is { } y) Assert.InRange(y, hit.YearFrom, hit.YearTo);
        }
        var js = Script.Rank(site.IndexDir(lang), text, kind, company, year);
        Assert.Equal(csharp.Select(r => r.Doc), js.Select(r => r.Doc));
    }

    [Fact]
    public void The_query_set_finds_every_expected_document_in_the_top_ten()
    {
        var missing = new List<string>();
        foreach (var q in QuerySet.Load())
        {
            var top = SearchIndexReader.Open(site.Output, q.Lang).Search(q.Query, limit: 10).Select(h => h.Url).ToList();
            missing.AddRange(q.Expected.Where(e => !top.Contains(e)).Select(e => $"line {q.Line} `{q.Query}`: {e} not in top 10 ({string.Join(", ", top.Take(5))})"));
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void The_query_set_ranks_the_page_a_reader_expects_first_first_in_CSharp_and_in_search_js()
    {
        var wrong = new List<string>();
        var named = QuerySet.Load().Where(q => q.First is not null).ToList();
        Assert.True(named.Count >= 20, "the set names a first page for at least twenty queries");
        foreach (var q in named)
        {
            var reader = SearchIndexReader.Open(site.Output, q.Lang);
            var top = reader.Search(q.Query, limit: 3).Select(h => h.Url).ToList();
            if (top.FirstOrDefault() != q.First) wrong.Add($"line {q.Line} `{q.Query}`: {q.First} expected first, got {string.Join(", ", top)}");
            var csharp = reader.Rank(SearchQuery.Parse(q.Query));
            if (csharp.Count > 0 && Script.Rank(site.IndexDir(q.Lang), q.Query).FirstOrDefault().Doc != csharp[0].Doc)
                wrong.Add($"line {q.Line} `{q.Query}`: search.js ranks another page first");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Recall_of_bigrams_is_not_lower_than_SmartCn_words_on_the_query_set()
    {
        var recall = Campaign.Benchmarks.Search.RecallMeasure.Measure(site.Corpora, QuerySet.Load());
        foreach (var line in recall.Lines) output.WriteLine(line);
        Assert.Equal(1.0, recall.Bigram["zh"]);
        Assert.True(recall.Bigram["zh"] >= recall.SmartCn["zh"], "bigrams should find at least what SmartCn finds");
        Assert.True(recall.BigramR["zh"] >= recall.SmartCnR["zh"], "bigrams should rank the expected documents first at least as often as SmartCn");
    }

    private const string Phrases = """
        -- reports/r.en.md --
        ---
        title: Report
        date: 2020-09-21
        summary: A report.
        ---
        Intro.
        -- pages/together.zh.md --
        ---
        title: 第一页
        ---
        上海警方采购了人脸识别系统。监控项目很大，项目很多，设备很多，规模很大。
        -- pages/apart.zh.md --
        ---
        title: 第二页
        ---
        这是一张人脸照片。监控项目很大，项目很多，设备很多。识别系统也很多。
        -- pages/together.en.md --
        ---
        title: Page one
        ---
        The police bought facial recognition systems. The project was large, with many cameras and sites.
        -- pages/apart.en.md --
        ---
        title: Page two
        ---
        A facial photo was taken. The project was large. Recognition systems were many.
        """;

    [Theory]
    [InlineData("en", "facial recognition")]
    public void Documents_holding_the_words_together_rank_above_those_holding_them_apart(string lang, string query)
    {
        using var campaign = new Support.TestCampaign(Phrases);
        campaign.BuildOk();
        var hits = SearchIndexReader.Open(campaign.Output, lang).Search(query);
        var urls = hits.Select(h => h.Url).ToList();
        Assert.Contains($"/{lang}/apart/", urls);
        Assert.True(urls.IndexOf($"/{lang}/together/") < urls.IndexOf($"/{lang}/apart/"), string.Join(", ", urls));
        var js = Script.Rank(Path.Combine(campaign.Output, "search", lang), query);
        Assert.Equal(hits.Select(h => h.Doc), js.Take(hits.Count).Select(r => r.Doc));
    }

    [Fact]
    public void A_Chinese_word_requires_every_bigram_so_its_characters_apart_do_not_match()
    {
        using var campaign = new Support.TestCampaign(Phrases);
        campaign.BuildOk();
        // 第二页 holds 人脸 and 识别 apart, never 脸识: all of the word's bigrams are required.
        var hits = SearchIndexReader.Open(campaign.Output, "zh").Search("人脸识别");
        Assert.Equal(["/zh/together/"], hits.Select(h => h.Url));
        Assert.Equal(hits.Select(h => h.Doc), Script.Rank(Path.Combine(campaign.Output, "search", "zh"), "人脸识别").Select(r => r.Doc));
    }
}
