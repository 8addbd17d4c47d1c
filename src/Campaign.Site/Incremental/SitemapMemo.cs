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

    /// <summary>
    /// Digests the pages in runs on every core, then the runs' digests in order: a large site has tens of thousands of
    /// pages, and reading each one's address and alternates is most of a rebuild's sitemap step.
    /// </summary>
    private static UInt128 Digest(string baseUrl, IReadOnlyList<PageJob> jobs)
    {
        const int run = 2048;
        var runs = new UInt128[(jobs.Count + run - 1) / run];
        Parallel.For(0, runs.Length, r =>
        {
            var hash = new XxHash128();
            for (var i = r * run; i < Math.Min(jobs.Count, (r + 1) * run); i++)
            {
                var job = jobs[i];
                Add(hash, job.Relative ? "r" : "a");
                Add(hash, job.Page.Url);
                Add(hash, job.Page.Kind);
                foreach (var alternate in job.Page.Alternates)
                {
                    Add(hash, alternate.Lang);
                    Add(hash, alternate.Url);
                }
            }
            runs[r] = hash.GetCurrentHashAsUInt128();
        });
        var all = new XxHash128();
        Add(all, baseUrl);
        all.Append(MemoryMarshal.AsBytes(runs.AsSpan()));
        return all.GetCurrentHashAsUInt128();
    }

    private static void Add(XxHash128 hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, text.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
