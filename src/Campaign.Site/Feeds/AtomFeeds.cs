using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Campaign.Site.Emit;
using Campaign.Site.Press;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Feeds;

/// <summary>
/// Atom feeds (RFC 4287) of each language edition: every update (<c>/&lt;lang&gt;/updates/feed.xml</c>) and the
/// press releases alone (<c>/&lt;lang&gt;/updates/press-releases.xml</c>). With a <c>base_url</c>, ids and links are
/// absolute; without one, links are relative to the feed (as RFC 4287 allows) and ids are <c>urn:uuid:</c>
/// names derived from the page's path, so they stay the same from build to build.
/// </summary>
public static class AtomFeeds
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const int Entries = 20;

    public static string UpdatesUrl(string lang) => $"/{lang}/updates/feed.xml";
    public static string PressUrl(string lang) => $"/{lang}/updates/press-releases.xml";

    /// <summary>The feeds an edition publishes (none when it has no updates).</summary>
    public static List<FeedLink> Links(EditionViews v)
    {
        var links = new List<FeedLink>();
        if (v.Edition.Updates.IsEmpty) return links;
        links.Add(new FeedLink(v.Strings.GetValueOrDefault("feed_updates", "feed_updates"), UpdatesUrl(v.Code)));
        if (v.Edition.Updates.Any(u => u.Item.Kind == "press-release"))
            links.Add(new FeedLink(v.Strings.GetValueOrDefault("feed_press", "feed_press"), PressUrl(v.Code)));
        return links;
    }

    public static void Register(SiteModel model, IReadOnlyList<EditionViews> editions, GeneratedFiles generated)
    {
        foreach (var v in editions)
        {
            if (v.Edition.Updates.IsEmpty) continue;
            generated.Add(UpdatesUrl(v.Code).TrimStart('/'), Write(model, v, UpdatesUrl(v.Code), v.Strings.GetValueOrDefault("feed_updates", ""), _ => true));
            if (v.Edition.Updates.Any(u => u.Item.Kind == "press-release"))
                generated.Add(PressUrl(v.Code).TrimStart('/'), Write(model, v, PressUrl(v.Code), v.Strings.GetValueOrDefault("feed_press", ""), k => k == "press-release"));
        }
    }

    private static byte[] Write(SiteModel model, EditionViews v, string feedUrl, string title, Func<string, bool> kind)
    {
        var baseUrl = model.Site.BaseUrl;
        var feedDir = feedUrl[..(feedUrl.LastIndexOf('/') + 1)];
        string Link(string url) => baseUrl is null ? RelativeLinks.Relative(feedDir, url) : baseUrl + url.TrimStart('/');
        string Id(string url) => baseUrl is null ? Uuid(model.Site.Title.Get(model.Site.DefaultLanguage, "") + url) : baseUrl + url.TrimStart('/');

        var updates = v.Edition.Updates.Where(u => kind(u.Item.Kind)).Take(Entries).ToList();
        var stream = new MemoryStream();
        using (var x = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("feed", Namespace);
            x.WriteAttributeString("xml", "lang", null, v.Language.Lang);
            x.WriteElementString("id", Namespace, Id(feedUrl));
            x.WriteElementString("title", Namespace, $"{v.Site.Title}: {title}");
            if (v.Site.Tagline is { } tagline) x.WriteElementString("subtitle", Namespace, tagline);
            // The newest entry's date, not the clock: the same content gives the same feed.
            x.WriteElementString("updated", Namespace, Moment(updates.Count > 0 ? updates[0].Item.Date : model.Today));
            x.WriteStartElement("author", Namespace);
            x.WriteElementString("name", Namespace, v.Site.Organisation ?? v.Site.Title);
            x.WriteEndElement();
            WriteLink(x, "self", Link(feedUrl), "application/atom+xml");
            WriteLink(x, "alternate", Link(Urls.Section(v.Code, "updates")), "text/html");
            if (v.Site.Licence is { } licence) x.WriteElementString("rights", Namespace, licence);
            x.WriteElementString("generator", Namespace, "campaign");
            foreach (var item in updates)
            {
                var u = v.Update(item);
                x.WriteStartElement("entry", Namespace);
                if (u.Lang != v.Language.Lang) x.WriteAttributeString("xml", "lang", null, u.Lang);
                x.WriteElementString("id", Namespace, Id(u.Url));
                x.WriteElementString("title", Namespace, u.Title);
                x.WriteElementString("published", Namespace, Moment(item.Item.Date));
                x.WriteElementString("updated", Namespace, Moment(item.Item.Date));
                WriteLink(x, "alternate", Link(u.Url), "text/html");
                x.WriteStartElement("category", Namespace);
                x.WriteAttributeString("term", u.Kind);
                x.WriteAttributeString("label", u.KindLabel);
                x.WriteEndElement();
                if (u.Summary is { } summary) x.WriteElementString("summary", Namespace, summary);
                x.WriteStartElement("content", Namespace);
                x.WriteAttributeString("type", "html");
                // Links in the body are made relative to the entry's page, and xml:base says where that page is.
                x.WriteAttributeString("xml", "base", null, Link(u.Url));
                x.WriteString(RelativeLinks.Rewrite(u.Body, u.Url, v.LanguageCodes));
                x.WriteEndElement();
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void WriteLink(XmlWriter x, string rel, string href, string type)
    {
        x.WriteStartElement("link", Namespace);
        x.WriteAttributeString("rel", rel);
        x.WriteAttributeString("type", type);
        x.WriteAttributeString("href", href);
        x.WriteEndElement();
    }

    private static string Moment(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>A name-based UUID (the bytes of a SHA-256, marked as version 8) for ids that need no address.</summary>
    private static string Uuid(string name)
    {
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        b[6] = (byte)((b[6] & 0x0F) | 0x80);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var h = Convert.ToHexStringLower(b);
        return $"urn:uuid:{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }
}
