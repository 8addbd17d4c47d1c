using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Campaign.Search.Analysis;

/// <summary>
/// The analysis of every indexed field and every query, in both languages:
/// <see cref="SiteTokenizer"/> → <c>CJKBigramFilter</c> (adjacent Han characters become overlapping bigrams,
/// a lone one stays a unigram) → lower case → English stop words (positions kept as gaps) → Porter stemmer.
/// English text has no Han, so for it this is tokenise, lower-case, stop, stem; Chinese text becomes bigrams,
/// which measured recall (src/Campaign.Search/README.md) chose over SmartCn words, because the dictionary splits
/// names it does not know (安讯士, 诺达思, 天网) into single characters and the browser has no dictionary.
/// </summary>
public sealed class SearchAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Lucene's English stop words (<c>StopAnalyzer.ENGLISH_STOP_WORDS_SET</c>); search.js holds the same 33 words.</summary>
    public static CharArraySet StopWords => StopAnalyzer.ENGLISH_STOP_WORDS_SET;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new SiteTokenizer(reader);
        TokenStream stream = new CJKBigramFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
