using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Model;
using Campaign.Site.Findings;
using Campaign.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Json.Schema;

namespace Campaign.Tests.Findings;

/// <summary>
/// The findings downloads as they ship, read from a built site: <c>data/findings.json</c> (and each finding's record)
/// against the <c>data/findings.schema.json</c> built beside it, by a JSON Schema validator; <c>data/findings.csv</c>
/// put back into a campaign (it is written to be re-imported) gives the same records and the same <c>findings.json</c>.
/// </summary>
public sealed class FindingDownloadTests(SampleSite sample) : IClassFixture<SampleSite>
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>
    /// Validates <paramref name="document"/> against the schema the site ships. <c>format</c> is asserted (the draft
    /// makes it an annotation by default), so a malformed date or address is an error too.
    /// </summary>
    private static EvaluationResults Validate(string schemaText, JsonNode document)
    {
        // The schema's $id is relative (findings.schema.json): each call builds it into a registry of its own.
        var schema = JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var json = JsonDocument.Parse(document.ToJsonString());
        return schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    private static void AssertValid(string schemaText, JsonNode document, string what)
    {
        var results = Validate(schemaText, document);
        Assert.True(results.IsValid, $"{what} does not match findings.schema.json:\n{Errors(results)}");
    }

    /// <summary>A finding's own record, as the one element of an otherwise empty <c>findings.json</c>: checked against the schema's <c>finding</c> definition.</summary>
    private static JsonNode AsDocument(JsonNode record, JsonNode database) => new JsonObject
    {
        ["version"] = 1,
        ["languages"] = database["languages"]!.DeepClone(),
        ["count"] = 1,
        ["findings"] = new JsonArray(record),
    };

    private static void AssertShippedJsonIsValid(string output)
    {
        var schema = File.ReadAllText(Path.Combine(output, "data", "findings.schema.json"));
        var database = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "data", "findings.json")))!;
        Assert.NotEmpty(database["findings"]!.AsArray());
        AssertValid(schema, database, "data/findings.json");
        // each record once, for every language
        foreach (var id in database["findings"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()))
        {
            var path = global::Campaign.Site.Routing.Urls.FindingRecord(id).TrimStart('/');
            AssertValid(schema, AsDocument(JsonNode.Parse(File.ReadAllText(Path.Combine(output, path)))!, database), path);
        }
    }

    [Fact]
    public void Findings_json_of_a_built_campaign_matches_its_shipped_schema()
    {
        using var site = new TestCampaign(FindingCampaigns.Base + FindingDownloadCampaign.Findings);
        site.BuildOk();
        AssertShippedJsonIsValid(site.Output);
    }

    [Fact]
    public void Findings_json_of_the_sample_campaign_matches_its_shipped_schema() => AssertShippedJsonIsValid(sample.Output);

    /// <summary>One change that breaks the shipped document, the place the validator must name, and the change.</summary>
    public static TheoryData<string, string> Breakages => new()
    {
        { "a required field removed", "/findings/0" },
        { "a technology outside the vocabulary", "/findings/0/technology" },
        { "a source address that is not http(s)", "/findings/0/sources/0/url" },
        { "a year as text", "/findings/0/years/from" },
        { "a review date that is no date", "/findings/0/reviewed" },
        { "a language the site does not have", "/findings/0/title/fr" },
        { "another format version", "/version" },
    };

    private static void Break(JsonNode database, string breakage)
    {
        var finding = database["findings"]![0]!.AsObject();
        switch (breakage)
        {
            case "a required field removed": finding.Remove("company"); break;
            case "a technology outside the vocabulary": finding["technology"] = "telepathy"; break;
            case "a source address that is not http(s)": finding["sources"]![0]!["url"] = "ftp://example.org/article"; break;
            case "a year as text": finding["years"]!["from"] = "2015"; break;
            case "a review date that is no date": finding["reviewed"] = "2026-13-45"; break;
            case "a language the site does not have": finding["title"]!["fr"] = "Acme"; break;
            case "another format version": database["version"] = 2; break;
            default: throw new ArgumentException(breakage);
        }
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public void The_schema_refuses_a_broken_findings_json(string breakage, string location)
    {
        using var site = new TestCampaign(FindingCampaigns.Base + FindingDownloadCampaign.Findings);
        site.BuildOk();
        var schema = site.Read("data/findings.schema.json");
        var database = JsonNode.Parse(site.Read("data/findings.json"))!;
        AssertValid(schema, database, "the document before the change");

        Break(database, breakage);
        var results = Validate(schema, database);
        Assert.False(results.IsValid, $"the schema accepts findings.json with {breakage}");
        Assert.True((results.Details ?? []).Any(d => d.Errors is { Count: > 0 } && d.InstanceLocation.ToString() == location),
            $"no error at {location}; the errors:\n{Errors(results)}");
    }

    private static List<string> Canonical(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Id, StringComparer.Ordinal).Select(FindingJson.Canonical).ToList();

    private static ContentModel LoadOk(string input)
    {
        var diagnostics = new DiagnosticList();
        var content = ContentLoader.Load(input, Today, diagnostics);
        Assert.True(content is not null && !diagnostics.Sorted().Any(d => d.IsError), string.Join("\n", diagnostics.Sorted()));
        return content!;
    }

    [Fact]
    public void Findings_csv_of_a_built_campaign_reads_back_into_the_same_records_and_the_same_findings_json()
    {
        using var site = new TestCampaign(FindingCampaigns.Base + FindingDownloadCampaign.Findings);
        site.BuildOk();
        var original = LoadOk(site.Input).Findings;

        // The campaign again, its findings now only the downloaded spreadsheet, read by the importer campaigners use.
        using var again = new TestCampaign(FindingCampaigns.Base);
        again.WriteBytes("findings/findings.csv", File.ReadAllBytes(Path.Combine(site.Output, "data", "findings.csv")));
        var back = LoadOk(again.Input).Findings;
        Assert.Equal(Canonical(original), Canonical(back));

        // What the values went through: commas, quotes, line breaks, Chinese, formula characters, a second source.
        var guilin = back.Single(f => f.Id == "acme-guilin-2015");
        Assert.Equal("Acme, \"Vision\" cameras, for the Guilin police", guilin.Title["en"]);
        Assert.Equal("阿克米，“视觉”摄像头, 供桂林警方", guilin.Title["zh"]);
        Assert.Equal("acme", guilin.Company);
        Assert.Equal((2015, 2015), (guilin.Years.From, guilin.Years.To));
        Assert.Equal("Acme sold **dome cameras**, \"the best\", to the police.\n\nA second paragraph; with a semicolon, and a comma.", guilin.SummarySource["en"]);
        Assert.Equal(["https://example.org/article?a=1&b=2", "https://example.org/zh/来源"], guilin.Sources.Select(s => s.Url));
        Assert.Equal("Acme sold cameras,\nand \"said so\".", guilin.Sources[0].Quote);
        Assert.Equal("Example Times, Guilin", guilin.Sources[0].Publisher);
        Assert.Equal(["cameras", "guilin", "监控"], guilin.Tags);
        var ministry = back.Single(f => f.Id == "facely-ministry-2012-2014");
        Assert.Equal(("=HYPERLINK(1) and the ministry", "'=公式 与部委"), (ministry.Title["en"], ministry.Title["zh"]));
        Assert.Equal((2012, 2014), (ministry.Years.From, ministry.Years.To));
        Assert.Equal("-Second article", Assert.Single(ministry.Sources).Title);

        // And the rebuilt site ships the same findings.json, byte for byte.
        again.BuildOk();
        Assert.Equal(site.Read("data/findings.json"), again.Read("data/findings.json"));
    }

    /// <summary>What a spreadsheet cell can hold that a CSV writer or reader could get wrong, to be strung together at random.</summary>
    private static readonly string[] Pieces = ["a", "人脸", "，", " ", ",", ";", "\t", "\"", "'", "=", "-", "+", "@", "\n", "\r\n", "\r", "#"];

    [Fact]
    public void Any_text_goes_out_in_the_csv_export_and_comes_back_as_it_was()
    {
        var finding = FindingSchemaTests.Load(FindingCampaigns.Base + FindingCampaigns.Yaml).Findings[0];
        var texts = Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(string.Concat)
            .Where(t => t.Trim().Length > 0); // a blank cell is an empty one, in the importer as in a spreadsheet
        Prop.ForAll(texts.ToArbitrary(), texts.ToArbitrary(), (en, zh) =>
        {
            var bytes = FindingCsv.Write([finding with { Title = LocalizedText.Of(("en", en), ("zh", zh)) }], ["en", "zh"]);
            var diagnostics = new DiagnosticList();
            var rows = CsvRecords.Read(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), "findings/f.csv", ["en", "zh"], diagnostics);
            Assert.Empty(diagnostics.Sorted());
            var title = (MapNode)Assert.Single(rows).Get("title")!;
            Assert.Equal(en, ((ScalarNode)title.Get("en")!).Value);
            Assert.Equal(zh, ((ScalarNode)title.Get("zh")!).Value);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Findings_csv_of_the_sample_campaign_reads_back_into_the_same_records()
    {
        using var again = new TestCampaign("", defaults: false);
        foreach (var file in Directory.EnumerateFiles(Repo.Input, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Repo.Input, file);
            if (!relative.StartsWith("findings" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                again.WriteBytes(relative, File.ReadAllBytes(file));
        }
        again.WriteBytes("findings/findings.csv", File.ReadAllBytes(sample.Path_("data/findings.csv")));
        Assert.Equal(Canonical(LoadOk(Repo.Input).Findings), Canonical(LoadOk(again.Input).Findings));
    }
}
