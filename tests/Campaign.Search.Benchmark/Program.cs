// The search benchmark: builds a campaign with our index and with Pagefind (installed from npm here), loads
// each in headless Chromium, and prints per query the bytes transferred for a first and a second query,
// results found and time to results, plus index build time, memory and size, and recall on the query set.
// Run: dotnet run --project tests/Campaign.Search.Benchmark -c Release -- [--findings N] [--work DIR]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Campaign.Search.Index;
using Campaign.Search.Measure;
using Campaign.Search.Reading;
using Campaign.Site;
using Campaign.Site.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var findings = 0;
var work = Path.Combine(Path.GetTempPath(), "campaign-search-bench");
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--findings") findings = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--work") work = args[++i];
    else { Console.Error.WriteLine("usage: [--findings N] [--work DIR]"); return 2; }
}
var repo = FindRepo();
var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
var queries = ExpectedQuery.Load(Path.Combine(repo, "tests", "Campaign.Tests", "Search", "queries.tsv"));

// 1. the campaign: the sample, plus replicated sample findings up to N (the generator of issue 3 is not on main yet)
var input = Path.Combine(work, "input");
if (Directory.Exists(work)) Directory.Delete(work, true);
CopyDir(Path.Combine(repo, "input"), input);
if (findings > 0) Generate(input, findings);
Console.WriteLine($"campaign: {(findings > 0 ? $"sample + replicated findings, {findings} generated" : "the sample in input/")}");

// 2. our build, and our index alone
var site = Path.Combine(work, "ours");
var build = SiteBuilder.Build(new BuildOptions(input, site, now, false, Path.Combine(repo, "theme")));
if (!build.Succeeded) { Console.Error.WriteLine(string.Join("\n", build.Diagnostics.Where(d => d.IsError).Take(10))); return 1; }
var options = new BuildOptions(input, site, now, false, Path.Combine(repo, "theme"));
var content = Campaign.Core.Load.ContentLoader.Load(input, options.Today, new Campaign.Core.Diagnostics.DiagnosticList())!;
var corpora = SearchCorpora.Build(Campaign.Site.Routing.SiteModelBuilder.Build(content, options));
GC.Collect();
var before = GC.GetTotalAllocatedBytes(true);
var clock = Stopwatch.StartNew();
foreach (var c in corpora) SearchIndexBuilder.Build(c);
var indexSeconds = clock.Elapsed.TotalSeconds;
var allocated = GC.GetTotalAllocatedBytes(true) - before;
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
var ourBytes = DirSize(Path.Combine(site, "search"));
var ourFiles = Directory.GetFiles(Path.Combine(site, "search"), "*", SearchOption.AllDirectories).Length;
Console.WriteLine($"documents: {string.Join(", ", corpora.Select(c => $"{c.Lang} {c.Documents.Count}"))}; site build {build.Elapsed.TotalSeconds:0.00} s");
Console.WriteLine($"ours:     index {indexSeconds:0.00} s (both languages, in-process, Lucene warm), allocated {allocated / 1048576.0:0} MiB, process peak working set {peak / 1048576.0:0} MiB, {ourFiles} files, {ourBytes / 1024.0:0} KiB");

// 3. Pagefind over a copy of our output
var pf = Path.Combine(work, "pagefind");
CopyDir(site, pf);
var npm = Path.Combine(work, "npm");
Directory.CreateDirectory(npm);
Run("npm", $"install --no-audit --no-fund --prefix {npm} pagefind@1.6.0", TimeSpan.FromMinutes(5));
var (pfSeconds, pfRss) = RunTimed(Path.Combine(npm, "node_modules", ".bin", "pagefind"), $"--site {pf}");
Console.WriteLine($"pagefind: index {pfSeconds:0.00} s, peak RSS {pfRss / 1024.0:0} MiB, {Directory.GetFiles(Path.Combine(pf, "pagefind"), "*", SearchOption.AllDirectories).Length} files, {DirSize(Path.Combine(pf, "pagefind")) / 1024.0:0} KiB");
foreach (var (lang, htmlLang) in new[] { ("en", "en"), ("zh", "zh-Hans") })
    File.WriteAllText(Path.Combine(pf, lang, "pf-bench.html"), $$"""
        <!DOCTYPE html><html lang="{{htmlLang}}"><head><meta charset="utf-8"><title>bench</title></head><body>
        <script type="module">
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        globalThis.__search = async (q) => {
          const t0 = performance.now();
          const r = await pagefind.search(q);
          const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
          return { count: r.results.length, urls: data.map((d) => d.url), ms: performance.now() - t0 };
        };
        globalThis.__ready = true;
        </script></body></html>
        """);

