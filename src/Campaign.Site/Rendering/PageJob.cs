namespace Campaign.Site.Rendering;

/// <summary>One page to render: its frame, the layout that draws its main part, and the model that layout reads.</summary>
/// <param name="Model">The layout's page model, a record whose properties the layout reads as top-level names in snake case
/// (<c>ReportPage.Downloads</c> is <c>downloads</c>); see <see cref="PageModels"/>.</param>
/// <param name="Relative">False only for pages served at any address (404): their links stay root-relative.</param>
public sealed record PageJob(PageView Page, string Layout, object Model, EditionViews Views, bool Relative = true);
