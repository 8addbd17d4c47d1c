using Campaign.Search.Index;
using Campaign.Search.Reading;
using Campaign.Tests.Support;

namespace Campaign.Tests.Search;

/// <summary>
/// Index format 7 keeps no positions: a phrase is counted in the texts of the document shards, and only for the
/// documents that can still reach the best results (best bound first). On a generated campaign where thousands of
/// documents hold a phrase's words, the best ten must be those of the whole exact ranking, in C# and in search.js,
/// and search.js must read about ten document shards for them, not thousands.
/// </summary>
public sealed class PhraseCheckTests(PhraseCheckTests.Site site, ITestOutputHelper output) : IClassFixture<PhraseCheckTests.Site>
{
    /// <summary>A generated campaign of 400 findings (about 500 documents per language), built once for the class.</summary>
    public sealed class Site : IDisposable
    {
        public GeneratedSite Generated { get; } = new(400, seed: 3, _ => { });

        public void Dispose() => Generated.Dispose();
    }

    [Theory]
    [InlineData("en", "public tender")]
    [InlineData("en", "public security bureau")]
    [InlineData("zh", "公开招标")]
    [InlineData("zh", "公安局")]
    public void The_best_ten_need_about_ten_document_shards_and_equal_the_whole_rankings_best_ten(string lang, string query)
    {
        var generated = site.Generated;
        var dir = Path.Combine(generated.Output, "search", lang);
        var reader = SearchIndexReader.Open(generated.Output, lang);
        var whole = reader.Rank(SearchQuery.Parse(query));
        Assert.True(whole.Count > 100, $"{query}: only {whole.Count} documents hold its words");

        var best = SearchIndexReader.Open(generated.Output, lang).Rank(SearchQuery.Parse(query), top: 10);
        Assert.Equal(whole.Count, best.Count); // the count needs no phrase: every word is required
        Assert.Equal(whole.Take(10), best.Take(10));

        var script = new SearchScript();
        var js = script.Rank(dir, query, top: 10);
        Assert.Equal(whole.Take(10).Select(h => h.Doc), js.Select(h => h.Doc));
        for (var i = 0; i < js.Count; i++) Assert.True(Math.Abs(whole[i].Score - js[i].Score) < 1e-6, $"{whole[i]} vs {js[i]}");
        output.WriteLine($"{lang} {query}: {whole.Count} documents hold the words; search.js read {script.DocShardsRead} document shards for the best ten");
        Assert.InRange(script.DocShardsRead, 1, 15);
    }
}
