using Campaign.Site.Routing;

namespace Campaign.Site.Rendering;

/// <summary>Lists every HTML page of the site, per language: the routes of the URL scheme and what each shows.</summary>
public static class PagePlan
{
    public const int UpdatesPerPage = 10;

    public static List<PageJob> Build(SiteModel model, IReadOnlyList<EditionViews> editions)
    {
        var jobs = new List<PageJob>();
        foreach (var v in editions)
        {
            var e = v.Edition;
            var code = v.Code;
            var reports = e.Reports.Select(v.Report).ToList();
            var companies = e.Companies.Select(v.Company).ToList();
            var updates = e.Updates.Select(v.Update).ToList();

            jobs.Add(new PageJob(v.Page("home", "home", Urls.Home(code), v.Site.Title, v.Site.Tagline), "home", new Dictionary<string, object?>
            {
                ["reports"] = reports,
                ["companies"] = companies,
                ["updates"] = updates.Take(3).ToList(),
                ["finding_count"] = model.Findings.Length,
            }, v));

            if (reports.Count > 0)
                jobs.Add(new PageJob(v.Page("report-list", "reports", Urls.Section(code, "reports"), v.T["reports_title"].ToString()!, null),
                    "report-list", new Dictionary<string, object?> { ["reports"] = reports }, v));
            for (var i = 0; i < reports.Count; i++)
                jobs.Add(new PageJob(v.Page("report", "reports", reports[i].Url, e.Reports[i], reports[i].Summary), "report",
                    new Dictionary<string, object?> { ["report"] = reports[i] }, v));

            if (companies.Count > 0)
                jobs.Add(new PageJob(v.Page("company-list", "companies", Urls.Section(code, "companies"), v.T["companies_title"].ToString()!, null),
                    "company-list", new Dictionary<string, object?> { ["companies"] = companies }, v));
            for (var i = 0; i < companies.Count; i++)
                jobs.Add(new PageJob(v.Page("company", "companies", companies[i].Url, e.Companies[i], companies[i].Summary), "company",
                    new Dictionary<string, object?> { ["company"] = companies[i] }, v));

            var listUrl = Urls.Section(code, "updates");
            var pageCount = Math.Max(1, (updates.Count + UpdatesPerPage - 1) / UpdatesPerPage);
            for (var n = 1; n <= pageCount && updates.Count > 0; n++)
            {
                var pager = new PagerView(n, pageCount,
                    n > 1 ? Urls.ListPage(listUrl, n - 1) : null,
                    n < pageCount ? Urls.ListPage(listUrl, n + 1) : null,
                    Enumerable.Range(1, pageCount).Select(k => new PagerLink(k, Urls.ListPage(listUrl, k), k == n)).ToList());
                var title = v.T["updates_title"].ToString()!;
                jobs.Add(new PageJob(v.Page("update-list", "updates", Urls.ListPage(listUrl, n), n == 1 ? title : $"{title} ({n}/{pageCount})", null),
                    "update-list", new Dictionary<string, object?>
                    {
                        ["updates"] = updates.Skip((n - 1) * UpdatesPerPage).Take(UpdatesPerPage).ToList(),
                        ["pager"] = pager,
                    }, v));
            }
            for (var i = 0; i < updates.Count; i++)
                jobs.Add(new PageJob(v.Page("update", "updates", updates[i].Url, e.Updates[i], updates[i].Summary), "update",
                    new Dictionary<string, object?> { ["update"] = updates[i] }, v));

            foreach (var page in e.Pages)
            {
                var view = v.Page(page);
                jobs.Add(new PageJob(v.Page(page.Item.Layout, page.Slug, view.Url, page, view.Summary), page.Item.Layout,
                    new Dictionary<string, object?> { ["content_page"] = view }, v));
            }
        }

        var first = editions.First(v => v.Code == model.Site.DefaultLanguage);
        jobs.Add(new PageJob(first.Page("language-picker", "", "/", first.Site.Title, first.Site.Tagline), "language-picker",
            new Dictionary<string, object?> { ["editions"] = editions.Select(v => new PickerEntry(EditionViews.ToView(v.Language), v.Site.Title, v.Site.Tagline, v.T["choose_language"].ToString()!, Urls.Home(v.Code))).ToList() },
            first));
        jobs.Add(new PageJob(first.Page("not-found", "", "/404.html", first.T["not_found_title"].ToString()!, null), "not-found",
            new Dictionary<string, object?> { ["editions"] = editions.Select(v => new PickerEntry(EditionViews.ToView(v.Language), v.T["not_found_title"].ToString()!, v.T["not_found_text"].ToString(), v.T["nav_home"].ToString()!, Urls.Home(v.Code))).ToList() },
            first, Relative: false));
        return jobs;
    }
}

/// <summary>One language on the root language picker and the 404 page.</summary>
public sealed record PickerEntry(LanguageView Language, string Title, string? Text, string Action, string Url);
