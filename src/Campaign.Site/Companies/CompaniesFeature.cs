using Campaign.Site.Planning;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Companies;

/// <summary>The companies investigated: a list per language and a page per company with its right of reply, its letters and latest findings.</summary>
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
            {
                var letters = companies[i].Responses.Select(r => r.Letter?.Path).OfType<string>().ToHashSet(StringComparer.Ordinal);
                plan.Add(new PageJob(v.Page("company", "companies", companies[i].Url, e.Companies[i], companies[i].Summary), "company",
                    new CompanyPage(companies[i], plan.Downloads(d => [.. d.All.Where(f => letters.Contains(f.Path))]),
                        plan.Charts.For(v.Code).Companies.GetValueOrDefault(companies[i].Slug)), v));
            }
        }
        // Each letter once, and only the letters of companies some edition publishes: an embargoed company's letter leaks nothing.
        var published = plan.Editions.SelectMany(v => v.Edition.Companies).SelectMany(c => c.Item.Responses).Select(r => r.Letter)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var letter in plan.Model.Content.Letters.Where(l => published.Contains(l.Name)))
            plan.Files.Add(letter.OutputPath, letter.Bytes);
    }
}

/// <summary>What the <c>company-list</c> layout reads.</summary>
public sealed record CompanyListPage(IReadOnlyList<CompanyView> Companies);

/// <summary>What the <c>company</c> layout reads: the company, the downloads of its letters (size and SHA-256), and the timeline of its findings (none when it has none).</summary>
public sealed record CompanyPage(CompanyView Company, Downloads.DownloadList Downloads, Charts.ChartView? Timeline = null);
