using System.Collections.Immutable;
using System.Globalization;
using Campaign.Core.Model;
using Campaign.Site.Findings;
using Campaign.Site.Planning;

namespace Campaign.Site.Charts;

/// <summary>How many findings one tile of the map stands for, and where their list is.</summary>
/// <param name="PlaceKey">The province's value in the place facet (its default-language name), for the link to its findings; null when none has it.</param>
public sealed record ProvinceCount(ProvinceTile Tile, int Count, LocalizedText? Place, string? PlaceKey);

/// <summary>One company's findings per year: <see cref="PerYear"/> lines up with <see cref="ChartData.Years"/>.</summary>
/// <param name="NotStated">Its findings whose sources give no year: never spread over years, always shown apart.</param>
/// <param name="PerTechnology">Lines up with <see cref="ChartData.Technologies"/>.</param>
public sealed record CompanyCounts(string Key, LocalizedText Name, int Total, ImmutableArray<int> PerYear, int NotStated,
    ImmutableArray<int> PerTechnology);

/// <summary>What the charts count of one finding: its tile on the map, its years, company and technology.</summary>
/// <param name="Tile">Its province's tile, or -1 when the map cannot show it.</param>
/// <param name="Province">The province as the finding writes it, when it is on the map (the first finding of a tile names it).</param>
/// <param name="Unknown">In China, with a province the map does not know (warned of, CMP095).</param>
public sealed record ChartRow(int Tile, LocalizedText? Province, bool Unknown, YearRange Years, string Company, string Technology);

/// <summary>A technology that some finding names, with its label.</summary>
public sealed record TechnologyColumn(string Key, LocalizedText Label);

