using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Campaign.Tests.Support;

namespace Campaign.Tests.Press;

/// <summary>Atom feeds (RFC 4287), sitemap (addresses and dates; the alternates are in the pages' heads), robots.txt, _headers, and what happens without base_url.</summary>
public sealed class FeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private readonly TestCampaign _campaign = new(PressCampaign.All);

    public void Dispose() => _campaign.Dispose();

    /// <summary>Checks what RFC 4287 requires of a feed document (section 4.1) and returns it.</summary>
    private XElement AssertValidAtom(string path, bool absoluteLinks)
    {
        var text = _campaign.Read(path);
        var feed = XDocument.Parse(text, LoadOptions.SetBaseUri).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        AssertOne(feed, "id", absoluteIri: true);
        AssertOne(feed, "title");
        AssertDate(AssertOne(feed, "updated"));
        var feedHasAuthor = feed.Elements(Atom + "author").Any(a => a.Element(Atom + "name") is { Value.Length: > 0 });
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        foreach (var link in feed.Descendants(Atom + "link"))
        {
            var href = (string)link.Attribute("href")!;
            Assert.Equal(absoluteLinks, Uri.IsWellFormedUriString(href, UriKind.Absolute));
            Assert.True(Uri.IsWellFormedUriString(href, UriKind.RelativeOrAbsolute), href);
        }
        var ids = new HashSet<string>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            Assert.True(ids.Add(AssertOne(entry, "id", absoluteIri: true).Value), "duplicate entry id");
            AssertOne(entry, "title");
            AssertDate(AssertOne(entry, "updated"));
            Assert.True(feedHasAuthor || entry.Element(Atom + "author") is not null, "an entry without author in a feed without author");
            Assert.True(entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate") || entry.Element(Atom + "content") is not null);
            Assert.True(entry.Elements(Atom + "link").Count(l => (string?)l.Attribute("rel") == "alternate") <= 1);
            if (entry.Element(Atom + "content") is { } content)
                Assert.Contains((string?)content.Attribute("type") ?? "text", new[] { "text", "html", "xhtml" });
        }
        return feed;
    }

    private static XElement AssertOne(XElement parent, string name, bool absoluteIri = false)
    {
        var element = Assert.Single(parent.Elements(Atom + name));
        Assert.False(string.IsNullOrWhiteSpace(element.Value), $"empty atom:{name}");
        if (absoluteIri) Assert.True(Uri.IsWellFormedUriString(element.Value, UriKind.Absolute), $"atom:{name} `{element.Value}` is not an absolute IRI");
        return element;
    }

    private static void AssertDate(XElement element) =>
        Assert.True(DateTimeOffset.TryParseExact(element.Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            $"`{element.Value}` is not an RFC 3339 date-time");

    [Fact]
    public void Each_language_has_a_valid_atom_feed_of_updates_and_one_of_press_releases()
    {
        _campaign.BuildOk();
        foreach (var lang in new[] { "en", "zh" })
        {
            var all = AssertValidAtom($"{lang}/updates/feed.xml", absoluteLinks: true);
            Assert.Equal(2, all.Elements(Atom + "entry").Count());
            var press = AssertValidAtom($"{lang}/updates/press-releases.xml", absoluteLinks: true);
            var entry = Assert.Single(press.Elements(Atom + "entry"));
            Assert.Equal($"https://campaign.example.org/{lang}/updates/launch/", entry.Element(Atom + "id")!.Value);
        }
        _campaign.AssertFile("en/updates/feed.xml", """
            <feed xml:lang="en" xmlns="http://www.w3.org/2005/Atom">
            <updated>2020-09-21T00:00:00Z</updated>
            <link rel="alternate" type="text/html" href="https://campaign.example.org/en/updates/launch/" />
            <content type="html" xml:base="https://campaign.example.org/en/updates/launch/">&lt;p&gt;Read &lt;a href="../../reports/watch/index.html"&gt;
            """);
        _campaign.AssertFile("zh/updates/feed.xml", "<feed xml:lang=\"zh-Hans\"\n报告今日发布");
    }

    [Fact]
    public void Sitemap_lists_every_page_once_and_leaves_the_alternates_to_the_pages_heads()
    {
        _campaign.BuildOk();
        var doc = XDocument.Parse(_campaign.Read("sitemap.xml"));
        var urls = doc.Root!.Elements(SitemapNs + "url").ToList();
        var locs = urls.Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();
        Assert.Contains("https://campaign.example.org/en/reports/watch/", locs);
        Assert.Contains("https://campaign.example.org/zh/press/", locs);
        Assert.DoesNotContain(locs, l => l.Contains("404", StringComparison.Ordinal));
        Assert.Equal(locs.Distinct().Count(), locs.Count);
        var report = urls.Single(u => u.Element(SitemapNs + "loc")!.Value.EndsWith("/en/reports/watch/", StringComparison.Ordinal));
        Assert.Empty(report.Elements(Xhtml + "link"));
        _campaign.AssertFile("en/reports/watch/index.html", """
            <link rel="alternate" hreflang="en" href="https://campaign.example.org/en/reports/watch/">
            <link rel="alternate" hreflang="zh-Hans" href="https://campaign.example.org/zh/reports/watch/">
            """);
        _campaign.AssertFile("robots.txt", "User-agent: *\nAllow: /\nSitemap: https://campaign.example.org/sitemap.xml");
    }

    [Fact]
    public void Headers_file_sets_security_headers_and_long_caching_for_hashed_theme_files()
    {
        _campaign.BuildOk();
        _campaign.AssertFile("_headers", """
            /*
              Content-Security-Policy: default-src 'self';
            frame-ancestors 'none'
              X-Content-Type-Options: nosniff
              Referrer-Policy: no-referrer
            /assets/theme/*
              Cache-Control: public, max-age=31536000, immutable
            """);
        // The long caching is safe only because every theme file's name carries its content hash.
        Assert.All(Directory.EnumerateFiles(Path.Combine(_campaign.Output, "assets", "theme"), "*", SearchOption.AllDirectories),
            f => Assert.Matches(@"\.[0-9a-f]{10}\.[a-z]+$", f));
    }

    [Fact]
    public void Without_base_url_one_warning_says_so_and_nothing_claims_an_absolute_address()
    {
        _campaign.Write("site.yaml", TestCampaign.DefaultSite);
        var result = _campaign.BuildOk();
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "CMP100");
        Assert.False(warning.IsError);
        Assert.Single(result.Diagnostics, d => d.Message.Contains("base_url", StringComparison.Ordinal));
        Assert.False(_campaign.Exists("sitemap.xml"));
        _campaign.AssertFile("robots.txt", "Allow: /\n! Sitemap");
        _campaign.AssertFile("en/reports/watch/index.html", """
            ! rel="canonical"
            ! og:url
            ! og:image
            <meta name="twitter:card" content="summary">
            """);
        var feed = AssertValidAtom("en/updates/feed.xml", absoluteLinks: false);
        Assert.StartsWith("urn:uuid:", feed.Element(Atom + "id")!.Value);
        _campaign.AssertFile("en/updates/feed.xml", "<link rel=\"alternate\" type=\"text/html\" href=\"launch/index.html\" />");
        // The ids stay the same from build to build.
        var first = _campaign.Read("en/updates/feed.xml");
        _campaign.BuildOk();
        Assert.Equal(first, _campaign.Read("en/updates/feed.xml"));
    }
}
