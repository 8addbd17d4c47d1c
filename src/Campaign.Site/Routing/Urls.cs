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

    /// <summary>The folder of the findings' records (<see cref="FindingRecord"/>), under <c>data/</c> but no download of its own.</summary>
    public const string FindingRecords = "data/findings/";

    /// <summary>
    /// A finding's record, once for every language, in one of 256 folders named by the first byte of the SHA-256 of its id
    /// (<c>/data/findings/3f/axis-guilin.json</c>): a folder holds about one finding in 256, so none grows past a few
    /// thousand entries below half a million findings, and anyone can work the folder out from the id.
    /// </summary>
    public static string FindingRecord(string id) =>
        $"/{FindingRecords}{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0, 1)}/{id}.json";

    /// <summary>One language's citations of every finding in one format (<c>bib</c>, <c>csl.json</c>, <c>ris</c>): <c>/data/findings.en.bib</c>.</summary>
    public static string FindingCitations(string lang, string extension) => $"/data/findings.{lang}.{extension}";

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
