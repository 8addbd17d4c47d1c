namespace Campaign.Site.Charts;

/// <summary>One row of bars a year per company (small multiples on one scale), with the findings of no stated year as a bar of their own, set apart.</summary>
public static class YearBarsChart
{
    private const double Width = 360, Bars = 46, NameHeight = 18, RowGap = 12;

    /// <summary>A row: its label (null for a company's own timeline, whose title names it), its counts per year, its findings of no year.</summary>
    public sealed record Row(string? Label, IReadOnlyList<int> PerYear, int NotStated);

    public static string Svg(string id, IReadOnlyList<int> years, IReadOnlyList<Row> rows, Func<int, string> number,
        string title, string description, string notStated)
    {
        var columns = years.Count + 1.5; // the half column is the gap before the bar of no year
        var step = Width / columns;
        var bar = step * 0.66;
        var rowHeight = (rows.Any(r => r.Label is not null) ? NameHeight : 0) + Bars + 14;
        var height = rows.Count * rowHeight + (rows.Count - 1) * RowGap + 36;
        var svg = new SvgWriter(id, "years", Width, height, title, description);
        var max = Math.Max(1, rows.Max(r => Math.Max(r.NotStated, r.PerYear.DefaultIfEmpty(0).Max())));
        // label every year when there is room for "2019", else every second, fifth, … year
        var every = new[] { 1, 2, 5, 10 }.FirstOrDefault(k => k * step >= SvgWriter.Width("2000", 12) + 4, 10);

        // A count is written above its bar while it fits the column; at many years the table below holds them.
        var counted = step >= SvgWriter.Width("00", 12) + 4;
        var top = 0.0;
        var baseline = 0.0;
        foreach (var row in rows)
        {
            if (row.Label is not null) svg.Text(0, top + 12, row.Label, "row-label");
            baseline = top + (row.Label is null ? 0 : NameHeight) + Bars + 12;
            var bars = new List<(double, double, double, double)>();
            for (var i = 0; i < years.Count; i++)
            {
                var n = row.PerYear[i];
                if (n == 0) continue;
                var h = Height(n);
                bars.Add((i * step + (step - bar) / 2, baseline - h, bar, h));
                if (counted) svg.Text(i * step + step / 2, baseline - h - 3, number(n), "bar-count", "middle");
            }
            svg.Rects(bars, "bar");
            // the bar of no year always says its number, 0 included: a reader must see that none were left out
            var x = (years.Count + 0.5) * step;
            var none = Height(row.NotStated);
            if (row.NotStated > 0) svg.Rect(x + (step - bar) / 2, baseline - none, bar, none, "bar bar-none");
            svg.Text(x + step / 2, baseline - none - 3, number(row.NotStated), row.NotStated == 0 ? "bar-count zero" : "bar-count", "middle");
            svg.Line(0, baseline, Width, baseline, "axis");
            top += rowHeight + RowGap;
        }
        for (var i = 0; i < years.Count; i++)
            if ((years[i] - years[0]) % every == 0)
            {
                var label = years[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
                // the first label starts at the edge when centring it on a narrow column would cut it off
                var edge = i == 0 && SvgWriter.Width(label, 12) / 2 > step / 2;
                svg.Text(edge ? 0 : i * step + step / 2, baseline + 15, label, "axis-label", edge ? "start" : "middle");
            }
        svg.Text(Width, baseline + 31, notStated, "axis-label", "end");
        return svg.Done();

        double Height(int n) => n == 0 ? 0 : Math.Max(2, n * (Bars - 12) / max);
    }
}
