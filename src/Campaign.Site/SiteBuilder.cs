using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Site.Companies;
using Campaign.Site.Downloads;
using Campaign.Site.Emit;
using Campaign.Site.Feeds;
using Campaign.Site.Findings;
using Campaign.Site.Home;
using Campaign.Site.Preview;
using Campaign.Site.Pages;
using Campaign.Site.Pdf;
using Campaign.Site.Planning;
using Campaign.Site.Press;
using Campaign.Site.Publishing;
using Campaign.Site.Rendering;
using Campaign.Site.Reports;
using Campaign.Site.Routing;
using Campaign.Site.Search;
using Campaign.Site.Updates;

namespace Campaign.Site;

/// <summary>What a build did: its diagnostics, what it wrote, how long it took.</summary>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, int> PagesPerLanguage,
    int FilesWritten,
    TimeSpan Elapsed,
    IReadOnlyList<Timing.StageTime>? Stages = null)
{
    /// <summary>The loaded content, when it loaded: <c>campaign check</c> runs its advice over it rather than loading again.</summary>
    public Core.Model.ContentModel? Content { get; init; }

    /// <summary>The unexpected exception that stopped the build (reported as CMP130), for <c>--verbose</c> to print its stack trace.</summary>
    public Exception? Failure { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    public int Errors => Diagnostics.Count(d => d.IsError);
    public int Warnings => Diagnostics.Count(d => !d.IsError);
}

/// <summary>
/// The pipeline, in order: load and validate the content, resolve each language edition,
/// render every page through the theme, emit everything into a fresh folder, swap it in.
/// Each stage stops the build when the one before reported errors, so one run lists every
/// problem of a stage and nothing is ever written from a broken input.
/// </summary>
public static class SiteBuilder
{
    /// <param name="session">A live preview's state between builds (only what changed is parsed, rendered and written);
    /// null for a plain build.</param>
    /// <param name="progress">Told as each stage starts and each page is rendered; null for a silent build.</param>
    public static BuildResult Build(BuildOptions options, BuildSession? session = null, Timing.IBuildProgress? progress = null)
    {
        try
        {
            return BuildStages(options, session, progress);
        }
        catch (Exception ex) when (InternalFailure.IsBug(ex))
        {
            // The safety net. The build folder was disposed uncommitted on the way out, so the previous output stands.
            return new BuildResult([InternalFailure.Diagnose(ex)], new Dictionary<string, int>(), 0, TimeSpan.Zero) { Failure = ex };
        }
    }

    private static BuildResult BuildStages(BuildOptions options, BuildSession? session, Timing.IBuildProgress? progress)
    {
        var clock = new Timing.StageClock();
        var diagnostics = new DiagnosticList();
        var empty = new Dictionary<string, int>();

        if (OutputProblem(options) is { } problem)
        {
            diagnostics.Error("CMP050", problem, hint: "choose an output folder of its own, such as output/");
            return new BuildResult(diagnostics.Sorted(), empty, 0, clock.Elapsed);
        }
        // Before any content is read: the lock (one build per output at a time), an interrupted swap repaired, and a
        // folder that is not the build's to replace refused. Held until the output is committed.
        // A live preview keeps the lock between rebuilds (BuildSession.KeepsOutputLocked).
        var kept = session?.LockedOutput(options.OutputDir);
        var outputLock = kept ?? OutputChecks.Prepare(options.OutputDir, swapped: session is null, diagnostics);
        if (outputLock is null)
            return new BuildResult(diagnostics.Sorted(), empty, 0, clock.Elapsed);
        if (kept is null && session is { KeepsOutputLocked: true }) session.KeepOutputLock(outputLock, options.OutputDir);
        using var released = session is { KeepsOutputLocked: true } ? null : outputLock;

        // 1. load + validate
        progress?.Stage("load", 0);
        session?.Begin();
        var content = ContentLoader.Load(options.InputDir, options.Today, diagnostics, session?.Cache);
        clock.Lap("load content");
        var theme = Theme.Load(options.Theme, diagnostics);
        clock.Lap("load theme");
        if (content is null || theme is null || diagnostics.HasErrors)
            return new BuildResult(diagnostics.Sorted(), empty, 0, clock.Elapsed) { Content = content };

        // 2. route
        progress?.Stage("plan", 0);
        var model = SiteModelBuilder.Build(content, options);
        clock.Lap("route");

        // A plain build's folder is opened before planning: each generated file is written into it as it is made, not held
        // until after rendering (GeneratedFiles). It replaces output/ only on success; a failure of the disk (full,
        // read-only) is a diagnostic of its own, and the half-written folder is deleted as it is disposed.
        SwappedFolder? early;
        try
        {
            early = session is null ? new SwappedFolder(options.OutputDir) : null;
        }
        catch (Exception ex) when (OutputChecks.Failure(ex, options.OutputDir) is { } failure)
        {
            return Failed(failure, diagnostics, clock, content);
        }
        using (early)
        {
            if (early is not null) clock.Lap("open output");
            try
            {
                return Plan(options, session, progress, clock, diagnostics, content, model, theme, early);
            }
            catch (Exception ex) when (OutputWriteException.Within(ex) is { } written && OutputChecks.Failure(written, options.OutputDir) is { } failure)
            {
                return Failed(failure, diagnostics, clock, content);
            }
        }
    }

    /// <summary>The result of a build the output's disk stopped (full, read-only): its diagnostics with the failure, nothing written.</summary>
    private static BuildResult Failed(Diagnostic failure, DiagnosticList diagnostics, Timing.StageClock clock, Core.Model.ContentModel content)
    {
        diagnostics.Add(failure);
        return new BuildResult(diagnostics.Sorted(), new Dictionary<string, int>(), 0, clock.Elapsed) { Content = content };
    }

    private static BuildResult Plan(BuildOptions options, BuildSession? session, Timing.IBuildProgress? progress, Timing.StageClock clock,
        DiagnosticList diagnostics, Core.Model.ContentModel content, Routing.SiteModel model, Theme theme, SwappedFolder? early)
    {
        var empty = new Dictionary<string, int>();
        // 3. plan: every feature adds its pages and files before any page is rendered, so pages can show each download's
        //    size and hash. Adding a page type is one folder and one line here.
        var plan = new SitePlan(model, [.. model.Editions.Select(e => new EditionViews(model, e, theme))], theme, diagnostics, early);
        var bundle = options.Bundle ? PressFeature.Bundle(model.Today) : null;
        var pdf = new PdfSettings(options.Pdf, options.Cache, options.Chromium);
        // the findings' catalogue (sorted, grouped by facet) once per build, for the charts and the findings pages both:
        // at 100,000 findings working it out is seconds, and two of them could disagree
        var catalogue = new Lazy<FindingCatalog>(() => session is null ? FindingCatalog.Build(model) : session.Catalogues.Catalog(model));
        FindingCatalog Catalogue(Routing.SiteModel _) => catalogue.Value;
        IFeature[] features =
        [
            new Identity.IdentityFeature(),
            new Charts.ChartsFeature(pdf, Catalogue, session?.Projections), // first: home, company and findings pages show its charts
            new HomeFeature(),
            new ReportsFeature(),
            new CompaniesFeature(),
            new UpdatesFeature(),
            new PagesFeature(),
            new FindingsFeature(session?.Projections, Catalogue),
            new SearchFeature(session?.Projections, session is null ? null : session.SearchIndex.Generated),
            new PressFeature(bundle),
            new PdfFeature(pdf),
            new FeedsFeature(),
        ];
        foreach (var feature in features)
        {
            feature.Plan(plan);
            clock.Lap(feature.Name);
        }
        var downloads = plan.Complete(); // waits for files still being made (the data downloads) and lists every download
        clock.Lap("downloads");
        if (model.Site.BaseUrl is null)
            diagnostics.Warning("CMP100", "site.yaml has no base_url, so nothing that needs an absolute address is written: no sitemap.xml, no canonical or og:url links, no absolute og:image (a page's own social card is linked relative to the page), and feeds use relative links.",
                new Core.Diagnostics.SourceLocation("site.yaml"), "base_url", "add the site's address, for example `base_url: https://example.org/`");

        // 3b. once every page is planned: each page's social card. A live preview takes none: its pages are never shared,
        //     and a card's Chromium shot on every edited title would slow each rebuild.
        var jobs = session is null && options.SocialCards ? Cards.SocialCards.Attach(plan.Pages, model, theme, plan.Files, pdf, diagnostics) : plan.Pages;
        clock.Lap("social cards");
        var generated = plan.Files;
        OutputOwners.Check(model, theme, jobs, generated, diagnostics);
        if (diagnostics.HasErrors)
            return new BuildResult(diagnostics.Sorted(), empty, 0, clock.Elapsed) { Content = content };

        // Before anything is written: a path no file system takes must be a diagnostic, not an exception halfway through writing.
        var planned = jobs.Select(j => Urls.FilePath(j.Page.Url)).Concat(generated.Paths()).Concat(model.Content.Assets.Select(a => "assets/" + a.Path));
        if (!OutputPaths.Check(planned, diagnostics))
            return new BuildResult(diagnostics.Sorted(), empty, 0, clock.Elapsed) { Content = content };

        // planning's garbage goes before rendering's working set is made (a plain build only; see PlanGarbage)
        if (session is null) PlanGarbage.Collect();

        // 4. render + emit, into a folder that replaces output/ only on success; a failure of the disk (full, read-only)
        //    is a diagnostic of its own, and the half-written folder is deleted as the output is disposed.
        try
        {
            return Emit(options, session, progress, clock, diagnostics, model, theme, generated, jobs, downloads, bundle, early) with { Content = content };
        }
        catch (Exception ex) when (OutputChecks.Failure(ex, options.OutputDir) is { } failure)
        {
            return Failed(failure, diagnostics, clock, content);
        }
    }

    private static BuildResult Emit(BuildOptions options, BuildSession? session, Timing.IBuildProgress? progress, Timing.StageClock clock,
        DiagnosticList diagnostics, Routing.SiteModel model, Theme theme, GeneratedFiles generated, IReadOnlyList<PageJob> jobs, DownloadCatalog downloads,
        Press.BundleLink? bundle, SwappedFolder? early)
    {
        var empty = new Dictionary<string, int>();
        using var opened = early is null ? session!.Open(options.OutputDir) : null; // a plain build's folder is disposed by its opener
        OutputFolder output = early ?? opened!;
        if (early is null) clock.Lap("open output");
        var themeLinks = options.LinkWarnings ? new Checks.ThemeLinks(model.Content, jobs) : null;
        PageRenderer.RenderAll(jobs, theme, output, diagnostics, session?.Fingerprints, progress, themeLinks);
        clock.Lap("render pages");
        progress?.Stage("write", 0);
        generated.WriteTo(output);
        var files = StaticOutput.Write(model, theme, output) + generated.Count;
        clock.Lap("write downloads and assets");

        // 5. after pages: what describes the whole output (indexes, feeds, checksums) comes last.
        if (diagnostics.HasErrors)
            return new BuildResult(diagnostics.Sorted(), empty, 0, clock.Elapsed);
        files += WholeSiteFiles.Write(model, jobs, downloads, output, bundle, session?.Sitemap is { } sitemap ? sitemap.Write : null);
        clock.Lap("sitemap, checksums, bundle");
        // Before the swap, over the files just written: content and theme links that lead nowhere are warnings in every build.
        if (options.LinkWarnings) Checks.BuildLinkCheck.Run(model.Content, output.Root, diagnostics);
        themeLinks?.Check(output.Root, theme, diagnostics);
        clock.Lap("check links");
        output.Commit();
        clock.Lap("commit output");
        if (session is not null)
        {
            session.LastChanged = output.Changed;
            session.LastGenerated = generated.Count;
        }

        // counted when asked (by `campaign build`'s summary), not on every rebuild of a live preview
        return new BuildResult(diagnostics.Sorted(), new LazyCounts(() => PagesPerLanguage(model, jobs)), jobs.Count + files, clock.Elapsed, clock.Stages);
    }

    /// <summary>Pages under each language's folder, counted in one pass over the pages (tens of thousands in a large campaign).</summary>
    private static Dictionary<string, int> PagesPerLanguage(Routing.SiteModel model, IReadOnlyList<PageJob> jobs)
    {
        var counts = model.Site.Languages.ToDictionary(l => l.Code, _ => 0, StringComparer.Ordinal);
        var byName = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var job in jobs)
        {
            var url = job.Page.Url.AsSpan();
            var end = url.Length > 1 && url[0] == '/' ? url[1..].IndexOf('/') : -1;
            if (end > 0 && byName.ContainsKey(url.Slice(1, end))) byName[url.Slice(1, end)]++;
        }
        return counts;
    }

    /// <summary>A dictionary worked out on first use.</summary>
    private sealed class LazyCounts(Func<Dictionary<string, int>> count) : IReadOnlyDictionary<string, int>
    {
        private readonly Lazy<Dictionary<string, int>> _counts = new(count);
        public int this[string key] => _counts.Value[key];
        public IEnumerable<string> Keys => _counts.Value.Keys;
        public IEnumerable<int> Values => _counts.Value.Values;
        public int Count => _counts.Value.Count;
        public bool ContainsKey(string key) => _counts.Value.ContainsKey(key);
        public bool TryGetValue(string key, out int value) => _counts.Value.TryGetValue(key, out value);
        public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => _counts.Value.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Refuses output folders that would overwrite the campaign itself.</summary>
    private static string? OutputProblem(BuildOptions options)
    {
        var output = Path.GetFullPath(options.OutputDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var input = Path.GetFullPath(options.InputDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var theme = Path.GetFullPath(options.Theme).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (input.StartsWith(output, StringComparison.Ordinal) || output.StartsWith(input, StringComparison.Ordinal))
            return $"The output folder {options.OutputDir} and the input folder {options.InputDir} overlap; the build would overwrite the campaign.";
        if (theme.StartsWith(output, StringComparison.Ordinal))
            return $"The output folder {options.OutputDir} contains the theme; the build would delete it.";
        if (output.StartsWith(theme, StringComparison.Ordinal))
            return $"The output folder {options.OutputDir} lies inside the theme {options.Theme}; each build would publish the site into the theme (and theme/static/ into the next site).";
        return null;
    }
}
