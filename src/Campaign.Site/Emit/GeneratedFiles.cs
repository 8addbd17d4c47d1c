using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Campaign.Site.Emit;

/// <summary>A file the build generates besides pages (data downloads, feeds, PDFs), with its size and SHA-256.</summary>
public sealed class GeneratedFile
{
    /// <summary>
    /// Hashes by array, for the whole process: generated arrays never change once made, and a live preview hands the
    /// same arrays to the next build (unchanged findings' files, reused search indexes), whose output ledger then finds
    /// their hash here instead of reading megabytes again; a download listed with its hash is hashed once, not again to write it.
    /// </summary>
    private static readonly ConditionalWeakTable<byte[], string> Hashes = new();

    private readonly byte[]? _bytes;
    private readonly IReadOnlyList<ReadOnlyMemory<byte>>? _segments;
    private string? _segmentsHash;

    /// <param name="path">Output path with forward slashes, e.g. <c>data/findings.csv</c>.</param>
    public GeneratedFile(string path, byte[] bytes)
    {
        Path = path;
        _bytes = bytes;
        Size = bytes.LongLength;
    }

    /// <summary>
    /// A file made of pieces written one after another (<c>findings.json</c>: a head, then each finding's record). A live
    /// preview remakes such a file on every edit: kept in pieces, it is hashed and written without first being copied
    /// into one array of tens of megabytes, which would cost the copy and a full collection of the large-object heap.
    /// </summary>
    public GeneratedFile(string path, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        Path = path;
        _segments = segments;
        long size = 0;
        foreach (var segment in segments) size += segment.Length;
        Size = size;
    }

    /// <summary>Output path with forward slashes, e.g. <c>data/findings.csv</c>.</summary>
    public string Path { get; }

    public long Size { get; }

    /// <summary>The file's bytes in one array (put together on each call for a file made of pieces: prefer <see cref="Segments"/>).</summary>
    public byte[] Bytes
    {
        get
        {
            if (_bytes is not null) return _bytes;
            var bytes = new byte[Size];
            var at = 0;
            foreach (var segment in _segments!)
            {
                segment.Span.CopyTo(bytes.AsSpan(at));
                at += segment.Length;
            }
            return bytes;
        }
    }

    /// <summary>The file's bytes as pieces to write one after another (one piece for a file made as one array).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Segments => _segments ?? [_bytes];

    /// <summary>Hashed on first use: most generated files (search shards, per-finding JSON) are never listed with a hash.</summary>
    public string Sha256 => _bytes is not null
        ? Hashes.GetValue(_bytes, b => Convert.ToHexStringLower(SHA256.HashData(b)))
        : _segmentsHash ??= HashSegments(_segments!);

    public string Url => "/" + Path;

    private static string HashSegments(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in segments) hash.AppendData(segment.Span);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>
/// The files stages generate before pages are rendered, so a page can list a download's size and hash
/// and a link can never point to a file that is not written. Safe to add to from parallel work.
/// </summary>
public sealed class GeneratedFiles
{
    private readonly ConcurrentDictionary<string, GeneratedFile> _files;

    /// <param name="capacity">How many files the build expects: a large site adds tens of thousands, and a dictionary
    /// grown step by step from empty spends more on resizing than on the additions.</param>
    public GeneratedFiles(int capacity = 0) =>
        _files = new(Environment.ProcessorCount * 4, Math.Max(31, capacity), StringComparer.Ordinal);

    public GeneratedFile Add(string path, byte[] bytes) => Add(new GeneratedFile(path, bytes));

    /// <summary>Adds a file made before, by this build or (in a live preview) an earlier one.</summary>
    public GeneratedFile Add(GeneratedFile file)
    {
        if (!_files.TryAdd(file.Path, file)) throw new InvalidOperationException($"two stages generate {file.Path}");
        return file;
    }

    /// <summary>How many files have been added so far.</summary>
    public int Count => _files.Count;

    public GeneratedFile? Find(string path) => _files.TryGetValue(path, out var f) ? f : null;

    /// <summary>
    /// The files under the given first folders ("" is the root itself), in no particular order. One pass over the
    /// paths without allocating (a large site generates over a hundred thousand files); call it once per build.
    /// </summary>
    public List<GeneratedFile> Under(params string[] tops)
    {
        var found = new List<GeneratedFile>();
        foreach (var file in _files.Values)
        {
            var path = file.Path.AsSpan();
            var cut = path.IndexOf('/');
            var top = cut < 0 ? ReadOnlySpan<char>.Empty : path[..cut];
            foreach (var t in tops)
                if (top.SequenceEqual(t))
                {
                    found.Add(file);
                    break;
                }
        }
        return found;
    }

    /// <summary>All files, ordered by path.</summary>
    public IReadOnlyList<GeneratedFile> All => [.. _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];

    public void WriteTo(OutputFolder output)
    {
        // Thousands of small files: writing them from several threads keeps the disk busy while another file is opened.
        // In any order (no sorting of tens of thousands of paths): each file is written on its own. In ranges, not one
        // by one: in a live preview most files are unchanged and cost two lookups, less than handing out an item.
        var files = _files.Values.ToArray();
        if (files.Length == 0) return; // a range partitioner refuses an empty range
        Parallel.ForEach(Partitioner.Create(0, files.Length, Math.Max(256, files.Length / (Environment.ProcessorCount * 8))), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++) output.Write(files[i]);
        });
    }
}
