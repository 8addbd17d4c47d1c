using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Campaign.Core.Model;

namespace Campaign.Site.Findings;

/// <summary>
/// Writes a finding as JSON, every language in one object, fields in schema order. The same writer serves
/// <c>findings.json</c>, the per-finding files and the tests that compare records read from YAML and CSV.
/// </summary>
public static class FindingJson
{
    /// <summary>Chinese stays readable in the files; the output is data, never inlined into HTML.</summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = Campaign.Core.PublishedJson.Encoder };

    /// <param name="urls">The finding's page per language (absolute when the site has a base URL); none in comparisons.</param>
    public static void Write(Utf8JsonWriter w, Finding f, IReadOnlyDictionary<string, string>? urls = null)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        Localized(w, "title", f.Title);
        w.WriteString("company", f.Company);
        Localized(w, "product", f.Product);
        w.WriteString("technology", f.Technology);
        if (f.Kind is not null) w.WriteString("kind", f.Kind);
        w.WriteStartObject("buyer");
        Localized(w, "name", f.Buyer.Name);
        w.WriteString("type", f.Buyer.Type);
        if (f.Buyer.Province is not null) Localized(w, "province", f.Buyer.Province);
        if (f.Buyer.City is not null) Localized(w, "city", f.Buyer.City);
        w.WriteEndObject();
        Localized(w, "country", f.Country);
        if (!f.Years.Stated) w.WriteNull("years"); // the sources give no year
        else
        {
            w.WriteStartObject("years");
            w.WriteNumber("from", f.Years.From);
            w.WriteNumber("to", f.Years.To);
            w.WriteEndObject();
        }
        Localized(w, "summary", f.SummarySource);
        w.WriteString("summary_form", f.SummaryForm);
        w.WriteString("licence", f.Licence);
        w.WriteStartArray("sources");
        foreach (var s in f.Sources)
        {
            w.WriteStartObject();
            w.WriteString("title", s.Title);
            Optional(w, "publisher", s.Publisher);
            Optional(w, "date", s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("url", s.Url);
            Optional(w, "archived_url", s.ArchivedUrl);
            Optional(w, "quote", s.Quote);
            Optional(w, "language", s.Language);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Optional(w, "report_section", f.ReportSection);
        w.WriteStartArray("tags");
        foreach (var t in f.Tags) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteString("reviewed", f.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (urls is not null)
        {
            w.WriteStartObject("url");
            foreach (var (lang, url) in urls) w.WriteString(lang, url);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>One finding as a JSON text, without URLs: two records are the same when these texts are.</summary>
    public static string Canonical(Finding f)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) Write(w, f);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Localized(Utf8JsonWriter w, string name, LocalizedText text)
    {
        w.WriteStartObject(name);
        foreach (var (lang, value) in text.Values) w.WriteString(lang, value);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
