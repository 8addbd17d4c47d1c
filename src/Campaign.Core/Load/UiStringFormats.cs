using System.Globalization;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Load;

/// <summary>
/// Checks the i18n strings the build hands to .NET's formatting (<c>date_format</c>, and the citation patterns
/// filled with <c>string.Format</c>) when the file is loaded, so a translator's typo is an error at its key and
/// line rather than an exception while pages are rendered.
/// </summary>
public static class UiStringFormats
{
    /// <summary>The strings filled with <c>string.Format</c>, and how many values each is given ({0} to {n-1}).</summary>
    public static readonly IReadOnlyDictionary<string, int> Composite = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["cite_pattern"] = 9,
        ["cite_plain"] = 5,
        ["cite_index"] = 1,
        ["cite_in_report"] = 1,
        ["cite_note"] = 3,
    };

    /// <summary>A date every pattern is tried on: two-digit day and month, so each part of a pattern is used.</summary>
    private static readonly DateOnly Sample = new(2020, 9, 21);

    /// <summary>Reports each bad format string among <paramref name="strings"/>; <paramref name="locations"/> gives each key's value position.</summary>
    public static void Check(IReadOnlyDictionary<string, string> strings, string lang, Func<string, SourceLocation?> locations, DiagnosticList diagnostics)
    {
        if (strings.TryGetValue("date_format", out var pattern) && pattern.Length > 0 && DateProblem(pattern, lang) is { } problem)
            diagnostics.Error("CMP135", $"`{Quoted.Short(pattern)}` is not a date pattern: {problem}.", locations("date_format"), "date_format",
                "write a .NET date pattern such as \"d MMMM yyyy\" or \"yyyy年M月d日\"; put literal text in single quotes, closed");
        foreach (var (key, count) in Composite)
            if (strings.TryGetValue(key, out var text) && PlaceholderProblem(text, count) is { } bad)
                diagnostics.Error("CMP136", $"{bad} in `{key}`.", locations(key), key,
                    count == 1 ? "the only placeholder is {0}; write a literal brace as {{ or }}"
                        : $"the placeholders are {{0}} to {{{count - 1}}} (see the English file's comment); write a literal brace as {{{{ or }}}}");
    }

    private static string? DateProblem(string pattern, string lang)
    {
        try
        {
            var culture = CultureInfo.InvariantCulture;
            try { culture = CultureInfo.GetCultureInfo(lang); } catch (CultureNotFoundException) { }
            Sample.ToString(pattern, culture);
            return null;
        }
        catch (FormatException)
        {
            if (pattern.Count(c => c == '\'') % 2 == 1 || pattern.Count(c => c == '"') % 2 == 1) return "a quote is not closed";
            if (pattern.EndsWith('\\')) return "it ends in a backslash";
            return "a letter or `%` there has no meaning in a date";
        }
    }

    /// <summary>The first placeholder that string.Format would refuse, described; null when every one is {0} to {count-1}.</summary>
    internal static string? PlaceholderProblem(string text, int count)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}') { i++; continue; }
                return "A `}` without its `{`";
            }
            if (c != '{') continue;
            if (i + 1 < text.Length && text[i + 1] == '{') { i++; continue; }
            var close = text.IndexOf('}', i);
            if (close < 0) return "A `{` is not closed";
            var inside = text[(i + 1)..close];
            var digits = inside.Split(',', ':')[0].Trim();
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                return $"`{{{Quoted.Short(inside)}}}` is not a placeholder";
            if (index >= count) return $"`{{{index}}}` is beyond the last placeholder, {{{count - 1}}},";
            i = close;
        }
        // What the scan allows, string.Format must too (alignment and format parts are checked by trying).
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, text, new object?[count]);
            return null;
        }
        catch (FormatException)
        {
            return "A placeholder's alignment or format part cannot be read";
        }
    }
}
