using System.Diagnostics;
using System.Globalization;
using System.Text;
using Campaign.Benchmarks.Search;
using Campaign.Search.Reading;
using Campaign.Site;
using Campaign.Generate;
using Campaign.Site.Preview;

namespace Campaign.Benchmarks;

/// <summary>
/// Whole builds side by side: for each campaign size, generates the campaign (ours and its Hugo copy), builds it with
/// <c>campaign build</c> (its own process) and with <c>hugo</c>, times incremental rebuilds through the live preview's
/// <see cref="BuildSession"/>, and measures output, search index and bytes per query; prints one table of medians.
/// </summary>
public static class MacroRunner
{
    /// <summary>The moment every build is judged at, so builds are comparable run to run.</summary>
    public const string Now = "2026-01-01";

    /// <summary>Queries whose downloads are measured, per language: a word, two words, a name and a phrase the generator uses.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Queries = new Dictionary<string, string[]>
    {
        ["en"] = ["camera", "face matching", "Example Vision", "emotion analysis tool", "public tender"],
        ["zh"] = ["摄像头", "人脸比对", "示例视觉", "情绪分析工具", "公开招标"],
    };

    public static async Task<int> Run(MacroOptions o, TextWriter log)
    {
        var hugo = o.WithHugo && File.Exists(o.Hugo) ? o.Hugo : null;
        log.WriteLine($"machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB()} memory, load average {Machine.LoadAverage()} (before)");
        log.WriteLine($"runs per figure: {o.Runs} (median); campaign: dotnet {o.CampaignDll}");
        log.WriteLine($"before each timed build: sync, then up to {o.SettleSeconds.ToString(CultureInfo.InvariantCulture)} s for every disk to be idle for a second");
        log.WriteLine(!o.WithHugo ? "hugo: skipped (--no-hugo)" : hugo is null ? "hugo: not installed" : $"hugo: {Machine.Output(hugo, "version").Trim()}");
        log.WriteLine(o.Load ? $"competing load during the builds: {BackgroundLoad.Description}" : "competing load: none (pass --load for the fixed one)");
        if (o.BuildsOnly) log.WriteLine("only the full builds and their output (--builds-only): no rebuilds, no search comparison");

        var columns = new List<(int N, Figures F)>();
        foreach (var n in o.Sizes)
        {
            log.WriteLine($"-- {n} findings");
            columns.Add((n, await Measure(o, n, hugo, log)));
        }
        log.WriteLine($"load average {Machine.LoadAverage()} (after)");
        log.WriteLine();
        log.Write(Table(columns, !o.WithHugo ? HugoColumn.Skipped : hugo is null ? HugoColumn.NotInstalled : HugoColumn.Measured, Environment.ProcessorCount));
        log.Flush();
        // after the table: deleting the set-aside outputs of 100,000 findings takes many minutes, and the table must not wait for it
        Machine.EmptyDiscarded();
        return 0;
    }

    /// <summary>
    /// The <c>preview</c> verb: for each campaign size only the live preview's one-file rebuilds (<see cref="Incremental"/>,
    /// the same code as the macro table's rows, without the template edit, which renders every page again and takes minutes
    /// at 100,000 findings), with each stage's median; no full builds of their own, no Hugo, no search.
    /// </summary>
    public static int Preview(MacroOptions o, TextWriter log)
    {
        log.WriteLine($"machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB()} memory, load average {Machine.LoadAverage()} (before)");
        log.WriteLine($"runs per figure: {o.Runs} (median), then {SeriesEdits} one-finding edits in a row");
        foreach (var n in o.Sizes)
        {
            log.WriteLine($"-- {n.ToString("N0", CultureInfo.InvariantCulture)} findings");
            var dir = Path.Combine(o.WorkDir, $"n{n.ToString(CultureInfo.InvariantCulture)}-seed{o.Seed.ToString(CultureInfo.InvariantCulture)}");
            Generate(o, n, dir, log);
            var (finding, company, _, series) = Incremental(o, dir, log, templates: false);
            log.WriteLine($"rebuild after editing one finding: {Ms(finding)}; one company: {Ms(company)}; " +
                $"one-finding edits in a row (median of {SeriesEdits}): {Ms(series)}");
        }
        log.WriteLine($"load average {Machine.LoadAverage()} (after)");
        Machine.EmptyDiscarded();
        return 0;
    }

    /// <summary>One-finding edits timed one after another at the end of the rebuild runs.</summary>
    public const int SeriesEdits = 5;

