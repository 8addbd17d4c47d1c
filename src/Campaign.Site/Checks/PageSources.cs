using Campaign.Core.Model;
using Campaign.Site.Routing;

namespace Campaign.Site.Checks;

/// <summary>Which content file each page of a document is built from (its own translation, else the default language's file).</summary>
public static class PageSources
{
    /// <summary>Output paths (<c>en/updates/x/index.html</c>) to input files (<c>updates/x.en.md</c>).</summary>
    public static IReadOnlyDictionary<string, string> Of(ContentModel content)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        IEnumerable<IDocument> all = [.. content.Reports, .. content.Companies, .. content.Updates, .. content.Pages];
        foreach (var group in all.GroupBy(d => (d.Doc.Section, d.Doc.Slug)))
            foreach (var language in content.Site.Languages)
            {
                var doc = group.FirstOrDefault(d => d.Doc.Lang == language.Code)
                    ?? group.FirstOrDefault(d => d.Doc.Lang == content.Site.DefaultLanguage) ?? group.First();
                var url = group.Key.Section switch
                {
                    "reports" => Urls.Report(language.Code, group.Key.Slug),
                    "companies" => Urls.Company(language.Code, group.Key.Slug),
                    "updates" => Urls.Update(language.Code, group.Key.Slug),
                    _ => Urls.Page(language.Code, group.Key.Slug),
                };
                map[Urls.FilePath(url)] = doc.Doc.Location.File;
            }
        return map;
    }
}
