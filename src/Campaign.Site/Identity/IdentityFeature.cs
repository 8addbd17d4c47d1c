using Campaign.Site.Planning;

namespace Campaign.Site.Identity;

/// <summary>The campaign's visual identity: the accent colour's style sheet (the mark is an asset, published as one).</summary>
public sealed class IdentityFeature : IFeature
{
    public string Name => "identity";

    public void Plan(SitePlan plan)
    {
        if (IdentityStyle.Sheet(plan.Model.Site) is { } sheet) plan.Files.Add(sheet.Path, sheet.Bytes);
    }
}
