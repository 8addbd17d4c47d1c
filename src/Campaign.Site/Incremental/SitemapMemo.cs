using System.IO.Hashing;
using System.Runtime.InteropServices;
using Campaign.Site.Feeds;
using Campaign.Site.Rendering;

namespace Campaign.Site.Incremental;

/// <summary>
/// The previous build's <c>sitemap.xml</c> with a digest of what it lists (each page's address, kind and
/// alternates): most edits change no address, and a large site's sitemap is megabytes of XML to write again.
/// </summary>
public sealed class SitemapMemo
{
    private (UInt128 Digest, byte[] Bytes)? _last;

    /// <summary>The sitemap of <paramref name="jobs"/>: the previous one's bytes (the same array) when it lists the same.</summary>
    public byte[] Write(string baseUrl, IReadOnlyList<PageJob> jobs)
    {
        var digest = Digest(baseUrl, jobs);
        if (_last is { } last && last.Digest == digest) return last.Bytes;
        var bytes = Sitemap.Write(baseUrl, jobs);
        _last = (digest, bytes);
        return bytes;
    }

    private static UInt128 Digest(string baseUrl, IReadOnlyList<PageJob> jobs)
    {
        var hash = new XxHash128();
        void Add(string text)
        {
            Span<byte> length = stackalloc byte[4];
            BitConverter.TryWriteBytes(length, text.Length);
            hash.Append(length);
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        }
        Add(baseUrl);
        foreach (var job in jobs)
        {
            Add(job.Relative ? "r" : "a");
            Add(job.Page.Url);
            Add(job.Page.Kind);
            foreach (var alternate in job.Page.Alternates)
            {
                Add(alternate.Lang);
                Add(alternate.Url);
            }
        }
        return hash.GetCurrentHashAsUInt128();
    }
}