    /// <summary>The figures of one campaign size; null where not measured.</summary>
    public sealed record Figures(int OurPages, double OurSeconds, CpuSeconds OurCpu, long OurPeakBytes,
        int? HugoPages, double? HugoSeconds, CpuSeconds? HugoCpu, long? HugoPeakBytes,
        double? FindingEditMs, double? CompanyEditMs, double? TemplateEditMs, double? FindingSeriesMs, long OutputBytes, long SearchBytes,
        IReadOnlyDictionary<string, long> BytesPerQuery, long? HugoOutputBytes, SearchFigures? Search,
        int OutputFiles = 0, int? HugoOutputFiles = null, int LargestFolder = 0, int? HugoLargestFolder = null);

    private static async Task<Figures> Measure(MacroOptions o, int n, string? hugo, TextWriter log)
    {
        var dir = Path.Combine(o.WorkDir, $"n{n.ToString(CultureInfo.InvariantCulture)}-seed{o.Seed.ToString(CultureInfo.InvariantCulture)}");
        Generate(o, n, dir, log);
        var input = Path.Combine(dir, "input");
        var output = Path.Combine(dir, "output");

        var settle = TimeSpan.FromSeconds(o.SettleSeconds);
        // the competing load, when asked for, runs through the timed full builds of both tools, not the rest
        IReadOnlyList<Machine.Run> ours;
        int ourPages;
        (Machine.Run Seconds, int Pages)? hugoRun = null;
        long? hugoOutput = null;
        IReadOnlyList<Machine.Run> hugoRuns = [];
        int? hugoFiles = null, hugoLargest = null;
        var load = o.Load ? new BackgroundLoad(dir) : null;
        try
        {
            ours = Repeat(o.Runs, settle, () => Machine.Discard(output), () =>
            {
                var run = Machine.Time("dotnet", [o.CampaignDll, "build", "--input", input, "--output", output, "--theme", o.Theme, "--now", Now, "--no-pdf", "--quiet"]);
                if (run.ExitCode != 0) throw new InvalidOperationException($"campaign build failed ({run.ExitCode}): {run.Error}");
                return run;
            }, "campaign build", log);
            ourPages = HtmlFiles(output);

            if (hugo is not null)
            {
                var hugoOut = Path.Combine(dir, "hugo-output");
                hugoRuns = Repeat(o.Runs, settle, () => Machine.Discard(hugoOut), () =>
                {
                    var run = Machine.Time(hugo, ["--source", Path.Combine(dir, "hugo"), "--destination", hugoOut, "--quiet"]);
                    if (run.ExitCode != 0) throw new InvalidOperationException($"hugo failed ({run.ExitCode}): {run.Error}");
                    return run;
                }, "hugo", log);
                hugoRun = (hugoRuns[0], HtmlFiles(hugoOut));
                hugoOutput = Bytes(hugoOut);
                hugoFiles = Files(hugoOut);
                hugoLargest = LargestFolder(hugoOut);
            }
        }
        finally { load?.Dispose(); }

        double? finding = null, company = null, template = null, series = null;
        SearchFigures? search = null;
        if (!o.BuildsOnly)
        {
            (finding, company, template, series) = Incremental(o, dir, log);
            // in Chromium, ours against Pagefind over the same output (the `search` verb prints the same per query)
            search = await SearchComparison.Run(input, output, Path.Combine(dir, "search-bench"),
                SearchQuerySet.For(SyntheticCampaign.Create(n, o.Seed)), o.Pagefind, Path.Combine(o.WorkDir, "pagefind-npm"), log, o.HttpGzip);
            log.Write(SearchComparison.Report(search));
        }
        return new Figures(ourPages, Median(ours.Select(r => r.Seconds)), Cpu(ours), (long)Median(ours.Select(r => (double)r.PeakBytes)),
            hugoRun?.Pages, hugoRuns.Count > 0 ? Median(hugoRuns.Select(r => r.Seconds)) : null, hugoRuns.Count > 0 ? Cpu(hugoRuns) : null,
            hugoRuns.Count > 0 ? (long)Median(hugoRuns.Select(r => (double)r.PeakBytes)) : null,
            finding, company, template, series, Bytes(output), Bytes(Path.Combine(output, "search")), BytesPerQuery(output), hugoOutput, search,
            Files(output), hugoFiles, LargestFolder(output), hugoLargest);
    }

