using Campaign.Core.Model;
using Campaign.Site.Findings;
using Campaign.Site.Rendering;

namespace Campaign.Site.Charts;

// The charts' part of the template model (theme/README.md, "Charts"). Members are read in snake_case.

/// <summary>A row of a chart's data table: what it counts (linked to those findings when they have a list) and the numbers.</summary>
public sealed record ChartRowView(string Header, string? Url, IReadOnlyList<string> Cells);

/// <summary>The numbers a chart draws, as a table: what a reader who cannot see the chart, or wants the figures, reads.</summary>
public sealed record ChartTableView(string Id, IReadOnlyList<string> Columns, IReadOnlyList<ChartRowView> Rows);

/// <summary>One chart in one language: its SVG (title and description inside), its caption, its table and its PNG for press.</summary>
/// <param name="Name">What it shows, also its file's name: <c>provinces</c>, <c>years</c>, <c>matrix</c>, <c>company-axis</c>.</param>
/// <param name="Png">The PNG's address, once one is made (a build without Chromium makes none and links none).</param>
public sealed record ChartView(string Id, string Name, string Title, string Description, string? Note, string Svg, ChartTableView Table,
    string? Png = null);

/// <summary>Every chart of one language edition; a chart with nothing to count is null (a site without findings shows none).</summary>
/// <param name="Companies">Each company's own timeline, by slug.</param>
public sealed record ChartShelf(ChartView? Provinces, ChartView? Years, ChartView? Matrix, IReadOnlyDictionary<string, ChartView> Companies)
{
    /// <summary>Companies the findings page's charts show a row each: the ones with most findings; the rest share one row, so the page stays light at any size.</summary>
    public const int CompanyRows = 8;

    public static readonly ChartShelf Empty = new(null, null, null, new Dictionary<string, ChartView>());

    /// <summary>The charts of the findings page, in the order it shows them.</summary>
    public IReadOnlyList<ChartView> Index => new[] { Provinces, Years, Matrix }.OfType<ChartView>().ToList();

    public IEnumerable<ChartView> All => Index.Concat(Companies.Values);

    /// <summary>
    /// The edition's charts from the counts: texts from its UI strings, names as its pages write them (the views' company
    /// links, the vocabularies' labels, the places as the findings write them), numbers in its format.
    /// </summary>
    public static ChartShelf Of(ChartData data, FindingViewFactory views, EditionViews v, Vocabulary? provinces)
    {
        if (data.Total == 0) return Empty;
        var code = v.Code;
        string S(string key) => v.Strings.TryGetValue(key, out var s) ? s : key;
        string F(string key, params string[] values)
        {
            var text = S(key);
            for (var i = 0; i < values.Length; i++) text = text.Replace("{" + i + "}", values[i]);
            return text;
        }
        string N(int n) => v.Dates.Number(n);
        string Count(string name, int n) => F("chart_count", name, N(n));
        string List(IEnumerable<string> items) => string.Join(S("chart_list_separator"), items);
        var notStated = S("year_not_stated");
        var findingsColumn = S("chart_findings");

        // the map
        var names = data.Provinces.Select(p => p.Place is { } place && place.Has(code) ? place[code]!
            : provinces?.Find(p.Tile.Key)?.Label[code] ?? p.Tile.Name).ToList();
        var fit = names.All(n => SvgWriter.Width(n, 12) <= 40);
        var placed = data.Provinces.Select((p, i) => (p, Name: names[i])).Where(x => x.p.Count > 0)
            .OrderByDescending(x => x.p.Count).ThenBy(x => x.p.Tile.Row).ThenBy(x => x.p.Tile.Column).ToList();
        var mapNote = data.Unplaced > 0 ? F("chart_not_on_map_note", N(data.Unplaced)) : null;
        var mapDesc = Sentences(S("chart_provinces_desc"),
            placed.Count == 0 ? S("chart_provinces_none") : F("chart_provinces_counts", List(placed.Select(x => Count(x.Name, x.p.Count)))), mapNote);
        var mapRows = placed.Select(x => new ChartRowView(x.Name,
            x.p.PlaceKey is { } key && views.Facets[FacetKeys.Place].ContainsKey(key) ? views.Link(FacetKeys.Place, key).Url : null, [N(x.p.Count)])).ToList();
        if (data.Unplaced > 0) mapRows.Add(new ChartRowView(S("chart_not_on_map"), null, [N(data.Unplaced)]));
        var map = new ChartView("chart-provinces", "provinces", S("chart_provinces_title"), mapDesc, mapNote,
            TileMapChart.Svg("chart-provinces", data, names, fit, N, Count, S("chart_provinces_title"), mapDesc, S("chart_none"), mapNote),
            new ChartTableView("chart-provinces-table", [S("chart_province"), findingsColumn], mapRows));

        // per year and company: the companies with most findings a row each, the others together in one row
        var shown = data.Companies.Length <= CompanyRows ? [.. data.Companies]
            : data.Companies.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Total).ThenBy(x => x.i).Take(CompanyRows).OrderBy(x => x.i).Select(x => x.c).ToList();
        var others = data.Companies.Where(c => !shown.Contains(c)).ToList();
        var companyNames = shown.Select(c => views.CompanyLink(c.Key).Name).ToList();
        var companyUrls = shown.Select(c => (string?)views.CompanyLink(c.Key).Url).ToList();
        if (others.Count > 0)
        {
            shown.Add(new CompanyCounts("", LocalizedText.Of((code, "")), others.Sum(c => c.Total),
                [.. data.Years.Select((_, k) => others.Sum(c => c.PerYear[k]))], others.Sum(c => c.NotStated),
                [.. data.Technologies.Select((_, k) => others.Sum(c => c.PerTechnology[k]))]));
            companyNames.Add(F("chart_other_companies", N(others.Count)));
            companyUrls.Add(null);
        }
        var yearColumns = data.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var totals = List(shown.Select((c, i) => F("chart_company_total", companyNames[i], N(c.Total), N(c.NotStated))));
        var yearsDesc = Sentences(S("chart_years_desc"), F("chart_years_totals", totals));
        var years = new ChartView("chart-years", "years", S("chart_years_title"), yearsDesc, null,
            YearBarsChart.Svg("chart-years", data.Years, [.. shown.Select((c, i) => new YearBarsChart.Row(companyNames[i], c.PerYear, c.NotStated))],
                N, S("chart_years_title"), yearsDesc, notStated),
            new ChartTableView("chart-years-table", [S("facet_company"), .. yearColumns, notStated],
                [.. shown.Select((c, i) => new ChartRowView(companyNames[i], companyUrls[i], [.. c.PerYear.Select(N), N(c.NotStated)]))]));

