using Campaign.Search.Reading;

namespace Campaign.Tests.Search;

/// <summary>
/// Result excerpts come from the text as written: no markup, no footnote numbers, a finding's metadata not run into its
/// summary, and (in search.js) full-width punctuation, case and spacing kept while the matched words are marked.
/// </summary>
public sealed class ExcerptTests
{
    private static readonly SearchScript Script = new();

    private const string Campaign = """
        -- pages/notes.en.md --
        ---
        title: Notes
        ---
        Cameras were sold to public security bodies,[^1] as the report shows.

        ^^^
        ![A chart](/assets/press/guilin-cameras.svg)
        ^^^ Guilin's camera network grew.

        [^1]: A source that must not be indexed as prose.
        -- pages/notes.zh.md --
        ---
        title: 笔记
        ---
        据安讯士网站的描述，桂林扩建后的监控网络（“天网”）中的摄像头具备360度视角：覆盖距离达300至400米。[^1]

        第二段从这里开始。

        [^1]: 资料来源。
        """;

    [Fact]
    public void An_excerpt_holds_neither_footnote_numbers_nor_markup_nor_the_footnotes()
    {
        using var campaign = new Support.TestCampaign(Campaign);
        campaign.BuildOk();
        var hit = SearchIndexReader.Open(campaign.Output, "en").Search("security bodies").Single(h => h.Url == "/en/notes/");
        Assert.Contains("public security bodies, as the report shows.", hit.Excerpt);
        Assert.Contains("Guilin's camera network grew.", hit.Excerpt);
        Assert.DoesNotContain("<", hit.Excerpt);
        Assert.DoesNotContain("must not be indexed", hit.Excerpt);
        Assert.Empty(SearchIndexReader.Open(campaign.Output, "en").Search("figcaption"));
    }

    [Fact]
    public void A_Chinese_excerpt_keeps_its_full_width_punctuation_and_its_paragraphs_run_on_without_a_space()
    {
        using var campaign = new Support.TestCampaign(Campaign);
        campaign.BuildOk();
        var hit = SearchIndexReader.Open(campaign.Output, "zh").Search("桂林").Single(h => h.Url == "/zh/notes/");
        Assert.Equal("据安讯士网站的描述，桂林扩建后的监控网络（“天网”）中的摄像头具备360度视角：覆盖距离达300至400米。第二段从这里开始。", hit.Excerpt);
        // search.js marks 桂林 in the text as written: ，（）： stay full-width
        var pieces = Script.Engine(e => Jint.JsValueExtensions.AsString(e.Evaluate(
            "JSON.stringify(CampaignSearch.excerpt(" + System.Text.Json.JsonSerializer.Serialize(hit.Excerpt) + ", CampaignSearch.parseQuery('桂林').terms, 220))")));
        Assert.Equal("""[{"text":"据安讯士网站的描述，","mark":false},{"text":"桂林","mark":true},{"text":"扩建后的监控网络（“天网”）中的摄像头具备360度视角：覆盖距离达300至400米。第二段从这里开始。","mark":false}]""",
            pieces);
    }

    [Fact]
    public void A_Chinese_word_of_several_bigrams_is_marked_once_not_piece_by_piece()
    {
        // 人脸识别 is analysed as 人脸 脸识 识别: one highlighted word for the reader, not three marks with gaps between
        var pieces = Script.Engine(e => Jint.JsValueExtensions.AsString(e.Evaluate(
            "JSON.stringify(CampaignSearch.excerpt('该公司向公安局供应人脸识别系统。', CampaignSearch.parseQuery('人脸识别').terms, 220))")));
        Assert.Equal("""[{"text":"该公司向公安局供应","mark":false},{"text":"人脸识别","mark":true},{"text":"系统。","mark":false}]""", pieces);
    }
}
