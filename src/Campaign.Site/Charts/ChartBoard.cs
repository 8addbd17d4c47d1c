namespace Campaign.Site.Charts;

/// <summary>
/// Each edition's charts, put up by <see cref="ChartsFeature"/> before the features whose pages show them (home, companies,
/// findings) plan: those pages read them here, so every chart of a language is made once, from one set of counts.
/// </summary>
public sealed class ChartBoard
{
    private readonly Dictionary<string, ChartShelf> _shelves = new(StringComparer.Ordinal);
    private bool _planned;

    internal void Put(IReadOnlyDictionary<string, ChartShelf> shelves)
    {
        foreach (var (code, shelf) in shelves) _shelves[code] = shelf;
        _planned = true;
    }

    /// <summary>The charts of the edition <paramref name="code"/>; none for a build that plans no charts (a feature's own tests).</summary>
    public ChartShelf For(string code) => _planned && _shelves.TryGetValue(code, out var shelf) ? shelf : ChartShelf.Empty;
}
