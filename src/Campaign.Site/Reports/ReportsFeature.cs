using Campaign.Site.Downloads;
using Campaign.Site.Planning;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Reports;

/// <summary>The investigation reports: a list per language and a page per report, which lists the report's PDFs.</summary>
public sealed class ReportsFeature : IFeature
{
    public string Name => "report pages";

    public void Plan(SitePlan plan)
    {
        foreach (var v in plan.Editions)
        {
            var e = v.Edition;
            var reports = e.Reports.Select(v.Report).ToList();
            if (reports.Count > 0)
                plan.Add(new PageJob(v.Page("report-list", "reports", Urls.Section(v.Code, "reports"), v.T["reports_title"].ToString()!, null),
                    "report-list", new ReportListPage(reports), v));
            for (var i = 0; i < reports.Count; i++)
            {
                var slug = reports[i].Slug;
                plan.Add(new PageJob(v.Page("report", "reports", reports[i].Url, e.Reports[i], reports[i].Summary), "report",
                    new ReportPage(reports[i], plan.Downloads(d => d.ForReport(slug))), v));
            }
        }
    }
}

/// <summary>What the <c>report-list</c> layout reads.</summary>
public sealed record ReportListPage(IReadOnlyList<ReportView> Reports);

/// <summary>What the <c>report</c> layout reads: the report, its PDFs, and whether the page is being printed to PDF.</summary>
public sealed record ReportPage(ReportView Report, DownloadList Downloads, bool Print = false);
