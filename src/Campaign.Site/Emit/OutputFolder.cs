using System.Collections.Concurrent;

namespace Campaign.Site.Emit;

/// <summary>
/// Where a build writes its files. A plain build writes into a fresh folder beside <c>output/</c> and swaps it in on
/// success (<see cref="SwappedFolder"/>); a live preview updates its folder in place, writing only what changed
/// (<c>Preview.InPlaceFolder</c>). Stages write through this and never learn which of the two they have.
/// </summary>
public abstract class OutputFolder : IDisposable
{
    public string Root { get; }

    /// <summary>
    /// The file that marks a folder as a campaign build, so <c>--output</c> can refuse a folder that holds something else
    /// (<see cref="OutputChecks"/>). Its bytes never change (builds stay byte-identical); it is not a download, is left
    /// out of the offline bundle, and a host that hides dot files does not publish it.
    /// </summary>
    public const string Marker = ".campaign-output";

    /// <summary>The marker's text: what the folder is, for whoever finds it.</summary>
    internal static readonly byte[] MarkerText = "This folder is built by `campaign build`; each build replaces everything in it.\n"u8.ToArray();

    protected OutputFolder(string root) => Root = root;

    /// <summary>Files whose bytes were actually written to disk by this build.</summary>
    public int Changed => _changed;
    private int _changed;

    /// <summary>Writes a file at <paramref name="relative"/> (forward slashes) inside the build folder.</summary>
    public abstract void Write(string relative, ReadOnlySpan<byte> bytes);

    /// <summary>Writes a file whose bytes will not change (in place, an array written before is not hashed again).</summary>
    public abstract void Write(string relative, byte[] bytes);

    /// <summary>Writes a generated file; a file kept in pieces is written with one gathering write, not first copied into one array.</summary>
    public abstract void Write(GeneratedFile file);

    /// <summary>Copies an input file (an asset) to <paramref name="relative"/>.</summary>
    /// <param name="sha256">The file's hash as loaded, by which a folder updated in place knows it holds the file already.</param>
    public abstract void Copy(string relative, string source, string sha256);

    /// <summary>
    /// Keeps the file already there from the previous build without rewriting it (its inputs did not change);
    /// false when there is no such file, and always false for a fresh build.
    /// </summary>
    public virtual bool Keep(string relative) => false;

    /// <summary>Makes the finished build the output.</summary>
    public abstract void Commit();

    public abstract void Dispose();

    /// <summary>A write has finished.</summary>
    protected void Counted() => Interlocked.Increment(ref _changed);

    protected static string Key(string relative) => relative.Replace('\\', '/').TrimStart('/');

    protected string Inside(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relative));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write outside the output folder: {relative}");
        return path;
    }

    /// <summary>
    /// Writes with as few system calls as the platform allows: each folder is created once per build rather than
    /// checked before every file (a site has tens of thousands of files in a few thousand folders), and the file is
    /// opened exclusively (no advisory-lock probing of the file system) and written with one positional write.
    /// The CLI also turns .NET's advisory file locking off (System.IO.DisableFileLocking in its project), which
    /// saves the lock, the unlock and a separate truncate per file.
    /// </summary>
    protected void WriteFile(string path, ReadOnlySpan<byte> bytes)
    {
        EnsureFolder(Path.GetDirectoryName(path)!);
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>As <see cref="WriteFile(string, ReadOnlySpan{byte})"/>, for bytes in pieces: one gathering write.</summary>
    protected void WriteFile(string path, IReadOnlyList<ReadOnlyMemory<byte>> pieces)
    {
        EnsureFolder(Path.GetDirectoryName(path)!);
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, pieces, 0);
    }

    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    protected void EnsureFolder(string folder)
    {
        if (_folders.ContainsKey(folder)) return;
        Directory.CreateDirectory(folder);
        _folders.TryAdd(folder, 0);
    }

    /// <summary>Copies an input file into the folder at <paramref name="path"/>.</summary>
    protected void CopyFile(string path, string source)
    {
        EnsureFolder(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
    }

    internal static void TryDelete(string dir, string? except)
    {
        if (dir == except || !Directory.Exists(dir)) return;
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
