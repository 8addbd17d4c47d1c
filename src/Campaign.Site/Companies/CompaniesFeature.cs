using Campaign.Site.Planning;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Companies;

/// <summary>The companies investigated: a list per language and a page per company with its response and latest findings.</summary>
public sealed class CompaniesFeature : IFeature
{
    public string Name => "company pages";

    public void Plan(SitePlan plan)
    {
        foreach (var v in plan.Editions)
        {
            var e = v.Edition;
            var companies = e.Companies.Select(v.Company).ToList();
            if (companies.Count > 0)
                plan.Add(new PageJob(v.Page("company-list", "companies", Urls.Section(v.Code, "companies"), v.T["companies_title"].ToString()!, null),
                    "company-list", new CompanyListPage(companies), v));
            for (var i = 0; i < companies.Count; i++)
                plan.Add(new PageJob(v.Page("company", "companies", companies[i].Url, e.Companies[i], companies[i].Summary), "company",
                    new CompanyPage(companies[i], plan.Charts.For(v.Code).Companies.GetValueOrDefault(companies[i].Slug)), v));
        }
    }
}

/// <summary>What the <c>company-list</c> layout reads.</summary>
public sealed record CompanyListPage(IReadOnlyList<CompanyView> Companies);

/// <summary>What the <c>company</c> layout reads: the company and the timeline of its findings (none when it has none).</summary>
public sealed record CompanyPage(CompanyView Company, Charts.ChartView? Timeline = null);
