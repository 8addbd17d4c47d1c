using System.Text;
using Campaign.Search;
using Campaign.Search.Index;
using Campaign.Search.Reading;

namespace Campaign.Tests.Search;

/// <summary>The static index files: what goes in comes back out, the same input gives the same bytes, versions are checked.</summary>
[Collection(SampleSearchCollection.Name)]
public sealed class IndexFormatTests(SampleSearchSite site)
{
    private static SearchIndexReader Reader(IReadOnlyList<IndexFile> files)
    {
        var byPath = files.ToDictionary(f => f.Path, f => f.Bytes);
        return new SearchIndexReader(p => byPath.GetValueOrDefault(p));
    }

    [Fact]
    public void Every_document_reads_back_with_its_metadata_in_url_order()
    {
        foreach (var corpus in site.Corpora)
        {
            var reader = Reader(SearchIndexBuilder.Build(corpus));
            var expected = corpus.Documents.OrderBy(d => d.Url, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Count, reader.Manifest.Docs);
            for (var i = 0; i < expected.Count; i++)
            {
                var hit = reader.Document(i);
                Assert.Equal((expected[i].Url, expected[i].Title, expected[i].Kind, expected[i].Company, expected[i].YearFrom, expected[i].YearTo),
                    (hit.Url, hit.Title, hit.Kind, hit.Company, hit.YearFrom, hit.YearTo));
                // the text as written, its white space aside (a line break between Chinese characters is dropped)
                static string Bare(string text) => string.Concat(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith(Bare(hit.Excerpt[..Math.Min(40, hit.Excerpt.Length)]), Bare(expected[i].ExcerptFrom ?? expected[i].Body));
            }
        }
    }

    [Fact]
    public void A_term_finds_exactly_the_documents_whose_text_holds_it()
    {
        var docs = new[]
        {
            new SearchDocument("/en/a/", "Cameras", "page", null, 0, 0, "Axis sold network cameras."),
            new SearchDocument("/en/b/", "Faces", "finding", "noldus", 2012, 2018, "FaceReader reads faces; no cameras here? One camera."),
            new SearchDocument("/en/c/", "Law", "update", null, 2021, 2021, "The regulation."),
        };
        var reader = Reader(SearchIndexBuilder.Build(new SearchCorpus("en", docs, [new SearchCompany("noldus", "Noldus")])));
        Assert.Equal([0, 1], reader.Rank(SearchQuery.Parse("camera")).Select(r => r.Doc).Order());
        Assert.Equal([2], reader.Rank(SearchQuery.Parse("regulations")).Select(r => r.Doc));
        Assert.Empty(reader.Rank(SearchQuery.Parse("the")));
        Assert.Equal([1], reader.Rank(SearchQuery.Parse("camera"), new SearchFilters(Company: "noldus")).Select(r => r.Doc));
        Assert.Equal([1], reader.Rank(SearchQuery.Parse("camera"), new SearchFilters(Year: 2015)).Select(r => r.Doc));
        Assert.Empty(reader.Rank(SearchQuery.Parse("camera"), new SearchFilters(Year: 2019)));
        Assert.Equal([0], reader.Rank(SearchQuery.Parse("camera"), new SearchFilters(Kind: "page")).Select(r => r.Doc));
    }

    [Fact]
    public void The_same_input_gives_byte_identical_index_files()
    {
        foreach (var corpus in site.Corpora)
        {
            var first = SearchIndexBuilder.Build(corpus, packs: true);
            var shuffled = corpus with { Documents = [.. corpus.Documents.Reverse()], Companies = [.. corpus.Companies.Reverse()] };
            var second = SearchIndexBuilder.Build(shuffled, packs: true);
            Assert.Contains(first, f => f.Path == ScriptPacks.PathOf(0));
            Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
            for (var i = 0; i < first.Count; i++) Assert.True(first[i].Bytes.AsSpan().SequenceEqual(second[i].Bytes), first[i].Path + " differs");
        }
    }

    [Fact]
    public void The_build_writes_a_small_manifest_and_shards_per_language()
    {
        foreach (var lang in new[] { "en", "zh" })
        {
            var dir = site.IndexDir(lang);
            var manifest = File.ReadAllBytes(Path.Combine(dir, "manifest.json"));
            Assert.True(manifest.Length < 2000, $"manifest is {manifest.Length} bytes");
            Assert.Contains($"\"lang\":\"{lang}\"", Encoding.UTF8.GetString(manifest));
            var shards = Directory.GetFiles(Path.Combine(dir, "t"), "*.bin", SearchOption.AllDirectories);
            Assert.True(shards.Length > 1);
            foreach (var shard in shards) Assert.Equal("CST" + (char)IndexFormat.Version, Encoding.ASCII.GetString(IndexFormat.Inflate(File.ReadAllBytes(shard)), 0, 4));
            Assert.True(Directory.GetFiles(Path.Combine(dir, "d"), "*.bin", SearchOption.AllDirectories).Length > 1);
        }
    }

    [Fact]
    public void The_script_packs_hold_exactly_the_bytes_of_the_files_they_name_and_no_binary_file_has_a_script_beside_it()
    {
        foreach (var lang in new[] { "en", "zh" })
        {
            var dir = site.IndexDir(lang);
            string Rel(string f) => Path.GetRelativePath(dir, f).Replace('\\', '/');
            var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(Rel).ToHashSet(StringComparer.Ordinal);
            var binary = files.Where(f => !f.EndsWith(".js", StringComparison.Ordinal) && f != IndexFormat.ManifestPath).Order(StringComparer.Ordinal).ToList();
            Assert.DoesNotContain(binary, f => files.Contains(Path.ChangeExtension(f, ".js")));

            // manifest.js delivers the manifest, which names each pack by its first file
            var manifest = File.ReadAllBytes(Path.Combine(dir, IndexFormat.ManifestPath));
            Assert.Equal(manifest, ScriptPacks.ManifestOf(File.ReadAllText(Path.Combine(dir, ScriptPacks.ManifestPath))));
            using var json = System.Text.Json.JsonDocument.Parse(manifest);
            var starts = json.RootElement.GetProperty("packs").EnumerateArray().Select(p => p.GetString()!).ToList();
            var packs = files.Where(f => f.StartsWith("packs/", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, starts.Count).Select(ScriptPacks.PathOf).Order(StringComparer.Ordinal), packs.Order(StringComparer.Ordinal));

            // every other file in exactly one pack, in path order, with its very bytes
            var delivered = new List<IndexFile>();
            for (var p = 0; p < starts.Count; p++)
            {
                var text = File.ReadAllText(Path.Combine(dir, ScriptPacks.PathOf(p)));
                var held = ScriptPacks.Read(text);
                Assert.Equal(starts[p], held[0].Path);
                Assert.True(text.Length <= ScriptPacks.TargetBytes || held.Count == 1, $"{lang} pack {p} is {text.Length} bytes");
                delivered.AddRange(held);
            }
            Assert.Equal(binary, delivered.Select(f => f.Path));
            foreach (var file in delivered) Assert.Equal(File.ReadAllBytes(Path.Combine(dir, file.Path)), file.Bytes);
        }
    }

    [Fact]
    public void Files_past_a_packs_size_start_the_next_pack_and_the_manifest_names_its_first_file()
    {
        // 64 files of 40 KB (54 KB of base64 each): 19 fit in a pack of 1 MiB
        var files = Enumerable.Range(0, 64).Select(i => ($"d/{i:x2}.bin", 40_000)).ToList();
        Assert.Equal([0, 19, 38, 57], ScriptPacks.Cut(files));
        // a file larger than a pack is a pack alone
        Assert.Equal([0, 1, 2], ScriptPacks.Cut([("a", 10), ("b", 2_000_000), ("c", 10)]));
        var text = System.Text.Encoding.ASCII.GetString(ScriptPacks.Text([("d/0.bin", [1, 2, 3]), ("t/a.bin", [])]));
        Assert.Equal("CampaignSearch.deliverPack([[\"d/0.bin\",\"AQID\"],[\"t/a.bin\",\"\"]]);\n", text);
        Assert.Equal(["d/0.bin", "t/a.bin"], ScriptPacks.Read(text).Select(f => f.Path));
    }

    [Fact]
    public void A_reader_refuses_an_index_of_another_version()
    {
        var files = SearchIndexBuilder.Build(site.Corpora[0]).ToDictionary(f => f.Path, f => f.Bytes);
        files["manifest.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["manifest.json"]).Replace($"\"version\":{IndexFormat.Version}", "\"version\":1"));
        var error = Assert.Throws<InvalidDataException>(() => new SearchIndexReader(p => files.GetValueOrDefault(p)));
        Assert.Contains("version 1", error.Message);

        var shard = files.Keys.First(k => k.StartsWith("d/", StringComparison.Ordinal));
        files = SearchIndexBuilder.Build(site.Corpora[0]).ToDictionary(f => f.Path, f => f.Bytes);
        var inflated = IndexFormat.Inflate(files[shard]);
        inflated[3] = 9;
        files[shard] = IndexFormat.Deflate(inflated);
        var reader = new SearchIndexReader(p => files.GetValueOrDefault(p));
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => reader.Document(0)).Message);
    }
}
