using System.Text;
using System.Xml;
using Campaign.Site.Rendering;

namespace Campaign.Site.Feeds;

/// <summary>
/// <c>sitemap.xml</c>: every page's address and, where the content dates it, <c>lastmod</c> (<see cref="PageDates"/>). The
/// page's other languages are not repeated here as <c>xhtml:link</c> alternates: every listed page's head already carries its
/// <c>hreflang</c> links and <c>x-default</c>, which search engines accept in place of the sitemap's (a third of the sitemap's
/// bytes, written twice over). The sitemap protocol requires absolute addresses, so it is written only when <c>site.yaml</c> has a <c>base_url</c>.
/// </summary>
public static partial class Sitemap
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] Write(string baseUrl, IReadOnlyList<PageJob> jobs)
    {
        var (pages, modified) = Listed(jobs);
        var stream = new MemoryStream();
        using (var x = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("urlset", Ns);
            foreach (var page in pages)
            {
                x.WriteStartElement("url", Ns);
                x.WriteElementString("loc", Ns, baseUrl + page.Url.TrimStart('/'));
                if (modified.GetValueOrDefault(page.Url) is { } lastmod) x.WriteElementString("lastmod", Ns, lastmod);
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>The pages a sitemap lists, in its order, and the content date of each that has one.</summary>
    private static (List<PageView> Pages, Dictionary<string, string> Modified) Listed(IReadOnlyList<PageJob> jobs)
    {
        // The 404 page is served at any address and is no page of its own.
        var pages = jobs.Where(j => j.Relative).Select(j => j.Page).OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        var modified = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in jobs.Where(j => j.Relative))
            if (PageDates.LastModified(job) is { } date) modified[job.Page.Url] = date;
        return (pages, modified);
    }

    /// <summary>
    /// Whether a sitemap written before (a live preview keeps one while no page's address or alternates change) still gives
    /// every page's date: an edited date moves no address. One pass over its addresses and dates, far cheaper than writing it.
    /// </summary>
    public static bool DatesCurrent(byte[] sitemap, string baseUrl, IReadOnlyList<PageJob> jobs)
    {
        var (pages, modified) = Listed(jobs);
        var expected = new List<string>();
        foreach (var page in pages)
        {
            expected.Add(baseUrl + page.Url.TrimStart('/'));
            if (modified.GetValueOrDefault(page.Url) is { } date) expected.Add(date);
        }
        var text = Encoding.UTF8.GetString(sitemap);
        var found = new List<string>(expected.Count);
        foreach (System.Text.RegularExpressions.Match m in LocOrDate().Matches(text)) found.Add(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        return found.SequenceEqual(expected, StringComparer.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<(?:loc|lastmod)>([^<]*)</")]
    private static partial System.Text.RegularExpressions.Regex LocOrDate();
}
