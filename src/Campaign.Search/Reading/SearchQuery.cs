using Campaign.Search.Analysis;

namespace Campaign.Search.Reading;

/// <summary>A phrase of the query: consecutive terms of one script, with their positions relative to the first.</summary>
public sealed record QueryPhrase(IReadOnlyList<(string Term, int Offset)> Terms);

/// <summary>
/// The last word of a query typed as a prefix: <paramref name="Text"/> (lower case, not stemmed) is matched against the
/// start of every indexed term, and <paramref name="Term"/> is the word's own analysed term among the query's terms.
/// </summary>
public sealed record QueryPrefix(string Text, string Term);

/// <summary>
/// Another way of writing some words of the query: <paramref name="Words"/> (two adjacent words, "face reader", or one
/// compound, "FaceReader") are also matched by <paramref name="Instead"/> (the joined word, or the compound's parts).
/// </summary>
public sealed record QueryCompound(IReadOnlyList<string> Words, IReadOnlyList<string> Instead);

/// <summary>
/// A query as the ranking sees it: its distinct terms (each scored in every field, as a Lucene <c>TermQuery</c> per field,
/// and each required), its phrases (a run of two or more terms of one script, scored as a Lucene <c>PhraseQuery</c>), so
/// documents holding the words together rank above those holding them apart, and the last word as a prefix when it is
/// still being typed. search.js builds the same from the same analysis (<c>parseQuery</c>).
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Terms, IReadOnlyList<QueryPhrase> Phrases, QueryPrefix? Prefix = null,
    IReadOnlyList<QueryCompound>? Compounds = null)
{
    /// <summary>The compounds, none when null.</summary>
    public IReadOnlyList<QueryCompound> Variants => Compounds ?? [];

    /// <summary>A word shorter than this is not matched as a prefix (too many terms begin with two letters).</summary>
    public const int MinPrefixLength = 3;

    /// <summary>At most this many term shards are read for a prefix, so the requests of a query stay bounded.</summary>
    public const int PrefixShards = 2;

    /// <summary>At most this many terms a prefix stands for: those found in the most documents.</summary>
    public const int MaxExpansions = 16;

    /// <summary>A term found by prefix counts this much of its BM25 score (the word as typed counts fully).</summary>
    public const double PrefixWeight = 0.5;

    /// <param name="asYouType">Whether the last word, when it ends the text, is matched as a prefix too.</param>
    /// <param name="compounds">Whether compounds are matched written apart and adjacent words written together.</param>
    public static SearchQuery Parse(string text, bool asYouType = true, bool compounds = true)
    {
        var normalized = SearchText.Normalize(text);
        var analyzer = new SearchAnalyzer();
        var tokens = Tokens.Of(analyzer, text);
        var query = FromTokens(tokens);
        if (compounds) query = query with { Compounds = CompoundsOf(normalized, tokens, t => [.. Tokens.Of(analyzer, t).Select(x => x.Term).Distinct(StringComparer.Ordinal)]) };
        if (!asYouType || tokens.Count == 0) return query;
        var last = tokens[^1];
        if (last.Han || last.End != normalized.Length || last.End - last.Start < MinPrefixLength) return query;
        return query with { Prefix = new QueryPrefix(normalized[last.Start..last.End].ToLowerInvariant(), last.Term) };
    }

    /// <summary>
    /// A word written as a compound of capitalised parts (FaceReader) is also its parts (face reader); two adjacent
    /// words of letters (face reader) are also the one word they make together (facereader). Left to right, each
    /// word in one compound at most; search.js's <c>compoundsOf</c> does the same.
    /// </summary>
    private static List<QueryCompound> CompoundsOf(string normalized, IReadOnlyList<AnalyzedToken> tokens, Func<string, List<string>> analyse)
    {
        var result = new List<QueryCompound>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Han || used.Contains(t.Term)) continue;
            var raw = normalized[t.Start..t.End];
            var parts = new List<string>();
            var from = 0;
            for (var k = 1; k < raw.Length; k++)
                if (char.IsLower(raw[k - 1]) && char.IsUpper(raw[k])) { parts.Add(raw[from..k]); from = k; }
            parts.Add(raw[from..]);
            if (parts.Count >= 2 && analyse(string.Join(' ', parts)) is { Count: >= 2 } apart)
            {
                result.Add(new QueryCompound([t.Term], apart));
                used.Add(t.Term);
                continue;
            }
            if (i + 1 >= tokens.Count) continue;
            var next = tokens[i + 1];
            if (next.Han || next.Position != t.Position + 1 || used.Contains(next.Term) || next.Term == t.Term) continue;
            var nextRaw = normalized[next.Start..next.End];
            if (!raw.All(char.IsLetter) || !nextRaw.All(char.IsLetter)) continue;
            if (analyse(raw + nextRaw) is [var joined] && joined != t.Term && joined != next.Term)
            {
                result.Add(new QueryCompound([t.Term, next.Term], [joined]));
                used.Add(t.Term);
                used.Add(next.Term);
                i++;
            }
        }
        return result;
    }

    public static SearchQuery FromTokens(IReadOnlyList<AnalyzedToken> tokens)
    {
        var terms = tokens.Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        var phrases = new List<QueryPhrase>();
        var start = 0;
        for (var i = 1; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && tokens[i].Han == tokens[start].Han) continue;
            if (i - start >= 2)
                phrases.Add(new QueryPhrase([.. tokens.Skip(start).Take(i - start).Select(t => (t.Term, t.Position - tokens[start].Position))]));
            start = i;
        }
        return new SearchQuery(terms, phrases);
    }

    public bool IsEmpty => Terms.Count == 0;
}
