using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Campaign.Site.Incremental;

/// <summary>
/// What a live preview's output folder holds, file by file (path and SHA-256), so a rebuild writes only
/// the files whose bytes changed and deletes only the files the new build no longer produces.
/// </summary>
public sealed class OutputLedger
{
    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified, string Hash)> _sources = new(StringComparer.Ordinal);

    /// <summary>The folder the ledger describes; a ledger belongs to one folder.</summary>
    public string? Folder { get; private set; }

    /// <summary>Takes stock of <paramref name="folder"/> the first time, so even the first build rewrites nothing that is already right.</summary>
    internal void Attach(string folder)
    {
        if (Folder == folder) return;
        Folder = folder;
        _hashes.Clear();
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            _hashes[Path.GetRelativePath(folder, file).Replace('\\', '/')] = Hash(File.ReadAllBytes(file));
    }

    internal bool Holds(string relative, string hash) => _hashes.TryGetValue(relative, out var h) && h == hash;

    internal bool Holds(string relative) => _hashes.ContainsKey(relative);

    internal void Wrote(string relative, string hash) => _hashes[relative] = hash;

    /// <summary>A file written by someone else (through a path): its bytes are unknown until it is read again.</summary>
    internal void Forget(string relative) => _hashes.TryRemove(relative, out _);

    // Enumerated without a lock or a copy of the keys (a large site has over a hundred thousand files).
    internal IEnumerable<string> Paths => _hashes.Select(kv => kv.Key);

    /// <summary>The hash of a source file to copy, remembered by size and time so large assets are not read on every rebuild.</summary>
    internal string SourceHash(string source)
    {
        var info = new FileInfo(source);
        if (_sources.TryGetValue(source, out var s) && s.Length == info.Length && s.Modified == info.LastWriteTimeUtc) return s.Hash;
        var hash = Hash(File.ReadAllBytes(source));
        _sources[source] = (info.Length, info.LastWriteTimeUtc, hash);
        return hash;
    }

    internal static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hashes of byte arrays seen before: a file reused from the previous build (a search index) is the same array.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], string> _arrays = new();

    /// <summary>The hash of <paramref name="bytes"/>, computed once per array; arrays must not change once written.</summary>
    internal string Hash(byte[] bytes) => _arrays.GetValue(bytes, b => Hash(b.AsSpan()));
}
