using System.Text;
using System.Text.Json;
using Campaign.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Campaign.Search.Index;

/// <summary>One file of a language's index, with its path under that language's index folder (<c>t/3f.bin</c>).</summary>
public sealed record IndexFile(string Path, byte[] Bytes);

/// <summary>
/// Builds a language's static sharded index, the files the browser reads, from its documents: each document analysed
/// as Lucene's indexer inverts it (same terms, positions and quantised lengths), postings exported per term.
/// Same documents in, same bytes out: documents are ordered by URL, terms ordinally, JSON written by hand-picked order.
/// A live preview keeps an <see cref="IncrementalIndex"/> per language instead, which gives the same bytes.
/// </summary>
public static class SearchIndexBuilder
{
    /// <summary>The index files of <paramref name="corpus"/>, ordered by path, built from nothing; then, when <paramref name="packs"/>, the scripts for pages opened from disk (<see cref="ScriptPacks"/>).</summary>
    public static IReadOnlyList<IndexFile> Build(SearchCorpus corpus, bool packs = false) => new IncrementalIndex().Build(corpus, packs);

    /// <summary>
    /// A Lucene index of the documents in order (one segment, so Lucene's doc ids are list positions) with BM25: not
    /// used to build, but by tests that check the exported postings and our ranking against Lucene's own.
    /// </summary>
    internal static RAMDirectory BuildLuceneIndex(IReadOnlyList<SearchDocument> docs)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(SearchAnalyzer.Version, new SearchAnalyzer())
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var d in docs)
            {
                var doc = new Document
                {
                    new StringField("url", d.Url, Field.Store.YES),
                    new TextField("title", SearchText.Normalize(d.TitleText), Field.Store.NO),
                    new TextField("body", SearchText.Normalize(d.Body), Field.Store.NO),
                };
                writer.AddDocument(doc);
            }
            writer.ForceMerge(1);
            writer.Commit();
        }
        return directory;
    }

    /// <summary>
    /// The start of the text as written (punctuation, case and characters untouched: the client shows it as it is), with
    /// each run of white space made one space, or none where a line break falls between two Chinese characters or
    /// marks (a paragraph break in Chinese prose is no space); cut at a whole character (never inside a surrogate pair).
    /// </summary>
    internal static string Excerpt(string body)
    {
        var sb = new StringBuilder(Math.Min(body.Length, 4 * IndexFormat.ExcerptChars));
        var i = 0;
        while (i < body.Length && char.IsWhiteSpace(body[i])) i++;
        while (i < body.Length && sb.Length <= IndexFormat.ExcerptChars)
        {
            if (!char.IsWhiteSpace(body[i])) { sb.Append(body[i++]); continue; }
            var start = i;
            var lineBreak = false;
            while (i < body.Length && char.IsWhiteSpace(body[i])) lineBreak |= body[i++] == '\n';
            if (i == body.Length) break;
            if (!(lineBreak && IsChinese(body, start - 1) && IsChinese(body, i))) sb.Append(' ');
        }
        var text = sb.ToString();
        if (text.Length <= IndexFormat.ExcerptChars) return text;
        var cut = IndexFormat.ExcerptChars;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut];
    }

    /// <summary>Han, CJK punctuation (、。「」《》) or a full-width form (，：（）) at <paramref name="at"/>.</summary>
    private static bool IsChinese(string text, int at)
    {
        if (at < 0 || at >= text.Length) return false;
        var c = text[at];
        if (char.IsHighSurrogate(c)) return at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]) && SearchText.IsHan(char.ConvertToUtf32(c, text[at + 1]));
        if (char.IsLowSurrogate(c)) return at > 0 && char.IsHighSurrogate(text[at - 1]) && SearchText.IsHan(char.ConvertToUtf32(text[at - 1], c));
        return SearchText.IsHan(c) || c is (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF') or '“' or '”' or '‘' or '’';
    }

    /// <summary>
    /// A field's text as a document shard stores it, for a reader to find a phrase's positions by analysing it again:
    /// as written, which the analysis normalises itself (NFKC) and which gzip shares with the title and excerpt beside
    /// it; but with Traditional-only characters in their Simplified forms where there are any, since the browser loads
    /// that table only for queries that need it (<see cref="SearchText.Normalize"/>).
    /// </summary>
    internal static string StoredText(string text)
    {
        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var simplified = Analysis.ChineseVariants.Simplify(nfkc);
        return string.Equals(simplified, nfkc, StringComparison.Ordinal) ? text : simplified;
    }

    /// <summary>The browser's Traditional-to-Simplified table for an index whose terms are <paramref name="terms"/> (<see cref="Analysis.ChineseVariants.PairsFor"/>).</summary>
    internal static string Variants(IEnumerable<string> terms)
    {
        var han = new HashSet<char>();
        foreach (var term in terms)
            foreach (var c in term)
                if (c is >= '\u3400' and <= '\uFAFF') han.Add(c);
        return Analysis.ChineseVariants.PairsFor(han);
    }

    internal static byte[] Manifest(string lang, int docs, int docsPerShard, IReadOnlyList<string> termStarts, long[] sums, IReadOnlyList<string> kinds,
        IReadOnlyList<SearchCompany> companies, IReadOnlyList<int> years, int yearBase, int variants, IReadOnlyList<string> packs)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", IndexFormat.Version);
            json.WriteString("lang", lang);
            json.WriteNumber("docs", docs);
            json.WriteNumber("docsPerShard", docsPerShard);
            json.WriteNumber("termShards", termStarts.Count);
            json.WriteStartArray("termStarts");
            foreach (var start in termStarts) json.WriteStringValue(start);
            json.WriteEndArray();
            json.WriteNumber("k1", IndexFormat.K1);
            json.WriteNumber("b", IndexFormat.B);
            json.WriteStartArray("fields");
            for (var f = 0; f < IndexFormat.Fields.Count; f++)
            {
                json.WriteStartObject();
                json.WriteString("name", IndexFormat.Fields[f].Name);
                json.WriteNumber("boost", IndexFormat.Fields[f].Boost);
                json.WriteNumber("sumTotalTermFreq", sums[f]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("kinds");
            foreach (var k in kinds) json.WriteStringValue(k);
            json.WriteEndArray();
            json.WriteStartArray("companies");
            foreach (var c in companies)
            {
                json.WriteStartArray();
                json.WriteStringValue(c.Slug);
                json.WriteStringValue(c.Name);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteNumber("yearBase", yearBase);
            json.WriteStartArray("years");
            if (years.Count > 0) { json.WriteNumberValue(years.Min()); json.WriteNumberValue(years.Max()); }
            json.WriteEndArray();
            json.WriteNumber("variants", variants);
            json.WriteStartArray("packs");
            foreach (var first in packs) json.WriteStringValue(first);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }
}
