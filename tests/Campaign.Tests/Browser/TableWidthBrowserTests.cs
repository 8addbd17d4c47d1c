using Campaign.Tests.Support;

namespace Campaign.Tests.Browser;

/// <summary>
/// Tables survive Chinese and phones: on every page of the sample site that has a table, in both languages, at
/// phone, tablet and desktop widths, no table cell is narrower than four characters (4em: 法国 and 人脸识别 never
/// stack one character a line) and the page itself never scrolls sideways (a wide table scrolls in its own box).
/// </summary>
public sealed class TableWidthBrowserTests(SampleSite site, BrowserFixture browser) : IClassFixture<SampleSite>, IClassFixture<BrowserFixture>
{
    /// <summary>Cells whose content box is under 4em of their own font size, and the page's sideways overflow.</summary>
    private const string Measure = """
        () => {
          const narrow = [];
          for (const cell of document.querySelectorAll('th, td')) {
            const r = cell.getBoundingClientRect();
            // A visually hidden header row (the phone's cards without the sort script) is 1 px by design.
            if (cell.getClientRects().length === 0 || r.width <= 2) continue;
            const s = getComputedStyle(cell);
            const content = r.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth);
            const em = parseFloat(s.fontSize);
            if (content < 4 * em - 0.5) narrow.push(`${cell.tagName.toLowerCase()} "${cell.textContent.trim().slice(0, 20)}": ${(content / em).toFixed(2)}em`);
          }
          // [sideways overflow in px, tables, the first few narrow cells]
          return [String(document.documentElement.scrollWidth - document.documentElement.clientWidth),
                  String(document.querySelectorAll('table').length), ...[...new Set(narrow)].slice(0, 5)];
        }
        """;

    /// <summary>Every page of the built sample with a table, found by reading the output (both languages).</summary>
    private IReadOnlyList<string> PagesWithTables() =>
        Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("<table", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    [InlineData(768)]
    [InlineData(1280)]
    public async Task No_table_cell_is_narrower_than_four_characters_and_no_page_scrolls_sideways(int width)
    {
        var pages = PagesWithTables();
        Assert.Contains("zh/findings/index.html", pages);
        Assert.Contains("zh/reports/out-of-control/index.html", pages);
        Assert.Contains("en/press/index.html", pages);
        Assert.Contains(pages, p => p.StartsWith("en/", StringComparison.Ordinal));

        await using var tab = await browser.OpenAsync(FileUrl(pages[0]), width);
        var problems = new List<string>();
        foreach (var page in pages)
        {
            await tab.GotoAsync(FileUrl(page));
            var m = await tab.Page.EvaluateAsync<string[]>(Measure);
            Assert.True(m[1] != "0", $"{page} was listed for its table but shows none");
            if (m.Length > 2) problems.Add($"{page}: {string.Join("; ", m[2..])}");
            if (int.Parse(m[0], System.Globalization.CultureInfo.InvariantCulture) > 0) problems.Add($"{page}: {m[0]} px wider than the {width} px screen");
        }
        Assert.True(problems.Count == 0, $"at {width} px:\n" + string.Join("\n", problems));
        tab.AssertClean("file://");
    }

    [Fact]
    public async Task No_page_of_the_sample_scrolls_sideways_on_the_narrowest_phone()
    {
        // Forms and long words overflow too, not only tables (a select with a long company name widened the search page).
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("zh/search/index.html", pages);
        await using var tab = await browser.OpenAsync(FileUrl(pages[0]), 320);
        var problems = new List<string>();
        foreach (var page in pages)
        {
            await tab.GotoAsync(FileUrl(page));
            var over = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (over > 0) problems.Add($"{page}: {over} px wider than the 320 px screen");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task On_a_phone_each_finding_is_a_card_with_its_facts_labelled_and_report_tables_scroll_in_their_box()
    {
        await using var tab = await browser.OpenAsync(FileUrl("zh/findings/index.html"), width: 375);
        var card = await tab.Page.EvaluateAsync<string[]>("""
            () => { const row = document.querySelector('#finding-table tbody tr'), cell = row.querySelector('td');
              return [getComputedStyle(row).display, getComputedStyle(cell, '::before').content, String(row.getBoundingClientRect().width <= 375)]; }
            """);
        Assert.Equal(["grid", "\"公司\"", "true"], card);

        await tab.GotoAsync(FileUrl("zh/reports/out-of-control/index.html"));
        var box = await tab.Page.EvaluateAsync<string[]>("""
            () => { const box = document.querySelector('.prose table').parentElement;
              return [box.className, box.getAttribute('role'), box.getAttribute('tabindex'), getComputedStyle(box).overflowX, String(box.scrollWidth > box.clientWidth)]; }
            """);
        Assert.Equal(["table-scroll", "region", "0", "auto", "True"], box, StringComparer.OrdinalIgnoreCase);
    }

    private string FileUrl(string page) => new Uri(Path.Combine(Path.GetFullPath(site.Output), page)).ToString();
}
