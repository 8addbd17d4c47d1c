using Campaign.Site.Preview;
using Campaign.Site.Planning;

namespace Campaign.Site.Search;

/// <summary>The static search: an index per language under <c>search/&lt;lang&gt;/</c>, and each language's search page.</summary>
/// <param name="memo">A live preview's search documents and indexes from the previous build; null for a plain build.</param>
public sealed class SearchFeature(SearchIndexMemo? memo = null) : IFeature
{
    public string Name => "search index";

    public void Plan(SitePlan plan) => plan.Add(SearchOutput.Plan(plan.Model, plan.Editions, plan.Theme, plan.Files, memo));
}
