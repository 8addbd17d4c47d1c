using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaign.Core.Model;
using Campaign.Site.Emit;
using Campaign.Site.Preview;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

/// <summary>A whole-database download and the number of records it holds.</summary>
public sealed record FindingDownload(string Name, GeneratedFile File, string Format, int? Records);

/// <summary>
/// Generates the findings' files before any page is rendered: the downloads at the site root
/// under <c>data/</c> (<c>findings.csv</c>, <c>findings.json</c>, <c>findings.schema.json</c>, listed with the site's other downloads), and per language the facet file the
/// filter script loads and, per finding, its JSON record, BibTeX and CSL-JSON. Everything is sorted and written
/// without clocks, so the same input gives the same bytes.
/// </summary>
public static class FindingExports
{
    public const string CsvPath = "data/findings.csv";
    public const string JsonPath = "data/findings.json";
    public const string SchemaPath = "data/findings.schema.json";

    /// <summary>The site's languages, default first, as the CSV columns and JSON objects order them.</summary>
    public static List<string> Languages(SiteConfig site)
    {
        var languages = new List<string> { site.DefaultLanguage };
        languages.AddRange(site.Languages.Select(l => l.Code).Where(c => c != site.DefaultLanguage));
        return languages;
    }

    /// <summary>A finding's page per language: absolute under the base URL when there is one.</summary>
    public static SortedDictionary<string, string> PageUrls(SiteConfig site, string id) =>
        new(site.Languages.ToDictionary(l => l.Code, l => Permanent(site, Urls.Finding(l.Code, id))), StringComparer.Ordinal);

    public static string Permanent(SiteConfig site, string rootRelative) => Citations.Citation.Permanent(site, rootRelative);

    /// <summary>
    /// What a finding's record depends on besides the finding: the base URL and the site's languages (its page URLs).
    /// Worked out once per build; records made in an equal context are reused.
    /// </summary>
    public static string RecordContext(SiteConfig site) =>
        (site.BaseUrl ?? "") + "\u001e" + string.Join('\u001f', site.Languages.Select(l => l.Code));

    /// <summary>
    /// A finding's record (<c>/&lt;lang&gt;/findings/&lt;id&gt;.json</c>, the same bytes in every language) and the same
    /// object as an element of <c>findings.json</c>'s array.
    /// </summary>
    public sealed record RecordPiece(byte[] Record, byte[] Element);

    /// <summary>The record of <paramref name="f"/>: remembered by <paramref name="memo"/> while the finding and the context stay the same.</summary>
    public static RecordPiece Record(SiteModel model, Finding f, FindingFilesMemo memo, string context) =>
        memo.Get("record", f, context, f =>
        {
            var record = RecordBytes(model, f);
            return new RecordPiece(record, Element(record));
        });

    /// <summary>The array-element indentation of <c>findings.json</c> (depth 2).</summary>
    private static readonly byte[] ElementIndent = "    "u8.ToArray();

    /// <summary>
    /// A record written at the top level, indented as an element of <c>findings.json</c>'s array: every line break gains the
    /// array's indentation and the final one goes. The writer escapes line breaks inside strings, so every raw line break is
    /// between tokens, and the bytes equal what the writer would put there itself.
    /// </summary>
    private static byte[] Element(byte[] record)
    {
        var body = record.AsSpan(0, record.Length - 1); // without the final line break
        var breaks = body.Count((byte)'\n');
        var element = new byte[body.Length + breaks * ElementIndent.Length];
        var at = 0;
        foreach (var b in body)
        {
            element[at++] = b;
            if (b != (byte)'\n') continue;
            ElementIndent.CopyTo(element, at);
            at += ElementIndent.Length;
        }
        return element;
    }

    /// <param name="editions">The language editions, whose published names and labels the CSV gives beside its codes.</param>
    public static IReadOnlyList<FindingDownload> WholeDatabase(SiteModel model, IReadOnlyList<Rendering.EditionViews> editions, GeneratedFiles generated,
        FindingFilesMemo? memo = null)
    {
        memo ??= new FindingFilesMemo();
        var site = model.Site;
        var byId = model.Findings.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var languages = Languages(site);
        GeneratedFile? csv = null, json = null;
        // the two large files side by side, each hashed as soon as it is made (the data page lists their hashes)
        Parallel.Invoke(() => csv = generated.Add(Spreadsheet(byId, languages, new FindingCsvLabels(editions, model), memo)), () => json = generated.Add(Database(model, byId, languages, memo)));
        Parallel.Invoke(() => _ = csv!.Sha256, () => _ = json!.Sha256);
        var schemaBytes = FindingSchema.Write(site, model.Content.Vocabularies, languages);
        var schema = generated.Add(SchemaPath, memo.Whole(SchemaPath, schemaBytes, [], () => schemaBytes)); // unchanged: the same array
        return [new("csv", csv!, "CSV", byId.Length), new("json", json!, "JSON", byId.Length), new("schema", schema, "JSON Schema", null)];
    }

