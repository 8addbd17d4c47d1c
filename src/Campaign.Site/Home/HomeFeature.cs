using Campaign.Site.Planning;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Home;

/// <summary>The front doors: each language's home page, the root language picker and the 404 page.</summary>
public sealed class HomeFeature : IFeature
{
    public string Name => "home pages";

    public void Plan(SitePlan plan)
    {
        var editions = plan.Editions;
        foreach (var v in editions)
        {
            var e = v.Edition;
            plan.Add(new PageJob(v.Page("home", "home", Urls.Home(v.Code), v.Site.Title, v.Site.Tagline), "home",
                new HomePage([.. e.Reports.Select(v.Report)], [.. e.Companies.Select(v.Company)], [.. e.Updates.Take(3).Select(v.Update)], plan.Model.Findings.Length,
                    plan.Charts.For(v.Code).Provinces), v));
        }

        var first = editions.First(v => v.Code == plan.Model.Site.DefaultLanguage);
        plan.Add(new PageJob(first.Page("language-picker", "", "/", first.Site.Title, first.Site.Tagline), "language-picker",
            new LanguagesPage([.. editions.Select(v => new PickerEntry(EditionViews.ToView(v.Language), v.Site.Title, v.Site.Tagline, v.T["choose_language"].ToString()!, Urls.Home(v.Code)))]),
            first));
        plan.Add(new PageJob(first.Page("not-found", "", "/404.html", first.T["not_found_title"].ToString()!, null), "not-found",
            new LanguagesPage([.. editions.Select(v => new PickerEntry(EditionViews.ToView(v.Language), v.T["not_found_title"].ToString()!, v.T["not_found_text"].ToString(), v.T["nav_home"].ToString()!, Urls.Home(v.Code)))],
                NotFoundRoots.Json(plan.Model.Site)),
            first, Relative: false));
    }
}

/// <summary>What the <c>home</c> layout reads: the edition's reports and companies, its three latest updates, the findings' count and their map.</summary>
public sealed record HomePage(IReadOnlyList<ReportView> Reports, IReadOnlyList<CompanyView> Companies, IReadOnlyList<UpdateView> Updates, int FindingCount,
    Charts.ChartView? Map = null);

/// <summary>What the <c>language-picker</c> and <c>not-found</c> layouts read: one entry per language.</summary>
/// <param name="Roots">On the 404 page: what its inline script finds the site's root with (<see cref="NotFoundRoots"/>), as JSON.</param>
public sealed record LanguagesPage(IReadOnlyList<PickerEntry> Editions, string? Roots = null);

/// <summary>One language on the root language picker and the 404 page.</summary>
public sealed record PickerEntry(LanguageView Language, string Title, string? Text, string Action, string Url);
