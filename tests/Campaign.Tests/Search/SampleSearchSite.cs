using Campaign.Site;
using Campaign.Tests.Support;

namespace Campaign.Tests.Search;

/// <summary>The sample campaign in input/, built once for the search tests that read its index.</summary>
public sealed class SampleSearchSite : IDisposable
{
    public string Output { get; } = Path.Combine(Path.GetTempPath(), "campaign-search-" + Guid.NewGuid().ToString("N")[..8]);

    public SampleSearchSite()
    {
        var result = SiteBuilder.Build(new BuildOptions(Repo.Input, Output, Now, false, Repo.Theme));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>What the build indexed, per language, recomputed from the content the same way the build does.</summary>
    public IReadOnlyList<Campaign.Search.SearchCorpus> Corpora => _corpora.Value;

    private readonly Lazy<IReadOnlyList<Campaign.Search.SearchCorpus>> _corpora = new(() =>
    {
        var options = new BuildOptions(Repo.Input, "unused", Now, false, Repo.Theme);
        var content = Campaign.Core.Load.ContentLoader.Load(Repo.Input, options.Today, new Campaign.Core.Diagnostics.DiagnosticList())!;
        return Campaign.Site.Search.SearchCorpora.Build(Campaign.Site.Routing.SiteModelBuilder.Build(content, options));
    });

    public string IndexDir(string lang) => Path.Combine(Output, "search", lang);

    public void Dispose()
    {
        try { Directory.Delete(Output, true); } catch (IOException) { }
    }
}

/// <summary>Shares one build of the sample among the search test classes.</summary>
[CollectionDefinition(Name)]
public sealed class SampleSearchCollection : ICollectionFixture<SampleSearchSite>
{
    public const string Name = "sample search site";
}

/// <summary>The query set of tests/Campaign.Tests/Search/queries.tsv.</summary>
public static class QuerySet
{
    public static IReadOnlyList<Campaign.Benchmarks.Search.ExpectedQuery> Load() =>
        Campaign.Benchmarks.Search.ExpectedQuery.Load(Repo.Path_("tests", "Campaign.Tests", "Search", "queries.tsv"));
}
