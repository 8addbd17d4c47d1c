using Campaign.Core.Diagnostics;

namespace Campaign.Site.Emit;

/// <summary>
/// What is settled about the output folder before a build reads any content: it takes the folder's lock, puts back an
/// output an interrupted swap left aside, and refuses a folder that is not the build's to replace (it holds other
/// files, or is a mount point that cannot be swapped). Failures of the machine rather than the content (a read-only
/// or full disk, a held lock) are reported with codes of their own, and <c>campaign build</c> exits 3 for them.
/// </summary>
public static class OutputChecks
{
    /// <summary>Codes that describe the machine, not the content: <c>campaign build</c> exits 3 when one is among the errors.</summary>
    public static readonly IReadOnlySet<string> EnvironmentCodes = new HashSet<string>(StringComparer.Ordinal)
        { "CMP162", "CMP163", "CMP164", "CMP165", "CMP166", "CMP167" };

    /// <summary>True when an error among <paramref name="diagnostics"/> is the machine's (exit code 3).</summary>
    public static bool FailedOnEnvironment(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.IsError && EnvironmentCodes.Contains(d.Code));

    /// <summary>
    /// Takes the lock and checks the folder; returns the lock to hold until the build is committed, or null with the
    /// problems added to <paramref name="diagnostics"/>.
    /// </summary>
    /// <param name="swapped">True for a build that replaces the folder (not a live preview, which updates it in place).</param>
    public static OutputLock? Prepare(string outputDir, bool swapped, DiagnosticList diagnostics)
    {
        var target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var at = new SourceLocation(outputDir);
        if (File.Exists(target))
        {
            diagnostics.Error("CMP162", $"The output {target} is a file, not a folder.", at, "--output",
                "choose a folder for the site, such as output/; nothing was changed");
            return null;
        }
        OutputLock? held;
        string holder;
        try
        {
            held = OutputLock.TryAcquire(outputDir, out holder);
        }
        catch (Exception ex) when (Failure(ex, outputDir) is { } failure)
        {
            diagnostics.Add(failure);
            return null;
        }
        if (held is null)
        {
            diagnostics.Error("CMP163", $"Another build or preview is writing to {target}" + (holder.Length > 0 ? $" (process {holder})." : "."), at, "--output",
                $"wait for it to finish or stop it (Ctrl+C in its terminal), or build into another folder with --output; the lock is {OutputLock.FileFor(outputDir)}");
            return null;
        }
        try
        {
            if (OutputSwap.Repair(target))
                diagnostics.Warning("CMP168", $"A build was interrupted while it swapped in its output; the previous output was put back at {target} from {OutputSwap.AsideOf(target)}.", at,
                    hint: "nothing to do: this build replaces it as usual");
            if (Problem(target, swapped) is { } problem)
            {
                diagnostics.Add(problem with { Location = at, Field = "--output" });
                held.Dispose();
                return null;
            }
        }
        catch (Exception ex) when (Failure(ex, outputDir) is { } failure)
        {
            diagnostics.Add(failure);
            held.Dispose();
            return null;
        }
        return held;
    }

    private static Diagnostic? Problem(string target, bool swapped)
    {
        if (swapped && IsMountPoint(target))
            return new Diagnostic(Severity.Error, "CMP164", $"The output folder {target} is a mount point, which a build cannot replace (it builds beside the folder and swaps it in).",
                Hint: $"build into a folder inside it, such as --output {Path.Combine(target, "site")}, and serve that; or build elsewhere and copy the files in");
        if (!Directory.Exists(target) || IsOurs(target)) return null;
        var entries = Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(4).ToList();
        if (entries.Count == 0) return null;
        return new Diagnostic(Severity.Error, "CMP162",
            $"The output folder {target} holds files a build did not write ({string.Join(", ", entries.Take(3))}{(entries.Count > 3 ? ", …" : "")}); a build replaces everything in it, so it was left untouched.",
            Hint: $"choose an empty or new folder, such as output/; a folder a build wrote has a {OutputFolder.Marker} file");
    }

    /// <summary>
    /// A folder a build wrote: it has the marker, or (built before the marker existed) the three files every build
    /// writes at its root: <c>index.html</c>, <c>SHA256SUMS</c> and <c>robots.txt</c>.
    /// </summary>
    public static bool IsOurs(string folder) =>
        File.Exists(Path.Combine(folder, OutputFolder.Marker))
        || (File.Exists(Path.Combine(folder, "index.html")) && File.Exists(Path.Combine(folder, "SHA256SUMS")) && File.Exists(Path.Combine(folder, "robots.txt")));

    /// <summary>Whether <paramref name="folder"/> is where a file system is mounted (Linux: listed in /proc/self/mountinfo).</summary>
    internal static bool IsMountPoint(string folder)
    {
        const string table = "/proc/self/mountinfo";
        if (!OperatingSystem.IsLinux() || !File.Exists(table)) return false;
        var full = Path.GetFullPath(folder).TrimEnd('/');
        if (full.Length == 0) return true; // the root
        foreach (var line in File.ReadLines(table))
        {
            var fields = line.Split(' ');
            if (fields.Length > 4 && Unescape(fields[4]) == full) return true;
        }
        return false;
    }

    /// <summary>mountinfo writes a space, tab, newline and backslash in a path as three octal digits after a backslash.</summary>
    private static string Unescape(string field) =>
        field.Contains('\\') ? System.Text.RegularExpressions.Regex.Replace(field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString()) : field;

    /// <summary>
    /// The diagnostic for a failure of the disk or the operating system while the output is prepared or written, or
    /// null for an exception that is a bug (it is then thrown on). Tells a read-only or forbidden folder (CMP165) from
    /// a full disk (CMP166) and anything else the system refused (CMP167, with its own words).
    /// </summary>
    public static Diagnostic? Failure(Exception ex, string outputDir)
    {
        var io = Find(ex);
        if (io is null) return null;
        var at = new SourceLocation(outputDir);
        var errno = io.HResult & 0xFFFF; // on Unix .NET gives an IOException the system's errno as its HResult
        var text = io.Message;
        if (io is UnauthorizedAccessException || errno is 13 or 1 or 30 || text.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
            return new Diagnostic(Severity.Error, "CMP165", $"The output cannot be written: {text}", at, "--output",
                "the folder or the disk is read-only, or this user may not write there: choose another --output, remount it read-write, or fix its permissions");
        // errno ENOSPC and EDQUOT on Linux; Windows says it in words ("There is not enough space on the disk").
        if (errno is 28 or 122 || text.Contains("No space left", StringComparison.OrdinalIgnoreCase) || text.Contains("not enough space", StringComparison.OrdinalIgnoreCase)
            || text.Contains("quota", StringComparison.OrdinalIgnoreCase))
            return new Diagnostic(Severity.Error, "CMP166", $"The disk is full: {text}", at, "--output",
                "free space on the disk that holds the output (the build needs room for the new site beside the old one), or build onto another disk; the previous output was left as it was");
        return new Diagnostic(Severity.Error, "CMP167", $"The system refused to write the output: {text}", at, "--output",
            "check the path and the disk (a busy or unmounted disk, a file where a folder is expected); the previous output was left as it was");
    }

    private static Exception? Find(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is IOException or UnauthorizedAccessException) return ex;
            if (ex is AggregateException many && many.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null) is { } inner) return inner;
        }
        return null;
    }
}
