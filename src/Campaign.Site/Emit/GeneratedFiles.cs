using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Campaign.Site.Emit;

/// <summary>A file the build generates besides pages (data downloads, feeds, PDFs), with its size and SHA-256.</summary>
/// <param name="Path">Output path with forward slashes, e.g. <c>data/findings.csv</c>.</param>
public sealed record GeneratedFile(string Path, byte[] Bytes)
{
    public long Size => Bytes.LongLength;
    /// <summary>Hashed on first use: most generated files (search shards, per-finding JSON) are never listed with a hash.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(Bytes));
    private string? _sha256;
    public string Url => "/" + Path;
}

/// <summary>
/// The files stages generate before pages are rendered, so a page can list a download's size and hash
/// and a link can never point to a file that is not written. Safe to add to from parallel work.
/// </summary>
public sealed class GeneratedFiles
{
    // Tens of thousands of files are added from every core: room from the start, so no resize stops all the threads.
    private readonly ConcurrentDictionary<string, GeneratedFile> _files = new(Environment.ProcessorCount * 4, 1 << 16, StringComparer.Ordinal);

    public GeneratedFile Add(string path, byte[] bytes)
    {
        var file = new GeneratedFile(path, bytes);
        if (!_files.TryAdd(path, file)) throw new InvalidOperationException($"two stages generate {path}");
        return file;
    }

    /// <summary>How many files have been added so far.</summary>
    public int Count => _files.Count;

    public GeneratedFile? Find(string path) => _files.TryGetValue(path, out var f) ? f : null;

    /// <summary>The files whose path passes <paramref name="path"/>, in no particular order (cheaper than sorting all of them first).</summary>
    public List<GeneratedFile> Where(Func<string, bool> path) => [.. _files.Values.Where(f => path(f.Path))];

    /// <summary>All files, ordered by path.</summary>
    public IReadOnlyList<GeneratedFile> All => [.. _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];

    public void WriteTo(OutputFolder output)
    {
        // Thousands of small files: writing them from several threads keeps the disk busy while another file is opened.
        Parallel.ForEach(_files.Values, file => output.Write(file.Path, file.Bytes)); // any order: each file is written once
    }
}
