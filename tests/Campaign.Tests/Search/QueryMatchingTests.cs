using Campaign.Search;
using Campaign.Search.Index;
using Campaign.Search.Reading;
using Jint;

namespace Campaign.Tests.Search;

/// <summary>
/// What a query matches, in the C# reader and in search.js alike: every word required (an exact count), the fallback to
/// any word when none holds them all, the last word as a prefix ranked below the word as typed, phrases first, and term
/// shards found through the manifest's ranges, so no query asks for a file that does not exist.
/// </summary>
[Collection(SampleSearchCollection.Name)]
public sealed class QueryMatchingTests(SampleSearchSite site)
{
    private static readonly SearchScript Script = new();

    private static SearchIndexReader Reader(IReadOnlyList<IndexFile> files)
    {
        var byPath = files.ToDictionary(f => f.Path, f => f.Bytes);
        return new SearchIndexReader(p => byPath.GetValueOrDefault(p));
    }

    private static readonly SearchDocument[] Docs =
    [
        new("/en/a/", "Guilin cameras", "page", null, 0, 0, "Axis sold network cameras to Guilin."),
        new("/en/b/", "Axis", "page", null, 0, 0, "Axis Communications makes cameras."),
        new("/en/c/", "Guilin", "page", null, 0, 0, "The Guilin police bought a system."),
        new("/en/d/", "Camerawork", "page", null, 0, 0, "Camerawork and cameramen in Guilin."),
    ];

    [Fact]
    public void Every_word_is_required_and_the_count_is_exact()
    {
        var reader = Reader(SearchIndexBuilder.Build(new SearchCorpus("en", Docs, [])));
        var ranking = reader.Rank(SearchQuery.Parse("axis guilin", asYouType: false));
        Assert.False(ranking.AnyWord);
        Assert.Equal([0], ranking.Select(r => r.Doc));
        Assert.Equal([0, 1], reader.Rank(SearchQuery.Parse("axis camera", asYouType: false)).Select(r => r.Doc).Order());
    }

    [Fact]
    public void When_no_document_holds_every_word_the_documents_holding_any_are_listed_and_said_to_be()
    {
        var reader = Reader(SearchIndexBuilder.Build(new SearchCorpus("en", Docs, [])));
        var ranking = reader.Rank(SearchQuery.Parse("axis zebra", asYouType: false));
        Assert.True(ranking.AnyWord);
        Assert.Equal([0, 1], ranking.Select(r => r.Doc).Order());
        Assert.False(reader.Rank(SearchQuery.Parse("zebra")).AnyWord); // nothing at all is not a fallback
        Assert.Empty(reader.Rank(SearchQuery.Parse("zebra")));
    }

    [Fact]
    public void The_last_word_matches_as_a_prefix_below_the_word_as_typed()
    {
        var reader = Reader(SearchIndexBuilder.Build(new SearchCorpus("en", Docs, [])));
        Assert.Equal(new QueryPrefix("camera", "camera"), SearchQuery.Parse("camera").Prefix);
        Assert.Null(SearchQuery.Parse("camera ").Prefix); // a space after the word: it is finished
        Assert.Null(SearchQuery.Parse("ca").Prefix); // too short to stand for its completions
        // "camera" is a word of a, b (cameras) and the start of d's camerawork, cameramen: d comes last.
        var urls = reader.Rank(SearchQuery.Parse("camera")).Select(r => reader.Document(r.Doc).Url).ToList();
        Assert.Equal(["/en/a/", "/en/b/", "/en/d/"], urls.Take(2).Order(StringComparer.Ordinal).Append(urls[2]));
        // Typing on: "camerawo" is no word, only a prefix.
        Assert.Equal(["/en/d/"], reader.Rank(SearchQuery.Parse("Guilin camerawo")).Select(r => reader.Document(r.Doc).Url));
    }

    [Theory]
    [InlineData("en", "recogn", "/en/findings/morpho-shanghai-psb-2015/")]
    [InlineData("en", "surveil", "/en/reports/out-of-control/")]
    [InlineData("en", "FaceRea", "/en/findings/noldus-facereader-ministry-public-security/")]
    [InlineData("zh", "人脸 recogn", null)]
    public void A_prefix_of_the_sample_finds_what_its_words_find_in_CSharp_and_in_search_js(string lang, string query, string? expected)
    {
        var reader = SearchIndexReader.Open(site.Output, lang);
        var ranking = reader.Rank(SearchQuery.Parse(query));
        if (expected is not null) Assert.Contains(expected, ranking.Take(10).Select(r => reader.Document(r.Doc).Url));
        var js = Script.Rank(site.IndexDir(lang), query);
        Assert.Equal(ranking.Select(r => r.Doc), js.Select(r => r.Doc));
        Assert.Equal(ranking.AnyWord, Script.AnyWord);
        Assert.InRange(Script.Shards(site.IndexDir(lang), query).Count, 1, SearchQuery.PrefixShards + 2);
    }

    private static readonly SearchDocument[] Compounds =
    [
        new("/en/1/", "Software", "page", null, 0, 0, "The FaceReader software reads faces."),
        new("/en/2/", "Device", "page", null, 0, 0, "A face reader device was sold."),
        new("/en/3/", "Other", "page", null, 0, 0, "A reader of books and a face in the crowd."),
        new("/en/4/", "Goods", "page", null, 0, 0, "Dual-use goods need a licence."),
    ];