    /// <summary><c>findings.json</c>: a head, then each finding's record as an element of the array.</summary>
    private static GeneratedFile Database(SiteModel model, ImmutableArray<Finding> byId, List<string> languages, FindingFilesMemo memo)
    {
        var site = model.Site;
        var recordContext = RecordContext(site);
        var elements = memo.Slots<byte[]>("element").Fill(byId, recordContext, (_, f) => Record(model, f, memo, recordContext).Element, parallel: true);
        var head = Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", "findings.schema.json"); // beside it in data/
            w.WriteNumber("version", 1);
            w.WriteString("title", site.Title.Get(site.DefaultLanguage, site.DefaultLanguage));
            if (site.Licence is not null) w.WriteString("licence", site.Licence);
            w.WriteStartArray("languages");
            foreach (var l in languages) w.WriteStringValue(l);
            w.WriteEndArray();
            if (LastReviewed(model) is { } last) w.WriteString("updated", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("count", byId.Length);
            w.WriteStartArray("findings");
        }, final: false);
        // the array as the writer would continue it: each element on a new line at depth 2, then the closing lines
        return memo.Whole(JsonPath, head, elements, () => new GeneratedFile(JsonPath, Pieces(head, elements, FirstElement, NextElement, byId.IsEmpty ? "]\n}\n"u8.ToArray() : "\n  ]\n}\n"u8.ToArray())));
    }

    /// <summary><c>findings.csv</c>: the lines of findings the memo holds for these columns, and new lines for the others.</summary>
    private static GeneratedFile Spreadsheet(ImmutableArray<Finding> byId, IReadOnlyList<string> languages, FindingCsvLabels labels, FindingFilesMemo memo)
    {
        var sources = FindingCsv.SourceColumns(byId);
        var context = string.Join('\u001f', languages) + "\u001e" + sources.ToString(CultureInfo.InvariantCulture) + "\u001e" + labels.Context;
        var lines = memo.Slots<byte[]>("csv").Fill(byId, context, (changed, lines) =>
        {
            var missing = new List<int>();
            foreach (var i in changed)
                if (!memo.TryGet("csv", byId[i], context, out lines[i]!)) missing.Add(i);
            if (missing.Count == 0) return;
            // one writer for all new lines: creating a CSV writer per line would cost more than the line
            var made = FindingCsv.Lines([.. missing.Select(i => byId[i])], languages, sources, labels);
            for (var k = 0; k < missing.Count; k++)
            {
                lines[missing[k]] = made[k];
                memo.Set("csv", byId[missing[k]], context, made[k]);
            }
        }, SameBytes);
        var header = FindingCsv.HeaderLine(languages, sources);
        return memo.Whole(CsvPath, header, lines, () => new GeneratedFile(CsvPath, Pieces([.. Encoding.UTF8.Preamble, .. header], lines, [], [], [])));
    }

    private static bool SameBytes(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

    private static readonly byte[] FirstElement = "\n    "u8.ToArray();
    private static readonly byte[] NextElement = ",\n    "u8.ToArray();

    /// <summary>
    /// <paramref name="head"/>, each part after <paramref name="first"/> (the first part) or <paramref name="next"/> (the others),
    /// then <paramref name="tail"/>, as pieces to write one after another: the same bytes as <see cref="Concat"/>, without the copy.
    /// </summary>
    private static List<ReadOnlyMemory<byte>> Pieces(byte[] head, byte[][] parts, byte[] first, byte[] next, byte[] tail)
    {
        var pieces = new List<ReadOnlyMemory<byte>>(parts.Length * 2 + 2) { head };
        for (var i = 0; i < parts.Length; i++)
        {
            var before = i == 0 ? first : next;
            if (before.Length > 0) pieces.Add(before);
            pieces.Add(parts[i]);
        }
        if (tail.Length > 0) pieces.Add(tail);
        return pieces;
    }

    /// <summary><paramref name="head"/>, the parts each after <paramref name="before"/> and separated by <paramref name="separator"/>, then <paramref name="tail"/>.</summary>
    private static byte[] Concat(byte[] head, IReadOnlyList<byte[]> parts, ReadOnlySpan<byte> before, ReadOnlySpan<byte> separator, ReadOnlySpan<byte> tail)
    {
        var length = head.LongLength + tail.Length + parts.Sum(p => (long)p.Length) + parts.Count * (long)before.Length + Math.Max(0, parts.Count - 1) * (long)separator.Length;
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        var at = head.Length;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) { separator.CopyTo(bytes.AsSpan(at)); at += separator.Length; }
            before.CopyTo(bytes.AsSpan(at));
            at += before.Length;
            parts[i].CopyTo(bytes, at);
            at += parts[i].Length;
        }
        tail.CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    public static DateOnly? LastReviewed(SiteModel model) => model.Findings.IsEmpty ? null : model.Findings.Max(f => f.Reviewed);

    /// <summary>The bytes of a finding's record, the same in every language (so one array can serve them all).</summary>
    public static byte[] RecordBytes(SiteModel model, Finding f) => Json(w => FindingJson.Write(w, f, PageUrls(model.Site, f.Id)));

    /// <summary>
    /// A finding's files in one language: its record and its citation (biblatex, CSL-JSON, RIS). Remembered, paths and all, while the citation reads
    /// the same and the record is the same array, so an unchanged finding costs a lookup and its files keep their hashes.
    /// </summary>
    public static GeneratedFile[] Files(string lang, Finding f, Citations.Citation citation, byte[] record, FindingFilesMemo memo) =>
        memo.Get("files:" + lang, f, (citation, record), f => (GeneratedFile[])
        [
            new($"{lang}/findings/{f.Id}.json", record),
            .. Citations.CitationView.Files(citation, $"{lang}/findings/{f.Id}/", f.Id),
        ]);

    /// <summary>
    /// The compact file the filter script loads instead of every record: each facet's values with their labels in
    /// this language, and one row per finding in list order: <c>[id, title, company, technology, buyer type, [places], from, to, licence, kind]</c>
    /// (from and to 0 when the sources give no year, kind -1 when the finding does not say),
    /// facet fields given as positions in that facet's value list. A row depends on its finding, the language and the catalogue's
    /// facets, so a live preview that reuses the catalogue keeps the rows of unchanged findings.
    /// </summary>
    public static GeneratedFile Facets(FindingCatalog catalog, FindingViewFactory views, IReadOnlyDictionary<string, string> strings, GeneratedFiles generated,
        FindingFilesMemo? memo = null)
    {
        memo ??= new FindingFilesMemo();
        var index = new Lazy<Dictionary<string, Dictionary<string, int>>>(() => catalog.Facets.ToDictionary(f => f.Name,
            f => f.Values.Select((v, i) => (v.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal)));
        var head = Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteString("lang", views.Code);
            w.WriteNumber("count", catalog.Findings.Length);
            w.WriteStartArray("facets");
            foreach (var facet in catalog.Facets)
            {
                w.WriteStartObject();
                w.WriteString("name", facet.Name);
                w.WriteString("label", strings.GetValueOrDefault(facet.LabelKey, facet.Name));
                w.WriteStartArray("values");
                foreach (var v in facet.Values)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(v.Key);
                    w.WriteStringValue(views.Text(v.Label));
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("rows");
        }, indented: false, final: false);
        var context = (views.Code, catalog.Facets);
        var kind = "facets:" + views.Code;
        var rows = memo.Slots<byte[]>(kind).Fill(catalog.Findings, context, (_, finding) => memo.Get(kind, finding, context, f => Json(w =>
            {
                var at = index.Value;
                w.WriteStartArray();
                w.WriteStringValue(f.Id);
                w.WriteStringValue(views.Text(f.Title));
                w.WriteNumberValue(at["company"][f.Company]);
                w.WriteNumberValue(at["technology"][f.Technology]);
                w.WriteNumberValue(at["buyer-type"][f.Buyer.Type]);
                w.WriteStartArray();
                foreach (var p in views.PlaceKeys(f)) w.WriteNumberValue(at["place"][p]);
                w.WriteEndArray();
                w.WriteNumberValue(f.Years.From);
                w.WriteNumberValue(f.Years.To);
                w.WriteNumberValue(at["licence"][f.Licence]);
                w.WriteNumberValue(f.Kind is not null && at.TryGetValue("kind", out var kinds) ? kinds[f.Kind] : -1);
                w.WriteEndArray();
            }, indented: false, final: false)), same: SameBytes);
        // the rows as the compact writer would continue the array: comma-separated, then the closing brackets
        var path = $"{views.Code}/findings/facets.json";
        var json = memo.Whole(path, head, rows, () => Concat(head, rows, [], ","u8, "]}\n"u8));
        // The same data as a script, for the index opened from disk, where findings.js cannot fetch(). JSON is a
        // JavaScript expression, and the writer escapes < > & ' ", so the file holds nothing but this one call.
        var script = memo.Whole($"{views.Code}/findings/facets.js", [], [json], () =>
            Concat("CampaignFindings.deliver("u8.ToArray(), [json[..^1]], [], [], ");\n"u8));
        generated.Add($"{views.Code}/findings/facets.js", script);
        return generated.Add(path, json);
    }

    /// <param name="final">False for the start of a file or a piece of one: no line break after it (the writer may stop mid-array).</param>
    private static byte[] Json(Action<Utf8JsonWriter> write, bool indented = true, bool final = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, FindingJson.Options with { Indented = indented })) write(w);
        if (final) stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
