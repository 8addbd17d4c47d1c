using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Campaign.Site;
using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Press;

/// <summary>In a real browser: every download on the press page is what it claims to be; the bundle works from disk.</summary>
public sealed class PressBrowserTests(PressBrowser browser) : IClassFixture<PressBrowser>, IDisposable
{
    private readonly TestCampaign _campaign = new(PressCampaign.All + """

        -- reports/watch.en.pdf --
        %PDF-1.4 supplied English report
        -- reports/watch.zh.pdf --
        %PDF-1.4 supplied Chinese report 中文
        """);

    public void Dispose() => _campaign.Dispose();

    private void BuildWithBundle()
    {
        var result = SiteBuilder.Build(_campaign.Options() with { Bundle = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    // Follows a link as the browser resolves it and returns what arrived: its size and SHA-256.
    private const string FetchAndHash = """
        async (href) => {
          const response = await fetch(href);
          const bytes = await response.arrayBuffer();
          const digest = await crypto.subtle.digest('SHA-256', bytes);
          const hex = Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
          return { status: response.status, size: bytes.byteLength, sha256: hex };
        }
        """;

    [Fact]
    public async Task Every_download_link_on_the_press_page_delivers_a_file_of_the_stated_size_and_hash()
    {
        BuildWithBundle();
        await using var server = await StaticSiteServer.StartAsync(_campaign.Output);
        foreach (var lang in new[] { "en", "zh" })
        {
            var page = await browser.Browser.NewPageAsync();
            var response = await page.GotoAsync($"{server.Address}/{lang}/press/");
            Assert.Equal(200, response!.Status);
            var links = await page.Locator("a.download").AllAsync();
            Assert.Equal(3, links.Count); // two report PDFs and the company's letter
            foreach (var link in links)
            {
                var href = await link.EvaluateAsync<string>("a => a.href");
                var got = await page.EvaluateAsync<JsonElement>(FetchAndHash, href);
                Assert.Equal(200, got.GetProperty("status").GetInt32());
                Assert.Equal(long.Parse((await link.GetAttributeAsync("data-size"))!), got.GetProperty("size").GetInt64());
                Assert.Equal(await link.GetAttributeAsync("data-sha256"), got.GetProperty("sha256").GetString());
                // The hash shown to readers is the same as the one in the link.
                var row = link.Locator("xpath=ancestor::tr");
                Assert.Equal(got.GetProperty("sha256").GetString(), await row.Locator("code.hash").InnerTextAsync());
            }

            // The bundle and SHA256SUMS: the checksum files name the real hashes of what the links deliver.
            var bundleHref = await page.Locator("a.bundle-link").EvaluateAsync<string>("a => a.href");
            var bundle = await page.EvaluateAsync<JsonElement>(FetchAndHash, bundleHref);
            var checksum = await page.EvaluateAsync<string>("async h => (await fetch(h)).text()", bundleHref + ".sha256");
            Assert.StartsWith(bundle.GetProperty("sha256").GetString() + "  campaign-2026-11-25.zip", checksum);
            var sums = await page.EvaluateAsync<string>("async () => (await fetch(document.querySelector('a[href$=\"SHA256SUMS\"]').href)).text()");
            foreach (var link in links)
                Assert.Contains($"{await link.GetAttributeAsync("data-sha256")}  ", sums);
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task The_unzipped_bundle_works_from_disk()
    {
        BuildWithBundle();
        var unzipped = Path.Combine(_campaign.Root, "unzipped");
        ZipFile.ExtractToDirectory(Path.Combine(_campaign.Output, "campaign-2026-11-25.zip"), unzipped);
        var root = Path.Combine(unzipped, "campaign-2026-11-25");
        var page = await browser.Browser.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add(r.Url);
        await page.GotoAsync(new Uri(Path.Combine(root, "en", "press", "index.html")).AbsoluteUri);
        Assert.Equal("Press · Test Campaign", await page.TitleAsync());
        // The stylesheet loaded from disk: the download table is laid out by it.
        Assert.Equal("collapse", await page.Locator("table.downloads").EvaluateAsync<string>("t => getComputedStyle(t).borderCollapse"));
        // The copy inside the bundle does not link to the bundle, which is not inside it.
        Assert.Equal(0, await page.Locator("a.bundle-link").CountAsync());
        await page.Locator("a", new() { HasText = "Report launched today" }).ClickAsync();
        Assert.EndsWith("/en/updates/launch/index.html", page.Url);
        await page.Locator(".prose a", new() { HasText = "the report" }).ClickAsync();
        Assert.EndsWith("/en/reports/watch/index.html", page.Url);
        var pdf = await page.Locator("a.download[href$='watch.zh.pdf']").EvaluateAsync<string>("a => a.href");
        Assert.True(File.Exists(new Uri(pdf).LocalPath), pdf);
        Assert.Empty(failed);
        await page.CloseAsync();
    }

    // search.js cannot fetch() from file://; it loads manifest.js and the script packs holding the files a query needs instead.
    [Fact]
    public async Task Search_works_in_the_unzipped_bundle_opened_from_disk()
    {
        BuildWithBundle();
        var unzipped = Path.Combine(_campaign.Root, "unzipped");
        ZipFile.ExtractToDirectory(Path.Combine(_campaign.Output, "campaign-2026-11-25.zip"), unzipped);
        var search = Path.Combine(unzipped, "campaign-2026-11-25", "en", "search", "index.html");
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(search).AbsoluteUri + "?q=launched");
        var result = page.Locator("#search-results li a", new() { HasText = "Report launched today" });
        await result.First.WaitForAsync(new() { Timeout = 30_000 });
        await result.First.ClickAsync();
        Assert.EndsWith("/en/updates/launch/index.html", page.Url);
        await page.CloseAsync();
    }

    [Fact]
    public void The_bundle_is_the_same_bytes_for_the_same_site_with_entries_in_order_and_fixed_times()
    {
        BuildWithBundle();
        var first = File.ReadAllBytes(Path.Combine(_campaign.Output, "campaign-2026-11-25.zip"));
        BuildWithBundle();
        var second = File.ReadAllBytes(Path.Combine(_campaign.Output, "campaign-2026-11-25.zip"));
        Assert.Equal(first, second);
        _campaign.AssertFile("campaign-2026-11-25.zip.sha256", Convert.ToHexStringLower(SHA256.HashData(first)) + "  campaign-2026-11-25.zip\n");

        using var zip = new ZipArchive(new MemoryStream(first));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2026, 11, 25), e.LastWriteTime.DateTime));
        Assert.Contains("campaign-2026-11-25/index.html", names);
        Assert.Contains("campaign-2026-11-25/SHA256SUMS", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".zip", StringComparison.Ordinal) || n.EndsWith(".sha256", StringComparison.Ordinal));
        var onDisk = Directory.EnumerateFiles(_campaign.Output, "*", SearchOption.AllDirectories)
            .Count(f => !f.Contains("campaign-2026-11-25.zip", StringComparison.Ordinal) && Path.GetFileName(f) != Campaign.Site.Emit.OutputFolder.Marker); // the marker is no part of the site
        Assert.Equal(onDisk, names.Count);
    }
}
