using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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
    private static readonly JsonSerializerOptions Json = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        WriteIndented = false,
        MaxDepth = 256,
    };

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
        var stamp = ThemeStamp(theme.Directory);
        if (stamp == _theme) return;
        _byPath.Clear(); // a changed layout, partial or stylesheet can change every page
        _theme = stamp;
    }

    /// <summary>The job's fingerprint, or null when its values cannot be serialised (then the page is always rendered).</summary>
    internal static string? Of(PageJob job)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new
            {
                job.Layout,
                job.Relative,
                job.Page,
                Values = job.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList(),
                job.Views.Site,
                job.Views.T,
                Languages = job.Views.LanguageCodes.Order(StringComparer.Ordinal).ToList(),
            }, Json);
            return Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
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
