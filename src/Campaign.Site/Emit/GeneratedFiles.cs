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

    // Both null once a plain build has written the file and let its bytes go (WriteThrough).
    private byte[]? _bytes;
    private IReadOnlyList<ReadOnlyMemory<byte>>? _segments;
    private string? _hash; // of a file made of pieces, or of one whose bytes went

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
            var segments = Held();
            var bytes = new byte[Size];
            var at = 0;
            foreach (var segment in segments)
            {
                segment.Span.CopyTo(bytes.AsSpan(at));
                at += segment.Length;
            }
            return bytes;
        }
    }

    /// <summary>The file's bytes as pieces to write one after another (one piece for a file made as one array).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Segments => _bytes is not null ? [_bytes] : Held();

    /// <summary>Hashed on first use: most generated files (search shards, per-finding JSON) are never listed with a hash.</summary>
    public string Sha256 => _hash ?? (_bytes is not null
        ? Hashes.GetValue(_bytes, b => Convert.ToHexStringLower(SHA256.HashData(b)))
        : _hash = HashSegments(Held()));

    /// <summary>True once the file is written and its bytes let go (<see cref="WriteThrough"/>).</summary>
    internal bool Written => _bytes is null && _segments is null;

    private IReadOnlyList<ReadOnlyMemory<byte>> Held() => _segments
        ?? throw new InvalidOperationException($"{Path} was written as it was made and its bytes are gone; only its size{(_hash is null ? "" : " and hash")} are kept");

    /// <summary>
    /// Writes the file into a plain build's folder now and lets its bytes go, keeping its size (and its hash, hashed
    /// first, when <paramref name="keepHash"/>: a download whose hash pages list). At 100,000 findings the generated
    /// files' bytes were over a gigabyte held from planning until after rendering.
    /// </summary>
    internal void WriteThrough(OutputFolder output, bool keepHash)
    {
        if (keepHash) _hash = Sha256;
        try
        {
            output.Write(this);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException(ex);
        }
        _bytes = null;
        _segments = null;
    }

    public string Url => "/" + Path;

    /// <summary>True when this file is made of exactly the array <paramref name="bytes"/> (the same array, not equal bytes).</summary>
    internal bool Holds(byte[] bytes) => ReferenceEquals(_bytes, bytes);

    /// <summary>Where a live preview's output ledger last found or wrote this very file, so the next build skips it in one step.</summary>
    internal Preview.OutputLedger.Entry? Entry { get; set; }

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
    // Kept in a plain list, without looking at their paths: a live preview of a large campaign hands over a hundred
    // thousand files it made before on every rebuild, and a dictionary by path cost a lookup, a lock and a miss in
    // memory for each. Stages that make many files in parallel add them in one run (AddUnder) after their loop.
    // Two stages generating one path is caught where files are written (see WriteTo).
    private readonly List<GeneratedFile> _files = [];
    private readonly Lock _gate = new();

    // Files a stage adds as lying under one folder (a language's per-finding files, its search index): passed over
    // whole by Under, which lists downloads once per build and need not read tens of thousands of these paths.
    private readonly List<(string Top, GeneratedFile[] Files)> _groups = [];
    private int _grouped;

    private readonly OutputFolder? _writeThrough;
    private readonly Func<string, bool>? _keepsHash;

    /// <summary>Files held until they are written (<see cref="WriteTo"/>): a live preview compares them with the last build's.</summary>
    public GeneratedFiles() { }

    /// <summary>
    /// A plain build's files, each written into <paramref name="output"/> as it is added and its bytes let go
    /// (<see cref="GeneratedFile.WriteThrough"/>), the hash kept of those <paramref name="keepsHash"/> names (downloads).
    /// A path the last check before writing would refuse (<see cref="OutputPaths"/>) is held instead, so the check still
    /// reports it. The folder is the build's own until committed, so a build that fails later leaves no trace of these.
    /// </summary>
    public GeneratedFiles(OutputFolder output, Func<string, bool> keepsHash)
    {
        _writeThrough = output;
        _keepsHash = keepsHash;
    }

    /// <summary>Writes <paramref name="file"/> now when this is a plain build's set (see the constructor).</summary>
    private void Through(GeneratedFile file)
    {
        if (_writeThrough is { } output && OutputPaths.Fits(file.Path)) file.WriteThrough(output, _keepsHash!(file.Path));
    }

    /// <summary>As <see cref="Through(GeneratedFile)"/> for many files, written from several threads (as <see cref="WriteTo"/> does).</summary>
    private void Through(GeneratedFile[] files)
    {
        if (_writeThrough is not null) InRanges(files, Through);
    }

    /// <summary>
    /// Thousands of small files: writing them from several threads keeps the disk busy while another file is opened.
    /// In any order (no sorting of tens of thousands of paths): each file is written on its own. In ranges, not one by
    /// one: in a live preview most files are unchanged and cost two lookups, less than handing out an item.
    /// </summary>
    private static void InRanges(GeneratedFile[] files, Action<GeneratedFile> write)
    {
        if (files.Length == 0) return; // a range partitioner refuses an empty range
        Parallel.ForEach(Partitioner.Create(0, files.Length, Math.Max(256, files.Length / (Environment.ProcessorCount * 8))), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++) write(files[i]);
        });
    }

    public GeneratedFile Add(string path, byte[] bytes) => Add(new GeneratedFile(path, bytes));

    /// <summary>Adds a file made before, by this build or (in a live preview) an earlier one.</summary>
    public GeneratedFile Add(GeneratedFile file)
    {
        Through(file);
        lock (_gate) _files.Add(file);
        return file;
    }

    /// <summary>
    /// Adds files that all lie under <paramref name="folder"/> (such as <c>en/</c>), at once. A fresh build checks that they do
    /// (<see cref="WriteTo"/>); <see cref="Under"/> then reads none of their paths unless their first folder is asked for.
    /// </summary>
    public void AddUnder(string folder, IEnumerable<GeneratedFile> files)
    {
        var group = (Top(folder).ToString(), files as GeneratedFile[] ?? files.ToArray()); // an array made for this call is not copied again
        Through(group.Item2);
        lock (_gate)
        {
            _groups.Add(group);
            _grouped += group.Item2.Length;
        }
    }

    /// <summary>As <see cref="AddUnder(string, IEnumerable{GeneratedFile})"/>, for sets of files (each finding's files).</summary>
    public void AddUnder(string folder, IReadOnlyList<GeneratedFile[]> sets)
    {
        var files = new GeneratedFile[sets.Sum(set => set.Length)];
        var at = 0;
        foreach (var set in sets)
        {
            set.CopyTo(files, at);
            at += set.Length;
        }
        AddUnder(folder, files);
    }

    /// <summary>A path's first folder ("" for a file at the root).</summary>
    private static ReadOnlySpan<char> Top(string path)
    {
        var cut = path.IndexOf('/');
        return cut < 0 ? ReadOnlySpan<char>.Empty : path.AsSpan(0, cut);
    }

    /// <summary>How many files have been added so far.</summary>
    public int Count
    {
        get { lock (_gate) return _files.Count + _grouped; }
    }

    private GeneratedFile[] Snapshot()
    {
        lock (_gate)
        {
            var all = new GeneratedFile[_files.Count + _grouped];
            _files.CopyTo(all);
            var at = _files.Count;
            foreach (var (_, files) in _groups)
            {
                files.CopyTo(all, at);
                at += files.Length;
            }
            return all;
        }
    }

    /// <summary>
    /// The files under the given first folders ("" is the root itself), in no particular order. One pass over the
    /// paths without allocating (a large site generates over a hundred thousand files); call it once per build.
    /// </summary>
    public List<GeneratedFile> Under(params string[] tops)
    {
        var found = new List<GeneratedFile>();
        GeneratedFile[] loose;
        List<(string Top, GeneratedFile[] Files)> groups;
        lock (_gate)
        {
            loose = [.. _files];
            groups = [.. _groups];
        }
        foreach (var file in loose)
            if (tops.Contains(Top(file.Path).ToString(), StringComparer.Ordinal)) found.Add(file);
        foreach (var (top, files) in groups)
            if (tops.Contains(top, StringComparer.Ordinal)) found.AddRange(files);
        return found;
    }

    /// <summary>Every path added so far, in no particular order, for checks that must see each one before anything is written.</summary>
    public IEnumerable<string> Paths() => Snapshot().Select(f => f.Path);

    /// <summary>All files, ordered by path; throws when two stages generated the same path.</summary>
    public IReadOnlyList<GeneratedFile> All
    {
        get
        {
            var all = Snapshot().OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            for (var i = 1; i < all.Count; i++)
                if (all[i].Path == all[i - 1].Path) throw Twice(all[i].Path);
            return all;
        }
    }

    /// <summary>The error for a path two stages generated (a mistake of ours, never of the campaign's).</summary>
    internal static InvalidOperationException Twice(string path) => new($"two stages generate {path}");

    public void WriteTo(OutputFolder output)
    {
        var files = Snapshot();
        // A live preview's ledger notices a path produced twice as it passes each file; a fresh build checks here.
        if (output is SwappedFolder)
        {
            var paths = new HashSet<string>(files.Length, StringComparer.Ordinal);
            foreach (var file in files)
                if (!paths.Add(file.Path)) throw Twice(file.Path);
            lock (_gate)
                foreach (var (top, group) in _groups)
                    foreach (var file in group)
                        if (!Top(file.Path).SequenceEqual(top))
                            throw new InvalidOperationException($"{file.Path} was added as lying under {top}/");
        }
        InRanges(files, file =>
        {
            if (!file.Written) output.Write(file); // a plain build's files were written as they were added
        });
    }
}
