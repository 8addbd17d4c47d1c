namespace Campaign.Core.Load;

/// <summary>The rules for slugs and ids, which become folder names and URLs.</summary>
public static class Slugs
{
    /// <summary>Why <paramref name="slug"/> cannot be used in a URL, or null when it can.</summary>
    public static string? Problem(string slug)
    {
        if (slug.Length == 0) return "it is empty";
        if (slug.Contains("..")) return "it contains `..`";
        if (slug.Contains('/') || slug.Contains('\\')) return "it contains a slash";
        foreach (var c in slug)
        {
            if (char.IsControl(c)) return "it contains a control character";
            if (IsInvisible(c)) return $"it contains the invisible character U+{(int)c:X4}";
            if (char.IsWhiteSpace(c)) return "it contains a space";
            if (!(char.IsLetterOrDigit(c) || c is '-' or '_' or '.')) return $"it contains `{c}`";
        }
        if (slug.StartsWith('.') || slug.StartsWith('-')) return "it starts with `.` or `-`";
        // Windows drops a trailing dot from folder names, so `a.` and `a` would be one folder there.
        if (slug.EndsWith('.')) return "it ends with `.`";
        return null;
    }

    /// <summary>
    /// Why <paramref name="slug"/> cannot be the address of a page (a report, company, update or free page), or null:
    /// on top of <see cref="Problem"/>, the rule docs/content.md and docs/guide.md state, lower-case ASCII letters,
    /// digits and hyphens, so that an address typed from a poster or read aloud is the address that works.
    /// </summary>
    public static string? PageProblem(string slug)
    {
        if (Problem(slug) is { } problem) return problem;
        foreach (var c in slug)
        {
            if (c is >= 'A' and <= 'Z') return $"it contains the upper-case letter `{c}`";
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')) return $"it contains `{c}`";
        }
        return null;
    }

    /// <summary>The nearest slug the rule allows, for a hint (`Parliament_Vote` gives `parliament-vote`); null when nothing is left.</summary>
    public static string? Suggest(string slug)
    {
        var chars = slug.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        var result = System.Text.RegularExpressions.Regex.Replace(new string([.. chars]), "-{2,}", "-").Trim('-');
        return result.Length == 0 ? null : result;
    }

    /// <summary>Bidirectional overrides and zero-width characters: they make two different ids look the same.</summary>
    public static bool IsInvisible(char c) =>
        c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF' or '\u00AD' or '\u2060';

    public const string Advice = "use lower-case letters, digits and hyphens, for example `brussels-meeting`";
}