        // company × technology
        var technologies = data.Technologies.Select(t => views.Text(t.Label)).ToList();
        var counts = shown.Select(c => c.PerTechnology.ToArray()).ToArray();
        var cells = shown.SelectMany((c, i) => c.PerTechnology.Select((n, j) => (n, Text: F("chart_pair_count", companyNames[i], technologies[j], N(n)))))
            .Where(x => x.n > 0).Select(x => x.Text);
        var matrixDesc = Sentences(S("chart_matrix_desc"), F("chart_matrix_counts", List(cells)));
        var matrix = new ChartView("chart-matrix", "matrix", S("chart_matrix_title"), matrixDesc, null,
            MatrixChart.Svg("chart-matrix", companyNames, technologies, counts, N, S("chart_matrix_title"), matrixDesc),
            new ChartTableView("chart-matrix-table", [S("facet_company"), .. technologies],
                [.. shown.Select((c, i) => new ChartRowView(companyNames[i], companyUrls[i], [.. c.PerTechnology.Select(N)]))]));

        // each company's own timeline
        var own = new Dictionary<string, ChartView>(StringComparer.Ordinal);
        for (var i = 0; i < data.Companies.Length; i++)
        {
            var c = data.Companies[i];
            var title = F("chart_company_title", views.CompanyLink(c.Key).Name);
            var desc = Sentences(S("chart_company_desc"), F("chart_company_counts", N(c.Total), N(c.NotStated)));
            var rows = data.Years.Select((y, k) => new ChartRowView(yearColumns[k], null, [N(c.PerYear[k])])).Where((r, k) => c.PerYear[k] > 0).ToList();
            rows.Add(new ChartRowView(notStated, null, [N(c.NotStated)]));
            own[c.Key] = new ChartView("chart-company", "company-" + c.Key, title, desc, null,
                YearBarsChart.Svg("chart-company", data.Years, [new YearBarsChart.Row(null, c.PerYear, c.NotStated)], N, title, desc, notStated),
                new ChartTableView("chart-company-table", [S("facet_year"), findingsColumn], rows));
        }
        return new ChartShelf(map, years, matrix, own);
    }

    /// <summary>Sentences one after the other: a space after a Latin full stop, none after Chinese punctuation (。).</summary>
    private static string Sentences(params string?[] sentences) =>
        sentences.OfType<string>().Aggregate("", (text, next) => text.Length == 0 ? next : text + (text[^1] >= '\u3000' ? "" : " ") + next);

    /// <summary>The same charts, each with the address of its PNG where one was made.</summary>
    public ChartShelf WithPngs(Func<ChartView, string?> png)
    {
        ChartView? With(ChartView? c) => c is null ? null : c with { Png = png(c) };
        return new ChartShelf(With(Provinces), With(Years), With(Matrix), Companies.ToDictionary(kv => kv.Key, kv => With(kv.Value)!, StringComparer.Ordinal));
    }
}
