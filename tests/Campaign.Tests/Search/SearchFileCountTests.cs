using System.Text.Json;
using Campaign.Search.Index;
using Campaign.Tests.Support;

namespace Campaign.Tests.Search;

/// <summary>
/// The search index's share of a large campaign's files (issue #23, item 1), on a generated campaign of a few thousand
/// documents: no script beside any binary file (pages opened from disk read a few script packs instead), and per
/// language at most one file per two documents, plus the term shards, the packs and the fixed five (manifest.json,
/// manifest.js, facets.bin, norms.bin, variants.bin).
/// </summary>
public sealed class SearchFileCountTests(ITestOutputHelper output)
{
    /// <summary>About 1,850 documents per language; few enough to build in well under a minute on a busy machine.</summary>
    private const int Findings = 1_500;

    [Fact]
    public void A_large_campaign_writes_no_script_twins_and_about_one_search_file_per_two_documents()
    {
        using var generated = new GeneratedSite(Findings, seed: 5, output.WriteLine);
        foreach (var lang in new[] { "en", "zh" })
        {
            var dir = Path.Combine(generated.Output, "search", lang);
            var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(files, f => f.EndsWith(".bin", StringComparison.Ordinal) && files.Contains(f[..^4] + ".js"));

            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, IndexFormat.ManifestPath)));
            var docs = manifest.RootElement.GetProperty("docs").GetInt32();
            var termShards = manifest.RootElement.GetProperty("termShards").GetInt32();
            var packs = manifest.RootElement.GetProperty("packs").GetArrayLength();
            Assert.True(docs > 1_500, $"{lang}: only {docs} documents");
            var bound = (docs + 1) / 2 + termShards + packs + 5; // the last document shard may hold one
            output.WriteLine($"{lang}: {files.Count} files for {docs} documents ({termShards} term shards, {packs} packs; at most {bound})");
            Assert.True(files.Count <= bound, $"{lang}: {files.Count} search files, more than {bound}");
            Assert.Equal(packs, files.Count(f => f.StartsWith("packs/", StringComparison.Ordinal)));
        }
    }
}
