using Campaign.Search.Index;

namespace Campaign.Search.Reading;

/// <summary>
/// BM25 as Lucene 4.8's <c>BM25Similarity</c> computes it, in double precision (search.js does the same arithmetic
/// in the same order, so both agree to the last digits): idf = ln(1 + (N − n + 0.5)/(n + 0.5)) with N the number of
/// documents; avgdl = (float)(sumTotalTermFreq / N); the length is the quantised one Lucene stores in its norm byte.
/// </summary>
public static class Bm25
{
    public static double Idf(long docFreq, double docs) => Math.Log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));

    /// <summary>k1·(1 − b + b·dl/avgdl) for each norm byte of field <paramref name="field"/>.</summary>
    public static double[] LengthNorms(IndexManifest m, int field)
    {
        var avgdl = (double)(float)(m.Fields[field].SumTotalTermFreq / (double)m.Docs);
        if (m.Fields[field].SumTotalTermFreq <= 0) avgdl = 1;
        var result = new double[256];
        for (var i = 0; i < 256; i++)
            result[i] = IndexFormat.K1 * (1 - IndexFormat.B + IndexFormat.B * IndexFormat.LengthTable[i] / avgdl);
        return result;
    }

    /// <summary>Scores are sorted at a millionth, so last-digit differences between C# and JavaScript cannot reorder ties.</summary>
    public static long SortKey(double score) => (long)Math.Round(score * 1e6, MidpointRounding.AwayFromZero);
}
