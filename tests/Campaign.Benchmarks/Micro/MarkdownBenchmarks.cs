using System.Text;
using BenchmarkDotNet.Attributes;
using Campaign.Core.Diagnostics;
using Campaign.Core.Markdown;
using Campaign.Generate;

namespace Campaign.Benchmarks.Micro;

/// <summary>Markdown to safe HTML: one long synthetic report (24 sections) and one short update, in each language.</summary>
public class MarkdownBenchmarks
{
    private readonly MarkdownRenderer _renderer = new();
    private string _report = "";
    private string _update = "";

    [Params("en", "zh")]
    public string Lang { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        var campaign = SyntheticCampaign.Create(10);
        Func<Bilingual, string> pick = Lang == "en" ? b => b.En : b => b.Zh;
        var report = new StringBuilder();
        foreach (var s in campaign.Reports[0].Sections)
        {
            report.Append("## ").Append(pick(s.Heading)).Append(" {#").Append(s.Id).Append("}\n\n");
            foreach (var p in s.Paragraphs) report.Append(pick(p)).Append("\n\n");
        }
        _report = report.ToString();
        _update = string.Join("\n\n", campaign.Updates[0].Body.Select(pick));
    }

    [Benchmark]
    public string Report() => _renderer.Render(_report, "report.md", 1, new DiagnosticList()).Html;

    [Benchmark]
    public string Update() => _renderer.Render(_update, "update.md", 1, new DiagnosticList()).Html;
}
