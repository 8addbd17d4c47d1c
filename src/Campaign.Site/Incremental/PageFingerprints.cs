using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Campaign.Site.Rendering;

namespace Campaign.Site.Incremental;

/// <summary>
/// The dependency edge from content to a page: a page is a function of its layout, the theme and the values its
/// job hands the templates (page frame, site, UI strings, records). A fingerprint of exactly those values decides
/// whether a page must be rendered again; an edited update changes the values of its own pages and of the lists,
/// feeds and home page that show it, and of nothing else.
/// </summary>
public sealed class PageFingerprints
{
    private readonly ConcurrentDictionary<string, string> _byPath = new(StringComparer.Ordinal);
    private string? _theme;
    private int _rendered;
    private int _skipped;

    public int Rendered => _rendered;
    public int Skipped => _skipped;

    internal void ResetCounts()
    {
        _rendered = 0;
        _skipped = 0;
    }

    internal void StartBuild(Theme theme)
    {
        _values = new ValueFingerprint(); // remembers objects of this build only
        _frames.Clear();

        var stamp = ThemeStamp(theme.Directory);
        if (stamp == _theme) return;
        _byPath.Clear(); // a changed layout, partial or stylesheet can change every page
        _theme = stamp;
    }

    private ValueFingerprint _values = new();

    // The frame every page of a language shares (site, UI strings, languages), digested once per build.
    private readonly ConcurrentDictionary<EditionViews, string?> _frames = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Fingerprints of page values kept from earlier builds, by the values' identity: a page whose values a build reused
    /// (an unchanged finding's, see <see cref="FindingViewMemo"/>) is not walked again. Weak keys: values no build uses any more are let go.
    /// </summary>
    private readonly ConditionalWeakTable<IReadOnlyDictionary<string, object?>, Known> _known = new();

    private sealed record Known(string Frame, PageView Page, string Layout, bool Relative, string Fingerprint);

    /// <summary>The job's fingerprint, or null when its values cannot be read (then the page is always rendered).</summary>
    internal string? Of(PageJob job)
    {
        var frame = _frames.GetOrAdd(job.Views, v => _values.Of(new object?[] { v.Site, v.T, v.LanguageCodes.Order(StringComparer.Ordinal).ToList() }));
        if (frame is null) return null;
        if (_known.TryGetValue(job.Values, out var known) && known.Frame == frame && ReferenceEquals(known.Page, job.Page)
            && known.Layout == job.Layout && known.Relative == job.Relative)
            return known.Fingerprint;
        var fingerprint = _values.Of(new object?[]
        {
            job.Layout,
            job.Relative,
            job.Page,
            job.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new object?[] { kv.Key, kv.Value }).ToList(),
            frame,
        });
        if (fingerprint is not null) _known.AddOrUpdate(job.Values, new Known(frame, job.Page, job.Layout, job.Relative, fingerprint));
        return fingerprint;
    }

    internal bool Unchanged(string path, string? fingerprint) =>
        fingerprint is not null && _byPath.TryGetValue(path, out var old) && old == fingerprint;

    internal void MarkRendered(string path, string? fingerprint)
    {
        Interlocked.Increment(ref _rendered);
        if (fingerprint is null) _byPath.TryRemove(path, out _);
        else _byPath[path] = fingerprint;
    }

    internal void MarkSkipped() => Interlocked.Increment(ref _skipped);

    internal void Forget(string path) => _byPath.TryRemove(path, out _);

    private static string ThemeStamp(string dir)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(dir))
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(dir, file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
