using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Campaign.Benchmarks.Search;

/// <summary>One engine's figures for a query on a fresh page, then a second query on the same page.</summary>
/// <param name="First">Bytes transferred (bodies + response headers) for the first query, the client and index files included; the HTML page not.</param>
/// <param name="Second">Bytes transferred for a second query on the same page.</param>
/// <param name="Found">How many results the first query found.</param>
/// <param name="Ms">Time from opening the page to the first query's results on screen (ours) or returned (Pagefind).</param>
/// <param name="Urls">The first query's top result pages (paths, anchors kept): ten, or as many as asked for when more.</param>
/// <param name="FirstParts">The first query's bytes by kind of file (<see cref="WireParts"/>).</param>
/// <param name="SecondParts">The second query's bytes by kind of file.</param>
public sealed record QueryFigures(long First, long Second, int Found, double Ms, IReadOnlyList<string> Urls,
    IReadOnlyList<WirePart> FirstParts, IReadOnlyList<WirePart> SecondParts);

/// <summary>The files of one kind a query fetched (script, manifest, term shards, …): how many, and their bytes on the wire.</summary>
public sealed record WirePart(string Kind, int Files, long Bytes);

/// <summary>Sorts a query's responses into kinds, so a byte target can be traced to what it is spent on.</summary>
public static class WireParts
{
    /// <summary>The kind of file a URL names: ours by the index format's folders, Pagefind's by its file names.</summary>
    public static string KindOf(string url)
    {
        var path = new Uri(url).AbsolutePath;
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (path.Contains("/js/", StringComparison.Ordinal) || name.EndsWith(".js", StringComparison.Ordinal) && path.Contains("/pagefind/", StringComparison.Ordinal)) return "script";
        if (name.StartsWith("manifest", StringComparison.Ordinal) || name.StartsWith("pagefind-entry", StringComparison.Ordinal)) return "manifest";
        if (path.Contains("/t/", StringComparison.Ordinal) || path.Contains("/index/", StringComparison.Ordinal)) return "terms";
        if (path.Contains("/p/", StringComparison.Ordinal)) return "positions";
        if (path.Contains("/d/", StringComparison.Ordinal) || path.Contains("/fragment/", StringComparison.Ordinal)) return "docs";
        if (name.StartsWith("variants", StringComparison.Ordinal)) return "variants";
        if (name.StartsWith("facets", StringComparison.Ordinal) || path.Contains("/filter/", StringComparison.Ordinal)) return "facets";
        if (name.EndsWith(".wasm", StringComparison.Ordinal) || name.Contains("wasm", StringComparison.Ordinal)) return "wasm";
        if (name.EndsWith(".pf_meta", StringComparison.Ordinal)) return "meta";
        return "other";
    }

    /// <summary>One line: kind files×bytes, largest first.</summary>
    public static string Format(IReadOnlyList<WirePart> parts) =>
        string.Join(", ", parts.OrderByDescending(p => p.Bytes).Select(p => $"{p.Kind} {p.Files}× {(p.Bytes / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}k"));
}

