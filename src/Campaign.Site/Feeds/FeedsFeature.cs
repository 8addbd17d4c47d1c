using Campaign.Site.Planning;

namespace Campaign.Site.Feeds;

/// <summary>The Atom feeds of each language: every update, and the press releases alone.</summary>
public sealed class FeedsFeature : IFeature
{
    public string Name => "feeds";

    public void Plan(SitePlan plan) => AtomFeeds.Register(plan.Model, plan.Editions, plan.Files);
}
