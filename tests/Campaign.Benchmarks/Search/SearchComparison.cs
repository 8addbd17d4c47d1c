using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Search.Index;
using Campaign.Site;
using Campaign.Site.Planning;
using Campaign.Site.Routing;
using Campaign.Site.Search;

namespace Campaign.Benchmarks.Search;

/// <summary>A query's figures from both engines; <see cref="Theirs"/> is null when Pagefind was not run.</summary>
/// <param name="OursTogether">Of our top ten pages, how many hold the query as typed (the words together, in the page's main text).</param>
public sealed record QueryComparison(BenchQuery Query, QueryFigures Ours, QueryFigures? Theirs, int OursTogether, int? TheirsTogether);

/// <summary>Per language, the median bytes of a first and a second query for each engine (Pagefind's null when not run).</summary>
public sealed record LanguageBytes(string Lang, long OursFirst, long OursSecond, long? TheirsFirst, long? TheirsSecond);

/// <summary>Everything one comparison measured: our index build, Pagefind's (or why it was not run), every query.</summary>
public sealed record SearchFigures(Machine.Run OurIndex, int OurFiles, long OurBytes, PagefindIndex.Built? Pagefind, string? PagefindSkipped,
    IReadOnlyList<QueryComparison> Queries)
{
    public IReadOnlyList<LanguageBytes> ByLanguage =>
    [
        .. Queries.GroupBy(q => q.Query.Lang).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new LanguageBytes(g.Key,
            Median(g.Select(q => q.Ours.First)), Median(g.Select(q => q.Ours.Second)),
            Pagefind is null ? null : Median(g.Select(q => q.Theirs!.First)), Pagefind is null ? null : Median(g.Select(q => q.Theirs!.Second)))),
    ];

    private static long Median(IEnumerable<long> values) => (long)MacroRunner.Median(values.Select(v => (double)v));
}

/// <summary>
/// Our search against Pagefind on one built site, shared by the macro runner (its bytes-per-query rows) and the
/// <c>search</c> verb (the per-query table): times our index build (its own process, <c>index</c> verb) and Pagefind's,
/// then runs every query of the set in Chromium on both: as a first query on a fresh page, and as a second query
/// typed on the page after the previous query of the same language (the first after the last).
/// </summary>
public static class SearchComparison
{
    /// <param name="input">The campaign's input folder (our index is rebuilt from it, timed, into <paramref name="workDir"/>).</param>
    /// <param name="site">Our built output, served as it is; Pagefind indexes it.</param>
    /// <param name="pagefind">False to skip Pagefind (<c>--no-pagefind</c>); it is also skipped, with a note, when npm is missing.</param>
    /// <param name="npmCache">Where Pagefind is installed from npm once and reused.</param>
    /// <param name="gzip">Serve both sites' text files gzip-compressed, as most hosts do (<c>--http-gzip</c>); else as they are on disk.</param>
    public static async Task<SearchFigures> Run(string input, string site, string workDir, IReadOnlyList<BenchQuery> queries, bool pagefind,
        string npmCache, TextWriter log, bool gzip = false)
    {
        Directory.CreateDirectory(workDir);
        var indexDir = Path.Combine(workDir, "our-index");
        var ours = OurIndex(input, indexDir);
        var ourFiles = Directory.GetFiles(indexDir, "*", SearchOption.AllDirectories);
        log.WriteLine($"our index: {Sec(ours.Seconds)} wall time, peak {Mib(ours.PeakBytes)} (own process: load, analyse, write both languages), {ourFiles.Length} files, {Kib(ourFiles.Sum(f => new FileInfo(f).Length))}");
        // where the peak was reached: the verb's own memory after each of its steps
        foreach (var line in ours.Error.Split('\n').Where(l => l.StartsWith("index: ", StringComparison.Ordinal))) log.WriteLine($"  {line}");

        PagefindIndex.Built? theirs = null;
        string? skipped = pagefind ? null : "skipped (--no-pagefind)";
        var overlay = Path.Combine(workDir, "pagefind-overlay");
        if (pagefind)
        {
            var binary = PagefindIndex.Install(npmCache, out var why);
            if (binary is null) skipped = $"not measured ({why})";
            else
            {
                theirs = PagefindIndex.Run(binary, site, Path.Combine(overlay, "pagefind"));
                BrowserSearch.WritePagefindPages(overlay);
                log.WriteLine($"pagefind index ({PagefindIndex.Package}): {Sec(theirs.Seconds)} wall time, peak {Mib(theirs.PeakBytes)}, {theirs.Files} files, {Kib(theirs.Bytes)}");
            }
        }
        if (skipped is not null) log.WriteLine($"pagefind: {skipped}");

        var results = new List<QueryComparison>();
        log.WriteLine(gzip ? "served with gzip for text files (scripts, JSON, HTML), as GitHub Pages, Netlify and Cloudflare Pages serve them"
            : "served as the files are on disk (no HTTP compression), as a plain host serves them");
        await using (var server = await StaticSite.Start(gzip, site))
        await using (var pfServer = theirs is null ? null : await StaticSite.Start(gzip, overlay, site))
        await using (var browser = await BrowserSearch.Launch())
        {
            foreach (var group in queries.GroupBy(q => q.Lang))
            {
                var set = group.ToList();
                var pairs = new List<(QueryFigures Ours, QueryFigures? Theirs)>();
                for (var i = 0; i < set.Count; i++)
                {
                    var (q1, q2) = (set[i], set[(i + 1) % set.Count]);
                    var top = Math.Max(10, q1.ExpectedPages.Count);
                    pairs.Add((await browser.Ours(server.Url, q1.Lang, q1.Text, q2.Text, top),
                        pfServer is null ? null : await browser.Pagefind(pfServer.Url, q1.Lang, q1.Text, q2.Text, top)));
                }
                // a query's second-query bytes are those of the pair that typed it second, after the previous query
                for (var i = 0; i < set.Count; i++)
                {
                    var (a, b) = pairs[i];
                    var (pa, pb) = pairs[(i + set.Count - 1) % set.Count];
                    results.Add(new QueryComparison(set[i], a with { Second = pa.Second, SecondParts = pa.SecondParts }, b is null ? null : b with { Second = pb!.Second, SecondParts = pb!.SecondParts },
                        Together(site, set[i], a.Urls), b is null ? null : Together(site, set[i], b.Urls)));
                }
            }
        }
        return new SearchFigures(ours, ourFiles.Length, ourFiles.Sum(f => new FileInfo(f).Length), theirs, skipped, results);
    }

