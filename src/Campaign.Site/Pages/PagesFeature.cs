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
                plan.Add(new PageJob(v.Page(page.Item.Layout, page.Slug, view.Url, page, view.Summary), page.Item.Layout,
                    new FreePage(view), v));
            }
    }
}

/// <summary>What the <c>page</c> layout reads.</summary>
public sealed record FreePage(PageContentView ContentPage);
