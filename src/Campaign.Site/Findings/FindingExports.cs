using System.Text;
using System.Globalization;
using System.Text.Json;
using Campaign.Core.Model;
using Campaign.Site.Emit;
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

    public static string Permanent(SiteConfig site, string rootRelative) =>
        site.BaseUrl is { } b ? b.TrimEnd('/') + rootRelative : rootRelative;

    public static IReadOnlyList<FindingDownload> WholeDatabase(SiteModel model, GeneratedFiles generated)
    {
        var site = model.Site;
        var byId = model.Findings.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        var languages = Languages(site);
        var csv = generated.Add(CsvPath, FindingCsv.Write(byId, languages));
        var json = generated.Add(JsonPath, Json(w =>
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
            w.WriteNumber("count", byId.Count);
            w.WriteStartArray("findings");
            foreach (var f in byId) FindingJson.Write(w, f, PageUrls(site, f.Id));
            w.WriteEndArray();
            w.WriteEndObject();
        }));
        var schema = generated.Add(SchemaPath, FindingSchema.Write(site, model.Content.Vocabularies, languages));
        return [new("csv", csv, "CSV", byId.Count), new("json", json, "JSON", byId.Count), new("schema", schema, "JSON Schema", null)];
    }

    public static DateOnly? LastReviewed(SiteModel model) => model.Findings.IsEmpty ? null : model.Findings.Max(f => f.Reviewed);

    /// <summary>One finding's record at <c>/&lt;lang&gt;/findings/&lt;id&gt;.json</c>: the same object as in findings.json.</summary>
    public static void Record(SiteModel model, string lang, Finding f, GeneratedFiles generated) =>
        generated.Add($"{lang}/findings/{f.Id}.json", RecordBytes(model, f));

    /// <summary>The bytes of a finding's record, the same in every language (so one array can serve them all).</summary>
    public static byte[] RecordBytes(SiteModel model, Finding f) => Json(w => FindingJson.Write(w, f, PageUrls(model.Site, f.Id)));

    public static void Citation(string lang, Finding f, Citation citation, GeneratedFiles generated)
    {
        generated.Add($"{lang}/findings/{f.Id}/{f.Id}.bib", Citations.BibTeX(citation));
        generated.Add($"{lang}/findings/{f.Id}/{f.Id}.csl.json", Citations.CslJson(citation));
    }

    /// <summary>
    /// The compact file the filter script loads instead of every record: each facet's values with their labels in
    /// this language, and one row per finding in list order: <c>[id, title, company, technology, buyer type, [places], from, to, licence]</c>,
    /// facet fields given as positions in that facet's value list.
    /// </summary>
    public static GeneratedFile Facets(FindingCatalog catalog, FindingViewFactory views, IReadOnlyDictionary<string, string> strings, GeneratedFiles generated)
    {
        var index = catalog.Facets.ToDictionary(f => f.Name,
            f => f.Values.Select((v, i) => (v.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal));
        var json = Json(w =>
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
            foreach (var f in catalog.Findings)
            {
                w.WriteStartArray();
                w.WriteStringValue(f.Id);
                w.WriteStringValue(views.Text(f.Title));
                w.WriteNumberValue(index["company"][f.Company]);
                w.WriteNumberValue(index["technology"][f.Technology]);
                w.WriteNumberValue(index["buyer-type"][f.Buyer.Type]);
                w.WriteStartArray();
                foreach (var p in views.PlaceKeys(f)) w.WriteNumberValue(index["place"][p]);
                w.WriteEndArray();
                w.WriteNumberValue(f.Years.From);
                w.WriteNumberValue(f.Years.To);
                w.WriteNumberValue(index["licence"][f.Licence]);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: false);
        // The same data as a script, for the index opened from disk, where findings.js cannot fetch(). JSON is a
        // JavaScript expression, and the writer escapes < > & ' ", so the file holds nothing but this one call.
        var script = Encoding.UTF8.GetBytes("CampaignFindings.deliver(" + Encoding.UTF8.GetString(json).TrimEnd('\n') + ");\n");
        generated.Add($"{views.Code}/findings/facets.js", script);
        return generated.Add($"{views.Code}/findings/facets.json", json);
    }

    private static byte[] Json(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, FindingJson.Options with { Indented = indented })) write(w);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
