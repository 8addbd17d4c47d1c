using Campaign.Tests.Support;
using Microsoft.Playwright;

namespace Campaign.Tests.Browser;

/// <summary>
/// The charts and the map of the sample site in a real browser: present where they belong, titled and described, linked to
/// a data table that opens, fitting a 320 px phone with type still readable, and legible in light and dark mode.
/// </summary>
public sealed class ChartsBrowserTests(SampleSite site, BrowserFixture browser) : IClassFixture<SampleSite>, IClassFixture<BrowserFixture>
{
    /// <summary>Each page with charts and the charts it must show.</summary>
    private static readonly (string Page, string[] Charts)[] Pages =
    [
        ("en/findings/index.html", ["chart-provinces", "chart-years", "chart-matrix"]),
        ("zh/findings/index.html", ["chart-provinces", "chart-years", "chart-matrix"]),
        ("en/index.html", ["chart-provinces"]),
        ("zh/index.html", ["chart-provinces"]),
        ("en/companies/axis/index.html", ["chart-company"]),
        ("zh/companies/noldus/index.html", ["chart-company"]),
    ];

    private string FileUrl(string page) => new Uri(Path.Combine(Path.GetFullPath(site.Output), page)).ToString();

    /// <summary>Per chart: its id, title, description, the table its link points to (with that table's caption), its size and smallest type.</summary>
    private const string Inspect = """
        () => [...document.querySelectorAll('svg.chart')].map(svg => {
          const [title, desc] = svg.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id));
          const figure = svg.closest('figure');
          const link = figure.querySelector('figcaption a[href^="#"]');
          const table = link && document.getElementById(link.getAttribute('href').slice(1));
          const box = svg.getBoundingClientRect();
          const scale = box.width / svg.viewBox.baseVal.width;
          const smallest = Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
          return { id: svg.querySelector('title').id.replace(/-title$/, ''), title: title?.textContent ?? '', desc: desc?.textContent ?? '',
            table: table?.tagName ?? '', caption: table?.caption?.textContent ?? '', right: box.right, width: box.width,
            smallest, figcaption: figure.querySelector('figcaption')?.textContent ?? '' };
        })
        """;

    /// <summary>What <see cref="Inspect"/> reads of one chart (Playwright fills it by property name).</summary>
    private sealed class Chart
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public string Desc { get; set; } = "";
        public string Table { get; set; } = "";
        public string Caption { get; set; } = "";
        public double Right { get; set; }
        public double Width { get; set; }
        public double Smallest { get; set; }
        public string Figcaption { get; set; } = "";
    }

    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    public async Task Every_chart_is_present_titled_described_linked_to_its_table_and_fits_a_phone(int width)
    {
        await using var tab = await browser.OpenAsync(FileUrl(Pages[0].Page), width);
        var problems = new List<string>();
        foreach (var (page, expected) in Pages)
        {
            await tab.GotoAsync(FileUrl(page));
            var charts = await tab.Page.EvaluateAsync<Chart[]>(Inspect);
            Assert.Equal(expected, charts.Select(c => c.Id));
            foreach (var c in charts)
            {
                if (c.Title.Length < 5 || c.Desc.Length < 40) problems.Add($"{page} {c.Id}: title \"{c.Title}\", description \"{c.Desc}\"");
                if (c.Table != "TABLE" || c.Caption != c.Title) problems.Add($"{page} {c.Id}: its link points to {c.Table} \"{c.Caption}\", not its table");
                if (!c.Figcaption.Contains(c.Title, StringComparison.Ordinal)) problems.Add($"{page} {c.Id}: the caption does not name it");
                if (c.Right > width || c.Width < 250) problems.Add($"{page} {c.Id}: {c.Width:0} px wide, ending at {c.Right:0} px on a {width} px screen");
                if (c.Smallest < 9.5) problems.Add($"{page} {c.Id}: type as small as {c.Smallest:0.0} px");
            }
            var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0) problems.Add($"{page}: {overflow} px wider than the screen");
        }
        Assert.True(problems.Count == 0, $"at {width} px:\n" + string.Join("\n", problems));
        tab.AssertClean("file://");
    }

    [Fact]
    public async Task The_data_table_link_opens_the_table_with_the_numbers()
    {
        await using var tab = await browser.OpenAsync(FileUrl("zh/findings/index.html"), 375);
        Assert.False(await tab.Page.IsVisibleAsync("#chart-provinces-table"));
        await tab.Page.ClickAsync("#chart-provinces-caption a[href='#chart-provinces-table']");
        await tab.Page.WaitForSelectorAsync("#chart-provinces-table", new() { State = WaitForSelectorState.Visible });
        var rows = await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#chart-provinces-table tbody tr')].map(r => r.innerText.replace(/\\s+/g, ' ').trim())");
        Assert.Contains("新疆 3", rows);
        Assert.Contains("上海 2", rows);
        Assert.Contains("广西 2", rows);
    }

    /// <summary>Contrast of each number and name drawn on a tile or square against that tile's own fill.</summary>
    private const string TileContrast = """
        () => {
          const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const bad = [], fills = new Set();
          for (const g of document.querySelectorAll('svg.chart g')) {
            const rect = g.querySelector('rect.cell'); if (!rect) continue;
            const back = getComputedStyle(rect).fill; fills.add(back);
            for (const t of g.querySelectorAll('text')) {
              const a = lum(rgb(getComputedStyle(t).fill)), b = lum(rgb(back));
              const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              if (ratio < 4.5) bad.push(`${t.textContent} on ${back}: ${ratio.toFixed(2)}`);
            }
          }
          return [String(fills.size), ...new Set(bad)];
        }
        """;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Numbers_and_names_on_tiles_keep_their_contrast_in_both_colour_schemes(ColorScheme scheme)
    {
        await using var tab = await browser.OpenAsync(FileUrl("en/findings/index.html"));
        await tab.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
        var result = await tab.Page.EvaluateAsync<string[]>(TileContrast);
        Assert.True(int.Parse(result[0], System.Globalization.CultureInfo.InvariantCulture) >= 3, "the tiles should show at least three shades");
        Assert.True(result.Length == 1, $"{scheme}: " + string.Join("; ", result[1..]));
        var page = await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var empty = await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('svg.chart rect.cell.l0')).fill");
        Assert.NotEqual(page, empty); // an empty tile is still a tile, in the dark too
    }
}
