using Campaign.Search;
using Campaign.Site.Emit;
using Campaign.Site.Planning;

namespace Campaign.Site.Search;

/// <summary>The static search: an index per language under <c>search/&lt;lang&gt;/</c>, and each language's search page.</summary>
/// <param name="projector">Makes the per-record search documents (<see cref="FreshProjector"/> unless given).</param>
/// <param name="index">Writes a language's index files (<see cref="SearchOutput.Write"/> unless given).</param>
public sealed class SearchFeature(IProjector? projector = null, Func<SearchCorpus, string, IReadOnlyList<GeneratedFile>>? index = null) : IFeature
{
    public string Name => "search index";

    public void Plan(SitePlan plan) => plan.Add(SearchOutput.Plan(plan.Model, plan.Editions, plan.Theme, plan.Files, projector, index));
}