/// <summary>
/// What every chart counts, worked out once for all languages from the findings' catalogue (the very records, facets and
/// order the findings table shows), so a chart and the table never disagree: a finding spanning 2012–2019 counts in each
/// of those years, as in the year facet; one whose years are not stated counts apart, never in a year.
/// </summary>
/// <param name="Years">Every year from the first stated to the last, gaps included, so the axis is even.</param>
/// <param name="Unplaced">Findings the map cannot show: nationwide, a city without its province, or a province it does not know.</param>
/// <param name="Unknown">The findings among those whose province the map does not know (a misspelling, or a place outside China).</param>
public sealed record ChartData(int Total, ImmutableArray<ProvinceCount> Provinces, int Unplaced, ImmutableArray<int> Years,
    ImmutableArray<CompanyCounts> Companies, ImmutableArray<TechnologyColumn> Technologies, ImmutableArray<Finding> Unknown)
{
    /// <param name="projector">Makes each finding's <see cref="ChartRow"/> and the counts (a live preview's keeps them: an edit
    /// that changes nothing a chart counts then counts nothing again); a fresh one for a plain build.</param>
    public static ChartData Of(FindingCatalog catalog, Vocabulary? provinces, string defaultLanguage, IProjector? projector = null)
    {
        projector ??= FreshProjector.Instance;
        var findings = catalog.Findings;
        var rows = projector.Each(Rows, findings, new ChartRowContext(provinces));
        var context = new ChartCountContext(defaultLanguage,
            [.. catalog.Facet(FacetKeys.Company).Values.Select(c => new CompanyColumn(c.Key, c.Label))],
            [.. catalog.Facet(FacetKeys.Technology).Values.Select(t => new TechnologyColumn(t.Key, t.Label))]);
        var counted = projector.Joined(Counts, "charts", context, rows);
        // the findings warned of are taken from this build: a warning names the finding's file and line as loaded now
        var unknown = ImmutableArray.CreateBuilder<Finding>();
        for (var i = 0; i < rows.Length; i++)
            if (rows[i].Unknown) unknown.Add(findings[i]);
        return counted with { Unknown = unknown.ToImmutable() };
    }

    /// <summary>What a finding's chart row reads besides the finding: the province vocabulary the map matches names with.</summary>
    public sealed record ChartRowContext(Vocabulary? Provinces);

    /// <summary>What the counts read besides the rows: the default language (place keys) and the companies and technologies in the facets' order.</summary>
    public sealed record ChartCountContext(string DefaultLanguage, ImmutableArray<CompanyColumn> Companies, ImmutableArray<TechnologyColumn> Technologies);

    /// <summary>A company as the facet lists it.</summary>
    public sealed record CompanyColumn(string Key, LocalizedText Name);

    private static readonly Projection<Finding, ChartRowContext, ChartRow> Rows = new("chart-row", static (f, c) => RowsOf([f], c)[0],
        makeMany: static (fs, c) => RowsOf(fs, c), same: EqualityComparer<ChartRow>.Default);

    private static readonly Join<ChartRow, ChartCountContext, ChartData> Counts = new("chart-counts", static (c, rows) => Count(c, rows));

    /// <summary>The rows of <paramref name="findings"/>, each written province matched once for all of them.</summary>
    private static ChartRow[] RowsOf(IReadOnlyList<Finding> findings, ChartRowContext context)
    {
        // a campaign writes a few dozen provinces over any number of findings: each is matched (a culture-aware comparison
        // with every tile's names) once, not once per finding, which at 100,000 findings took seconds
        var tileOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new ChartRow[findings.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var f = findings[i];
            var at = -1;
            if (f.Buyer.Province is { } p)
            {
                var written = string.Join('\u001f', p.Values.Select(kv => kv.Key + "=" + kv.Value));
                if (!tileOf.TryGetValue(written, out at)) tileOf[written] = at = TileOf(p, context.Provinces);
            }
            rows[i] = new ChartRow(at, at < 0 ? null : f.Buyer.Province, at < 0 && f.Buyer.Province is not null && InChina(f), f.Years, f.Company, f.Technology);
        }
        return rows;
    }

    /// <summary>Every chart's counts, from the findings' rows in the catalogue's order.</summary>
    private static ChartData Count(ChartCountContext c, IReadOnlyList<ChartRow> rows)
    {
        var tiles = new int[ProvinceGrid.Tiles.Count];
        var places = new LocalizedText?[tiles.Length];
        var unplaced = 0;
        var byCompany = new Dictionary<string, List<ChartRow>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!byCompany.TryGetValue(r.Company, out var mine)) byCompany[r.Company] = mine = [];
            mine.Add(r);
            if (r.Tile < 0) { unplaced++; continue; }
            tiles[r.Tile]++;
            places[r.Tile] ??= r.Province;
        }

        var stated = rows.Where(r => r.Years.Stated).ToList();
        ImmutableArray<int> years = stated.Count == 0 ? []
            : [.. Enumerable.Range(stated.Min(r => r.Years.From), stated.Max(r => r.Years.To) - stated.Min(r => r.Years.From) + 1)];
        var companies = c.Companies.Select(company =>
        {
            var mine = byCompany.GetValueOrDefault(company.Key) ?? [];
            return new CompanyCounts(company.Key, company.Name, mine.Count,
                [.. years.Select(y => mine.Count(r => r.Years.Stated && r.Years.From <= y && y <= r.Years.To))],
                mine.Count(r => !r.Years.Stated),
                [.. c.Technologies.Select(t => mine.Count(r => r.Technology == t.Key))]);
        });
        return new ChartData(rows.Count,
            [.. ProvinceGrid.Tiles.Select((t, i) => new ProvinceCount(t, tiles[i], places[i],
                places[i] is { } place ? FindingCatalog.PlaceKey(place, c.DefaultLanguage) : null))],
            unplaced, years, [.. companies], c.Technologies, []);
    }

    /// <summary>Whether the finding says it is in China (a province elsewhere is not on this map, and no mistake).</summary>
    private static bool InChina(Finding f) => f.Country.Values.Values.Any(c =>
        c.Contains("China", StringComparison.OrdinalIgnoreCase) || c.Contains("中国", StringComparison.Ordinal));

    /// <summary>
    /// The tile of a province as a finding writes it, in any of its languages: the map's English name or key, or the
    /// vocabulary's label in any language (新疆, Xinjiang); -1 when none matches (the finding is counted as not on the map).
    /// </summary>
    public static int TileOf(LocalizedText province, Vocabulary? names)
    {
        for (var i = 0; i < ProvinceGrid.Tiles.Count; i++)
        {
            var tile = ProvinceGrid.Tiles[i];
            var labels = names?.Find(tile.Key)?.Label.Values.Values ?? [];
            foreach (var written in province.Values.Values)
            {
                var text = written.Trim();
                if (Same(text, tile.Name) || Same(text, tile.Key) || labels.Any(l => Same(text, l))) return i;
            }
        }
        return -1;

        static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
            || string.Compare(a, b, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;
    }
}
