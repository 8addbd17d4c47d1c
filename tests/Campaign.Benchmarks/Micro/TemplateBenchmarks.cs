using BenchmarkDotNet.Attributes;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Site;
using Campaign.Site.Emit;
using Campaign.Generate;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Benchmarks.Micro;

/// <summary>Rendering pages through the real theme (layout, base frame, relative links): a finding page, the home page and a findings list page.</summary>
public class TemplateBenchmarks
{
    private Theme _theme = null!;
    private PageJob _finding = null!;
    private PageJob _home = null!;
    private PageJob _list = null!;
    private string _dir = "";

    [GlobalSetup]
    public void Setup()
    {
        var repo = MacroOptions.RepoRoot();
        _dir = Path.Combine(Path.GetTempPath(), $"campaign-micro-{Environment.ProcessId}");
        CampaignWriter.Write(SyntheticCampaign.Create(200), Path.Combine(_dir, "input"), Path.Combine(repo, "input"));
        var diagnostics = new DiagnosticList();
        var options = new BuildOptions(Path.Combine(_dir, "input"), Path.Combine(_dir, "output"), new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero),
            ThemeDir: Path.Combine(repo, "theme"));
        var content = ContentLoader.Load(options.InputDir, options.Today, diagnostics) ?? throw new InvalidOperationException("the synthetic campaign did not load");
        _theme = Theme.Load(options.Theme, diagnostics) ?? throw new InvalidOperationException("the theme did not load");
        var model = SiteModelBuilder.Build(content, options);
        var plan = new Campaign.Site.Planning.SitePlan(model, [.. model.Editions.Select(e => new EditionViews(model, e, _theme))], _theme, diagnostics);
        new Campaign.Site.Home.HomeFeature().Plan(plan);
        new Campaign.Site.Findings.FindingsFeature().Plan(plan);
        plan.Complete();
        var jobs = plan.Pages;
        _finding = jobs.First(j => j.Layout == "finding");
        _home = jobs.First(j => j.Layout == "home");
        _list = jobs.First(j => j.Layout == "finding-list");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public int FindingPage() => Render(_finding);

    [Benchmark]
    public int HomePage() => Render(_home);

    [Benchmark]
    public int FindingListPage() => Render(_list);

    private int Render(PageJob job) => PageRenderer.Render(job, _theme, new DiagnosticList())?.Length ?? throw new InvalidOperationException("render failed");
}
