using System.Collections.Concurrent;
using Campaign.Site.Incremental;

namespace Campaign.Site.Emit;

/// <summary>
/// Builds into a temporary folder beside <c>output/</c> and swaps it in only when the build succeeded,
/// so readers of <c>output/</c> (a web server, a sync job) never see half a site, and a failed or
/// interrupted build leaves the previous one exactly as it was.
/// A live preview instead updates its folder in place (<see cref="InPlace"/>): only changed files are written.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly string _target;
    private readonly OutputLedger? _ledger;
    private bool _committed;

    public string Root { get; }

    /// <summary>
    /// The file that marks a folder as a campaign build, so <c>--output</c> can refuse a folder that holds something else
    /// (<see cref="OutputChecks"/>). Its bytes never change (builds stay byte-identical); it is not a download, is left
    /// out of the offline bundle, and a host that hides dot files does not publish it.
    /// </summary>
    public const string Marker = ".campaign-output";

    /// <summary>The marker's text: what the folder is, for whoever finds it.</summary>
    internal static readonly byte[] MarkerText = "This folder is built by `campaign build`; each build replaces everything in it.\n"u8.ToArray();

    /// <summary>True for a live preview's folder, updated in place with a ledger of what it holds.</summary>
    public bool UpdatesInPlace => _ledger is not null;

    /// <summary>Files whose bytes were actually written to disk by this build.</summary>
    public int Changed => _changed;
    private int _changed;

    /// <summary>
    /// Updates <paramref name="target"/> in place for a live preview: a file is written only when its bytes differ
    /// from what <paramref name="ledger"/> says is there, and on commit the files this build did not produce are deleted,
    /// so the folder ends exactly as a fresh build would leave it.
    /// </summary>
    public static OutputFolder InPlace(string target, OutputLedger ledger) => new(target, ledger);

    private OutputFolder(string target, OutputLedger ledger)
    {
        _target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        _ledger = ledger;
        Root = _target;
        Directory.CreateDirectory(Root);
        ledger.Begin(Root);
        var marker = Path.Combine(Root, Marker);
        if (!File.Exists(marker)) File.WriteAllBytes(marker, MarkerText);
    }

    public OutputFolder(string target)
    {
        _target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(parent);
        Root = Path.Combine(parent, $".{Path.GetFileName(_target)}.building-{Environment.ProcessId}");
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        Directory.CreateDirectory(Root);
        File.WriteAllBytes(Path.Combine(Root, Marker), MarkerText);
        // Safe only because the build holds the output's lock (OutputLock) and has restored an interrupted swap's
        // aside copy first (OutputSwap.Repair): what is left now is no one's.
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(_target)}.*"))
            TryDelete(stale, except: Root);
    }

    /// <summary>Writes a file at <paramref name="relative"/> (forward slashes) inside the build folder.</summary>
    public void Write(string relative, ReadOnlySpan<byte> bytes) => Write(relative, bytes, _ledger is null ? null : OutputLedger.Hash(bytes));

    /// <summary>Writes a file whose bytes will not change: in place, an array written before is not hashed again.</summary>
    public void Write(string relative, byte[] bytes) => Write(relative, bytes, _ledger?.Hash(bytes));

    /// <summary>
    /// Writes a generated file: in place, with the hash it already has (a listed download is not hashed twice). A file
    /// kept in pieces is written with one gathering write, not first copied into one array.
    /// </summary>
    public void Write(GeneratedFile file)
    {
        if (_ledger is not null && _ledger.Holds(file)) return;
        var hash = _ledger is null ? null : file.Sha256;
        var before = _ledger?.HeldAt(Key(file.Path)); // asked before MustWrite, which forgets it
        if (MustWrite(file.Path, hash))
        {
            var path = Inside(file.Path);
            if (before is null || !FilePatch.Apply(path, before, file)) WriteFile(path, file.Segments);
            Written(file.Path, hash);
        }
        _ledger?.Hold(Key(file.Path), file);
    }

    /// <param name="hash">The bytes' SHA-256 when the folder is updated in place, else null.</param>
    private void Write(string relative, ReadOnlySpan<byte> bytes, string? hash)
    {
        if (!MustWrite(relative, hash)) return;
        WriteFile(Inside(relative), bytes);
        Written(relative, hash);
    }

    /// <summary>
    /// In place, false when the folder already holds <paramref name="hash"/>'s bytes at <paramref name="relative"/> (the file
    /// is then marked produced): a path the ledger holds was checked when it was written (or found inside the folder), so
    /// an unchanged file costs one lookup, and nothing is resolved or touched on disk. Always true for a fresh build.
    /// </summary>
    private bool MustWrite(string relative, string? hash)
    {
        if (_ledger is null) return true;
        var key = Key(relative);
        if (_ledger.Produce(key, hash!)) return false;
        _ledger.Writing(key); // until the write has finished, the file's content is unknown
        return true;
    }

    /// <summary>A write that <see cref="MustWrite"/> allowed has finished.</summary>
    private void Written(string relative, string? hash)
    {
        _ledger?.Wrote(Key(relative), hash!);
        Interlocked.Increment(ref _changed);
    }

    /// <summary>
    /// Writes with as few system calls as the platform allows: each folder is created once per build rather than
    /// checked before every file (a site has tens of thousands of files in a few thousand folders), and the file is
    /// opened exclusively (no advisory-lock probing of the file system) and written with one positional write.
    /// The CLI also turns .NET's advisory file locking off (System.IO.DisableFileLocking in its project), which
    /// saves the lock, the unlock and a separate truncate per file.
    /// </summary>
    private void WriteFile(string path, ReadOnlySpan<byte> bytes)
    {
        EnsureFolder(Path.GetDirectoryName(path)!);
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>As <see cref="WriteFile(string, ReadOnlySpan{byte})"/>, for bytes in pieces: one gathering write.</summary>
    private void WriteFile(string path, IReadOnlyList<ReadOnlyMemory<byte>> pieces)
    {
        EnsureFolder(Path.GetDirectoryName(path)!);
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, pieces, 0);
    }

    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    private void EnsureFolder(string folder)
    {
        if (_folders.ContainsKey(folder)) return;
        Directory.CreateDirectory(folder);
        _folders.TryAdd(folder, 0);
    }

    public void Copy(string relative, string source)
    {
        var path = Inside(relative);
        var hash = _ledger?.SourceHash(source);
        if (!MustWrite(relative, hash)) return;
        EnsureFolder(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
        Written(relative, hash);
    }

    /// <summary>
    /// In place, keeps the file already there from the previous build without rewriting it (its inputs did not change);
    /// false when there is no such file, and always false for a fresh build.
    /// </summary>
    public bool Keep(string relative) => _ledger is not null && _ledger.Keep(Key(relative));

    /// <summary>In place, the ledger's entry for the file at <paramref name="relative"/>, for keeping it later without its path (<see cref="Keep(OutputLedger.Entry?)"/>).</summary>
    internal OutputLedger.Entry? EntryOf(string relative) => _ledger?.EntryOf(Key(relative));

    /// <summary>As <see cref="Keep(string)"/>, for a file whose ledger entry is at hand: false when that entry is no longer the folder's.</summary>
    internal bool Keep(OutputLedger.Entry? entry) => _ledger is not null && entry is not null && _ledger.Keep(entry);

    private static string Key(string relative) => relative.Replace('\\', '/').TrimStart('/');

    private string Inside(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relative));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write outside the output folder: {relative}");
        return path;
    }

    /// <summary>Replaces the target folder with the finished build.</summary>
    public void Commit()
    {
        if (_ledger is not null)
        {
            RemoveStale(_ledger);
            _committed = true;
            return;
        }
        var old = OutputSwap.Commit(Root, _target);
        _committed = true;
        if (old is not null) TryDelete(old, except: null);
    }

    /// <summary>In place: deletes what the previous build wrote and this one did not, and folders left empty.</summary>
    private void RemoveStale(OutputLedger ledger)
    {
        foreach (var stale in ledger.TakeStale())
        {
            if (stale == Marker) continue; // found there on the first build, never "produced", always kept
            var path = Path.Combine(Root, stale);
            if (File.Exists(path)) File.Delete(path);
            for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > Root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any();
                 dir = Path.GetDirectoryName(dir))
                Directory.Delete(dir);
        }
    }

    public void Dispose()
    {
        if (!_committed && _ledger is null) TryDelete(Root, except: null);
    }

    internal static void TryDelete(string dir, string? except)
    {
        if (dir == except || !Directory.Exists(dir)) return;
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
