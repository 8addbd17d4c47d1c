namespace Campaign.Site.Charts;

/// <summary>Companies down, technologies across, a shaded and numbered square where they meet.</summary>
public static class MatrixChart
{
    private const double Width = 360, Label = 13, Head = 12, Line = 15;

    public static string Svg(string id, IReadOnlyList<string> rows, IReadOnlyList<string> columns, int[][] counts, Func<int, string> number,
        string title, string description)
    {
        // The row labels take what their longest word needs (at most 32 %), the columns share the rest.
        var labelWidth = Math.Min(Width * 0.32, rows.SelectMany(r => SvgWriter.Wrap(r, Label, Width * 0.32)).Max(l => SvgWriter.Width(l, Label)) + 8);
        var step = (Width - labelWidth) / Math.Max(1, columns.Count);
        var heads = columns.Select(c => SvgWriter.Wrap(c, Head, step)).ToList();
        // Headings upright when every line fits its column; otherwise turned to read upwards.
        var upright = heads.All(h => h.All(l => SvgWriter.Width(l, Head) <= step));
        var headHeight = upright ? heads.Max(h => h.Count) * Line + 6 : columns.Max(c => SvgWriter.Width(c, Head)) + 10;
        var rowLines = rows.Select(r => SvgWriter.Wrap(r, Label, labelWidth - 8)).ToList();
        var rowHeights = rowLines.Select(l => Math.Max(36, l.Count * Line + 8)).ToList();
        var height = headHeight + rowHeights.Sum() + 2;
        var svg = new SvgWriter(id, "matrix", Width, height, title, description);
        var max = Math.Max(1, counts.SelectMany(c => c).DefaultIfEmpty(0).Max());

        for (var c = 0; c < columns.Count; c++)
        {
            var x = labelWidth + c * step + step / 2;
            if (upright)
                for (var l = 0; l < heads[c].Count; l++)
                    svg.Text(x, headHeight - 6 - (heads[c].Count - 1 - l) * Line, heads[c][l], "col-label", "middle");
            else svg.Text(x + Head / 3, headHeight - 6, columns[c], "col-label", "start", -90);
        }
        var y = headHeight;
        for (var r = 0; r < rows.Count; r++)
        {
            var h = rowHeights[r];
            var first = y + h / 2 - (rowLines[r].Count - 1) * Line / 2 + 4;
            for (var l = 0; l < rowLines[r].Count; l++) svg.Text(0, first + l * Line, rowLines[r][l], "row-label");
            var size = Math.Min(step - 4, h - 6);
            for (var c = 0; c < columns.Count; c++)
            {
                var level = TileMapChart.Level(counts[r][c], max);
                var x = labelWidth + c * step + (step - size) / 2;
                svg.Rect(x, y + (h - size) / 2, size, size, $"cell l{level}");
                svg.Text(x + size / 2, y + h / 2 + 5, number(counts[r][c]), $"tile-count l{level}", "middle");
            }
            y += h;
        }
        return svg.Done();
    }
}
