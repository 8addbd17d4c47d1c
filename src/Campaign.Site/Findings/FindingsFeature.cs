using Campaign.Site.Preview;
using Campaign.Site.Planning;

namespace Campaign.Site.Findings;

/// <summary>The findings database: a page per finding, the index, facet pages, the data page and the data downloads.</summary>
/// <param name="files">A live preview's findings files and catalogue from the previous build; null for a plain build.</param>
/// <param name="views">A live preview's finding views from the previous build; null for a plain build.</param>
public sealed class FindingsFeature(FindingFilesMemo? files = null, FindingViewMemo? views = null) : IFeature
{
    public string Name => "plan findings";

    public void Plan(SitePlan plan)
    {
        var findings = FindingPages.Start(plan.Model, plan.Editions, plan.Theme, plan.Files, files, views);
        plan.Add(findings.Jobs);
        plan.Pending(findings.Files); // the data downloads, hashed while the features after this one plan
    }
}
