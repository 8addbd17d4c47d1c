using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Campaign.Site.Rendering;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;

namespace Campaign.Site.Preview;

/// <summary>
/// The dependency edge from content to a page: a page is a function of its layout, the theme and the values its
/// job hands the templates (page frame, site, UI strings, records). A fingerprint of exactly those values decides
/// whether a page must be rendered again; an edited update changes the values of its own pages and of the lists,
/// feeds and home page that show it, and of nothing else.
/// </summary>
public sealed class PageFingerprints
{
    private readonly ConcurrentDictionary<string, Placed> _byPath = new(StringComparer.Ordinal);

    /// <summary>A page's file as last rendered or kept: the fingerprint it was made from (null once unknown) and its entry in the output ledger.</summary>
    internal sealed class Placed
    {
        public volatile string? Fingerprint;
        public volatile OutputLedger.Entry? Entry;
    }
    private string? _theme;
    private int _rendered;
    private readonly StripedCount _skipped = new(); // counted from every core for each of tens of thousands of pages

    public int Rendered => _rendered;
    public int Skipped => _skipped.Total;

    internal void ResetCounts()
    {
        _rendered = 0;
        _skipped.Clear();
    }

    internal void StartBuild(Theme theme)
    {
        _values = new ValueFingerprint(); // remembers objects of this build only
        _frames.Clear();

        var stamp = ThemeStamp(theme.Directory);
        if (stamp == _theme) return;
        foreach (var placed in _byPath.Values) placed.Fingerprint = null; // values that point here must not skip either
        _byPath.Clear(); // a changed layout, partial or stylesheet can change every page
        _theme = stamp;
    }

    private ValueFingerprint _values = new();

    // The frame every page of a language shares (site, UI strings, languages), digested once per build.
    private readonly ConcurrentDictionary<EditionViews, string?> _frames = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Fingerprints of page values kept from earlier builds, by the values' identity: a page whose values a build reused
    /// (an unchanged finding's, see <see cref="RememberingProjector"/>) is not walked again. Weak keys: values no build uses any more are let go.
    /// </summary>
    private readonly ConditionalWeakTable<object, Known> _known = new();

    private sealed record Known(string Frame, PageView Page, string Layout, bool Relative, string Fingerprint)
    {
        /// <summary>Where a page made from these values was last rendered or kept.</summary>
        public volatile Placed? At;

        public bool Matches(PageJob job, string frame) =>
            Frame == frame && ReferenceEquals(Page, job.Page) && Layout == job.Layout && Relative == job.Relative;
    }

    private string? Frame(EditionViews views) =>
        _frames.GetOrAdd(views, v => _values.Of(new object?[] { v.Site, v.T, v.LanguageCodes.Order(StringComparer.Ordinal).ToList() }));

    /// <summary>
    /// The shortcut for a page a memo handed on: its values are known, with the same frame and page, and the file they made
    /// is still in place; it is then marked kept in the output without working out its path or looking anything up by it.
    /// A live preview of a large campaign passes tens of thousands of such pages on every rebuild.
    /// </summary>
    internal bool Kept(PageJob job, Emit.OutputFolder output)
    {
        if (Frame(job.Views) is not { } frame || !_known.TryGetValue(job.Model, out var known) || !known.Matches(job, frame)) return false;
        return known.At is { } at && ReferenceEquals(at.Fingerprint, known.Fingerprint) && output is InPlaceFolder inPlace && inPlace.Keep(at.Entry);
    }

    /// <summary>The job's fingerprint, or null when its values cannot be read (then the page is always rendered).</summary>
    internal string? Of(PageJob job)
    {
        var frame = Frame(job.Views);
        if (frame is null) return null;
        if (_known.TryGetValue(job.Model, out var known) && known.Matches(job, frame))
            return known.Fingerprint;
        var fingerprint = _values.Of(new object?[]
        {
            job.Layout,
            job.Relative,
            job.Page,
            job.Model,
            frame,
        });
        if (fingerprint is not null) _known.AddOrUpdate(job.Model, new Known(frame, job.Page, job.Layout, job.Relative, fingerprint));
        return fingerprint;
    }

    internal bool Unchanged(string path, string? fingerprint) =>
        fingerprint is not null && _byPath.TryGetValue(path, out var old) && old.Fingerprint == fingerprint;

    internal void MarkRendered(PageJob job, string path, string? fingerprint, Emit.OutputFolder output)
    {
        Interlocked.Increment(ref _rendered);
        if (fingerprint is null) Forget(path);
        else Place(job, path, fingerprint, output);
    }

    /// <summary>A page kept as it was (the fast way, or found unchanged by its path); in the second case it is placed for the fast way next time.</summary>
    internal void MarkSkipped(PageJob? job = null, string? path = null, string? fingerprint = null, Emit.OutputFolder? output = null)
    {
        _skipped.Add();
        if (job is not null && path is not null && fingerprint is not null && output is not null) Place(job, path, fingerprint, output);
    }

    private void Place(PageJob job, string path, string fingerprint, Emit.OutputFolder output)
    {
        var placed = _byPath.GetOrAdd(path, _ => new Placed());
        placed.Entry = (output as InPlaceFolder)?.EntryOf(path);
        placed.Fingerprint = fingerprint;
        if (_known.TryGetValue(job.Model, out var known) && ReferenceEquals(known.Fingerprint, fingerprint)) known.At = placed;
    }

    internal void Forget(string path)
    {
        if (_byPath.TryRemove(path, out var placed)) placed.Fingerprint = null;
    }

    private static string ThemeStamp(string dir)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(dir))
            // The files Theme.Load reads, through the same gate (it reports what is refused): a FIFO must not hang a rebuild here.
            foreach (var file in InputFiles.Enumerate(dir, dir, new DiagnosticList(), recursive: true))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(dir, file) + "\n"));
                hash.AppendData(InputFiles.ReadBytes(dir, file, file, new DiagnosticList()) ?? []);
            }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
