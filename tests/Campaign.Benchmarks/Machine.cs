using System.Diagnostics;
using System.Globalization;

namespace Campaign.Benchmarks;

/// <summary>What the runner learns from the machine: timed child processes with their peak memory, memory size, load.</summary>
public static class Machine
{
    /// <summary>A finished child process: wall time, peak resident memory (VmHWM), exit code, what it printed on stderr.</summary>
    public sealed record Run(double Seconds, long PeakBytes, int ExitCode, string Error);

    /// <summary>
    /// Runs a program and samples <c>/proc/PID/status</c> VmHWM (the kernel's own high-water mark of resident memory)
    /// every 10 ms until it exits; the last sample is the peak, short of growth in the final 10 ms.
    /// </summary>
    public static Run Time(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        while (!process.WaitForExit(10)) peak = Math.Max(peak, HighWater(status));
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        stdout.Wait();
        return new Run(seconds, peak, process.ExitCode, stderr.Result);
    }

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
