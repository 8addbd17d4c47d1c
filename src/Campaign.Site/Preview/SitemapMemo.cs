using Campaign.Site.Feeds;
using Campaign.Site.Rendering;

namespace Campaign.Site.Preview;

/// <summary>
/// The previous build's <c>sitemap.xml</c> with the pages it lists (each page's address, kind and alternates): most
/// edits change no address, and a large site's sitemap is megabytes of XML to write again.
/// </summary>
public sealed class SitemapMemo
{
    private (string BaseUrl, bool[] Relative, PageView[] Pages, byte[] Bytes)? _last;

    /// <summary>The sitemap of <paramref name="jobs"/>: the previous one's bytes (the same array) when it lists the same.</summary>
    public byte[] Write(string baseUrl, IReadOnlyList<PageJob> jobs)
    {
        var relative = new bool[jobs.Count];
        var pages = new PageView[jobs.Count];
        for (var i = 0; i < pages.Length; i++) (relative[i], pages[i]) = (jobs[i].Relative, jobs[i].Page);
        var bytes = _last is { } last && Same(last.BaseUrl, last.Relative, last.Pages, baseUrl, relative, pages)
            ? last.Bytes
            : Sitemap.Write(baseUrl, jobs);
        _last = (baseUrl, relative, pages, bytes);
        return bytes;
    }

    /// <summary>
    /// Position by position: most pages' frames are the previous build's very objects (the memos hand them on), so a large
    /// site is compared by references, and only a page made anew is compared by what the sitemap shows of it.
    /// </summary>
    private static bool Same(string baseUrl, bool[] relative, PageView[] pages, string newBaseUrl, bool[] newRelative, PageView[] newPages)
    {
        if (baseUrl != newBaseUrl || pages.Length != newPages.Length) return false;
        for (var i = 0; i < pages.Length; i++)
            if (relative[i] != newRelative[i] || !ReferenceEquals(pages[i], newPages[i]) && !Listed(pages[i], newPages[i])) return false;
        return true;
    }

    /// <summary>The same address, kind and alternates.</summary>
    private static bool Listed(PageView a, PageView b) =>
        a.Url == b.Url && a.Kind == b.Kind && a.Alternates.Count == b.Alternates.Count
        && a.Alternates.Zip(b.Alternates).All(p => p.First.Lang == p.Second.Lang && p.First.Url == p.Second.Url);
}
