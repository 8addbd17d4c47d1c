using System.Collections.Immutable;
using System.Globalization;
using Campaign.Core.Model;
using Campaign.Site.Findings;

namespace Campaign.Site.Charts;

/// <summary>How many findings one tile of the map stands for, and where their list is.</summary>
/// <param name="PlaceKey">The province's value in the place facet (its default-language name), for the link to its findings; null when none has it.</param>
public sealed record ProvinceCount(ProvinceTile Tile, int Count, LocalizedText? Place, string? PlaceKey);

/// <summary>One company's findings per year: <see cref="PerYear"/> lines up with <see cref="ChartData.Years"/>.</summary>
/// <param name="NotStated">Its findings whose sources give no year: never spread over years, always shown apart.</param>
/// <param name="PerTechnology">Lines up with <see cref="ChartData.Technologies"/>.</param>
public sealed record CompanyCounts(string Key, LocalizedText Name, int Total, ImmutableArray<int> PerYear, int NotStated,
    ImmutableArray<int> PerTechnology);

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
    public static ChartData Of(FindingCatalog catalog, Vocabulary? provinces, string defaultLanguage)
    {
        var findings = catalog.Findings;
        var tiles = new int[ProvinceGrid.Tiles.Count];
        var places = new LocalizedText?[tiles.Length];
        var unplaced = 0;
        var unknown = ImmutableArray.CreateBuilder<Finding>();
        // a campaign writes a few dozen provinces over any number of findings: each is matched (a culture-aware comparison
        // with every tile's names) once, not once per finding, which at 100,000 findings took seconds
        var tileOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var at = -1;
            if (f.Buyer.Province is { } p)
            {
                var written = string.Join('\u001f', p.Values.Select(kv => kv.Key + "=" + kv.Value));
                if (!tileOf.TryGetValue(written, out at)) tileOf[written] = at = TileOf(p, provinces);
            }
            if (at < 0 && f.Buyer.Province is not null && InChina(f)) unknown.Add(f);
            if (at < 0) { unplaced++; continue; }
            tiles[at]++;
            places[at] ??= f.Buyer.Province;
        }

        var stated = findings.Where(f => f.Years.Stated).ToList();
        ImmutableArray<int> years = stated.Count == 0 ? []
            : [.. Enumerable.Range(stated.Min(f => f.Years.From), stated.Max(f => f.Years.To) - stated.Min(f => f.Years.From) + 1)];
        var technology = catalog.Facet(FacetKeys.Technology).Values;
        var companies = catalog.Facet(FacetKeys.Company).Values.Select(c =>
        {
            var mine = c.Members.Select(i => findings[i]).ToList();
            return new CompanyCounts(c.Key, c.Label, mine.Count,
                [.. years.Select(y => mine.Count(f => f.Years.Stated && f.Years.From <= y && y <= f.Years.To))],
                mine.Count(f => !f.Years.Stated),
                [.. technology.Select(t => mine.Count(f => f.Technology == t.Key))]);
        });
        return new ChartData(findings.Length,
            [.. ProvinceGrid.Tiles.Select((t, i) => new ProvinceCount(t, tiles[i], places[i],
                places[i] is { } place ? FindingCatalog.PlaceKey(place, defaultLanguage) : null))],
            unplaced, years, [.. companies], [.. technology.Select(t => new TechnologyColumn(t.Key, t.Label))], unknown.ToImmutable());
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
