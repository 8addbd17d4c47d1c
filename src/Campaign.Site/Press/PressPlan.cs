using Campaign.Site.Downloads;
using Campaign.Site.Feeds;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Press;

/// <summary>
/// The press room's part of the plan: the mirrors page, the values of press pages (<c>layout: press</c>)
/// and the downloads each report page lists.
/// </summary>
public static class PressPlan
{
    public const int PressReleases = 5;

    /// <summary>The name of the offline copy for a build on <paramref name="today"/>.</summary>
    public static string BundleName(DateOnly today) => $"campaign-{today:yyyy-MM-dd}.zip";

    /// <summary>The mirrors page of each language, when <c>site.yaml</c> lists mirrors.</summary>
    public static IEnumerable<PageJob> MirrorPages(SiteModel model, IReadOnlyList<EditionViews> editions)
    {
        if (model.Site.Mirrors.IsEmpty) yield break;
        foreach (var v in editions)
        {
            var mirrors = model.Site.Mirrors.Select(m => new MirrorView(m.Url, m.Note?.Get(v.Code, model.Site.DefaultLanguage))).ToList();
            yield return new PageJob(v.Page("mirrors", "mirrors", Urls.Section(v.Code, "mirrors"), v.T["mirrors_title"].ToString()!, v.T["mirrors_intro"].ToString()),
                "mirrors", new Dictionary<string, object?> { ["mirrors"] = mirrors }, v);
        }
    }

    /// <summary>Gives press pages and report pages what they show besides their own text.</summary>
    /// <param name="bundle">The offline bundle this build writes (<c>--bundle</c>), or null.</param>
    public static void Attach(List<PageJob> jobs, SiteModel model, DownloadCatalog downloads, BundleLink? bundle)
    {
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            if (job.Layout == "report" && job.Values.TryGetValue("report", out var r) && r is ReportView report)
                jobs[i] = job with { Values = With(job.Values, ("downloads", new DownloadList(() => downloads.ForReport(report.Slug)))) };
            else if (job.Layout == "press")
                jobs[i] = job with { Values = With(job.Values,
                    ("press_releases", PressReleasesOf(job.Views)),
                    ("downloads", new DownloadList(() => downloads.All)),
                    ("citations", Citations(model, job.Views)),
                    ("bundle", bundle),
                    ("feeds", AtomFeeds.Links(job.Views)),
                    ("mirrors_url", model.Site.Mirrors.IsEmpty ? null : Urls.Section(job.Views.Code, "mirrors"))) };
        }
    }

    public static BundleLink Bundle(DateOnly today)
    {
        var name = BundleName(today);
        return new BundleLink(name, "/" + name, "/" + name + ".sha256");
    }

    private static List<UpdateView> PressReleasesOf(EditionViews v) =>
        [.. v.Edition.Updates.Where(u => u.Item.Kind == "press-release").Take(PressReleases).Select(v.Update)];

    private static List<Citation> Citations(SiteModel model, EditionViews v) =>
        [.. v.Edition.Reports.Select(r =>
        {
            var language = model.Site.Find(r.Item.Doc.Lang) ?? v.Language;
            var url = Urls.Report(language.Code, r.Slug);
            var permanent = model.Site.BaseUrl is { } b ? b + url.TrimStart('/') : null;
            return Citation.For(r.Item, language, url, permanent, model.Site.Organisation?.Get(v.Code, model.Site.DefaultLanguage),
                v.Dates.View(r.Item.Date).Text, v.T["cite_plain"].ToString()!, v.T["cite_index"].ToString()!);
        })];

    private static Dictionary<string, object?> With(IReadOnlyDictionary<string, object?> values, params (string Key, object? Value)[] more)
    {
        var result = new Dictionary<string, object?>(values, StringComparer.Ordinal);
        foreach (var (key, value) in more) result[key] = value;
        return result;
    }
}
