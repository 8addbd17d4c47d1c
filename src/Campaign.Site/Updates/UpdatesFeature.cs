using Campaign.Site.Planning;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Updates;

/// <summary>Campaign updates and press releases: numbered list pages per language, newest first, and a page per update.</summary>
public sealed class UpdatesFeature : IFeature
{
    public const int UpdatesPerPage = 10;

    public string Name => "update pages";

    public void Plan(SitePlan plan)
    {
        foreach (var v in plan.Editions)
        {
            var e = v.Edition;
            var updates = e.Updates.Select(v.Update).ToList();
            var listUrl = Urls.Section(v.Code, "updates");
            var pageCount = Math.Max(1, (updates.Count + UpdatesPerPage - 1) / UpdatesPerPage);
            for (var n = 1; n <= pageCount && updates.Count > 0; n++)
            {
                var pager = new PagerView(n, pageCount,
                    n > 1 ? Urls.ListPage(listUrl, n - 1) : null,
                    n < pageCount ? Urls.ListPage(listUrl, n + 1) : null,
                    Enumerable.Range(1, pageCount).Select(k => new PagerLink(k, Urls.ListPage(listUrl, k), k == n)).ToList());
                var title = v.T["updates_title"].ToString()!;
                plan.Add(new PageJob(v.Page("update-list", "updates", Urls.ListPage(listUrl, n), n == 1 ? title : $"{title} ({n}/{pageCount})", null),
                    "update-list", new UpdateListPage([.. updates.Skip((n - 1) * UpdatesPerPage).Take(UpdatesPerPage)], pager), v));
            }
            for (var i = 0; i < updates.Count; i++)
                plan.Add(new PageJob(v.Page("update", "updates", updates[i].Url, e.Updates[i], updates[i].Summary), "update",
                    new UpdatePage(updates[i]), v));
        }
    }
}

/// <summary>What the <c>update-list</c> layout reads: one numbered page of updates and the pager.</summary>
public sealed record UpdateListPage(IReadOnlyList<UpdateView> Updates, PagerView Pager);

/// <summary>What the <c>update</c> layout reads.</summary>
public sealed record UpdatePage(UpdateView Update);
