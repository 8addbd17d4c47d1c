using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Core.Model;

namespace Campaign.Site.Findings;

/// <summary>The JSON Schema (draft 2020-12) of <c>findings.json</c> and of each per-finding record, for the site's languages.</summary>
public static class FindingSchema
{
    public static byte[] Write(SiteConfig site, Vocabularies vocabularies, IReadOnlyList<string> languages)
    {
        JsonObject Str(string description, string? format = null, string? pattern = null)
        {
            var o = new JsonObject { ["type"] = "string", ["description"] = description };
            if (format is not null) o["format"] = format;
            if (pattern is not null) o["pattern"] = pattern;
            return o;
        }
        JsonObject Ref(string name, string description) => new() { ["$ref"] = "#/$defs/" + name, ["description"] = description };
        JsonArray Names(params string[] names) => [.. names.Select(n => (JsonNode)n)];
        JsonArray Terms(string vocabulary) => [.. (vocabularies[vocabulary]?.Terms.Select(t => t.Value) ?? []).Select(n => (JsonNode)n)];

        var perLanguage = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A text per language code; the default language is " + site.DefaultLanguage + ".",
            ["properties"] = new JsonObject(languages.Select(l => KeyValuePair.Create(l, (JsonNode?)new JsonObject { ["type"] = "string" }))),
            ["additionalProperties"] = false,
            ["minProperties"] = 1,
        };
        var source = new JsonObject
        {
            ["type"] = "object",
            ["required"] = Names("title", "url"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["title"] = Str("Title of the source."),
                ["publisher"] = Str("Who published it."),
                ["date"] = Str("Publication date.", "date"),
                // "iri", not "uri": a source's address may keep its Chinese characters as the campaign wrote them
                // (https://example.org/新闻/1), which the build accepts and a "uri" must percent-encode.
                ["url"] = Str("Where it can be read.", "iri", "^https?://"),
                ["archived_url"] = Str("An archived copy.", "iri", "^https?://"),
                ["quote"] = Str("The passage that supports the finding."),
                ["language"] = Str("Language of the source."),
            },
        };
        var finding = new JsonObject
        {
            ["type"] = "object",
            ["required"] = Names("id", "title", "company", "product", "technology", "buyer", "country", "years", "summary", "summary_form", "licence", "sources", "tags", "reviewed"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["id"] = Str("Stable id, never reused; the page is /<lang>/findings/<id>/.", pattern: "^[a-z0-9][a-z0-9-]*$"),
                ["title"] = Ref("text", "Title."),
                ["company"] = Str("Slug of the company's page (/<lang>/companies/<slug>/)."),
                ["product"] = Ref("text", "Product."),
                ["technology"] = new JsonObject { ["enum"] = Terms("technology"), ["description"] = "Technology (vocabulary `technology`)." },
                ["kind"] = new JsonObject { ["enum"] = Terms("finding_kind"), ["description"] = "What the finding documents (vocabulary `finding_kind`); absent when the content does not say." },
                ["buyer"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = Names("name", "type"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["name"] = Ref("text", "Buyer or user."),
                        ["type"] = new JsonObject { ["enum"] = Terms("buyer_type"), ["description"] = "Kind of buyer (vocabulary `buyer_type`)." },
                        ["province"] = Ref("text", "Province."),
                        ["city"] = Ref("text", "City."),
                    },
                },
                ["country"] = Ref("text", "The buyer's country."),
                ["years"] = new JsonObject
                {
                    ["type"] = new JsonArray("object", "null"),
                    ["description"] = "The years the sources give; null when they give none (shown as \"year not stated\").",
                    ["required"] = Names("from", "to"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["from"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1990 },
                        ["to"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1990 },
                    },
                },
                ["summary"] = Ref("text", "What happened, in Markdown."),
                ["summary_form"] = new JsonObject { ["enum"] = Names("fact", "summary"), ["description"] = "`summary` when the text summarises someone's statement." },
                ["licence"] = new JsonObject { ["enum"] = Terms("licence_status"), ["description"] = "Export licence status (vocabulary `licence_status`)." },
                ["sources"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = Ref("source", "A source.") },
                ["report_section"] = Str("<report-slug>#<section-id>; the section is /<lang>/reports/<report-slug>/#<section-id>."),
                ["tags"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                ["reviewed"] = Str("When the record was last checked.", "date"),
                ["url"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "The finding's page per language (absolute when the site has a base URL).",
                    ["additionalProperties"] = new JsonObject { ["type"] = "string" },
                },
            },
        };
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "findings.schema.json",
            ["title"] = "Findings of " + site.Title.Get(site.DefaultLanguage, site.DefaultLanguage),
            ["description"] = "findings.json holds every finding in every language; /data/findings/<xx>/<id>.json holds one, xx being the first two hex digits of the SHA-256 of its id (the `finding` definition).",
            ["type"] = "object",
            ["required"] = Names("version", "languages", "count", "findings"),
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject { ["type"] = "string" },
                ["version"] = new JsonObject { ["const"] = 1 },
                ["title"] = new JsonObject { ["type"] = "string" },
                ["licence"] = new JsonObject { ["type"] = "string" },
                ["languages"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                ["updated"] = Str("The latest review date of any finding.", "date"),
                ["count"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                ["findings"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/finding" } },
            },
            ["$defs"] = new JsonObject { ["text"] = perLanguage, ["source"] = source, ["finding"] = finding },
        };
        var json = schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = FindingJson.Options.Encoder });
        return Encoding.UTF8.GetBytes(json + "\n");
    }
}
