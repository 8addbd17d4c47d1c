using Campaign.Site.Citations;
using Campaign.Site.Downloads;
using Campaign.Site.Feeds;
using Campaign.Site.Planning;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Press;

/// <summary>
/// The press room: press pages (<c>layout: press</c>) with the latest press releases, every download, citations,
/// feeds and the offline bundle; and the mirrors page, when <c>site.yaml</c> lists mirrors.
/// </summary>
/// <param name="bundle">The offline bundle this build writes (<c>--bundle</c>), or null.</param>
public sealed class PressFeature(BundleLink? bundle) : IFeature
{
    public string Name => "press room";

    public void Plan(SitePlan plan)
    {
        var model = plan.Model;
        foreach (var v in plan.Editions)
            foreach (var page in v.Edition.Pages.Where(p => p.Item.Layout == "press"))
            {
                var view = v.Page(page);
                plan.Add(new PageJob(Pages.PagesFeature.Frame(v, page, view), page.Item.Layout,
                    new PressPage(view, PressReleasesOf(v), plan.Downloads(d => d.All), Citations(model, v), bundle, AtomFeeds.Links(v),
                        model.Site.Mirrors.IsEmpty ? null : Urls.Section(v.Code, "mirrors"),
                        model.Site.PressKit.Embargo?.Get(v.Code, model.Site.DefaultLanguage) is { } embargo ? v.Prose(embargo) : null,
                        [.. model.Site.PressKit.Quotes.Select(q => Quote(model.Site, v, q))], SigningView.Of(model.Content.Signer)), v));
            }
        plan.Add(MirrorPages(model, plan.Editions, bundle));
    }

    /// <summary>The mirrors page of each language, when <c>site.yaml</c> lists mirrors.</summary>
    private static IEnumerable<PageJob> MirrorPages(SiteModel model, IReadOnlyList<EditionViews> editions, BundleLink? bundle)
    {
        if (model.Site.Mirrors.IsEmpty) yield break;
        foreach (var v in editions)
        {
            var mirrors = model.Site.Mirrors.Select(m => new MirrorView(m.Url, m.Note?.Get(v.Code, model.Site.DefaultLanguage))).ToList();
            yield return new PageJob(v.Page("mirrors", "mirrors", Urls.Section(v.Code, "mirrors"), v.T["mirrors_title"].ToString()!, v.T["mirrors_intro"].ToString()),
                "mirrors", new MirrorsPage(mirrors, bundle, SigningView.Of(model.Content.Signer)), v);
        }
    }

    /// <summary>The offline copy of a build on <paramref name="today"/>.</summary>
    public static BundleLink Bundle(DateOnly today)
    {
        var name = $"campaign-{today:yyyy-MM-dd}.zip";
        return new BundleLink(name, "/" + name, "/" + name + ".sha256");
    }

    /// <summary>Every press release of the edition, newest first, each shown in full on the press page.</summary>
    private static List<UpdateView> PressReleasesOf(EditionViews v) =>
        [.. v.Edition.Updates.Where(u => u.Item.Kind == "press-release").Select(v.Update)];

    /// <summary>A quote in <paramref name="v"/>'s language: its own words if published in it, else a translation shown with the published words.</summary>
    private static QuoteView Quote(Core.Model.SiteConfig site, EditionViews v, Core.Model.PressQuote q)
    {
        var published = site.Find(q.SourceLanguage)!;
        var publishedName = v.LanguageName(published);
        var publishedLabel = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            v.Strings[q.Original ? "quote_original" : "quote_as_published"], publishedName);
        var speaker = q.Speaker.Get(v.Code, site.DefaultLanguage);
        var role = q.Role?.Get(v.Code, site.DefaultLanguage);
        var source = q.Source?.Get(v.Code, site.DefaultLanguage);
        if (v.Code == q.SourceLanguage || q.Text[v.Code] is not { } translated)
            return new QuoteView(speaker, role, q.Text[q.SourceLanguage]!, published.Lang, publishedLabel, null, null, null, source);
        var label = string.Format(System.Globalization.CultureInfo.InvariantCulture, v.Strings["quote_translation"], publishedName);
        return new QuoteView(speaker, role, translated, v.Language.Lang, label, q.Text[q.SourceLanguage], published.Lang, publishedLabel, source);
    }

    /// <summary>Each report's citation, as its page gives it (with links to the files there).</summary>
    private static List<CitationView> Citations(SiteModel model, EditionViews v) =>
        [.. v.Edition.Reports.Select(r => Reports.ReportsFeature.Cite(model, v, r.Item))];
}

/// <summary>What the <c>press</c> layout reads: the page's own text and everything a journalist comes for.</summary>
/// <param name="Embargo">The embargo policy (HTML) from site.yaml's <c>press.embargo</c>, or null.</param>
/// <param name="Signing">How to check the signature of <c>SHA256SUMS</c>, when the build signs it.</param>
public sealed record PressPage(PageContentView ContentPage, IReadOnlyList<UpdateView> PressReleases, DownloadList Downloads,
    IReadOnlyList<CitationView> Citations, BundleLink? Bundle, IReadOnlyList<FeedLink> Feeds, string? MirrorsUrl,
    string? Embargo, IReadOnlyList<QuoteView> Quotes, SigningView? Signing = null);

/// <summary>What the <c>mirrors</c> layout reads: the mirrors, the offline bundle when this build writes one, how to check downloads.</summary>
public sealed record MirrorsPage(IReadOnlyList<MirrorView> Mirrors, BundleLink? Bundle = null, SigningView? Signing = null);
