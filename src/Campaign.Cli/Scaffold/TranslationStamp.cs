using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;

namespace Campaign.Cli.Scaffold;

/// <summary>
/// The <c>translated_from</c> field a translation records: the hash of the source file's text when it was
/// translated (the same hash the loader puts in <c>DocumentInfo.Hash</c>), so a later change to the source shows
/// the translation as out of date.
/// </summary>
public static partial class TranslationStamp
{
    [GeneratedRegex(@"^translated_from:.*$", RegexOptions.Multiline)]
    private static partial Regex Field();

    /// <summary>The hash of a content file as the loader computes it (strict UTF-8, line endings normalised); null when unreadable.</summary>
    public static string? HashOf(string path)
    {
        var text = TextFile.Read(path, Path.GetFileName(path), new DiagnosticList());
        return text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Sets <c>translated_from</c> in the front matter of <paramref name="text"/>, replacing an older value.</summary>
    public static string Set(string text, string hash)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) return $"---\ntranslated_from: {hash}\n---\n" + text;
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        var front = end < 0 ? text : text[..(end + 1)];
        var rest = end < 0 ? "" : text[(end + 1)..];
        var line = $"translated_from: {hash}   # the source this translation follows; `campaign translations --mark-current` refreshes it";
        front = Field().IsMatch(front) ? Field().Replace(front, line, 1) : front + line + "\n";
        return front + rest;
    }
}
