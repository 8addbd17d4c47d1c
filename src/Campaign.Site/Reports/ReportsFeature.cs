using Campaign.Core.Model;
using Campaign.Site.Citations;
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
                var cite = Cite(plan.Model, v, e.Reports[i].Item);
                foreach (var file in CitationView.Files(cite.Cited, Folder(v, slug), slug)) plan.Files.Add(file);
                plan.Add(new PageJob(v.Page("report", "reports", reports[i].Url, e.Reports[i], reports[i].Summary), "report",
                    new ReportPage(reports[i], plan.Downloads(d => d.ForReport(slug)), cite), v));
            }
        }
    }

    /// <summary>How to cite a report shown in edition <paramref name="v"/>, with its files beside the report's page there.</summary>
    public static CitationView Cite(Routing.SiteModel model, EditionViews v, Report report) =>
        CitationView.Of(Citation.Of(model, v, report), Folder(v, report.Doc.Slug), report.Doc.Slug, v.Code);

    private static string Folder(EditionViews v, string slug) => Urls.Report(v.Code, slug).TrimStart('/');
}

/// <summary>What the <c>report-list</c> layout reads.</summary>
public sealed record ReportListPage(IReadOnlyList<ReportView> Reports);

/// <summary>What the <c>report</c> layout reads: the report, its PDFs, how to cite it, and whether the page is being printed to PDF.</summary>
/// <param name="PrintStyles">On the page printed to PDF, the style sheets that typeset it, linked after the site's; empty elsewhere.</param>
public sealed record ReportPage(ReportView Report, DownloadList Downloads, CitationView? Citation = null, bool Print = false,
    IReadOnlyList<string>? PrintStyles = null);
