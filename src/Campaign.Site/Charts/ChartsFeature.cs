using Campaign.Site.Findings;
using Campaign.Site.Pdf;
using Campaign.Site.Planning;

namespace Campaign.Site.Charts;

/// <summary>
/// The charts and the map, drawn at build time as SVG from the findings' catalogue (the records and facets the findings
/// table shows), in every language, and each exported as a PNG for press. Planned first: the pages that show a chart
/// read it from <see cref="SitePlan.Charts"/>.
/// </summary>
/// <param name="settings">Whether and with which Chromium PNGs are taken: the reports' PDF settings (<c>--no-pdf</c> takes none).</param>
/// <param name="catalogue">Works out the findings' catalogue (<see cref="FindingCatalog.Build(Routing.SiteModel)"/> unless given).</param>
/// <param name="projector">Makes the charts' per-finding rows and counts (<see cref="FreshProjector"/> unless given).</param>
public sealed class ChartsFeature(PdfSettings settings, Func<Routing.SiteModel, FindingCatalog>? catalogue = null, IProjector? projector = null) : IFeature
{
    public string Name => "charts";

    public void Plan(SitePlan plan)
    {
        var model = plan.Model;
        var shelves = new Dictionary<string, ChartShelf>(StringComparer.Ordinal);
        if (model.Findings.IsEmpty)
        {
            plan.Charts.Put(shelves);
            return;
        }
        var catalog = (catalogue ?? FindingCatalog.Build)(model);
        var provinces = model.Content.Vocabularies["province"];
        var data = ChartData.Of(catalog, provinces, model.Site.DefaultLanguage, projector);
        foreach (var f in data.Unknown)
            plan.Diagnostics.Warning("CMP095",
                $"The province `{f.Buyer.Province!.Get(model.Site.DefaultLanguage, model.Site.DefaultLanguage)}` of finding {f.Id} is not one the findings map knows, so the finding is counted as not on the map.",
                f.Where("buyer.province"), "buyer.province",
                "write the province as the `province` vocabulary in vocabularies.yaml names it (Xinjiang, 新疆), or add it there");
        var shots = new List<ChartShot>();
        foreach (var v in plan.Editions)
        {
            var shelf = ChartShelf.Of(data, FindingViewFactory.For(model, v, catalog), v, provinces);
            shelves[v.Code] = shelf;
            var source = (v.Strings.TryGetValue("chart_source", out var s) ? s : "{0}").Replace("{0}", v.Site.Title);
            shots.AddRange(shelf.All.Select(c => new ChartShot(c, v.Language.Lang, v.Code, source)));
        }
        var made = ChartPngs.Export(shots, plan.Theme, plan.Files, settings, plan.Diagnostics);
        plan.Charts.Put(shelves.ToDictionary(kv => kv.Key, kv => kv.Value.WithPngs(c =>
            made.Contains(ChartPngs.PngPath(c.Name, kv.Key)) ? "/" + ChartPngs.PngPath(c.Name, kv.Key) : null), StringComparer.Ordinal));
    }
}
