using System.Text;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Load;

/// <summary>Reads input files as strict UTF-8, so a file saved in another encoding is an error, not mojibake on the site.</summary>
public static class TextFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Maximum size of one content file; larger files are refused rather than slowing the build to a crawl.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Reads the content file <paramref name="relative"/> at <paramref name="path"/> through <see cref="InputFiles"/>: the folder it
    /// must stay inside is <paramref name="path"/> less <paramref name="relative"/> (the input folder for <c>reports/x.en.md</c>).
    /// </summary>
    public static string? Read(string path, string relative, DiagnosticList diagnostics)
    {
        var full = Path.GetFullPath(path);
        var tail = Path.DirectorySeparatorChar + relative.Replace('/', Path.DirectorySeparatorChar);
        var root = full.EndsWith(tail, StringComparison.Ordinal) ? full[..^tail.Length] : Path.GetDirectoryName(full)!;
        var bytes = InputFiles.ReadBytes(root, full, relative, diagnostics, MaxBytes);
        return bytes is null ? null : Decode(bytes, relative, diagnostics);
    }

    public static string? Decode(byte[] bytes, string relative, DiagnosticList diagnostics)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        string text;
        try
        {
            text = Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(0, ex.Index);
            var line = 1;
            for (var i = 0; i < offset && i < bytes.Length; i++) if (bytes[i] == (byte)'\n') line++;
            diagnostics.Error("CMP009", "The file is not valid UTF-8.", new SourceLocation(relative, line),
                hint: "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)");
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error("CMP011", "The file is empty.", new SourceLocation(relative),
                hint: "add content, or delete the file");
            return null;
        }
        // Windows line endings would otherwise leak into output and break byte-identical builds across machines.
        return RemoveForbidden(text.Replace("\r\n", "\n").Replace('\r', '\n'), relative, diagnostics);
    }

    /// <summary>Warnings listed for one file before the rest are summed up in one.</summary>
    private const int ForbiddenListed = 5;

    /// <summary>
    /// Removes the characters XML and the HTML sanitiser refuse (C0 controls other than tab and newline, lone
    /// surrogates, noncharacters such as U+FFFE), each a warning at its line and column. Done here, where every
    /// file is decoded, so no later stage (YAML, CSV, Markdown, feeds) sees one. A vertical tab pasted from a
    /// word processor should not stop a build, so they are removed rather than refused.
    /// </summary>
    public static string RemoveForbidden(string text, string relative, DiagnosticList diagnostics)
    {
        var first = FirstForbidden(text, 0);
        if (first < 0) return text;
        var kept = new StringBuilder(text.Length);
        var line = 1;
        var lineStart = 0;
        var found = 0;
        SourceLocation? firstUnlisted = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') { line++; lineStart = i + 1; kept.Append(c); continue; }
            var width = ForbiddenAt(text, i);
            if (width == 0) { kept.Append(c); continue; }
            var code = width == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
            var at = new SourceLocation(relative, line, i - lineStart + 1);
            if (++found <= ForbiddenListed)
                diagnostics.Warning("CMP134", $"The character U+{code:X4} ({Describe(code)}) cannot be published; it was removed.", at,
                    hint: "delete it; such characters usually come from pasting text out of a word processor or PDF");
            else firstUnlisted ??= at;
            i += width - 1;
        }
        if (found > ForbiddenListed)
            diagnostics.Warning("CMP134", $"{found - ForbiddenListed} more characters that cannot be published were removed from this file.", firstUnlisted,
                hint: "search the file for control characters; the first is here");
        return kept.ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds a character <see cref="RemoveForbidden"/> would remove (text decoded from a character reference or an escape).</summary>
    public static bool HasForbidden(string text) => FirstForbidden(text, 0) >= 0;

    private static int FirstForbidden(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
            if (ForbiddenAt(text, i) > 0) return i;
        return -1;
    }

    /// <summary>How many UTF-16 units of a forbidden character start at <paramref name="i"/>: 0 when the character is fine.</summary>
    private static int ForbiddenAt(string text, int i)
    {
        var c = text[i];
        if (c < 0x20) return c is '\t' or '\n' or '\r' ? 0 : 1;
        if (c < 0xD800) return 0;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return 1;
            return IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])) ? 2 : 0;
        }
        if (char.IsLowSurrogate(c)) return i > 0 && char.IsHighSurrogate(text[i - 1]) ? 0 : 1; // the second half of a pair is fine
        return IsNoncharacter(c) ? 1 : 0;
    }

    /// <summary>The 66 code points Unicode reserves as never to be interchanged: U+FDD0–U+FDEF and the last two of each plane.</summary>
    private static bool IsNoncharacter(int code) => code is >= 0xFDD0 and <= 0xFDEF || (code & 0xFFFE) == 0xFFFE;

    private static string Describe(int code) => code switch
    {
        0 => "the null character",
        0x0B => "a vertical tab",
        0x0C => "a form feed",
        0x08 => "a backspace",
        0x1B => "an escape character",
        < 0x20 => "a control character",
        >= 0xD800 and <= 0xDFFF => "half of a surrogate pair, alone",
        _ => "a noncharacter",
    };
}