/// <summary>
/// Runs queries in headless Chromium (Debian's, through Playwright) against our search page and against Pagefind's
/// JavaScript API, each query in a new browser context (empty cache), and counts what crossed the network.
/// </summary>
public sealed class BrowserSearch : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSearch(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<BrowserSearch> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserSearch(playwright, browser);
    }

    /// <summary>The bench page Pagefind is queried from, one per language (its <c>lang</c> picks Pagefind's index), written under <paramref name="overlay"/>.</summary>
    public static void WritePagefindPages(string overlay)
    {
        foreach (var (lang, htmlLang) in new[] { ("en", "en"), ("zh", "zh-Hans") })
        {
            Directory.CreateDirectory(Path.Combine(overlay, lang));
            File.WriteAllText(Path.Combine(overlay, lang, "pf-bench.html"), $$"""
                <!DOCTYPE html><html lang="{{htmlLang}}"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body>
                <script type="module">
                const pagefind = await import('/pagefind/pagefind.js');
                await pagefind.init();
                globalThis.__search = async (q, k = 10) => {
                  const r = await pagefind.search(q);
                  const data = await Promise.all(r.results.slice(0, k).map((x) => x.data()));
                  return { count: r.results.length, urls: data.map((d) => d.url) };
                };
                globalThis.__ready = true;
                </script></body></html>
                """);
        }
    }

    /// <summary>Our search page: the first query from the URL, the second typed into the box.</summary>
    /// <param name="top">How many result pages to list (beyond the ten shown, read through the client's API after the bytes are counted).</param>
    public async Task<QueryFigures> Ours(string baseUrl, string lang, string q1, string q2, int top = 10)
    {
        var context = await _browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var responses = new List<IResponse>();
            page.Response += (_, r) => { lock (responses) responses.Add(r); };
            var clock = Stopwatch.StartNew();
            await page.GotoAsync($"{baseUrl}/{lang}/search/?q={Uri.EscapeDataString(q1)}");
            await page.WaitForFunctionAsync("q => document.querySelector('[data-search]').dataset.query === q", q1);
            var ms = clock.Elapsed.TotalMilliseconds;
            var urls = await page.Locator("#search-results .search-result h2 a")
                .EvaluateAllAsync<string[]>("els => els.map(a => new URL(a.href).pathname.replace(/index\\.html$/, '') + new URL(a.href).hash)");
            var status = await page.Locator("#search-status").TextContentAsync() ?? "";
            var (first, firstParts) = await Bytes(responses, u => u.Contains($"/search/{lang}/", StringComparison.Ordinal) || u.Contains("/js/search", StringComparison.Ordinal));
            await page.Locator("#search-q").FillAsync(q2);
            await page.WaitForFunctionAsync("q => document.querySelector('[data-search]').dataset.query === q", q2);
            var (second, secondParts) = await Bytes(responses, u => u.Contains($"/search/{lang}/", StringComparison.Ordinal) || u.Contains("/js/search", StringComparison.Ordinal));
            if (top > 10)
                urls = await page.EvaluateAsync<string[]>("""
                    async ([q, k, lang]) => {
                      const s = [...document.scripts].find((x) => /\/js\/search\.[^/]*js$/.test(x.src));
                      const index = CampaignSearch.openIndex(new URL('../../../search/' + lang + '/', s.src).href);
                      const r = await index.search(q, {}, k);
                      return (await index.documents(r.hits.slice(0, k).map((h) => h.doc))).map((d) => d.url);
                    }
                    """, new object[] { q1, top, lang });
            return new QueryFigures(first, second, int.TryParse(Regex.Match(status, @"\d+").Value, out var n) ? n : 0, ms, urls, firstParts, secondParts);
        }
        finally { await context.CloseAsync(); }
    }

    /// <summary>Pagefind's own API on the bench page: init, search, and the data of the top ten results (what a result list shows).</summary>
    public async Task<QueryFigures> Pagefind(string baseUrl, string lang, string q1, string q2, int top = 10)
    {
        var context = await _browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var responses = new List<IResponse>();
            page.Response += (_, r) => { lock (responses) responses.Add(r); };
            var clock = Stopwatch.StartNew();
            await page.GotoAsync($"{baseUrl}/{lang}/pf-bench.html");
            await page.WaitForFunctionAsync("() => globalThis.__ready === true");
            var r1 = await page.EvaluateAsync<PagefindResult>("q => __search(q)", q1);
            var ms = clock.Elapsed.TotalMilliseconds;
            var (first, firstParts) = await Bytes(responses, u => u.Contains("/pagefind/", StringComparison.Ordinal));
            await page.EvaluateAsync<PagefindResult>("q => __search(q)", q2);
            var (second, secondParts) = await Bytes(responses, u => u.Contains("/pagefind/", StringComparison.Ordinal));
            var urls = top > 10 ? (await page.EvaluateAsync<PagefindResult>("([q, k]) => __search(q, k)", new object[] { q1, top })).Urls : r1.Urls;
            return new QueryFigures(first, second, r1.Count, ms, [.. urls.Select(u => u.EndsWith("/index.html", StringComparison.Ordinal) ? u[..^"index.html".Length] : u)],
                firstParts, secondParts);
        }
        finally { await context.CloseAsync(); }
    }

    /// <summary>Bytes of the matching responses seen so far (body + headers, as Chromium counts them), in total and by kind, which are then forgotten.</summary>
    private static async Task<(long Total, IReadOnlyList<WirePart> Parts)> Bytes(List<IResponse> responses, Func<string, bool> which)
    {
        List<IResponse> seen;
        lock (responses) { seen = [.. responses]; responses.Clear(); }
        var parts = new Dictionary<string, (int Files, long Bytes)>(StringComparer.Ordinal);
        foreach (var r in seen.Where(r => which(r.Url)))
        {
            await r.FinishedAsync();
            var sizes = await r.Request.SizesAsync();
            var kind = WireParts.KindOf(r.Url);
            var (files, bytes) = parts.GetValueOrDefault(kind);
            parts[kind] = (files + 1, bytes + sizes.ResponseBodySize + sizes.ResponseHeadersSize);
        }
        return (parts.Values.Sum(p => p.Bytes), [.. parts.Select(p => new WirePart(p.Key, p.Value.Files, p.Value.Bytes))]);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>What the Pagefind bench page returns.</summary>
    private sealed class PagefindResult
    {
        public int Count { get; set; }
        public string[] Urls { get; set; } = [];
    }
}
