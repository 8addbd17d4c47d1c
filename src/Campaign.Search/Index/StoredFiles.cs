using System.IO.Hashing;

namespace Campaign.Search.Index;

/// <summary>An index file as published: its stored bytes (gzip for binary files) and, once asked for, its script twin.</summary>
internal sealed class StoredFile(byte[] stored)
{
    private byte[]? _twin;

    public byte[] Stored { get; } = stored;

    /// <summary>The <c>.js</c> twin's bytes, made once; the same array on every build that reuses this file.</summary>
    public byte[] Twin => _twin ??= ScriptTwin.Text(Stored);
}

/// <summary>
/// The stored form of each index file of the last build, by a 128-bit digest of what the file holds: compressing
/// (gzip at the smallest size) and base64 for the twins is what costs, so a file whose content is unchanged is not
/// compressed again, and the same arrays go out again, which lets the output recognise them without hashing.
/// Entries not used by a build are dropped after it. One build at a time.
/// </summary>
internal sealed class StoredFiles
{
    private Dictionary<UInt128, StoredFile> _previous = [];
    private Dictionary<UInt128, StoredFile> _current = [];

    /// <summary>Files compressed (or, for the manifest, first stored) since the counts were last read.</summary>
    public int Made { get; private set; }

    /// <summary>Files taken from the previous build since the counts were last read.</summary>
    public int Reused { get; private set; }

    public void ResetCounts() => (Made, Reused) = (0, 0);

    /// <summary>The key of a file's raw bytes: files with the same key hold the same bytes.</summary>
    public static UInt128 KeyOf(ReadOnlySpan<byte> raw) => XxHash128.HashToUInt128(raw);

    /// <summary>The stored file under <paramref name="key"/> in this or the last build, or null.</summary>
    public StoredFile? Find(UInt128 key)
    {
        if (_current.TryGetValue(key, out var file)) return file;
        if (!_previous.TryGetValue(key, out file)) return null;
        _current[key] = file;
        Reused++;
        return file;
    }

    /// <summary>Remembers a file made by this build.</summary>
    public StoredFile Add(UInt128 key, StoredFile file)
    {
        if (_current.TryAdd(key, file)) Made++;
        return _current[key];
    }

    /// <summary>The file for <paramref name="raw"/>: found by its content, else compressed (or kept as it is) now.</summary>
    public StoredFile Get(byte[] raw, bool compress)
    {
        var key = KeyOf(raw);
        return Find(key) ?? Add(key, new StoredFile(compress ? IndexFormat.Deflate(raw) : raw));
    }

    /// <summary>Ends a build: what it did not use is forgotten.</summary>
    public void Sweep()
    {
        _previous = _current;
        _current = new Dictionary<UInt128, StoredFile>(_previous.Count);
    }

    /// <summary>Forgets everything (after a failed build, whose state may be half made).</summary>
    public void Clear()
    {
        _previous = [];
        _current = [];
    }
}