    /// <summary>
    /// How many of the top ten result pages hold the query exactly as typed (case-insensitive) in the text of their
    /// <c>main</c> element: the phrase test of the search issue (人脸识别 ranks pages with the words together first).
    /// </summary>
    private static int Together(string site, BenchQuery query, IReadOnlyList<string> urls) => urls.Take(10).Count(url =>
    {
        var path = Path.Combine(site, url.Split('#')[0].TrimStart('/'), "index.html");
        if (!File.Exists(path)) return false;
        var html = File.ReadAllText(path);
        var main = Regex.Match(html, "<main[^>]*>(.*?)</main>", RegexOptions.Singleline);
        var text = WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(main.Success ? main.Groups[1].Value : html, "<[^>]+>", " "), @"\s+", " "));
        return text.Contains(query.Text, StringComparison.OrdinalIgnoreCase);
    });

    /// <summary>Builds only our search index from <paramref name="input"/> in a child process (the <c>index</c> verb), timed with its peak memory.</summary>
    public static Machine.Run OurIndex(string input, string outputDir)
    {
        Machine.Discard(outputDir);
        var self = typeof(SearchComparison).Assembly.Location;
        var run = Machine.Time("dotnet", [self, "index", "--input", input, "--output", outputDir]);
        if (run.ExitCode != 0) throw new InvalidOperationException($"index build failed ({run.ExitCode}): {run.Error}");
        return run;
    }

    /// <summary>
    /// The <c>index</c> verb: what a plain build does for search (load, model, then each language's documents and index
    /// in turn, its garbage collected before the next: <see cref="SearchOutput.Plan"/>), writing only the index.
    /// </summary>
    public static int WriteIndex(string input, string outputDir)
    {
        var options = new BuildOptions(input, outputDir, new DateTimeOffset(DateTime.Parse(MacroRunner.Now, CultureInfo.InvariantCulture), TimeSpan.Zero));
        var diagnostics = new DiagnosticList();
        var content = ContentLoader.Load(input, options.Today, diagnostics);
        if (content is null || diagnostics.HasErrors) { Console.Error.WriteLine(string.Join("\n", diagnostics.Sorted().Select(d => d.Message))); return 1; }
        Memory("after loading the content");
        var model = SiteModelBuilder.Build(content, options);
        Memory("after the site model");
        foreach (var edition in model.Editions)
        {
            var corpus = SearchCorpora.Build(model, edition, FreshProjector.Instance);
            foreach (var file in SearchIndexBuilder.Build(corpus))
            {
                var path = Path.Combine(outputDir, corpus.Lang, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Bytes);
            }
            PlanGarbage.Collect();
            Memory($"after the {corpus.Lang} index");
        }
        return 0;

        // the peak so far and what is still reachable after a full collection: the content and model stay reachable
        // to the end (a build holds them too), so the live figure after loading is the part of the peak the index is not
        static void Memory(string step)
        {
            var live = GC.GetTotalMemory(forceFullCollection: true);
            Console.Error.WriteLine($"index: {step}: peak so far {Mib(Machine.OwnPeakBytes())}, live heap {Mib(live)}");
        }
    }

    /// <summary>The per-query table, the medians and ratios per language, index figures and recall of the expected pages.</summary>
    public static string Report(SearchFigures f)
    {
        var text = new StringBuilder();
        var pf = f.Pagefind is not null;
        text.Append("| lang | query | ours 1st B | ours 2nd B | ours found | ours together | ours ms |");
        if (pf) text.Append(" pagefind 1st B | pagefind 2nd B | pagefind found | pagefind together | pagefind ms | ratio 1st | ratio 2nd |");
        text.Append('\n').Append("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        if (pf) text.Append(" ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        text.Append('\n');
        foreach (var q in f.Queries)
        {
            text.Append($"| {q.Query.Lang} | {q.Query.Text} | {N(q.Ours.First)} | {N(q.Ours.Second)} | {N(q.Ours.Found)} | {q.OursTogether}/10 | {N((long)q.Ours.Ms)} |");
            if (q.Theirs is { } t)
                text.Append($" {N(t.First)} | {N(t.Second)} | {N(t.Found)} | {q.TheirsTogether}/10 | {N((long)t.Ms)} | {Ratio(q.Ours.First, t.First)} | {Ratio(q.Ours.Second, t.Second)} |");
            text.Append('\n');
        }
        text.Append("(together: of the top ten pages, how many hold the query as typed in their main text)\n");
        text.Append("\nWhere the bytes go (kind files× kB on the wire; second query = typed after the previous query of the list):\n\n");
        text.Append("| lang | query | ours 1st | ours 2nd |");
        if (pf) text.Append(" pagefind 1st | pagefind 2nd |");
        text.Append("\n| --- | --- | --- | --- |");
        if (pf) text.Append(" --- | --- |");
        text.Append('\n');
        foreach (var q in f.Queries)
        {
            text.Append($"| {q.Query.Lang} | {q.Query.Text} | {WireParts.Format(q.Ours.FirstParts)} | {WireParts.Format(q.Ours.SecondParts)} |");
            if (q.Theirs is { } t) text.Append($" {WireParts.Format(t.FirstParts)} | {WireParts.Format(t.SecondParts)} |");
            text.Append('\n');
        }
        text.Append('\n');
        foreach (var l in f.ByLanguage)
        {
            text.Append($"{l.Lang}: median bytes, first query ours {N(l.OursFirst)}, second query ours {N(l.OursSecond)}");
            if (l.TheirsFirst is { } tf && l.TheirsSecond is { } ts)
                text.Append($"; pagefind {N(tf)} / {N(ts)}; ratio ours/pagefind first {Ratio(l.OursFirst, tf)}, second {Ratio(l.OursSecond, ts)}");
            text.Append('\n');
        }
        foreach (var q in f.Queries.Where(q => q.Query.ExpectedPages.Count > 0))
        {
            var k = q.Query.ExpectedPages.Count;
            int Found(IReadOnlyList<string> urls) => q.Query.ExpectedPages.Count(p => urls.Take(k).Any(u => u.Split('#')[0] == p));
            text.Append($"{q.Query.Lang} \"{q.Query.Text}\": the {k} findings with that buyer, in the top {k}: ours {Found(q.Ours.Urls)}/{k}");
            if (q.Theirs is { } t) text.Append($", pagefind {Found(t.Urls)}/{k}");
            text.Append('\n');
        }
        text.Append($"index build: ours {Sec(f.OurIndex.Seconds)}, peak {Mib(f.OurIndex.PeakBytes)}, {Kib(f.OurBytes)} in {N(f.OurFiles)} files");
        if (f.Pagefind is { } p)
            text.Append($"; pagefind {Sec(p.Seconds)}, peak {Mib(p.PeakBytes)}, {Kib(p.Bytes)} in {N(p.Files)} files; time ratio {Ratio(f.OurIndex.Seconds, p.Seconds)}, memory ratio {Ratio(f.OurIndex.PeakBytes, p.PeakBytes)}");
        else text.Append($"; pagefind {f.PagefindSkipped}");
        return text.Append('\n').ToString();
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    private static string Ratio(double a, double b) => b == 0 ? "n/a" : (a / b).ToString("0.00", CultureInfo.InvariantCulture);
    private static string Sec(double s) => s.ToString("0.00", CultureInfo.InvariantCulture) + " s";
    private static string Mib(long b) => (b / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MiB";
    private static string Kib(long b) => (b / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB";
}
