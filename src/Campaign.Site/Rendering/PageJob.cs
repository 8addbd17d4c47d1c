namespace Campaign.Site.Rendering;

/// <summary>One page to render: its frame, the layout that draws its main part, and the model that layout reads.</summary>
/// <param name="Model">The layout's page model, a record whose properties the layout reads as top-level names in snake case
/// (<c>ReportPage.Downloads</c> is <c>downloads</c>); see <see cref="PageModels"/>. Or what makes it (<see cref="IDeferredModel"/>).</param>
/// <param name="Relative">False only for pages served at any address (404): their links stay root-relative.</param>
public sealed record PageJob(PageView Page, string Layout, object Model, EditionViews Views, bool Relative = true);

/// <summary>
/// What makes a page's model as the page is rendered, and lets it go after: a plain build of 100,000 findings then never holds
/// 200,000 finding views at once (they were 2 GiB of its live memory, held from planning to rendering). The model is a
/// function of what the source holds only, so making it late gives the same page as making it early.
/// </summary>
public interface IDeferredModel
{
    /// <summary>The page model, made afresh on each call.</summary>
    object Make();
}
