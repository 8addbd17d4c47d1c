using Campaign.Search;
using Campaign.Search.Index;
using Campaign.Search.Reading;
using Campaign.Site.Search;
using Campaign.Tests.Support;
using Jint;

namespace Campaign.Tests.Search;

/// <summary>
/// Term and document shards are fanned out into folders of at most 1,024 files (format 6, issue #23 item 1): on an index
/// just past 1,024 shards of each kind, every folder stays within that, the C# reader and search.js (over HTTP and from
/// disk, in Chromium) find the documents and terms in the second folder, the packs hold every file in path order, and a
/// kept index that grows into the second folder equals a fresh build.
/// </summary>
public sealed class ShardFolderTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly SearchScript Script = new();

    /// <summary>
    /// 2,049 documents: two per document shard (<see cref="IndexFormat.DocsPerShard"/>), so the last is alone in shard
    /// 1,024, the first of the second folder. Each holds 80 words found nowhere else, about 18 bytes each in its term
    /// shard, so the 164,000 terms fill more than 1,024 term shards of at most 1.5 KiB; the last document alone holds
    /// the word that sorts last, which thus lies in the last term shard.
    /// </summary>
    private const int Documents = 2 * IndexFormat.ShardsPerFolder + 1;
    private const int WordsPerDocument = 80;
    private const string LastWord = "zzzlast";

    private static readonly Lazy<SearchCorpus> Corpus = new(() =>
    {
        var docs = new List<SearchDocument>(Documents);
        for (var i = 0; i < Documents; i++)
        {
            var words = Enumerable.Range(0, WordsPerDocument).Select(j => Word(i * WordsPerDocument + j));
            var body = string.Join(' ', words) + (i == Documents - 1 ? " " + LastWord : "");
            docs.Add(new SearchDocument($"/en/pages/p{i:d4}/", $"Document {i}", "page", null, 0, 0, body));
        }
        return new SearchCorpus("en", docs, []);
    });

    /// <summary>The index's files as a build publishes them (with the script packs), made once for the class.</summary>
    private static readonly Lazy<IReadOnlyList<IndexFile>> Files = new(() => SearchOutput.Files(Corpus.Value));

    /// <summary>
    /// Word <paramref name="n"/>: q and five consonants other than s and y, which no stop word is and the Porter stemmer
    /// leaves as they are (without a vowel it strips nothing), so each word is one term found in one document.
    /// </summary>
    private static string Word(int n)
    {
        const string consonants = "bcdfghjklmnpqrtvwxz";
        var letters = new char[6];
        letters[0] = 'q';
        for (var k = 5; k >= 1; k--, n /= consonants.Length) letters[k] = consonants[n % consonants.Length];
        return new string(letters);
    }

    [Fact]
    public void Shard_n_lies_in_folder_n_over_1024_as_file_n_modulo_1024_in_CSharp_and_in_search_js()
    {
        Assert.Equal("d/0/0.bin", IndexFormat.DocShardPath(0));
        Assert.Equal("d/0/3ff.bin", IndexFormat.DocShardPath(1023));
        Assert.Equal("d/1/0.bin", IndexFormat.DocShardPath(1024));
        Assert.Equal("t/31/140.bin", IndexFormat.TermShardPath(50_496));
        foreach (var n in new[] { 0, 1, 1023, 1024, 1025, 50_496, 1_048_575, 1_048_576 })
        {
            Assert.Equal(IndexFormat.DocShardPath(n), Script.Engine(e => e.Evaluate($"CampaignSearch.shardPath('d', {n})").AsString()));
            Assert.Equal(IndexFormat.TermShardPath(n), Script.Engine(e => e.Evaluate($"CampaignSearch.shardPath('t', {n})").AsString()));
        }
    }

    [Fact]
    public void An_index_past_1024_shards_of_each_kind_keeps_every_folder_within_1024_entries_and_reads_back()
    {
        var site = Path.Combine(Path.GetTempPath(), "campaign-shard-folders-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Check(site, WriteIndex(site));
        }
        finally { Directory.Delete(site, true); }
    }

    private static void Check(string site, string dir)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, IndexFormat.ManifestPath)));
        var termShards = manifest.RootElement.GetProperty("termShards").GetInt32();
        Assert.True(termShards > IndexFormat.ShardsPerFolder, $"only {termShards} term shards");

        foreach (var folder in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Prepend(dir))
        {
            var entries = Directory.EnumerateFileSystemEntries(folder).Count();
            Assert.True(entries <= IndexFormat.ShardsPerFolder, $"{Path.GetRelativePath(dir, folder)} holds {entries} entries");
        }
        // every shard two levels down, as the format names it, and each one the reader may ask for there
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).ToList();
        var shards = files.Where(f => f.StartsWith("d/", StringComparison.Ordinal) || f.StartsWith("t/", StringComparison.Ordinal)).ToList();
        Assert.All(shards, f => Assert.Matches("^[dt]/[0-9a-f]+/[0-9a-f]+\\.bin$", f));
        Assert.Equal(
            Enumerable.Range(0, (Documents + 1) / 2).Select(IndexFormat.DocShardPath).Concat(Enumerable.Range(0, termShards).Select(IndexFormat.TermShardPath)).Order(StringComparer.Ordinal),
            shards.Order(StringComparer.Ordinal));
        Assert.Equal(["0", "1"], Directory.GetDirectories(Path.Combine(dir, "d")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var reader = SearchIndexReader.Open(site, "en");
        var hit = Assert.Single(reader.Search(LastWord));
        Assert.Equal(("/en/pages/p2048/", "Document 2048"), (hit.Url, hit.Title));
        Assert.Equal("Document 1023", Assert.Single(reader.Search(Word(1023 * WordsPerDocument))).Title);

        // the packs hold every file but the manifest, once, in ordinal path order (d/0/…, d/1/…, facets.bin, t/…)
        var packed = Enumerable.Range(0, manifest.RootElement.GetProperty("packs").GetArrayLength())
            .SelectMany(p => ScriptPacks.Read(File.ReadAllText(Path.Combine(dir, ScriptPacks.PathOf(p))))).Select(f => f.Path).ToList();
        var binary = files.Where(f => !f.EndsWith(".js", StringComparison.Ordinal) && f != IndexFormat.ManifestPath).Order(StringComparer.Ordinal);
        Assert.Equal(binary, packed);
    }

    [Fact]
    public void A_kept_index_that_grows_into_the_second_folder_equals_a_fresh_build()
    {
        // a live preview's index: first 2,047 documents (1,024 shards, d/0/ full), then the two that open d/1/
        var index = new IncrementalIndex();
        var corpus = Corpus.Value;
        index.Build(corpus with { Documents = [.. corpus.Documents.Take(Documents - 2)] }, packs: true);
        var grown = index.Build(corpus, packs: true);
        Assert.Equal(Files.Value.Select(f => f.Path), grown.Select(f => f.Path));
        for (var i = 0; i < grown.Count; i++) Assert.True(Files.Value[i].Bytes.AsSpan().SequenceEqual(grown[i].Bytes), grown[i].Path + " differs");
        Assert.Contains(grown, f => f.Path == "d/1/0.bin");
    }

    [Fact]
    public async Task The_search_page_finds_a_document_of_the_second_folder_over_http_and_from_disk()
    {
        using var campaign = new TestCampaign("""
            -- pages/about.en.md --
            ---
            title: About
            ---
            About the campaign.
            """);
        campaign.BuildOk();
        var index = Path.Combine(campaign.Output, "search", "en");
        Directory.Delete(index, recursive: true);
        WriteIndex(campaign.Output);

        await using (var server = await StaticServer.StartAsync(campaign.Output))
        {
            await using var tab = await browser.OpenAsync(server.Url("en/search/?q=" + LastWord));
            await tab.Page.WaitForSelectorAsync("#search-results .search-result", new() { Timeout = 10_000 });
            Assert.Equal(["Document 2048"], await tab.Page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
            Assert.Empty(tab.Errors);
            Assert.All(tab.Responses, r => Assert.True(r.Status == 200, $"{r.Url}: {r.Status}"));
            Assert.Contains(tab.Requests, r => r.EndsWith("/search/en/" + IndexFormat.DocShardPath(1024), StringComparison.Ordinal));
            // the last term lies in the last term shard, past the first folder of term shards
            Assert.Contains(tab.Requests, r => r.Contains("/search/en/t/", StringComparison.Ordinal) && !r.Contains("/search/en/t/0/", StringComparison.Ordinal));
        }

        var root = new Uri(Path.GetFullPath(campaign.Output) + "/").AbsoluteUri;
        await using var disk = await browser.OpenAsync(root + "en/search/index.html?q=" + LastWord);
        await disk.Page.WaitForSelectorAsync("#search-results .search-result", new() { Timeout = 10_000 });
        Assert.Equal(["Document 2048"], await disk.Page.Locator("#search-results .search-result h2 a").AllTextContentsAsync());
        Assert.Empty(disk.Errors);
        Assert.DoesNotContain(disk.Requests, r => r.EndsWith(".bin", StringComparison.Ordinal));
        Assert.Contains(disk.Requests, r => r.Contains("/search/en/packs/", StringComparison.Ordinal));
    }

    /// <summary>The large index as a build writes it (with its script packs) under <c>search/en/</c> of <paramref name="site"/>; returns that folder.</summary>
    private static string WriteIndex(string site)
    {
        var dir = Path.Combine(site, "search", "en");
        foreach (var file in Files.Value)
        {
            var path = Path.Combine(dir, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Bytes);
        }
        return dir;
    }
}
