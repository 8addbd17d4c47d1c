using System.Text;
using System.Xml;
using Campaign.Site.Rendering;

namespace Campaign.Site.Feeds;

/// <summary>
/// <c>sitemap.xml</c>: every page with its address in each language (<c>xhtml:link hreflang</c>). The sitemap
/// protocol requires absolute addresses, so it is written only when <c>site.yaml</c> has a <c>base_url</c>.
/// </summary>
public static class Sitemap
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    public static byte[] Write(string baseUrl, IReadOnlyList<PageJob> jobs)
    {
        // The 404 page is served at any address and is no page of its own.
        var pages = jobs.Where(j => j.Relative).Select(j => j.Page).OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        var urls = pages.Select(p => p.Url).ToHashSet(StringComparer.Ordinal);
        var stream = new MemoryStream();
        using (var x = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("urlset", Ns);
            x.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
            foreach (var page in pages)
            {
                x.WriteStartElement("url", Ns);
                x.WriteElementString("loc", Ns, baseUrl + page.Url.TrimStart('/'));
                if (page.Kind != "language-picker")
                    foreach (var alt in page.Alternates.Where(a => urls.Contains(a.Url)))
                    {
                        x.WriteStartElement("xhtml", "link", Xhtml);
                        x.WriteAttributeString("rel", "alternate");
                        x.WriteAttributeString("hreflang", alt.Lang);
                        x.WriteAttributeString("href", baseUrl + alt.Url.TrimStart('/'));
                        x.WriteEndElement();
                    }
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return stream.ToArray();
    }
}
