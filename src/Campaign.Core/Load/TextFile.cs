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
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
