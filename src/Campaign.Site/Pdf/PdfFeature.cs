using Campaign.Site.Planning;

namespace Campaign.Site.Pdf;

/// <summary>Each report's PDF in each language it is written in: supplied beside the report, or printed from its page.</summary>
public sealed class PdfFeature(PdfSettings settings) : IFeature
{
    public string Name => "report PDFs";

    public void Plan(SitePlan plan) => ReportPdfs.Generate(plan.Model, plan.Theme, plan.Pages, plan.Files, settings, plan.Diagnostics);
}
