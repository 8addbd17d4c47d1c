using Campaign.Search;
using Campaign.Search.Index;
using Campaign.Search.Reading;

namespace Campaign.Tests.Search;

/// <summary>
/// The index builder inverts documents as Lucene's indexer does, and a kept <see cref="IncrementalIndex"/> rebuilds after
/// edits, additions and deletions to exactly the bytes of a fresh build, compressing only the files that changed.
/// </summary>
[Collection(SampleSearchCollection.Name)]
public sealed class IncrementalIndexTests(SampleSearchSite site)
{
    /// <summary>Documents that test the edges of inversion: stop words first and last, only stop words, Han next to Latin, surrogates, empty fields.</summary>
    private static readonly SearchDocument[] Edges =
    [
        new("/en/e/1/", "The camera of the police", "page", null, 0, 0, "the a an Axis sold the cameras to the police of it"),
        new("/en/e/2/", "", "finding", "edge-co", 2012, 2018, ""),
        new("/en/e/3/", "the and of", "update", "other-co", 2021, 2021, "to be or not to be"),
        new("/en/e/4/", "人脸识别 FaceReader 系统", "report", null, 2019, 2019, "上海市公安局 bought 人脸识别摄像头; police 人脸 识别 𠀀𠀁 ＡＸＩＳ full-width"),
        new("/en/e/5/", "Same URL twice", "page", null, 0, 0, "first of two documents at one URL"),
        new("/en/e/5/", "Same URL twice", "page", null, 0, 0, "second of two documents at one URL"),
        new("/en/e/6/", "A long one", "finding", "other-co", 1999, 2003, string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i % 37} 词{i % 11}语 the"))),
    ];

    private static readonly SearchCompany[] Companies = [new("edge-co", "Edge Company"), new("other-co", "Other Company")];

