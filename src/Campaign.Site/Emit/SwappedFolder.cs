namespace Campaign.Site.Emit;

/// <summary>
/// Builds into a temporary folder beside <c>output/</c> and swaps it in only when the build succeeded,
/// so readers of <c>output/</c> (a web server, a sync job) never see half a site, and a failed or
/// interrupted build leaves the previous one exactly as it was.
/// </summary>
public sealed class SwappedFolder : OutputFolder
{
    private readonly string _target;
    private bool _committed;

    public SwappedFolder(string target) : base(Aside(target))
    {
        _target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_target)!;
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        Directory.CreateDirectory(Root);
        File.WriteAllBytes(Path.Combine(Root, Marker), MarkerText);
        // Safe only because the build holds the output's lock (OutputLock) and has restored an interrupted swap's
        // aside copy first (OutputSwap.Repair): what is left now is no one's.
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(_target)}.*"))
            TryDelete(stale, except: Root);
    }

    private static string Aside(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, $".{Path.GetFileName(full)}.building-{Environment.ProcessId}");
    }

    public override void Write(string relative, ReadOnlySpan<byte> bytes)
    {
        WriteFile(Inside(relative), bytes);
        Counted();
    }

    public override void Write(string relative, byte[] bytes) => Write(relative, (ReadOnlySpan<byte>)bytes);

    public override void Write(GeneratedFile file)
    {
        WriteFile(Inside(file.Path), file.Segments);
        Counted();
    }

    public override void Copy(string relative, string source, string sha256)
    {
        CopyFile(Inside(relative), source);
        Counted();
    }

    /// <summary>Replaces the target folder with the finished build.</summary>
    public override void Commit()
    {
        var old = OutputSwap.Commit(Root, _target);
        _committed = true;
        if (old is not null) TryDelete(old, except: null);
    }

    /// <summary>An uncommitted build is deleted: the previous output stands.</summary>
    public override void Dispose()
    {
        if (!_committed) TryDelete(Root, except: null);
    }
}