// 4. both in Chromium
await using var ours = await Serve(site);
await using var theirs = await Serve(pf);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

Console.WriteLine();
Console.WriteLine("lang  query                          | ours: 1st B  2nd B  found  ms | pagefind: 1st B  2nd B  found  ms | ratio 1st  2nd");
var totals = new Dictionary<string, double[]>();
var recall = new Dictionary<string, int[]>();
foreach (var lang in new[] { "en", "zh" })
{
    var set = queries.Where(q => q.Lang == lang).ToList();
    for (var i = 0; i < set.Count; i++)
    {
        var q1 = set[i];
        var q2 = set[(i + 1) % set.Count];
        var a = await Ours(browser, ours.Url, lang, q1.Query, q2.Query);
        var b = await Pagefind(browser, theirs.Url, lang, q1.Query, q2.Query);
        Console.WriteLine($"{lang,-5} {Trim(q1.Query),-30} | {a.First,10} {a.Second,6} {a.Found,6} {a.Ms,4:0} | {b.First,14} {b.Second,6} {b.Found,6} {b.Ms,4:0} | {a.First / (double)b.First,8:0.00} {(b.Second == 0 ? "n/a" : (a.Second / (double)b.Second).ToString("0.00")),5}");
        var t = totals.TryGetValue(lang, out var x) ? x : totals[lang] = new double[4];
        t[0] += a.First; t[1] += a.Second; t[2] += b.First; t[3] += b.Second;
        var pages = q1.Expected.Select(u => u.Split('#')[0]).Distinct().ToList();
        var r = recall.TryGetValue(lang, out var y) ? y : recall[lang] = new int[3];
        r[0] += pages.Count;
        r[1] += pages.Count(p => a.Urls.Any(u => u.Split('#')[0] == p));
        r[2] += pages.Count(p => b.Urls.Contains(p));
    }
}
Console.WriteLine();
foreach (var (lang, t) in totals)
    Console.WriteLine($"{lang}: mean bytes, first query ours {t[0] / queries.Count(q => q.Lang == lang):0} / pagefind {t[2] / queries.Count(q => q.Lang == lang):0} = {t[0] / t[2]:0.00}; second query ours {t[1] / queries.Count(q => q.Lang == lang):0} / pagefind {t[3] / queries.Count(q => q.Lang == lang):0} = {t[1] / Math.Max(1, t[3]):0.00}");
foreach (var (lang, r) in recall)
    Console.WriteLine($"{lang}: recall@10 of expected pages (page level, anchors dropped): ours {r[1]}/{r[0]}, pagefind {r[2]}/{r[0]}");
Console.WriteLine($"index build: ours {indexSeconds:0.00} s / pagefind {pfSeconds:0.00} s = {indexSeconds / pfSeconds:0.00}");
foreach (var line in RecallMeasure.Measure(corpora, queries).Lines.Where(l => l.Contains("recall@10", StringComparison.Ordinal)))
    Console.WriteLine("analysis " + line);
return 0;

static string Trim(string s) => s.Length > 28 ? s[..28] : s;

static async Task<Result> Ours(IBrowser browser, string baseUrl, string lang, string q1, string q2)
{
    var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    var responses = new List<IResponse>();
    page.Response += (_, r) => responses.Add(r);
    var clock = Stopwatch.StartNew();
    await page.GotoAsync($"{baseUrl}/{lang}/search/?q={Uri.EscapeDataString(q1)}");
    await page.WaitForFunctionAsync("q => document.querySelector('[data-search]').dataset.query === q", q1);
    var ms = clock.Elapsed.TotalMilliseconds;
    var urls = await page.Locator("#search-results .search-result h2 a").EvaluateAllAsync<string[]>("els => els.map(a => new URL(a.href).pathname.replace(/index\\.html$/, '') + new URL(a.href).hash)");
    var first = await Bytes(responses, u => u.Contains("/search/" + lang + "/", StringComparison.Ordinal) || u.Contains("/js/search.", StringComparison.Ordinal));
    var found = await page.Locator("#search-status").TextContentAsync() ?? "";
    responses.Clear();
    await page.Locator("#search-q").FillAsync(q2);
    await page.WaitForFunctionAsync("q => document.querySelector('[data-search]').dataset.query === q", q2);
    var second = await Bytes(responses, u => u.Contains("/search/" + lang + "/", StringComparison.Ordinal));
    await context.CloseAsync();
    return new Result(first, second, int.TryParse(Regex.Match(found, @"\d+").Value, out var n) ? n : 0, ms, urls);
}

