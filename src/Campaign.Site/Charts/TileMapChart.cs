namespace Campaign.Site.Charts;

/// <summary>The tile map of China's provinces: a square per region at its place in <see cref="ProvinceGrid"/>, shaded and numbered by its findings.</summary>
public static class TileMapChart
{
    private const double Tile = 42, Gap = 3, Step = Tile + Gap, Pad = 1.5;
    private const double Width = ProvinceGrid.Columns * Step - Gap + 2 * Pad;

    /// <param name="names">Each tile's name in the page's language, in the grid's order.</param>
    /// <param name="shortNames">Whether the names fit a tile (新疆); otherwise tiles show their codes (XJ) and the hover text the name.</param>
    /// <param name="note">The line under the map: the findings it cannot show; null when there are none.</param>
    /// <param name="count">"Xinjiang: 3", 新疆3条: a name and its count as the language writes them (hover texts).</param>
    public static string Svg(string id, ChartData data, IReadOnlyList<string> names, bool shortNames, Func<int, string> number, Func<string, int, string> count,
        string title, string description, string none, string? note)
    {
        var lines = note is null ? [] : SvgWriter.Wrap(note, 12, Width - 2 * Pad);
        var height = ProvinceGrid.Rows * Step + lines.Count * 15 + (lines.Count > 0 ? 6 : 0);
        var svg = new SvgWriter(id, "map", Width, height, title, description);
        var max = Math.Max(1, data.Provinces.Max(p => p.Count));

        // The legend sits in the empty north-west corner, where Mongolia would be.
        svg.Rect(Pad, 6, 14, 14, "cell l0");
        svg.Text(Pad + 19, 17.5, none, "legend");
        const double scale = 96;
        for (var level = 1; level <= 4; level++) svg.Rect(scale + (level - 1) * 16, 6, 14, 14, $"cell l{level}");
        svg.Text(scale - 4, 17.5, number(1), "legend", "end");
        svg.Text(scale + 4 * 16 + 2, 17.5, number(max), "legend");

        for (var i = 0; i < data.Provinces.Length; i++)
        {
            var p = data.Provinces[i];
            var x = Pad + p.Tile.Column * Step;
            var y = p.Tile.Row * Step;
            var level = Level(p.Count, max);
            svg.Open(count(names[i], p.Count));
            svg.Rect(x, y, Tile, Tile, $"cell l{level}");
            svg.Text(x + Tile / 2, y + 15, shortNames ? names[i] : p.Tile.Code, $"tile-name l{level}", "middle");
            if (p.Count > 0) svg.Text(x + Tile / 2, y + Tile - 7, number(p.Count), $"tile-count l{level}", "middle");
            svg.Close();
        }
        for (var l = 0; l < lines.Count; l++) svg.Text(Pad, ProvinceGrid.Rows * Step + 14 + l * 15, lines[l], "note");
        return svg.Done();
    }

    /// <summary>The shade of a count: 0 for none, else 1–4 by its share of the largest, so the darkest is always the most.</summary>
    public static int Level(int count, int max) => count <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(count * 4.0 / Math.Max(1, max)), 1, 4);
}
