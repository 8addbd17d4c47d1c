using Campaign.Site.Feeds;
using Campaign.Site.Rendering;

namespace Campaign.Site.Preview;

/// <summary>
/// The previous build's <c>sitemap.xml</c> with what it was written from (the base URL and each listed page's address and
/// content date, <see cref="Sitemap.Entries"/>): most edits change none of these, and a large site's sitemap is megabytes
/// of XML, sorted by address, to write again. The key is the whole input of <see cref="Sitemap.Write(string, IReadOnlyList{Sitemap.Entry})"/>.
/// </summary>
public sealed class SitemapMemo
{
    private (string BaseUrl, Sitemap.Entry[] Entries, byte[] Bytes)? _last;

    /// <summary>The sitemap of <paramref name="jobs"/>: the previous one's bytes (the same array) when it lists the same.</summary>
    public byte[] Write(string baseUrl, IReadOnlyList<PageJob> jobs)
    {
        var entries = Sitemap.Entries(jobs);
        // entry by entry: an unchanged page's address and date are mostly the very strings of the last build, compared by reference first
        var bytes = _last is { } last && last.BaseUrl == baseUrl && last.Entries.AsSpan().SequenceEqual(entries)
            ? last.Bytes
            : Sitemap.Write(baseUrl, entries);
        _last = (baseUrl, entries, bytes);
        return bytes;
    }
}