    [Theory]
    [InlineData("face reader", new[] { "/en/1/", "/en/2/" })]
    [InlineData("FaceReader", new[] { "/en/1/", "/en/2/" })]
    [InlineData("facereader", new[] { "/en/1/" })] // all lower case: no parts to find
    [InlineData("dual use", new[] { "/en/4/" })]
    [InlineData("dual-use", new[] { "/en/4/" })]
    public void A_compound_is_found_written_apart_and_adjacent_words_written_together(string query, string[] expected)
    {
        var files = SearchIndexBuilder.Build(new SearchCorpus("en", Compounds, []));
        var reader = Reader(files);
        var ranking = reader.Rank(SearchQuery.Parse(query));
        Assert.False(ranking.AnyWord);
        // the two ways of writing first (the page holding face and reader apart holds both words, but not as a phrase)
        Assert.Equal(expected.Order(StringComparer.Ordinal), ranking.Take(expected.Length).Select(r => reader.Document(r.Doc).Url).Order(StringComparer.Ordinal));
        var dir = Path.Combine(Path.GetTempPath(), "compounds-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var f in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, f.Path))!);
                File.WriteAllBytes(Path.Combine(dir, f.Path), f.Bytes);
            }
            Assert.Equal(ranking.Select(r => r.Doc), Script.Rank(dir, query).Select(r => r.Doc));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("en", "EUR 01/2556/2020", "/en/reports/out-of-control/")]
    [InlineData("zh", "EUR 01/2556/2020", "/zh/reports/out-of-control/")]
    [InlineData("en", "morpho-shanghai-psb-2015", "/en/findings/morpho-shanghai-psb-2015/")]
    [InlineData("zh", "noldus-facereader-police-universities", "/zh/findings/noldus-facereader-police-universities/")]
    [InlineData("en", "Out of Control", "/en/")]
    [InlineData("zh", "失控", "/zh/")]
    [InlineData("zh", "国际特赦组织", "/zh/reports/out-of-control/")]
    [InlineData("en", "face reader", "/en/findings/noldus-facereader-ministry-public-security/")] // FaceReader, written apart
    [InlineData("zh", "Face Reader", "/zh/findings/noldus-facereader-ministry-public-security/")]
    public void An_identifier_or_a_name_leads_first_to_the_page_it_identifies(string lang, string query, string expected)
    {
        var reader = SearchIndexReader.Open(site.Output, lang);
        var top = reader.Search(query, limit: 3).Select(h => h.Url).ToList();
        Assert.True(top.Count > 0 && top[0] == expected, $"{query}: {string.Join(", ", top)}");
        Assert.Equal(reader.Rank(SearchQuery.Parse(query)).Select(r => r.Doc), Script.Rank(site.IndexDir(lang), query).Select(r => r.Doc));
    }

    [Theory]
    [InlineData("en", "Noldis", "Noldus", "/en/companies/noldus/")]
    [InlineData("en", "Noldus FaceReder", "Noldus Facereader", "/en/findings/noldus-facereader-ministry-public-security/")]
    [InlineData("en", "Mopho", "Morpho", null)]
    public void A_misspelt_word_is_corrected_when_nothing_holds_the_words_as_typed(string lang, string query, string corrected, string? expected)
    {
        var reader = SearchIndexReader.Open(site.Output, lang);
        Assert.True(reader.Rank(SearchQuery.Parse(query)) is { Count: 0 } or { AnyWord: true });
        var found = reader.Find(query);
        Assert.Equal(corrected, found.Corrected);
        Assert.False(found.AnyWord);
        if (expected is not null) Assert.Contains(expected, found.Hits.Take(3).Select(h => h.Url));
        Assert.Equal(corrected, Script.Corrected(site.IndexDir(lang), query));
        // a word found as typed is never corrected, nor one shorter than five letters, nor Chinese
        Assert.Null(reader.Find("Noldus").Corrected);
        Assert.Null(reader.Find("Axsi").Corrected);
        Assert.Null(SearchIndexReader.Open(site.Output, "zh").Find("桂木").Corrected);
    }

    [Theory]
    [InlineData("pages", "pages")]
    [InlineData("noldu", "nold")]
    [InlineData("noldu", "noldus")]
    [InlineData("noldu", "noldi")]
    public void One_edit_apart_means_one_insertion_deletion_or_replacement(string a, string b)
    {
        Assert.Equal(a != b, SearchIndexReader.OneEditApart(a, b));
        Assert.False(SearchIndexReader.OneEditApart(a, b + "xy"));
    }

    [Fact]
    public void Campaign_search_says_when_no_result_holds_every_word()
    {
        var fallback = Support.CliRun.Run("search", "--lang", "en", "--output", site.Output, "Noldus zebra");
        Assert.Equal(0, fallback.ExitCode);
        Assert.Contains("No result holds all the words; these hold some of them:", fallback.Out);
        Assert.Contains("/en/companies/noldus/", fallback.Out);
        var all = Support.CliRun.Run("search", "--lang", "en", "--output", site.Output, "Noldus FaceReader");
        Assert.DoesNotContain("No result holds all the words", all.Out);
    }

    [Fact]
    public void Every_term_sits_in_the_shard_the_manifest_ranges_name_and_every_named_shard_exists()
    {
        foreach (var lang in new[] { "en", "zh" })
        {
            var dir = site.IndexDir(lang);
            var starts = SearchIndexReader.Open(site.Output, lang).Manifest.TermStarts;
            Assert.NotEmpty(starts);
            Assert.Equal("", starts[0]);
            Assert.Equal(starts.Count, Directory.GetFiles(Path.Combine(dir, "t"), "*.bin", SearchOption.AllDirectories).Length);
            for (var s = 0; s < starts.Count; s++)
            {
                var bytes = IndexFormat.Inflate(File.ReadAllBytes(Path.Combine(dir, IndexFormat.TermShardPath(s))));
                var terms = Script.Engine(e => e.Invoke("__termsOf", Script.Bytes(bytes)).AsString()).Split('\n');
                Assert.All(terms, t => Assert.Equal(s, TermRanges.ShardOf(starts, t)));
            }
        }
    }
}
