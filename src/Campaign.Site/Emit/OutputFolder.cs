namespace Campaign.Site.Emit;

/// <summary>
/// Builds into a temporary folder beside <c>output/</c> and swaps it in only when the build succeeded,
/// so readers of <c>output/</c> (a web server, a sync job) never see half a site, and a failed or
/// interrupted build leaves the previous one exactly as it was.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly string _target;
    private bool _committed;

    public string Root { get; }

    public OutputFolder(string target)
    {
        _target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(parent);
        Root = Path.Combine(parent, $".{Path.GetFileName(_target)}.building-{Environment.ProcessId}");
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        Directory.CreateDirectory(Root);
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(_target)}.*"))
            TryDelete(stale, except: Root);
    }

    /// <summary>Writes a file at <paramref name="relative"/> (forward slashes) inside the build folder.</summary>
    public void Write(string relative, ReadOnlySpan<byte> bytes)
    {
        var path = Resolve(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Copy(string relative, string source)
    {
        var path = Resolve(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
    }

    public bool Exists(string relative) => File.Exists(Resolve(relative));

    /// <summary>A path inside the build folder; anything that would land outside it is refused.</summary>
    public string Resolve(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relative));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write outside the output folder: {relative}");
        return path;
    }

    /// <summary>Replaces the target folder with the finished build.</summary>
    public void Commit()
    {
        var old = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.old-{Environment.ProcessId}");
        if (Directory.Exists(_target)) Directory.Move(_target, old);
        Directory.Move(Root, _target);
        _committed = true;
        TryDelete(old, except: null);
    }

    public void Dispose()
    {
        if (!_committed) TryDelete(Root, except: null);
    }

    private static void TryDelete(string dir, string? except)
    {
        if (dir == except || !Directory.Exists(dir)) return;
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
