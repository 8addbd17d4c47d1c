using System.Collections.Concurrent;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Load;

/// <summary>
/// Parsed content files kept between the builds of one session (<c>campaign serve</c>), keyed by path and
/// the hash of the file's text, so a rebuild parses only the files that changed. A file's diagnostics are
/// kept with it and replayed, so a cached build reports exactly what a fresh one would.
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private string? _context;
    private int _hits;
    private int _misses;

    /// <summary>A parsed file: the hash of the text it came from, the record (null when it had errors) and its diagnostics.</summary>
    public sealed record Entry(string Hash, object? Value, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>Files reused from the cache since the last <see cref="ResetCounts"/>.</summary>
    public int Hits => _hits;

    /// <summary>Files parsed since the last <see cref="ResetCounts"/>.</summary>
    public int Misses => _misses;

    public void ResetCounts()
    {
        _hits = 0;
        _misses = 0;
    }

    /// <summary>
    /// Parsing also depends on what is not in the file (site languages, vocabularies, the build date):
    /// when that <paramref name="context"/> changes, everything is parsed again.
    /// </summary>
    public void UseContext(string context)
    {
        if (_context == context) return;
        _entries.Clear();
        _context = context;
    }

    public bool TryGet(string relative, string hash, out Entry entry)
    {
        if (_entries.TryGetValue(relative, out entry!) && entry.Hash == hash)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }
        Interlocked.Increment(ref _misses);
        return false;
    }

    public void Set(string relative, Entry entry) => _entries[relative] = entry;

    /// <summary>Forgets files that no longer exist, so the cache does not grow with every rename.</summary>
    public void Keep(IReadOnlySet<string> relatives)
    {
        foreach (var key in _entries.Keys)
            if (!relatives.Contains(key)) _entries.TryRemove(key, out _);
    }
}
