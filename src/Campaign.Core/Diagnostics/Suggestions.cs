namespace Campaign.Core.Diagnostics;

/// <summary>Finds the nearest known word to a misspelt one, for "did you mean" hints.</summary>
public static class Suggestions
{
    public static string? Nearest(string word, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            var d = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { best = candidate; bestDistance = d; }
        }
        // A suggestion further away than half the word is noise, not help.
        return best is not null && bestDistance <= Math.Max(2, word.Length / 2) ? best : null;
    }

    public static string? DidYouMean(string word, IEnumerable<string> known) =>
        Nearest(word, known) is { } n ? $"did you mean `{n}`?" : null;

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
