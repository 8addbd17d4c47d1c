using Campaign.Core.Diagnostics;

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
        if (!Quiet) Out.WriteLine(text);
    }

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
            Error.WriteLine(d.ToString());
            if (SourceLine(d, inputDir) is { } line) Error.WriteLine($"    | {line}");
        }
        if (hidden > 0) Error.WriteLine($"… and {hidden} more warnings (run with --verbose to list them all)");
    }

    private static string? SourceLine(Diagnostic d, string inputDir)
    {
        if (d.Location is not { Line: > 0 } at) return null;
        var path = at.File.StartsWith("theme/", StringComparison.Ordinal)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputDir))!, at.File)
            : Path.Combine(inputDir, at.File);
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > 5_000_000) return null;
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
