using Campaign.Search.Analysis;
using Campaign.Search.Reading;
using Campaign.Tests.Support;

namespace Campaign.Tests.Search;

/// <summary>A query in Traditional characters finds what the same words in Simplified find, in C# and in search.js; Simplified text is never changed.</summary>
[Collection(SampleSearchCollection.Name)]
public sealed class ChineseVariantsTests(SampleSearchSite site)
{
    [Theory]
    [InlineData("維吾爾", "维吾尔")]
    [InlineData("人臉識別", "人脸识别")]
    [InlineData("監控攝像頭", "监控摄像头")]
    [InlineData("ＡＸＩＳ 網絡", "AXIS 网络")]
    public void Traditional_characters_are_read_as_their_simplified_forms(string traditional, string simplified) =>
        Assert.Equal(simplified, SearchText.Normalize(traditional));

    [Theory]
    [InlineData("著名的乾隆皇帝")] // 著 and 乾 are Simplified characters too: left as written
    [InlineData("以后他们的头发")] // 后 and 发 are Simplified forms of several Traditional characters
    public void Characters_that_are_also_simplified_are_left_as_written(string text) =>
        Assert.Equal(text, SearchText.Normalize(text));

    [Fact]
    public void The_sample_campaigns_chinese_text_is_unchanged_by_the_table()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Input, "*.zh.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file).Normalize(System.Text.NormalizationForm.FormKC);
            Assert.True(ChineseVariants.Simplify(text) == text, $"{Path.GetRelativePath(Repo.Input, file)} holds a Traditional-only character");
        }
    }

    [Theory]
    [InlineData("維吾爾", "维吾尔")]
    [InlineData("人臉識別", "人脸识别")]
    public void A_traditional_query_ranks_what_the_simplified_one_does_in_CSharp_and_in_search_js(string traditional, string simplified)
    {
        var reader = SearchIndexReader.Open(site.Output, "zh");
        var expected = reader.Rank(SearchQuery.Parse(simplified)).Select(r => r.Doc).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, reader.Rank(SearchQuery.Parse(traditional)).Select(r => r.Doc));

        var script = new SearchScript(); // its own engine: the table, once handed over, stays for the page's life
        Assert.False(script.NeedsVariants(site.IndexDir("zh"), simplified));
        Assert.True(script.NeedsVariants(site.IndexDir("zh"), traditional));
        Assert.Equal(expected, script.Rank(site.IndexDir("zh"), traditional).Select(r => r.Doc)); // the harness hands it over, as the page does
        Assert.False(script.NeedsVariants(site.IndexDir("zh"), traditional)); // once loaded, for good
        Assert.Equal(expected, script.Rank(site.IndexDir("zh"), simplified).Select(r => r.Doc));
    }

    [Fact]
    public void The_browsers_table_holds_only_characters_whose_simplified_form_the_index_holds()
    {
        var pairs = System.Text.Encoding.UTF8.GetString(Campaign.Search.Index.IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(site.IndexDir("zh"), "variants.bin"))));
        Assert.Equal(0, pairs.Length % 2);
        Assert.InRange(pairs.Length / 2, 100, ChineseVariants.Pairs.Count / 2); // a part of the 2,984 pairs: what this index can match
        Assert.Contains("維维", pairs);
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.IndexDir("zh"), "manifest.json")));
        Assert.Equal(pairs.Length / 2, manifest.RootElement.GetProperty("variants").GetInt32());
    }
}