static async Task<Result> Pagefind(IBrowser browser, string baseUrl, string lang, string q1, string q2)
{
    var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    var responses = new List<IResponse>();
    page.Response += (_, r) => responses.Add(r);
    var clock = Stopwatch.StartNew();
    await page.GotoAsync($"{baseUrl}/{lang}/pf-bench.html");
    await page.WaitForFunctionAsync("() => globalThis.__ready === true");
    var r1 = await page.EvaluateAsync<PfResult>("q => __search(q)", q1);
    var ms = clock.Elapsed.TotalMilliseconds;
    var first = await Bytes(responses, u => u.Contains("/pagefind/", StringComparison.Ordinal));
    responses.Clear();
    await page.EvaluateAsync<PfResult>("q => __search(q)", q2);
    var second = await Bytes(responses, u => u.Contains("/pagefind/", StringComparison.Ordinal));
    await context.CloseAsync();
    return new Result(first, second, r1.Count, ms, r1.Urls);
}

static async Task<long> Bytes(List<IResponse> responses, Func<string, bool> which)
{
    long total = 0;
    foreach (var r in responses.ToList().Where(r => which(r.Url)))
    {
        await r.FinishedAsync();
        var sizes = await r.Request.SizesAsync();
        total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
    }
    return total;
}

static async Task<Server> Serve(string dir)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    var app = builder.Build();
    var files = new PhysicalFileProvider(dir);
    app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
    app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
    await app.StartAsync();
    return new Server(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

static void Generate(string input, int count)
{
    // Replicates the sample's YAML findings with new ids and numbered titles: enough to size an index, not real prose.
    var sources = Directory.GetFiles(Path.Combine(input, "findings"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
    var records = sources.SelectMany(s => Regex.Split(s, @"(?m)^(?=- id: )").Where(r => r.StartsWith("- id: ", StringComparison.Ordinal))).ToList();
    var sb = new StringBuilder();
    for (var i = 0; i < count; i++)
    {
        var record = records[i % records.Count];
        record = Regex.Replace(record, @"^- id: (\S+)", m => $"- id: {m.Groups[1].Value}-g{i}");
        record = Regex.Replace(record, @"(?m)^(  title:\n    en: )(.*)\n(    zh: )(.*)$", m => $"{m.Groups[1].Value}{m.Groups[2].Value} (no. {i})\n{m.Groups[3].Value}{m.Groups[4].Value}（第{i}号）");
        sb.Append(record.TrimEnd()).Append('\n');
    }
    File.WriteAllText(Path.Combine(input, "findings", "generated.yaml"), sb.ToString());
}

static void Run(string file, string arguments, TimeSpan timeout)
{
    using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    p.StandardOutput.ReadToEndAsync();
    var err = p.StandardError.ReadToEndAsync();
    if (!p.WaitForExit(timeout) || p.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed: {err.Result}");
}

static (double Seconds, long MaxRssKb) RunTimed(string file, string arguments)
{
    using var p = Process.Start(new ProcessStartInfo("/usr/bin/time", $"-v {file} {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
    p.StandardOutput.ReadToEndAsync();
    var err = p.StandardError.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException($"pagefind failed: {err}");
    var elapsed = Regex.Match(err, @"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)");
    var seconds = (elapsed.Groups[1].Success ? int.Parse(elapsed.Groups[1].Value, CultureInfo.InvariantCulture) * 3600 : 0)
        + int.Parse(elapsed.Groups[2].Value, CultureInfo.InvariantCulture) * 60 + double.Parse(elapsed.Groups[3].Value, CultureInfo.InvariantCulture);
    var rss = long.Parse(Regex.Match(err, @"Maximum resident set size \(kbytes\): (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    return (seconds, rss);
}

static long DirSize(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

static void CopyDir(string from, string to)
{
    foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}

static string FindRepo()
{
    var dir = AppContext.BaseDirectory;
    while (dir is not null && !File.Exists(Path.Combine(dir, "Campaign.sln"))) dir = Path.GetDirectoryName(dir);
    return dir ?? Directory.GetCurrentDirectory();
}

/// <summary>One engine's figures for a query pair.</summary>
internal sealed record Result(long First, long Second, int Found, double Ms, string[] Urls);

/// <summary>What the Pagefind bench page returns.</summary>
internal sealed class PfResult
{
    public int Count { get; set; }
    public string[] Urls { get; set; } = [];
    public double Ms { get; set; }
}

/// <summary>A static server over a folder.</summary>
internal sealed record Server(WebApplication App, string Url) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
