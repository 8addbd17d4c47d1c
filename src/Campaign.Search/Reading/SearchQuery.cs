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
/// A query as the ranking sees it: its distinct terms (each scored in every field, as a Lucene <c>TermQuery</c> per field,
/// and each required), its phrases (a run of two or more terms of one script, scored as a Lucene <c>PhraseQuery</c>), so
/// documents holding the words together rank above those holding them apart, and the last word as a prefix when it is
/// still being typed. search.js builds the same from the same analysis (<c>parseQuery</c>).
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Terms, IReadOnlyList<QueryPhrase> Phrases, QueryPrefix? Prefix = null)
{
    /// <summary>A word shorter than this is not matched as a prefix (too many terms begin with two letters).</summary>
    public const int MinPrefixLength = 3;

    /// <summary>At most this many term shards are read for a prefix, so the requests of a query stay bounded.</summary>
    public const int PrefixShards = 2;

    /// <summary>At most this many terms a prefix stands for: those found in the most documents.</summary>
    public const int MaxExpansions = 16;

    /// <summary>A term found by prefix counts this much of its BM25 score (the word as typed counts fully).</summary>
    public const double PrefixWeight = 0.5;

    /// <param name="asYouType">Whether the last word, when it ends the text, is matched as a prefix too.</param>
    public static SearchQuery Parse(string text, bool asYouType = true)
    {
        var normalized = SearchText.Normalize(text);
        var tokens = Tokens.Of(new SearchAnalyzer(), text);
        var query = FromTokens(tokens);
        if (!asYouType || tokens.Count == 0) return query;
        var last = tokens[^1];
        if (last.Han || last.End != normalized.Length || last.End - last.Start < MinPrefixLength) return query;
        return query with { Prefix = new QueryPrefix(normalized[last.Start..last.End].ToLowerInvariant(), last.Term) };
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
