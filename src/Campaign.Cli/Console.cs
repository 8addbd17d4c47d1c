using Campaign.Core.Diagnostics;
using Campaign.Core.Load;

namespace Campaign.Cli;

/// <summary>Where the command writes: standard output for results, standard error for diagnostics; honours --quiet and --verbose.</summary>
public sealed class Console(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;
    public bool Quiet { get; set; }
    public bool Verbose { get; set; }

    /// <summary>A person watches a terminal (not a file, pipe or test): progress bars instead of plain lines.</summary>
    public bool Interactive { get; init; }

    /// <summary>Sets <see cref="Quiet"/> and <see cref="Verbose"/> from a verb's <c>--quiet</c> and <c>--verbose</c>.</summary>
    public void Apply(Arguments a)
    {
        Quiet = a.Has("--quiet");
        Verbose = a.Has("--verbose");
    }

    /// <summary>How many warnings are listed before "… and N more" (errors are always all listed).</summary>
    public const int WarningLimit = 25;

    public void Line(string text = "")
    {
        if (!Quiet) Out.WriteLine(Visible(text));
    }

    /// <summary>
    /// <paramref name="text"/> with every control character but the line break written as <c>\u001B</c>: a file name or
    /// value holding <c>ESC[2J</c> or <c>ESC]0;…BEL</c> would otherwise clear the terminal or retitle it.
    /// </summary>
    public static string Visible(string text)
    {
        if (!text.Any(IsHidden)) return text;
        var result = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsHidden(c)) result.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else result.Append(c);
        }
        return result.ToString();
    }

    // Bidirectional overrides reorder what the terminal shows, so they are escaped with the control characters.
    private static bool IsHidden(char c) => (char.IsControl(c) && c != '\n') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Prints diagnostics as <c>file:line:col: error CODE: message</c> with the offending line beneath.</summary>
    public void Diagnostics(IReadOnlyList<Diagnostic> diagnostics, string inputDir)
    {
        var warnings = 0;
        var hidden = 0;
        foreach (var d in diagnostics.OrderBy(d => d.IsError ? 0 : 1))
        {
            if (!d.IsError)
            {
                if (Quiet) continue;
                if (!Verbose && ++warnings > WarningLimit) { hidden++; continue; }
            }
            Error.WriteLine(Visible(d.ToString()));
            if (SourceLine(d, inputDir) is { } line) Error.WriteLine($"    | {line}");
        }
        if (hidden > 0) Error.WriteLine($"… and {hidden} more warnings (run with --verbose to list them all)");
    }

    /// <summary>With --verbose, the stack trace of a bug the safety net caught (CMP130), for the bug report.</summary>
    public void Failure(Exception? failure)
    {
        if (failure is not null && Verbose) Error.WriteLine(failure.ToString());
    }

    private static string? SourceLine(Diagnostic d, string inputDir)
    {
        if (d.Location is not { Line: > 0 } at) return null;
        var root = at.File.StartsWith("theme/", StringComparison.Ordinal) ? Path.GetDirectoryName(Path.GetFullPath(inputDir))! : inputDir;
        var path = Path.Combine(root, at.File);
        try
        {
            // Only a regular file inside the folder: a link to /etc/passwd or a FIFO must not reach the log or hang it.
            if (InputFiles.Inspect(root, path) is not { Kind: InputEntryKind.File, Inside: true } || new FileInfo(path).Length > 5_000_000) return null;
            var line = File.ReadLines(path).Skip(at.Line - 1).FirstOrDefault();
            // A file that is not UTF-8 text (GBK, Latin-1, an image saved as .md) would print as mojibake: name the line, do not echo it.
            if (line is null || line.Contains('\uFFFD') || line.Contains('\0')) return null;
            line = new string(line.Select(c => char.IsControl(c) || Core.Load.Slugs.IsInvisible(c) ? '?' : c).ToArray());
            return line.Length > 160 ? line[..160] + "…" : line;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
