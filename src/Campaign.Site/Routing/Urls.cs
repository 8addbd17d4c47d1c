namespace Campaign.Site.Routing;

/// <summary>
/// The site's URL scheme, written root-relative (<c>/en/reports/x/</c>); every URL is made relative
/// to its page when the page is written, so the site works under any path and from disk.
/// </summary>
public static class Urls
{
    public static string Home(string lang) => $"/{lang}/";
    public static string Section(string lang, string section) => $"/{lang}/{section}/";
    public static string Report(string lang, string slug) => $"/{lang}/reports/{slug}/";
    public static string Company(string lang, string slug) => $"/{lang}/companies/{slug}/";
    public static string Update(string lang, string slug) => $"/{lang}/updates/{slug}/";
    public static string Page(string lang, string slug) => $"/{lang}/{slug}/";
    public static string Finding(string lang, string id) => $"/{lang}/findings/{id}/";

    /// <summary>Page <paramref name="number"/> of a paginated list; page 1 is the list itself.</summary>
    public static string ListPage(string listUrl, int number) => number <= 1 ? listUrl : $"{listUrl}page/{number}/";

    /// <summary>The same page in another language: only the first segment changes.</summary>
    public static string InLanguage(string url, string lang)
    {
        var rest = url.IndexOf('/', 1);
        return rest < 0 ? $"/{lang}/" : $"/{lang}{url[rest..]}";
    }

    /// <summary>The file a URL is written to: directories get <c>index.html</c>.</summary>
    public static string FilePath(string url) => url.EndsWith('/') ? url.TrimStart('/') + "index.html" : url.TrimStart('/');
}
