using Campaign.Search.Analysis;
using Campaign.Search.Index;
using Lucene.Net.Analysis.Cn.Smart;

namespace Campaign.Tests.Search;

/// <summary>How text is cut into terms: SmartCn on the sample's names, our bigram analysis, English stemming, and search.js agreeing with Lucene.</summary>
[Collection(SampleSearchCollection.Name)]
public sealed class AnalysisTests(SampleSearchSite site)
{
    private static string Terms(Lucene.Net.Analysis.Analyzer analyzer, string text) =>
        string.Join("|", Tokens.Of(analyzer, text).Select(t => t.Term));

    [Theory]
    [InlineData("人脸识别", "人脸|识别")]
    [InlineData("上海市公安局", "上海市|公安局")]
    [InlineData("安讯士", "安|讯|士")]
    [InlineData("诺达思", "诺|达|思")]
    [InlineData("天网", "天|网")]
    public void SmartCn_knows_dictionary_words_but_splits_the_campaigns_names_into_characters(string text, string expected) =>
        Assert.Equal(expected, Terms(new SmartChineseAnalyzer(SearchAnalyzer.Version), text));

    [Fact]
    public void SmartCn_segments_Shihezi_University_into_the_place_and_university()
    {
        var terms = Terms(new SmartChineseAnalyzer(SearchAnalyzer.Version), "石河子大学").Split('|');
        Assert.Contains("大学", terms);
        Assert.DoesNotContain("石河子大学", terms);
    }

    [Theory]
    [InlineData("安讯士", "安讯|讯士")]
    [InlineData("诺达思", "诺达|达思")]
    [InlineData("石河子大学", "石河|河子|子大|大学")]
    [InlineData("人脸识别", "人脸|脸识|识别")]
    [InlineData("天网", "天网")]
    [InlineData("网", "网")]
    [InlineData("Axis 摄像头", "axi|摄像|像头")]
    [InlineData("“天网”工程", "天网|工程")]
    public void Chinese_text_becomes_overlapping_bigrams_so_unknown_names_stay_whole(string text, string expected) =>
        Assert.Equal(expected, Terms(new SearchAnalyzer(), text));

    [Theory]
    [InlineData("Facial recognition cameras", "facial|recognit|camera")]
    [InlineData("exports exported exporting", "export|export|export")]
    [InlineData("universities university", "univers|univers")]
    [InlineData("the surveillance of the population", "surveil|popul")]
    [InlineData("ＡＸＩＳ", "axi")]
    public void English_is_lower_cased_stemmed_and_stripped_of_stop_words(string text, string expected) =>
        Assert.Equal(expected, Terms(new SearchAnalyzer(), text));

    [Fact]
    public void Stop_words_leave_a_gap_so_phrases_keep_their_shape()
    {
        var tokens = Tokens.Of(new SearchAnalyzer(), "out of control");
        Assert.Equal([("out", 0), ("control", 2)], tokens.Select(t => (t.Term, t.Position)));
    }

    [Fact]
    public void Search_js_analyses_every_indexed_text_of_the_sample_exactly_as_Lucene_does()
    {
        var script = new SearchScript();
        var texts = site.Corpora.SelectMany(c => c.Documents).SelectMany(d => new[] { d.TitleText, d.Body }).ToList();
        Assert.True(texts.Count > 100);
        var analyzer = new SearchAnalyzer();
        foreach (var text in texts)
        {
            var lucene = string.Join(' ', Tokens.Of(analyzer, text).Select(t => $"{t.Term}@{t.Position}"));
            Assert.Equal(lucene, script.Terms(text));
        }
    }

    [Fact]
    public void Search_js_stems_an_English_word_list_as_Lucenes_Porter_stemmer_does()
    {
        var stems = new[] { "ing", "ed", "s", "es", "ies", "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli",
            "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize",
            "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
            "ate", "iti", "ous", "ive", "ize", "e", "ll", "y", "eed", "at", "bl", "iz", "sses", "ly" };
        var roots = new[] { "hop", "fil", "control", "agre", "rat", "condit", "valen", "hesit", "digit", "conform", "radic", "differ", "analog",
            "vietnam", "predic", "triplic", "formal", "sensitiv", "elect", "hope", "electric", "adjust", "depend", "adopt", "communism", "activ",
            "bowdler", "effect", "homolog", "allowanc", "infer", "generous", "cri", "sky", "tann", "fall", "miss", "fizz", "sing", "plaster", "bled",
            "motor", "size", "oscill", "gener", "relat", "a", "b", "by", "y", "ay", "oy", "feed", "need", "universit", "surveil", "public", "secur" };
        var words = roots.SelectMany(r => stems.Select(s => r + s)).Concat(roots).Distinct().ToList();
        var script = new SearchScript();
        var text = string.Join(' ', words);
        var lucene = string.Join(' ', Tokens.Of(new SearchAnalyzer(), text).Select(t => $"{t.Term}@{t.Position}"));
        Assert.Equal(lucene, script.Terms(text));
    }

    [Fact]
    public void Term_hash_is_FNV_1a_of_the_UTF8_bytes()
    {
        Assert.Equal(0x811C9DC5u, IndexFormat.Hash(""));
        Assert.Equal(0xE40C292Cu, IndexFormat.Hash("a"));
    }
}
