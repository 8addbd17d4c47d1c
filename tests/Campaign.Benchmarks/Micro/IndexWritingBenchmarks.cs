using BenchmarkDotNet.Attributes;
using Campaign.Search;
using Campaign.Search.Index;
using Campaign.Generate;

namespace Campaign.Benchmarks.Micro;

/// <summary>Writing the static search index (analysis, postings, shards) for 1,000 synthetic findings in one language.</summary>
public class IndexWritingBenchmarks
{
    private SearchCorpus _corpus = new("en", [], []);

    [Params("en", "zh")]
    public string Lang { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        var campaign = SyntheticCampaign.Create(1000);
        Func<Bilingual, string> pick = Lang == "en" ? b => b.En : b => b.Zh;
        var docs = campaign.Findings.Select(f => new SearchDocument($"/{Lang}/findings/{f.Id}/", pick(f.Title), "finding", f.Company, f.From, f.To,
            pick(f.Summary) + " " + pick(f.Product) + " " + pick(f.BuyerName))).ToList();
        _corpus = new SearchCorpus(Lang, docs, [.. campaign.Companies.Select(c => new SearchCompany(c.Slug, pick(c.Name)))]);
    }

    [Benchmark]
    public int Build() => SearchIndexBuilder.Build(_corpus).Sum(f => f.Bytes.Length);
}
