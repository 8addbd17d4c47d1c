using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaign.Core.Model;
using Campaign.Site.Emit;
using Campaign.Site.Planning;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

/// <summary>A whole-database download and the number of records it holds.</summary>
public sealed record FindingDownload(string Name, GeneratedFile File, string Format, int? Records);

/// <summary>
/// Generates the findings' files before any page is rendered: the downloads at the site root
/// under <c>data/</c> (<c>findings.csv</c>, <c>findings.json</c>, <c>findings.schema.json</c>, listed with the site's other downloads), and per language the facet file the
/// filter script loads; each finding's JSON record is one file for all languages (<see cref="Urls.FindingRecord"/>). Everything is sorted and written
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
        return [.. site.CodesDefaultFirst];
    }

    /// <summary>A finding's page per language: absolute under the base URL when there is one.</summary>
    public static SortedDictionary<string, string> PageUrls(RecordContext context, string id) =>
        new(context.Languages.ToDictionary(l => l, l => Citations.Citation.Permanent(context.BaseUrl, Urls.Finding(l, id))), StringComparer.Ordinal);


    /// <summary>What every finding's record reads besides the finding, in this build.</summary>
    public static RecordContext RecordContextOf(SiteConfig site) => new(site.BaseUrl, [.. site.Languages.Select(l => l.Code)]);

    /// <summary>
    /// A record as an element of <c>findings.json</c>'s array: the record without its final line break. Records are
    /// compact (no indentation: a fifth of their bytes), so each element is one line of the database, one finding a line.
    /// </summary>
    internal static byte[] Element(byte[] record) => record[..^1];

    /// <summary>The whole-database downloads: <c>findings.csv</c>, <c>findings.json</c> and its schema.</summary>
    /// <param name="byId">Every finding, by id (<see cref="FindingCatalog.ById()"/>).</param>
    /// <param name="records">Every finding's record, in the same order.</param>
    /// <param name="editions">The language editions, whose published names and labels the CSV gives beside its codes.</param>
    public static IReadOnlyList<FindingDownload> WholeDatabase(SiteModel model, ImmutableArray<Finding> byId, IReadOnlyList<RecordPiece> records,
        IReadOnlyList<Rendering.EditionViews> editions, GeneratedFiles generated, IProjector projector)
    {
        var site = model.Site;
        var languages = Languages(site);
        GeneratedFile? csv = null, json = null;
        // the two large files side by side, each hashed as soon as it is made (the data page lists their hashes)
        Parallel.Invoke(() => csv = generated.Add(Spreadsheet(byId, languages, FindingCsvLabels.Of(editions, model), projector)),
            () => json = generated.Add(Database(model, records, languages, projector)));
        Parallel.Invoke(() => _ = csv!.Sha256, () => _ = json!.Sha256);
        var schema = generated.Add(SchemaPath, projector.Joined(Unchanged, SchemaPath, FindingSchema.Write(site, model.Content.Vocabularies, languages), []));
        return [new("csv", csv!, "CSV", byId.Length), new("json", json!, "JSON", byId.Length), new("schema", schema, "JSON Schema", null)];
    }

    private static readonly byte[] FirstElement = "\n"u8.ToArray();
    private static readonly byte[] NextElement = ",\n"u8.ToArray();

    /// <summary>A file's bytes as they are (a live preview hands back the very array it made while they read the same, hash and all).</summary>
    internal static readonly Join<byte[], byte[], byte[]> Unchanged = new("unchanged-file", static (bytes, _) => bytes);

    private static readonly Join<byte[], byte[], GeneratedFile> JsonFile = new("findings-json", static (head, elements) =>
        new GeneratedFile(JsonPath, Pieces(head, elements, FirstElement, NextElement, elements.Count == 0 ? "]}\n"u8.ToArray() : "\n]}\n"u8.ToArray())));

    private static readonly Join<byte[], byte[], GeneratedFile> CsvFile = new("findings-csv", static (header, lines) =>
        new GeneratedFile(CsvPath, Pieces([.. Encoding.UTF8.Preamble, .. header], lines, [], [], [])));

    /// <summary><c>findings.json</c>: a head, then each finding's record (given by id) as an element of the array.</summary>
    private static GeneratedFile Database(SiteModel model, IReadOnlyList<RecordPiece> records, List<string> languages, IProjector projector)
    {
        var site = model.Site;
        var elements = records.Select(r => r.Element).ToArray();
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
            w.WriteNumber("count", elements.Length);
            w.WriteStartArray("findings");
        }, final: false);
        // compact, but each element on a line of its own (one finding a line, which diffs and greps well), then the closing line
        return projector.Joined(JsonFile, JsonPath, head, elements);
    }

    /// <summary><c>findings.csv</c>: the header line and one line per finding, by id.</summary>
    private static GeneratedFile Spreadsheet(ImmutableArray<Finding> byId, IReadOnlyList<string> languages, FindingCsvLabels labels, IProjector projector)
    {
        var context = new CsvContext([.. languages], FindingCsv.SourceColumns(byId), labels);
        var lines = projector.Each(FindingProjections.CsvLine, byId, context);
        return projector.Joined(CsvFile, CsvPath, FindingCsv.HeaderLine(languages, context.Sources), lines);
    }


    /// <summary>
    /// <paramref name="head"/>, each part after <paramref name="first"/> (the first part) or <paramref name="next"/> (the others),
    /// then <paramref name="tail"/>, as pieces to write one after another: the same bytes as <see cref="Concat"/>, without the copy.
    /// </summary>
    private static List<ReadOnlyMemory<byte>> Pieces(byte[] head, IReadOnlyList<byte[]> parts, byte[] first, byte[] next, byte[] tail)
    {
        var pieces = new List<ReadOnlyMemory<byte>>(parts.Count * 2 + 2) { head };
        for (var i = 0; i < parts.Count; i++)
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
    public static byte[] RecordBytes(Finding f, RecordContext context) => Json(w => FindingJson.Write(w, f, PageUrls(context, f.Id)));

    /// <summary>
    /// The compact file the filter script loads instead of every record: each facet's values with their labels in
    /// this language, and one row per finding in list order (<see cref="FacetRow"/>).
    /// </summary>
    public static GeneratedFile Facets(FindingCatalog catalog, FindingViewFactory views, GeneratedFiles generated, IProjector projector)
    {
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
                w.WriteString("label", views.Strings.GetValueOrDefault(facet.LabelKey, facet.Name));
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
        }, final: false);
        var positions = catalog.Facets.ToDictionary(f => f.Name,
            f => (IReadOnlyDictionary<string, int>)f.Values.Select((v, i) => (v.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal), StringComparer.Ordinal);
        var rows = projector.Each(FindingProjections.FacetRow, catalog.Findings, new FacetRowContext(views.Code, views.Fallback, positions));
        // the rows as the compact writer would continue the array: comma-separated, then the closing brackets
        var path = $"{views.Code}/findings/facets.json";
        var json = projector.Joined(FacetsJson, path, head, rows);
        // The same data as a script, for the index opened from disk, where findings.js cannot fetch(). JSON is a
        // JavaScript expression, and the writer escapes < > & ' ", so the file holds nothing but this one call.
        generated.Add($"{views.Code}/findings/facets.js", projector.Joined(FacetsScript, path, "", [json]));
        return generated.Add(path, json);
    }

    private static readonly Join<byte[], byte[], byte[]> FacetsJson = new("facets-json", static (head, rows) => Concat(head, rows, [], ","u8, "]}\n"u8));

    private static readonly Join<byte[], string, byte[]> FacetsScript = new("facets-js", static (_, json) =>
        Concat("CampaignFindings.deliver("u8.ToArray(), [json[0][..^1]], [], [], ");\n"u8));

    /// <summary>
    /// A finding's row of the facet file: <c>[id, title, company, technology, buyer type, [places], from, to, licence, kind]</c>
    /// (from and to 0 when the sources give no year, kind -1 when the finding does not say), facet fields given as
    /// positions in that facet's value list.
    /// </summary>
    public static byte[] FacetRow(Finding f, FacetRowContext c) => Json(w =>
    {
        var at = c.Positions;
        w.WriteStartArray();
        w.WriteStringValue(f.Id);
        w.WriteStringValue(f.Title.Get(c.Code, c.Fallback));
        w.WriteNumberValue(at[FacetKeys.Company][f.Company]);
        w.WriteNumberValue(at[FacetKeys.Technology][f.Technology]);
        w.WriteNumberValue(at[FacetKeys.BuyerType][f.Buyer.Type]);
        w.WriteStartArray();
        foreach (var p in FindingCatalog.Places(f).Select(t => FindingCatalog.PlaceKey(t, c.Fallback)).Distinct()) w.WriteNumberValue(at[FacetKeys.Place][p]);
        w.WriteEndArray();
        w.WriteNumberValue(f.Years.From);
        w.WriteNumberValue(f.Years.To);
        w.WriteNumberValue(at[FacetKeys.Licence][f.Licence]);
        w.WriteNumberValue(f.Kind is not null && at.TryGetValue(FacetKeys.Kind, out var kinds) ? kinds[f.Kind] : -1);
        w.WriteEndArray();
    }, final: false);

    /// <param name="final">False for the start of a file or a piece of one: no line break after it (the writer may stop mid-array).</param>
    /// <summary>Compact JSON: published data is read by programs, and indentation was a fifth of the records' bytes.</summary>
    private static byte[] Json(Action<Utf8JsonWriter> write, bool final = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, FindingJson.Options with { Indented = false })) write(w);
        if (final) stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
