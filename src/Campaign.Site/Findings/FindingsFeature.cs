using Campaign.Site.Planning;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

/// <summary>The findings database: a page per finding, the index, facet pages, the data page and the data downloads.</summary>
/// <param name="projector">Makes the per-finding outputs (<see cref="FreshProjector"/> unless given).</param>
/// <param name="catalogue">Works out the findings' catalogue (<see cref="FindingCatalog.Build(SiteModel)"/> unless given).</param>
public sealed class FindingsFeature(IProjector? projector = null, Func<SiteModel, FindingCatalog>? catalogue = null) : IFeature
{
    public string Name => "plan findings";

    public void Plan(SitePlan plan)
    {
        var findings = FindingPages.Start(plan.Model, plan.Editions, plan.Theme, plan.Files, projector, catalogue, plan.Charts);
        plan.Add(findings.Jobs);
        plan.Pending(findings.Files); // the data downloads, hashed while the features after this one plan
    }
}
