using System.Diagnostics;

namespace Campaign.Benchmarks;

/// <summary>
/// The fixed competing load of <c>--load</c>, so "under load" means the same thing in every run: two processes that
/// keep a core each busy (<c>sh -c 'while :; do :; done'</c>) and one disk writer that writes and syncs 64 MiB again
/// and again (<c>dd … conv=fsync</c>) in the work folder. Started before a size's timed builds, stopped after them.
/// </summary>
public sealed class BackgroundLoad : IDisposable
{
    /// <summary>How the load is described in the runner's output and in docs/performance.md.</summary>
    public const string Description = "2 busy shell loops + 1 disk writer (dd 64 MiB, fsync, repeated)";

    private readonly List<Process> _processes = [];
    private readonly string _file;

    public BackgroundLoad(string workDir)
    {
        Directory.CreateDirectory(workDir);
        _file = Path.Combine(workDir, "background-load.bin");
        for (var i = 0; i < 2; i++) Start("while :; do :; done");
        Start($"while :; do dd if=/dev/zero of='{_file}' bs=1M count=64 conv=fsync 2>/dev/null; rm -f '{_file}'; done");
    }

    private void Start(string script)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        _processes.Add(Process.Start(start) ?? throw new InvalidOperationException("could not start the background load"));
    }

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            try { p.Kill(entireProcessTree: true); p.WaitForExit(5000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        try { File.Delete(_file); } catch (IOException) { }
    }
}
