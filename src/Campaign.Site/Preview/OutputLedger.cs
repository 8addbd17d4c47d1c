using System.Collections.Concurrent;
using System.Security.Cryptography;
using Campaign.Site.Emit;

namespace Campaign.Site.Preview;

/// <summary>
/// What a live preview's output folder holds, file by file (path and SHA-256), so a rebuild writes only
/// the files whose bytes changed and deletes only the files the new build no longer produces.
/// Each entry carries the number of the last build that produced it: marking a file produced is one lookup and a
/// field write, not a second set of over a hundred thousand paths rebuilt on every keystroke.
/// </summary>
public sealed class OutputLedger
{
    /// <summary>
    /// A file in the folder: its hash (null while unknown, as during a write), the last build that produced it, and the
    /// generated file whose bytes are known to be there (null when none is).
    /// </summary>
    internal sealed class Entry(OutputLedger ledger, string? hash, int build)
    {
        public readonly OutputLedger Ledger = ledger;
        public volatile string? Hash = hash;
        public volatile int Build = build;
        public volatile GeneratedFile? Holds;
        public int GeneratedIn; // the last build that generated a file here: twice in one build is a mistake of ours
        public volatile bool Removed; // no longer in the ledger: whoever kept this entry must look the path up again
    }

    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private int _build;
    private readonly StripedCount _produced = new();

    /// <summary>Generated files of the current build recognised as the very files already in the folder (see <see cref="Holds"/>).</summary>
    public int Held => _held.Total;
    private readonly StripedCount _held = new();

    /// <summary>The folder the ledger describes; a ledger belongs to one folder.</summary>
    public string? Folder { get; private set; }

    /// <summary>Files the current build has produced so far (written, or kept as they were).</summary>
    public int Produced => _produced.Total;

    /// <summary>
    /// Starts a build into <paramref name="folder"/>. The first time, takes stock of what is there, so even the first
    /// build rewrites nothing that is already right.
    /// </summary>
    internal void Begin(string folder)
    {
        _build++;
        _produced.Clear();
        _held.Clear();
        if (Folder == folder) return;
        Folder = folder;
        foreach (var entry in _files.Values) (entry.Holds, entry.Removed) = (null, true); // files that point at these entries now describe another folder
        _files.Clear();
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            _files[Path.GetRelativePath(folder, file).Replace('\\', '/')] = new Entry(this, Hash(File.ReadAllBytes(file)), 0);
    }

    /// <summary>Marks the file produced by this build; true when the folder already holds exactly <paramref name="hash"/>'s bytes there.</summary>
    internal bool Produce(string relative, string hash)
    {
        if (!_files.TryGetValue(relative, out var entry)) return false;
        Mark(entry);
        return entry.Hash == hash;
    }

    /// <summary>
    /// Marks a generated file produced when this folder is known to hold that very file (the same instance, handed on
    /// by a memo from the previous build), without looking up its path or hash: a live preview of a large campaign
    /// passes over a hundred thousand unchanged files per rebuild, and this touches two objects for each.
    /// </summary>
    internal bool Holds(GeneratedFile file)
    {
        if (file.Entry is not { } entry || entry.Ledger != this || entry.Holds != file) return false;
        _held.Add();
        Generated(entry, file.Path);
        Mark(entry);
        return true;
    }

    /// <summary>The generated file whose bytes the folder is known to hold at <paramref name="relative"/>, if any.</summary>
    internal GeneratedFile? HeldAt(string relative) =>
        _files.TryGetValue(relative, out var entry) && entry.Hash is not null ? entry.Holds : null;

    /// <summary>Remembers that the folder holds <paramref name="file"/> at its path (just written, or found there by hash).</summary>
    internal void Hold(string relative, GeneratedFile file)
    {
        if (!_files.TryGetValue(relative, out var entry)) return;
        Generated(entry, relative);
        entry.Holds = file;
        file.Entry = entry;
    }

    private void Generated(Entry entry, string path)
    {
        if (Interlocked.Exchange(ref entry.GeneratedIn, _build) == _build) throw GeneratedFiles.Twice(path);
    }

    /// <summary>Marks the file produced as it is, without knowing its bytes; false when the folder has no such file (or its bytes are unknown).</summary>
    internal bool Keep(string relative)
    {
        if (!_files.TryGetValue(relative, out var entry) || entry.Hash is null) return false;
        Mark(entry);
        return true;
    }

    /// <summary>The entry of the file at <paramref name="relative"/>, if the folder has one.</summary>
    internal Entry? EntryOf(string relative) => _files.TryGetValue(relative, out var entry) ? entry : null;

    /// <summary>As <see cref="Keep(string)"/>, for an entry at hand: false when it was removed since or its bytes are unknown.</summary>
    internal bool Keep(Entry entry)
    {
        if (entry.Ledger != this || entry.Removed || entry.Hash is null) return false;
        Mark(entry);
        return true;
    }

    /// <summary>A write of the file starts: until <see cref="Wrote"/>, its bytes on disk are unknown.</summary>
    internal void Writing(string relative)
    {
        var entry = _files.GetOrAdd(relative, _ => new Entry(this, null, 0));
        entry.Hash = null;
        entry.Holds = null;
        Mark(entry);
    }

    internal void Wrote(string relative, string hash) => _files[relative].Hash = hash;

    private void Mark(Entry entry)
    {
        if (entry.Build == _build) return;
        // exactly once per entry and build, even from two threads: the count decides whether a stale file can exist
        if (Interlocked.Exchange(ref entry.Build, _build) != _build) _produced.Add();
    }

    /// <summary>Files the previous build left that this one has not produced: removed from the ledger as they are returned.</summary>
    internal List<string> TakeStale()
    {
        var stale = new List<string>();
        if (_produced.Total == _files.Count) return stale; // every entry was produced by this build: no pass over them all
        foreach (var (path, entry) in _files) // enumerated without a lock or a copy of the keys
            if (entry.Build != _build) stale.Add(path);
        foreach (var path in stale)
            if (_files.TryRemove(path, out var entry)) (entry.Holds, entry.Removed) = (null, true); // deleted: a file pointing here is no longer on disk
        return stale;
    }

    internal static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hashes of byte arrays seen before: a file reused from the previous build (a search index) is the same array.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], string> _arrays = new();

    /// <summary>The hash of <paramref name="bytes"/>, computed once per array; arrays must not change once written.</summary>
    internal string Hash(byte[] bytes) => _arrays.GetValue(bytes, b => Hash(b.AsSpan()));
}
