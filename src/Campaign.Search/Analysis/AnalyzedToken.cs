using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Campaign.Search.Analysis;

/// <summary>A term as an analyzer produced it, with its position, whether it came from Han text and where it stands in the normalised text.</summary>
public sealed record AnalyzedToken(string Term, int Position, bool Han, int Start = 0, int End = 0);

/// <summary>Runs a Lucene analyzer over a text and lists its tokens.</summary>
public static class Tokens
{
    public static IReadOnlyList<AnalyzedToken> Of(Analyzer analyzer, string text, string field = "body")
    {
        var result = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, SearchText.Normalize(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            result.Add(new AnalyzedToken(term.ToString(), position, type.Type is "<IDEOGRAPHIC>" or "<SINGLE>" or "<DOUBLE>",
                offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return result;
    }
}
