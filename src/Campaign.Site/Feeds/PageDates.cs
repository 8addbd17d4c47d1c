using Campaign.Site.Companies;
using Campaign.Site.Findings;
using Campaign.Site.Home;
using Campaign.Site.Rendering;
using Campaign.Site.Reports;
using Campaign.Site.Updates;

namespace Campaign.Site.Feeds;

/// <summary>
/// When a page's content last changed, from the content's own dates (never the build's clock), for the sitemap's
/// <c>lastmod</c>: a report's or an update's date, a company's last update, a finding's last review, and for a list the
/// latest of what it lists. Null where the content gives no date (free pages, lists of findings, the language picker).
/// </summary>
public static class PageDates
{
    public static string? LastModified(PageJob job) => job.Model switch
    {
        ReportPage p => p.Report.Date.Iso,
        ReportListPage p => Latest(p.Reports.Select(r => r.Date.Iso)),
        UpdatePage p => p.Update.Date.Iso,
        UpdateListPage p => Latest(p.Updates.Select(u => u.Date.Iso)),
        CompanyPage p => p.Company.Updated?.Iso,
        CompanyListPage p => Latest(p.Companies.Select(c => c.Updated?.Iso)),
        FindingPage p => p.Finding.Reviewed.Iso,
        FindingPageSource p => DateFormat.Iso(p.Finding.Reviewed), // as the view would say, without making it
        DataPage p => Latest(p.Downloads.Select(d => d.Updated?.Iso)),
        HomePage p => Latest(p.Reports.Select(r => (string?)r.Date.Iso).Concat(p.Updates.Select(u => u.Date.Iso)).Concat(p.Companies.Select(c => c.Updated?.Iso))),
        _ => null,
    };

    // ISO dates (yyyy-MM-dd) sort as text.
    private static string? Latest(IEnumerable<string?> dates) => dates.OfType<string>().DefaultIfEmpty().Max(StringComparer.Ordinal);
}
