using System.IO.Hashing;

namespace Campaign.Search.Index;

/// <summary>
/// The stored form of index files by a 128-bit digest of what they hold: compressing (gzip at the smallest size) is what
/// costs, so a file whose content is unchanged, at its own path or another (documents
/// renumbered), is not compressed again, and the same arrays go out again, which lets the output recognise them
/// without hashing. Files no longer in use are dropped once they outnumber those in use. One build at a time.
/// </summary>
internal sealed class StoredFiles
{
    private Dictionary<UInt128, byte[]> _files = [];

    /// <summary>Files compressed (or, for the manifest, first stored) since <see cref="ResetCounts"/>.</summary>
    public int Made { get; private set; }

    public void ResetCounts() => Made = 0;

    /// <summary>The key of a file's raw bytes: files with the same key hold the same bytes.</summary>
    public static UInt128 KeyOf(ReadOnlySpan<byte> raw) => XxHash128.HashToUInt128(raw);

    /// <summary>The stored file under <paramref name="key"/>, or null.</summary>
    public byte[]? Find(UInt128 key) => _files.GetValueOrDefault(key);

    /// <summary>Remembers a file made by this build.</summary>
    public byte[] Add(UInt128 key, byte[] file)
    {
        if (_files.TryAdd(key, file)) Made++;
        return _files[key];
    }

    /// <summary>The file for <paramref name="raw"/>: found by its content, else compressed (or kept as it is) now.</summary>
    public byte[] Get(byte[] raw, bool compress, out UInt128 key)
    {
        key = KeyOf(raw);
        return Find(key) ?? Add(key, compress ? IndexFormat.Deflate(raw) : raw);
    }

    /// <summary>After a build: when more files are kept than used, keeps only <paramref name="live"/>.</summary>
    public void Prune(int count, Func<IEnumerable<UInt128>> live)
    {
        if (_files.Count <= 2 * count + 64) return;
        var kept = new Dictionary<UInt128, byte[]>(count);
        foreach (var key in live())
            if (_files.TryGetValue(key, out var file)) kept.TryAdd(key, file);
        _files = kept;
    }

    /// <summary>Forgets everything (after a failed build, whose state may be half made).</summary>
    public void Clear() => _files = [];
}
