using System.Text;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Load;

/// <summary>Reads input files as strict UTF-8, so a file saved in another encoding is an error, not mojibake on the site.</summary>
public static class TextFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Maximum size of one content file; larger files are refused rather than slowing the build to a crawl.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static string? Read(string path, string relative, DiagnosticList diagnostics)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            diagnostics.Error("CMP010", $"The file is {info.Length / (1024 * 1024)} MB; content files may be at most {MaxBytes / (1024 * 1024)} MB.",
                new SourceLocation(relative), hint: "split it into smaller files");
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        return Decode(bytes, relative, diagnostics);
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
