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
public static class Sitemap
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>A page as the sitemap lists it: its address and its content date, if it has one.</summary>
    public readonly record struct Entry(string Url, string? LastModified);

    public static byte[] Write(string baseUrl, IReadOnlyList<PageJob> jobs) => Write(baseUrl, Entries(jobs));

    /// <summary>
    /// Everything the sitemap is written from, page by page in the jobs' order: the 404 page is served at any address and
    /// is no page of its own. A live preview compares this with the last build's to keep the last sitemap's bytes.
    /// </summary>
    public static Entry[] Entries(IReadOnlyList<PageJob> jobs)
    {
        var entries = new List<Entry>(jobs.Count);
        foreach (var job in jobs)
            if (job.Relative) entries.Add(new Entry(job.Page.Url, PageDates.LastModified(job)));
        return [.. entries];
    }

    /// <summary>The sitemap of <paramref name="entries"/>, by address.</summary>
    public static byte[] Write(string baseUrl, IReadOnlyList<Entry> entries)
    {
        var sorted = entries.OrderBy(e => e.Url, StringComparer.Ordinal).ToList();
        var stream = new MemoryStream();
        using (var x = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("urlset", Ns);
            foreach (var entry in sorted)
            {
                x.WriteStartElement("url", Ns);
                x.WriteElementString("loc", Ns, baseUrl + entry.Url.TrimStart('/'));
                if (entry.LastModified is { } lastmod) x.WriteElementString("lastmod", Ns, lastmod);
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return stream.ToArray();
    }
}
