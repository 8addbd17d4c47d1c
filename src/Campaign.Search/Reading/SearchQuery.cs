using Campaign.Search.Analysis;

namespace Campaign.Search.Reading;

/// <summary>A phrase of the query: consecutive terms of one script, with their positions relative to the first.</summary>
public sealed record QueryPhrase(IReadOnlyList<(string Term, int Offset)> Terms);

/// <summary>
/// A query as the ranking sees it: its distinct terms (each scored in every field, as a Lucene <c>TermQuery</c> per field)
/// and its phrases (a run of two or more terms of one script, scored as a Lucene <c>PhraseQuery</c>), so documents
/// holding the words together rank above those holding them apart. search.js builds the same from the same analysis.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Terms, IReadOnlyList<QueryPhrase> Phrases)
{
    public static SearchQuery Parse(string text) => FromTokens(Tokens.Of(new SearchAnalyzer(), text));

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
