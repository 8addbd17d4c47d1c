using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Model;
using Campaign.Site.Findings;
using Campaign.Tests.Support;

namespace Campaign.Tests.Findings;

/// <summary>One schema for YAML and CSV: both give the same records, and the CSV download reads back into the same records.</summary>
public sealed class FindingSchemaTests
{
    internal static (IReadOnlyList<Finding> Findings, IReadOnlyList<Diagnostic> Diagnostics) Load(string files)
    {
        using var c = new TestCampaign(files);
        var diagnostics = new DiagnosticList();
        var content = ContentLoader.Load(c.Input, new DateOnly(2026, 11, 25), diagnostics);
        return (content?.Findings.ToList() ?? [], diagnostics.Sorted());
    }

    private static List<string> Canonical(IEnumerable<Finding> findings) => findings.OrderBy(f => f.Id, StringComparer.Ordinal).Select(FindingJson.Canonical).ToList();

    [Fact]
    public void Yaml_and_csv_give_the_same_records()
    {
        var (yaml, yd) = Load(FindingCampaigns.Base + FindingCampaigns.Yaml);
        var (csv, cd) = Load(FindingCampaigns.Base + FindingCampaigns.Csv);
        Assert.Empty(yd);
        Assert.Empty(cd);
        Assert.Equal(2, yaml.Count);
        Assert.Equal(Canonical(yaml), Canonical(csv));
        Assert.Contains("\"province\": {", Canonical(csv)[0] + Canonical(csv)[1]);
    }

    [Fact]
    public void Csv_download_reads_back_into_the_same_records()
    {
        // A title that a spreadsheet would run as a formula, and a summary that starts with a Markdown list.
        var tricky = FindingCampaigns.Yaml
            .Replace("title: { en: Acme and the ministry", "title: { en: \"=HYPERLINK(1) and the ministry\"")
            .Replace("en: \"Acme said it needed no licence.\"", "en: \"- Acme said it needed no licence.\\n- It said so twice, \\\"quoted\\\"; and, commas.\"");
        var (original, d1) = Load(FindingCampaigns.Base + tricky);
        Assert.DoesNotContain(d1, d => d.IsError);
        var bytes = FindingCsv.Write(original, ["en", "zh"]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains(",'=HYPERLINK(1) and the ministry,", text);
        Assert.Contains("\"'- Acme said", text);

        using var again = new TestCampaign(FindingCampaigns.Base);
        again.WriteBytes("findings/export.csv", bytes);
        var diagnostics = new DiagnosticList();
        var content = ContentLoader.Load(again.Input, new DateOnly(2026, 11, 25), diagnostics);
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.IsError);
        Assert.Equal(Canonical(original), Canonical(content!.Findings));
        Assert.Contains(content.Findings, f => f.Title["en"] == "=HYPERLINK(1) and the ministry");
    }

    [Fact]
    public void Sample_campaign_has_at_least_twelve_findings_in_both_languages_each_sourced()
    {
        var diagnostics = new DiagnosticList();
        var content = ContentLoader.Load(Repo.Input, new DateOnly(2026, 11, 25), diagnostics);
        Assert.Empty(diagnostics.Sorted());
        Assert.True(content!.Findings.Length >= 12);
        foreach (var f in content.Findings)
        {
            Assert.True(f.Title.Has("en") && f.Title.Has("zh") && f.Summary.ContainsKey("en") && f.Summary.ContainsKey("zh"), f.Id);
            Assert.NotEmpty(f.Sources);
        }
        Assert.Contains(content.Findings, f => f.Id == "morpho-shanghai-psb-2015" && f.Years.From == 2015);
        Assert.Contains(content.Findings, f => f.Buyer.Name["en"] == "Shihezi University");
    }
}
