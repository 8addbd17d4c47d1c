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

    [GeneratedRegex(@"^untranslated:\s*(true|yes)\b", RegexOptions.Multiline)]
    private static partial Regex UntranslatedField();

    /// <summary>Whether the front matter still says <c>untranslated: true</c>.</summary>
    public static bool IsMarkedUntranslated(string text) => UntranslatedField().IsMatch(text.Replace("\r\n", "\n"));

    /// <summary>
    /// The copy <c>campaign new --lang</c> writes: the source with <c>translated_from</c> set and <c>untranslated: true</c>
    /// added, so an untouched copy is never taken for a translation (the build shows the source with a notice until the
    /// translator deletes the line); a <c>draft: true</c> of the source is kept.
    /// </summary>
    public static string Copy(string source, string hash, string languageName)
    {
        var text = Set(source, hash);
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0 || UntranslatedField().IsMatch(text)) return text;
        var line = $"untranslated: true   # delete this line once the text is in {languageName}; until then the site shows the source with a notice\n";
        return text[..(end + 1)] + line + text[(end + 1)..];
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
