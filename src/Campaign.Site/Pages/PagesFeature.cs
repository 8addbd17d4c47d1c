using Campaign.Site.Planning;
using Campaign.Site.Rendering;

namespace Campaign.Site.Pages;

/// <summary>The free pages (about, methodology, take action), in the menu's order; press pages are the press feature's.</summary>
public sealed class PagesFeature : IFeature
{
    public string Name => "free pages";

    public void Plan(SitePlan plan)
    {
        foreach (var v in plan.Editions)
            foreach (var page in v.Edition.Pages.Where(p => p.Item.Layout != "press"))
            {
                var view = v.Page(page);
                plan.Add(new PageJob(Frame(v, page, view), page.Item.Layout, new FreePage(view), v));
            }
    }

    /// <summary>The frame of a free page in its own layout; press pages are free pages the press feature fills.</summary>
    internal static PageView Frame(EditionViews v, Routing.Localized<Core.Model.Page> page, PageContentView view) =>
        v.Page(page.Item.Layout, page.Slug, view.Url, page, view.Summary);
}

/// <summary>What the <c>page</c> layout reads.</summary>
public sealed record FreePage(PageContentView ContentPage);
