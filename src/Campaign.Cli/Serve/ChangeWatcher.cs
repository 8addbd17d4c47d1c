namespace Campaign.Cli.Serve;

/// <summary>
/// Watches the input and theme folders and calls back once a burst of changes has settled, so saving a file
/// (which editors do as several writes, renames and deletes) triggers one rebuild.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(60);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;

    public ChangeWatcher(IEnumerable<string> folders, Action changed)
    {
        _timer = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            w.Changed += OnChange;
            w.Created += OnChange;
            w.Deleted += OnChange;
            w.Renamed += OnChange;
            w.Error += (_, _) => Poke(); // the buffer overflowed: some changes are unknown, so rebuild
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (!IsEditorScratch(e.Name ?? "")) Poke();
    }

    private void Poke() => _timer.Change(Settle, Timeout.InfiniteTimeSpan);

    /// <summary>Swap and backup files editors write beside the real one; they are not content.</summary>
    public static bool IsEditorScratch(string name)
    {
        var file = Path.GetFileName(name);
        return file.StartsWith(".#", StringComparison.Ordinal) || file.EndsWith('~') || file.StartsWith("~$", StringComparison.Ordinal)
            || file.EndsWith(".swp", StringComparison.Ordinal) || file.EndsWith(".swx", StringComparison.Ordinal)
            || file.EndsWith(".tmp", StringComparison.Ordinal) || file == "4913";
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }
}
