using Campaign.Site.Routing;

namespace Campaign.Site.Downloads;

/// <summary>
/// Assets that only embargoed or scheduled documents point to (a company's reply letter): until the document
/// is public they are neither copied to the output nor listed as downloads, so not even a file name leaks.
/// </summary>
public static class EmbargoedAssets
{
    public static HashSet<string> Of(SiteModel model)
    {
        static IEnumerable<string> Documents(IEnumerable<Core.Model.Company> companies) =>
            companies.SelectMany(c => c.Responses).Select(r => r.Document).OfType<string>().Select(d => d.TrimStart('/'))
                .Select(d => d.StartsWith("assets/", StringComparison.Ordinal) ? d[7..] : d);

        var shown = Documents(model.Editions.SelectMany(e => e.Companies).Select(c => c.Item)).ToHashSet(StringComparer.Ordinal);
        return Documents(model.Content.Companies).Where(d => !shown.Contains(d)).ToHashSet(StringComparer.Ordinal);
    }
}
