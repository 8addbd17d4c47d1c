namespace Campaign.Site.Planning;

/// <summary>One part of the published site (reports, findings, search, feeds, …): it adds its pages and files to the plan.</summary>
/// <remarks>
/// A feature reads the plan's model, the editions' views and the theme, never the disk, and never changes a page another
/// feature planned: what a page needs from elsewhere (its downloads) is a reference the plan resolves once every feature
/// has planned. Adding a page type is one folder with one feature, and one line in <see cref="SiteBuilder"/>.
/// </remarks>
public interface IFeature
{
    /// <summary>The stage's name in <c>campaign build --verbose</c>.</summary>
    string Name { get; }

    void Plan(SitePlan plan);
}
