using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Core.Validate;

namespace Campaign.Site.Emit;

/// <summary>
/// The last check before anything is written: every path the build planned, within the limits <see cref="PathNames"/>
/// holds the content to. The content's names are checked (with file, line and field) while loading; this catches a
/// path made some other way, so that it is a diagnostic and not an exception in the middle of writing.
/// </summary>
public static class OutputPaths
{
    /// <summary>Reports paths with a name over 100 bytes or a length over 240 (the first ten); true when there were none.</summary>
    public static bool Check(IEnumerable<string> paths, DiagnosticList diagnostics)
    {
        var found = 0;
        foreach (var path in paths)
        {
            if (Problem(path) is not { } problem || ++found > 10) continue;
            diagnostics.Error("CMP141", $"The site would have a file at {(path.Length > 80 ? path[..80] + "…" : path)}, but {problem}; nothing was written.",
                hint: "shorten the slug, id, place or file name it is made from");
        }
        return found == 0;
    }

    /// <summary>True when <see cref="Check"/> would let <paramref name="path"/> be written.</summary>
    public static bool Fits(string path) => Problem(path) is null;

    private static string? Problem(string path)
    {
        if (path.Length * 3 <= PathNames.MaxSegmentBytes) return null; // too short to be too long, in any UTF-8 (the common case, so no counting)
        // nor can a path whose every name is that short, when it is short enough as a whole: a large site's hundreds of
        // thousands of paths are passed over on every rebuild of a live preview, without a split or a count
        if (path.Length * 3 <= PathNames.MaxPathBytes && LongestName(path) * 3 <= PathNames.MaxSegmentBytes) return null;
        return Encoding.UTF8.GetByteCount(path) is var bytes && bytes > PathNames.MaxPathBytes ? $"its path is {bytes} bytes, more than {PathNames.MaxPathBytes}"
            : path.Split('/').FirstOrDefault(p => Encoding.UTF8.GetByteCount(p) > PathNames.MaxSegmentBytes) is { } name ? $"the name `{name[..Math.Min(40, name.Length)]}…` is {Encoding.UTF8.GetByteCount(name)} bytes, more than {PathNames.MaxSegmentBytes}"
            : null;
    }

    /// <summary>The length in characters of the longest name between slashes.</summary>
    private static int LongestName(string path)
    {
        int longest = 0, run = 0;
        foreach (var c in path)
        {
            run = c == '/' ? 0 : run + 1;
            if (run > longest) longest = run;
        }
        return longest;
    }
}
