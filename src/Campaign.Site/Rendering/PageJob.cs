namespace Campaign.Site.Rendering;

/// <summary>One page to render: its frame, the layout that draws its main part, and the values that layout reads.</summary>
/// <param name="Relative">False only for pages served at any address (404): their links stay root-relative.</param>
public sealed record PageJob(PageView Page, string Layout, IReadOnlyDictionary<string, object?> Values, EditionViews Views, bool Relative = true);
