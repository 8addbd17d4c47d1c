using Campaign.Site.Emit;

namespace Campaign.Site.Preview;

/// <summary>
/// A live preview's output folder, updated in place: a file is written only when its bytes differ from what the
/// ledger says is there, and on commit the files this build did not produce are deleted, so the folder ends exactly
/// as a fresh build would leave it.
/// </summary>
public sealed class InPlaceFolder : OutputFolder
{
    private readonly OutputLedger _ledger;

    public InPlaceFolder(string target, OutputLedger ledger) : base(Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar))
    {
        _ledger = ledger;
        Directory.CreateDirectory(Root);
        ledger.Begin(Root);
        var marker = Path.Combine(Root, Marker);
        if (!File.Exists(marker)) File.WriteAllBytes(marker, MarkerText);
    }

    public override void Write(string relative, ReadOnlySpan<byte> bytes) => Write(relative, bytes, OutputLedger.Hash(bytes));

    /// <summary>An array written before is not hashed again.</summary>
    public override void Write(string relative, byte[] bytes) => Write(relative, bytes, _ledger.Hash(bytes));

    /// <summary>With the hash the file already has (a listed download is not hashed twice); a large file is patched from its first changed piece.</summary>
    public override void Write(GeneratedFile file)
    {
        if (_ledger.Holds(file)) return;
        var hash = file.Sha256;
        var before = _ledger.HeldAt(Key(file.Path)); // asked before MustWrite, which forgets it
        if (MustWrite(file.Path, hash))
        {
            var path = Inside(file.Path);
            if (before is null || !FilePatch.Apply(path, before, file)) WriteFile(path, file.Segments);
            Written(file.Path, hash);
        }
        _ledger.Hold(Key(file.Path), file);
    }

    private void Write(string relative, ReadOnlySpan<byte> bytes, string hash)
    {
        if (!MustWrite(relative, hash)) return;
        WriteFile(Inside(relative), bytes);
        Written(relative, hash);
    }

    public override void Copy(string relative, string source, string sha256)
    {
        var path = Inside(relative);
        if (!MustWrite(relative, sha256)) return;
        CopyFile(path, source);
        Written(relative, sha256);
    }

    /// <summary>
    /// False when the folder already holds <paramref name="hash"/>'s bytes at <paramref name="relative"/> (the file is then
    /// marked produced): a path the ledger holds was checked when it was written (or found inside the folder), so an
    /// unchanged file costs one lookup, and nothing is resolved or touched on disk.
    /// </summary>
    private bool MustWrite(string relative, string hash)
    {
        var key = Key(relative);
        if (_ledger.Produce(key, hash)) return false;
        _ledger.Writing(key); // until the write has finished, the file's content is unknown
        return true;
    }

    private void Written(string relative, string hash)
    {
        _ledger.Wrote(Key(relative), hash);
        Counted();
    }

    public override bool Keep(string relative) => _ledger.Keep(Key(relative));

    /// <summary>The ledger's entry for the file at <paramref name="relative"/>, for keeping it later without its path.</summary>
    internal OutputLedger.Entry? EntryOf(string relative) => _ledger.EntryOf(Key(relative));

    /// <summary>As <see cref="Keep(string)"/>, for a file whose ledger entry is at hand: false when that entry is no longer the folder's.</summary>
    internal bool Keep(OutputLedger.Entry? entry) => entry is not null && _ledger.Keep(entry);

    /// <summary>Deletes what the previous build wrote and this one did not, and folders left empty.</summary>
    public override void Commit()
    {
        foreach (var stale in _ledger.TakeStale())
        {
            if (stale == Marker) continue; // found there on the first build, never "produced", always kept
            var path = Path.Combine(Root, stale);
            if (File.Exists(path)) File.Delete(path);
            for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > Root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any();
                 dir = Path.GetDirectoryName(dir))
                Directory.Delete(dir);
        }
    }

    /// <summary>Nothing to undo: a failed rebuild leaves the files it did write, and the ledger knows them.</summary>
    public override void Dispose() { }
}