    private static void AssertSameFiles(IReadOnlyList<IndexFile> expected, IReadOnlyList<IndexFile> actual, string step)
    {
        Assert.Equal(expected.Select(f => f.Path), actual.Select(f => f.Path));
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i].Bytes.AsSpan().SequenceEqual(actual[i].Bytes), $"{step}: {expected[i].Path} differs");
    }

    [Fact]
    public void The_builder_equals_an_export_of_Lucenes_own_index_byte_for_byte()
    {
        foreach (var corpus in site.Corpora.Append(new SearchCorpus("en", Edges, Companies)))
            AssertSameFiles(LuceneIndexExport.Build(corpus), SearchIndexBuilder.Build(corpus), corpus.Lang);
    }

    [Fact]
    public void A_kept_index_after_edits_additions_and_deletions_equals_a_fresh_build_and_reuses_unchanged_files()
    {
        foreach (var sample in site.Corpora)
        {
            var docs = sample.Documents.Concat(Edges).ToList();
            var companies = sample.Companies.Concat(Companies).ToList();
            var index = new IncrementalIndex();
            IReadOnlyList<IndexFile>? last = null;

            // Builds the kept index, checks it against a fresh build (script packs included; without them, the files before
            // the packs) and that every file whose bytes did not change is the very array of the build before; returns the
            // number of files whose bytes changed.
            int Step(string step)
            {
                var corpus = new SearchCorpus(sample.Lang, [.. docs], [.. companies]);
                var fresh = SearchIndexBuilder.Build(corpus, packs: true);
                var files = index.Build(corpus, packs: true);
                AssertSameFiles(fresh, files, $"{sample.Lang}, {step}");
                AssertSameFiles(SearchIndexBuilder.Build(corpus), [.. files.Where(f => !f.Path.EndsWith(".js", StringComparison.Ordinal))], $"{sample.Lang}, {step}, no packs");
                var before = (last ?? []).ToDictionary(f => f.Path, f => f.Bytes);
                var changed = 0;
                foreach (var file in files)
                {
                    if (before.TryGetValue(file.Path, out var old) && old.AsSpan().SequenceEqual(file.Bytes))
                        Assert.Same(old, file.Bytes);
                    else if (!file.Path.EndsWith(".js", StringComparison.Ordinal)) changed++;
                }
                last = files;
                return changed;
            }

            Assert.Equal(Step("a first build"), index.Made);
            Assert.Equal(docs.Count, index.Analysed);

            Assert.Equal(0, Step("no change"));
            Assert.True(index.Unchanged);
            Assert.Equal((0, 0), (index.Analysed, index.Made));

            // An edited body: one document analysed again, its shard and the shards of the terms it gained, lost or moved.
            var at = docs.FindIndex(d => d.Kind == "finding");
            docs[at] = docs[at] with { Body = "Zebra crossing cameras. " + docs[at].Body };
            var changed = Step("an edited body");
            Assert.Equal(1, index.Analysed);
            Assert.Equal(changed, index.Made);
            Assert.InRange(changed, 2, (index.Made + index.Kept) / 2);
            Assert.False(index.Unchanged);

            // An edited title, and years and a company that change only the document's shard and the facets.
            docs[at] = docs[at] with { Title = docs[at].Title + " (revised)" };
            Step("an edited title");
            Assert.Equal(1, index.Analysed);
            var moved = docs.FindIndex(d => d.Kind == "finding" && d.YearFrom > 2005 && d.Company != "other-co");
            docs[moved] = docs[moved] with { YearFrom = docs[moved].YearFrom - 1, Company = "other-co" };
            Assert.Equal(2, Step("other years and company"));
            Assert.Equal(2, index.Made); // the document's shard and facets.bin: no term shard is compressed again

            // The edit undone: the term only it held ("zebra") goes, and its shard with it (or is written without it).
            Assert.Single(Reader(last!).Rank(SearchQuery.Parse("zebra")));
            docs[at] = docs[at] with { Body = docs[at].Body["Zebra crossing cameras. ".Length..] };
            Step("a word removed");
            Assert.Empty(Reader(last!).Rank(SearchQuery.Parse("zebra")));

            // Additions and deletions renumber the documents after them: rebuilt from the kept analyses.
            docs.Add(new SearchDocument("/aaa/first/", "A first document", "page", null, 0, 0, "It sorts before every other URL."));
            Step("a document added first");
            Assert.Equal(1, index.Analysed);
            docs.RemoveAt(docs.FindIndex(d => d.Kind == "update"));
            Step("a document deleted");
            Assert.Equal(0, index.Analysed);
            companies.RemoveAt(companies.FindIndex(c => c.Slug == "edge-co"));
            Step("a company gone from the edition");

            // Enough new documents to double the number of term shards, then gone again.
            var shards = Manifest(last!).termShards;
            var grown = docs.Count;
            for (var i = 0; Manifest(last!).termShards == shards; i++)
            {
                docs.AddRange(Enumerable.Range(0, 50).Select(j => new SearchDocument($"/zz/{i}/{j}/", $"Added {i} {j}", "page", null, 0, 0, $"novel{i}x{j} term{j} 新词{i}{j}")));
                Step($"{50 * (i + 1)} documents added");
            }
            docs.RemoveRange(grown, docs.Count - grown);
            Step("the added documents deleted");
            Assert.Equal(shards, Manifest(last!).termShards);
            Assert.Equal(0, Step("no change after all"));
        }
    }

    private static SearchIndexReader Reader(IReadOnlyList<IndexFile> files)
    {
        var byPath = files.ToDictionary(f => f.Path, f => f.Bytes);
        return new SearchIndexReader(p => byPath.GetValueOrDefault(p));
    }

    private static (int docs, int termShards) Manifest(IReadOnlyList<IndexFile> files)
    {
        using var json = System.Text.Json.JsonDocument.Parse(files.Single(f => f.Path == IndexFormat.ManifestPath).Bytes);
        return (json.RootElement.GetProperty("docs").GetInt32(), json.RootElement.GetProperty("termShards").GetInt32());
    }
}
