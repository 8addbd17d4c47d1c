using BenchmarkDotNet.Attributes;
using Campaign.Search.Analysis;
using Campaign.Generate;
using Lucene.Net.Analysis.TokenAttributes;

namespace Campaign.Benchmarks.Micro;

/// <summary>The search analysis (NFKC, Han bigrams, lower case, stop words, stemming) over a report's worth of Chinese and of English text.</summary>
public class ChineseAnalysisBenchmarks
{
    private readonly SearchAnalyzer _analyzer = new();
    private string _zh = "";
    private string _en = "";

    [GlobalSetup]
    public void Setup()
    {
        var report = SyntheticCampaign.Create(10).Reports[0];
        _zh = string.Join("\n", report.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Zh));
        _en = string.Join("\n", report.Sections.SelectMany(s => s.Paragraphs).Select(p => p.En));
    }

    [Benchmark]
    public int Chinese() => Tokens(_zh);

    [Benchmark]
    public int English() => Tokens(_en);

    private int Tokens(string text)
    {
        using var stream = _analyzer.GetTokenStream("body", SearchText.Normalize(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var count = 0;
        while (stream.IncrementToken()) count += term.Length > 0 ? 1 : 0;
        stream.End();
        return count;
    }
}
