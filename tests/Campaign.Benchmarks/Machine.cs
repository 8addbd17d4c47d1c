using System.Diagnostics;
using System.Globalization;

namespace Campaign.Benchmarks;

/// <summary>What the runner learns from the machine: timed child processes with their peak memory and processor time, memory size, load, an idle disk.</summary>
public static class Machine
{
    /// <summary>
    /// A finished child process: wall time, processor seconds in user and kernel mode, peak resident memory (VmHWM),
    /// exit code, what it printed on stderr.
    /// </summary>
    public sealed record Run(double Seconds, double UserSeconds, double SysSeconds, long PeakBytes, int ExitCode, string Error);

    /// <summary>
    /// Runs a program and samples <c>/proc/PID/status</c> VmHWM (the kernel's own high-water mark of resident memory)
    /// every 10 ms until it exits; the last sample is the peak, short of growth in the final 10 ms. Processor time is
    /// the kernel's own account of reaped children (<c>/proc/self/stat</c> cutime, cstime) before and after, so it
    /// includes the child's exit; children started in parallel by this process (a test host's) would be counted too.
    /// </summary>
    public static Run Time(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        var before = ChildTimes();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        while (!process.WaitForExit(10)) peak = Math.Max(peak, HighWater(status));
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        var after = ChildTimes();
        stdout.Wait();
        return new Run(seconds, after.User - before.User, after.Sys - before.Sys, peak, process.ExitCode, stderr.Result);
    }

    /// <summary>
    /// Processor seconds of this process's reaped children, user and kernel (fields 16 and 17 of <c>/proc/self/stat</c>,
    /// in clock ticks of 1/100 s); zero where there is no /proc.
    /// </summary>
    private static (double User, double Sys) ChildTimes()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[13], CultureInfo.InvariantCulture) / 100.0, long.Parse(fields[14], CultureInfo.InvariantCulture) / 100.0);
        }
        catch (IOException) { return (0, 0); }
        catch (UnauthorizedAccessException) { return (0, 0); }
    }

    /// <summary>
    /// Flushes dirty pages (<c>sync</c>) and waits, up to <paramref name="limit"/>, until every block device has had no
    /// request in flight for a second (<c>/sys/block/*/inflight</c> polled every 200 ms), so a timed run does not compete
    /// with the write-back of the files written before it (nothing is deleted between timed runs: see
    /// <see cref="Discard"/>). Returns how long it waited and whether the disk settled; where there is no /sys/block, or
    /// with no time allowed, it returns at once.
    /// </summary>
    public static (TimeSpan Waited, bool Settled) Settle(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        if (limit <= TimeSpan.Zero) return (clock.Elapsed, false);
        if (!Directory.Exists("/sys/block")) return (clock.Elapsed, true);
        if (File.Exists("/usr/bin/sync") || File.Exists("/bin/sync"))
            using (var sync = Process.Start(new ProcessStartInfo(File.Exists("/usr/bin/sync") ? "/usr/bin/sync" : "/bin/sync") { UseShellExecute = false }))
                sync?.WaitForExit();
        var idleSince = clock.Elapsed;
        while (clock.Elapsed < limit)
        {
            if (!Idle()) idleSince = clock.Elapsed;
            else if (clock.Elapsed - idleSince >= TimeSpan.FromSeconds(1)) return (clock.Elapsed, true);
            Thread.Sleep(200);
        }
        return (clock.Elapsed, false);
    }

    /// <summary>
    /// Moves a folder out of the way instead of deleting it; <see cref="EmptyDiscarded"/> deletes what was moved once
    /// nothing is timed any more. On ext4 without a journal (this VM's root) a new file will not take an inode freed
    /// less than 60 s ago, or less than 360 s ago while that inode's table block is dirty, which the new files' own
    /// inodes in the same block make it: each file created scans past every such inode, one buffer lookup each. A
    /// build started after deleting the last run's files (27,600 at 2,000 findings) spent up to three times its
    /// processor time in the kernel (<c>recently_deleted</c> in its profile: sys 10-17 s against 1.6 s on tmpfs at
    /// 2,000 findings), and more the more files it writes, so the delete between runs measured the file system's
    /// bookkeeping, not the generators. A rename frees no inode.
    /// </summary>
    public static void Discard(string dir)
    {
        if (!Directory.Exists(dir)) return;
        var bin = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dir))!, ".discarded");
        Directory.CreateDirectory(bin);
        lock (Discarded) Discarded.Add(bin);
        Directory.Move(dir, Path.Combine(bin, Guid.NewGuid().ToString("N")));
    }

    /// <summary>Deletes every folder <see cref="Discard"/> moved aside; call when no timed run is left.</summary>
    public static void EmptyDiscarded()
    {
        lock (Discarded)
        {
            foreach (var bin in Discarded.Where(Directory.Exists)) Directory.Delete(bin, recursive: true);
            Discarded.Clear();
        }
    }

    private static readonly HashSet<string> Discarded = new(StringComparer.Ordinal);

    /// <summary>Whether no block device has a read or write in flight (each <c>inflight</c> file reads "reads writes").</summary>
    private static bool Idle()
    {
        foreach (var device in Directory.EnumerateDirectories("/sys/block"))
        {
            try
            {
                var counts = File.ReadAllText(Path.Combine(device, "inflight")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (counts.Any(c => c != "0")) return false;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return true;
    }

    /// <summary>This process's peak resident memory so far (VmHWM of <c>/proc/self/status</c>); zero where there is no /proc.</summary>
    public static long OwnPeakBytes() => HighWater("/proc/self/status");

    private static long HighWater(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }

    public static string Output(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    public static string MemoryGiB()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        if (line is null) return "unknown";
        var kib = long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (kib / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