    /// <summary>
    /// Writes the campaign and its Hugo copy (not with <c>--no-hugo</c>) once per size and seed; later runs reuse them,
    /// and a later run with Hugo writes the copy a run without it left out.
    /// </summary>
    internal static void Generate(MacroOptions o, int n, string dir, TextWriter log)
    {
        var (generated, withoutHugo) = (Path.Combine(dir, "generated"), Path.Combine(dir, "generated-without-hugo"));
        var done = File.Exists(generated);
        if (done && (!o.WithHugo || !File.Exists(withoutHugo))) return;
        var clock = Stopwatch.StartNew();
        var campaign = SyntheticCampaign.Create(n, o.Seed);
        if (!done)
        {
            Machine.Discard(dir);
            CampaignWriter.Write(campaign, Path.Combine(dir, "input"), o.Sample);
        }
        if (o.WithHugo)
        {
            HugoWriter.Write(campaign, Path.Combine(dir, "hugo"));
            File.Delete(withoutHugo);
        }
        else File.WriteAllText(withoutHugo, "");
        File.WriteAllText(generated, "");
        log.WriteLine($"generated {dir}{(o.WithHugo ? "" : " (without its Hugo copy)")} in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    /// <summary>
    /// Rebuild times as <c>campaign serve</c> sees them: one session, a first full build, then per run an edit of one
    /// finding, of one company and (with <paramref name="templates"/>) of one template, each followed by a timed incremental
    /// build. Edits go to copies.
    /// </summary>
    private static (double Finding, double Company, double Template, double Series) Incremental(MacroOptions o, string dir, TextWriter log,
        bool templates = true)
    {
        var input = Path.Combine(dir, "edit-input");
        var theme = Path.Combine(dir, "edit-theme");
        var output = Path.Combine(dir, "edit-output");
        Machine.Discard(input); Machine.Discard(theme); Machine.Discard(output);
        Copy(Path.Combine(dir, "input"), input);
        Copy(o.Theme, theme);
        Settle(o, "the first incremental build", log);
        var options = new BuildOptions(input, output, new DateTimeOffset(DateTime.Parse(Now, CultureInfo.InvariantCulture), TimeSpan.Zero), ThemeDir: theme);
        var session = new BuildSession();
        var first = Stopwatch.StartNew();
        Check(SiteBuilder.Build(options, session), "first incremental build");
        log.WriteLine($"the session's first build: {Ms(first.Elapsed.TotalMilliseconds)}");
        // the first build's files are still being written back: the timed edits should not wait for them
        Settle(o, "the timed edits", log);

        var findingFile = Directory.EnumerateFiles(Path.Combine(input, "findings"), "*.yaml").Order(StringComparer.Ordinal).First();
        var companyFile = Directory.EnumerateFiles(Path.Combine(input, "companies"), "*.en.md").Order(StringComparer.Ordinal).First();
        var templateFile = Path.Combine(theme, "layouts", "finding.liquid");
        const string marker = "(Synthetic text generated for benchmarks.)";
        var findingText = File.ReadAllText(findingFile);
        var at = findingText.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"{findingFile} has no synthetic summary to edit.");

        // each timed rebuild's stages, by what was edited ("finding edit", "series edit")
        var stages = new Dictionary<string, List<IReadOnlyList<Campaign.Site.Timing.StageTime>>>(StringComparer.Ordinal);
        double Timed(Action edit, string what)
        {
            session.Rest(); // as campaign serve does once a rebuild is served, while the campaigner reads it
            edit();
            var clock = Stopwatch.StartNew();
            var result = SiteBuilder.Build(options, session);
            var ms = clock.Elapsed.TotalMilliseconds;
            Check(result, what);
            if (result.Stages is { } s) (stages.TryGetValue(what, out var list) ? list : stages[what] = []).Add(s);
            return ms;
        }

        // The finding's summary, with its marker sentence replaced by one naming the edit.
        void EditFinding(string edit) =>
            File.WriteAllText(findingFile, string.Concat(findingText.AsSpan(0, at), $"(Synthetic text, {edit}.)", findingText.AsSpan(at + marker.Length)));

        var findings = new List<double>();
        var companies = new List<double>();
        var templateTimes = new List<double>();
        for (var r = 1; r <= o.Runs; r++)
        {
            var tag = r.ToString(CultureInfo.InvariantCulture);
            findings.Add(Timed(() => EditFinding($"edit {tag}"), "finding edit"));
            companies.Add(Timed(() => File.AppendAllText(companyFile, $"\nEdited paragraph {tag}.\n"), "company edit"));
            if (templates) templateTimes.Add(Timed(() => File.AppendAllText(templateFile, $"\n{{% comment %}}edit {tag}{{% endcomment %}}\n"), "template edit"));
        }
        // Then one finding edited again and again, as a campaigner fixing findings one after another does: each rebuild
        // follows a small one, not a template edit (which re-renders every page and leaves the next rebuilds slower).
        var series = new List<double>();
        for (var k = 1; k <= SeriesEdits; k++)
        {
            var tag = k.ToString(CultureInfo.InvariantCulture);
            series.Add(Timed(() => EditFinding($"series {tag}"), "series edit"));
        }
        log.WriteLine($"incremental (ms): finding {Join(findings)}; company {Join(companies)}; {(templates ? $"template {Join(templateTimes)}; " : "")}finding after finding {Join(series)}");
        // where a one-finding rebuild spends its time: each stage's median over the runs, for the first edit of each run
        // (after a template edit from the second run on) and for the edits in a row
        foreach (var (what, label) in new[] { ("finding edit", "finding edit"), ("series edit", "finding after finding") })
        {
            var timed = stages.GetValueOrDefault(what) ?? [];
            // processor time beside wall time: on a shared machine the wall time of a stage follows the others' load, its
            // processor time much less
            void Line(string stage, IReadOnlyList<Campaign.Site.Timing.StageTime> runs) =>
                log.WriteLine($"  {label}, {stage}: {Median(runs.Select(s => s.Elapsed.TotalMilliseconds)).ToString("0", CultureInfo.InvariantCulture)} ms, " +
                    $"{Median(runs.Select(s => s.Processor.TotalMilliseconds)).ToString("0", CultureInfo.InvariantCulture)} ms processor, " +
                    $"{Median(runs.Select(s => s.Allocated / 1048576.0)).ToString("0.0", CultureInfo.InvariantCulture)} MiB allocated");
            foreach (var stage in timed.SelectMany(s => s).Select(s => s.Stage).Distinct())
                Line(stage, [.. timed.SelectMany(s => s).Where(s => s.Stage == stage)]);
            if (timed.Count > 0)
                Line("all stages", [.. timed.Select(s => new Campaign.Site.Timing.StageTime("all stages", TimeSpan.FromTicks(s.Sum(t => t.Elapsed.Ticks)),
                    TimeSpan.FromTicks(s.Sum(t => t.Processor.Ticks)), s.Sum(t => t.Allocated)))]);
        }
        Machine.Discard(input); Machine.Discard(theme); Machine.Discard(output);
        return (Median(findings), Median(companies), Median(templateTimes), Median(series));
    }

    /// <summary>Bytes a reader with an empty cache downloads for one query (manifest, term shards, document shards, facets), median over <see cref="Queries"/>.</summary>
    private static Dictionary<string, long> BytesPerQuery(string site)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (lang, queries) in Queries)
        {
            var dir = Path.Combine(site, "search", lang);
            if (!Directory.Exists(dir)) continue;
            var sizes = queries.Select(q =>
            {
                var fetched = new Dictionary<string, long>(StringComparer.Ordinal);
                var reader = new SearchIndexReader(path =>
                {
                    var full = Path.Combine(dir, path);
                    if (!File.Exists(full)) return null;
                    var bytes = File.ReadAllBytes(full);
                    fetched[path] = bytes.LongLength;
                    return bytes;
                });
                reader.Search(q);
                return (double)fetched.Values.Sum();
            }).ToList();
            result[lang] = (long)Median(sizes);
        }
        return result;
    }

    /// <summary>Processor seconds of a figure's runs, user and kernel mode, each the median.</summary>
    public sealed record CpuSeconds(double User, double Sys);

    private static CpuSeconds Cpu(IReadOnlyList<Machine.Run> runs) => new(Median(runs.Select(r => r.UserSeconds)), Median(runs.Select(r => r.SysSeconds)));

    /// <summary>
    /// Times <paramref name="run"/> <paramref name="runs"/> times; before each, <paramref name="prepare"/> (deleting the
    /// previous output) and then a wait for an idle disk, so no run pays for the deletes and write-back of the one before.
    /// </summary>
    private static IReadOnlyList<Machine.Run> Repeat(int runs, TimeSpan settle, Action prepare, Func<Machine.Run> run, string what, TextWriter log)
    {
        var list = new List<Machine.Run>();
        var waits = new List<string>();
        for (var i = 0; i < runs; i++)
        {
            prepare();
            var (waited, settled) = Machine.Settle(settle);
            waits.Add(waited.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + (settled ? "" : " (still busy)"));
            list.Add(run());
        }
        log.WriteLine($"{what}: {Join(list.Select(r => r.Seconds * 1000))} ms wall, user {Join1(list.Select(r => r.UserSeconds))} s, " +
            $"sys {Join1(list.Select(r => r.SysSeconds))} s, peak {Join(list.Select(r => r.PeakBytes / 1048576.0))} MiB; " +
            $"disk settled before each in {string.Join(" ", waits)} s");
        return list;
    }

    /// <summary>
    /// Flushes and waits (up to <c>--settle</c> seconds, a minute by default) for the disk to go idle: on a disk mounted with <c>discard</c>, deleting a big
    /// output goes on in the background for tens of seconds after the delete returns. Logs the wait.
    /// </summary>
    private static void Settle(MacroOptions o, string before, TextWriter log)
    {
        var (waited, settled) = Machine.Settle(TimeSpan.FromSeconds(o.SettleSeconds));
        log.WriteLine($"disk {(settled ? "settled" : "still busy")} after {waited.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, before {before}");
    }


    /// <summary>What the table says of Hugo: its figures beside ours, that it is not installed, or nothing (<c>--no-hugo</c>).</summary>
    public enum HugoColumn { Measured, NotInstalled, Skipped }

    public static string Table(IReadOnlyList<(int N, Figures F)> columns, HugoColumn hugo, int cores)
    {
        var rows = new List<(string Name, Func<Figures, string> Cell)>
        {
            ("campaign build: pages (HTML)", f => Int(f.OurPages)),
            ("campaign build: wall time", f => Sec(f.OurSeconds)),
            ("campaign build: processor time, user / sys", f => $"{Sec(f.OurCpu.User)} / {Sec(f.OurCpu.Sys)}"),
            ("campaign build: pages/s", f => Int((int)Math.Round(f.OurPages / f.OurSeconds))),
            ("campaign build: peak memory (VmHWM)", f => MiB(f.OurPeakBytes)),
        };
        if (hugo == HugoColumn.Measured)
            rows.AddRange(
            [
                ("hugo: pages (HTML)", f => Int(f.HugoPages ?? 0)),
                ("hugo: wall time", f => Sec(f.HugoSeconds ?? 0)),
                ("hugo: processor time, user / sys", f => f.HugoCpu is { } c ? $"{Sec(c.User)} / {Sec(c.Sys)}" : "-"),
                ("hugo: pages/s", f => Int((int)Math.Round((f.HugoPages ?? 0) / (f.HugoSeconds ?? 1)))),
                ("hugo: peak memory (VmHWM)", f => MiB(f.HugoPeakBytes ?? 0)),
                ("time ratio campaign/hugo (<= 1: as fast)", f => (f.OurSeconds / (f.HugoSeconds ?? 1)).ToString("0.00", CultureInfo.InvariantCulture)),
                ("pages/s ratio campaign/hugo", f => (f.OurPages / f.OurSeconds / ((f.HugoPages ?? 0) / (f.HugoSeconds ?? 1))).ToString("0.00", CultureInfo.InvariantCulture)),
            ]);
        else if (hugo == HugoColumn.NotInstalled) rows.Add(("hugo", _ => "not installed"));
        rows.AddRange(
        [
            ("rebuild after editing one finding", f => Ms(f.FindingEditMs)),
            ("rebuild after editing one company", f => Ms(f.CompanyEditMs)),
            ("rebuild after editing one template", f => Ms(f.TemplateEditMs)),
            ($"one-finding edits in a row (median of {SeriesEdits})", f => Ms(f.FindingSeriesMs)),
            ("output size", f => MiB(f.OutputBytes)),
        ]);
        if (hugo == HugoColumn.Skipped)
            rows.AddRange(
            [
                ("files written", f => Int(f.OutputFiles)),
                ("largest folder (entries)", f => Int(f.LargestFolder)),
            ]);
        else
            rows.AddRange(
            [
                ("hugo output size", f => f.HugoOutputBytes is { } b ? MiB(b) : "-"),
                ("bytes written ratio campaign/hugo (target <= 1.5)", f => f.HugoOutputBytes is { } b && b > 0 ? Ratio(f.OutputBytes, b) : "-"),
                ("files written: campaign / hugo", f => $"{Int(f.OutputFiles)} / {(f.HugoOutputFiles is { } h ? Int(h) : "-")}"),
                ("files written ratio campaign/hugo (target <= 2)", f => f.HugoOutputFiles is { } h && h > 0 ? Ratio(f.OutputFiles, h) : "-"),
                ("largest folder (entries): campaign / hugo", f => $"{Int(f.LargestFolder)} / {(f.HugoLargestFolder is { } h ? Int(h) : "-")}"),
            ]);
        rows.AddRange(
        [
            ("search index size (all languages)", f => MiB(f.SearchBytes)),
            ("search: bytes per query, en (median)", f => Kb(f.BytesPerQuery.GetValueOrDefault("en"))),
            ("search: bytes per query, zh (median)", f => Kb(f.BytesPerQuery.GetValueOrDefault("zh"))),
        ]);
        foreach (var lang in new[] { "en", "zh" })
        {
            rows.Add(($"search in Chromium, {lang}: first query, ours / pagefind", f => f.Search is { } s ? Versus(s, lang, l => l.OursFirst, l => l.TheirsFirst) : NotMeasured));
            rows.Add(($"search in Chromium, {lang}: second query, ours / pagefind", f => f.Search is { } s ? Versus(s, lang, l => l.OursSecond, l => l.TheirsSecond) : NotMeasured));
        }
        rows.Add(("search index build: ours / pagefind", f => f.Search is not { } s ? NotMeasured : s.Pagefind is { } p
            ? $"{Sec(s.OurIndex.Seconds)}, {MiB(s.OurIndex.PeakBytes)} / {Sec(p.Seconds)}, {MiB(p.PeakBytes)}"
            : $"{Sec(s.OurIndex.Seconds)}, {MiB(s.OurIndex.PeakBytes)} / {s.PagefindSkipped}"));

        var header = new[] { $"figure (median; {cores} cores)" }.Concat(columns.Select(c => $"{Int(c.N)} findings")).ToList();
        var table = rows.Select(r => new[] { r.Name }.Concat(columns.Select(c => r.Cell(c.F))).ToList()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, table.Max(r => r[i].Length))).ToList();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.Append("| ").Append(string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])))).Append(" |\n");
        Line(header);
        text.Append("| ").Append(string.Join(" | ", widths.Select((w, i) => i == 0 ? new string('-', w) : new string('-', w - 1) + ":"))).Append(" |\n");
        foreach (var row in table) Line(row);
        return text.ToString();
    }

    /// <summary>The cell of a figure <c>--builds-only</c> leaves out.</summary>
    private const string NotMeasured = "not measured (--builds-only)";

    private static string Ms(double? ms) => ms is { } v ? Ms(v) : NotMeasured;

    private static string Ratio(double ours, double theirs) => (ours / theirs).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A language's median bytes per query, ours against Pagefind's with the ratio, as "12.3 / 45.6 kB (0.27)".</summary>
    private static string Versus(SearchFigures search, string lang, Func<LanguageBytes, long> ours, Func<LanguageBytes, long?> theirs)
    {
        var l = search.ByLanguage.FirstOrDefault(x => x.Lang == lang);
        if (l is null) return "-";
        if (theirs(l) is not { } t) return $"{Kb(ours(l))} / {search.PagefindSkipped}";
        return $"{Kb(ours(l))} / {Kb(t)} ({(ours(l) / (double)t).ToString("0.00", CultureInfo.InvariantCulture)})";
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return 0;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Check(BuildResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"{what} failed: {string.Join("; ", result.Diagnostics.Where(d => d.IsError).Select(d => d.Message))}");
    }

    private static int HtmlFiles(string dir) => Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Count() : 0;

    private static int Files(string dir) => Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Count() : 0;

    /// <summary>The most entries (files and folders) any one folder holds: what a file system and a mirror's upload must list at once.</summary>
    private static int LargestFolder(string dir) => Directory.Exists(dir)
        ? Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Append(dir).Max(d => Directory.EnumerateFileSystemEntries(d).Count())
        : 0;

    private static long Bytes(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Join(IEnumerable<double> values) => string.Join(" ", values.Select(v => v.ToString("0", CultureInfo.InvariantCulture)));
    private static string Join1(IEnumerable<double> values) => string.Join(" ", values.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)));
    private static string Int(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    private static string Sec(double s) => s.ToString("0.00", CultureInfo.InvariantCulture) + " s";
    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";
    private static string MiB(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
    private static string Kb(long bytes) => (bytes / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " kB";
}
