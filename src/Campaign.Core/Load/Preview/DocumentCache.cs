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
    /// <param name="Stamp">The file's size and modification time when it was read, so an untouched file need not be read again.</param>
    public sealed record Entry(string Hash, object? Value, IReadOnlyList<Diagnostic> Diagnostics, FileStamp? Stamp = null);

    /// <summary>A file's size and last write time: what a rebuild compares before reading the file at all.</summary>
    public sealed record FileStamp(long Length, DateTime Modified)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return new FileStamp(info.Length, info.LastWriteTimeUtc);
        }
    }

    /// <summary>Files reused from the cache since the last <see cref="ResetCounts"/>.</summary>
    public int Hits => _hits;

    /// <summary>Files parsed since the last <see cref="ResetCounts"/>.</summary>
    public int Misses => _misses;

    /// <summary>Edited files of which only the edited record was parsed, since the last <see cref="ResetCounts"/>.</summary>
    public int Partial => _partial;
    private int _partial;

    internal void NotePartial() => Interlocked.Increment(ref _partial);

    public void ResetCounts()
    {
        _hits = 0;
        _misses = 0;
        _partial = 0;
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

    /// <summary>
    /// The entry of a file whose size and modification time are what they were when it was read: a rebuild after one
    /// edit then reads one file, not all of them (a campaign of 10,000 findings has megabytes of data to hash).
    /// </summary>
    public bool TryGetUnchanged(string relative, FileStamp stamp, out Entry entry)
    {
        if (_entries.TryGetValue(relative, out entry!) && entry.Stamp == stamp)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }
        return false;
    }

    /// <summary>The last entry of a file whatever its text now, for reusing the parts of an edited file that did not change.</summary>
    /// <summary>The findings' ids in reading order and their order by id, as the last build sorted them (see <c>FindingsReader</c>).</summary>
    internal (string[] Ids, int[] Order)? FindingOrder { get; set; }

    public Entry? Previous(string relative) => _entries.TryGetValue(relative, out var entry) ? entry : null;

    public void Set(string relative, Entry entry) => _entries[relative] = entry;

    /// <summary>Forgets files that no longer exist, so the cache does not grow with every rename.</summary>
    public void Keep(IReadOnlySet<string> relatives)
    {
        foreach (var key in _entries.Keys)
            if (!relatives.Contains(key)) _entries.TryRemove(key, out _);
    }
}
