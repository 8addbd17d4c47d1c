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

        var top = 0.0;
        var baseline = 0.0;
        foreach (var row in rows)
        {
            if (row.Label is not null) svg.Text(0, top + 12, row.Label, "row-label");
            baseline = top + (row.Label is null ? 0 : NameHeight) + Bars + 12;
            for (var i = 0; i < years.Count; i++) Bar(svg, i * step, row.PerYear[i], "bar", false);
            // the bar of no year always says its number, 0 included: a reader must see that none were left out
            Bar(svg, (years.Count + 0.5) * step, row.NotStated, "bar bar-none", true);
            svg.Line(0, baseline, Width, baseline, "axis");
            top += rowHeight + RowGap;
        }
        for (var i = 0; i < years.Count; i++)
            if ((years[i] % every == 0 && every > 1) || every == 1 || i == 0)
                svg.Text(i * step + step / 2, baseline + 15, years[i].ToString(System.Globalization.CultureInfo.InvariantCulture), "axis-label", "middle");
        svg.Text(Width, baseline + 31, notStated, "axis-label", "end");
        return svg.Done();

        void Bar(SvgWriter svg, double x, int n, string cls, bool zero)
        {
            // no hover text per bar: its number is written above it, and at thousands of findings the bytes add up
            var h = n == 0 ? 0 : Math.Max(2, n * (Bars - 12) / max);
            if (n > 0) svg.Rect(x + (step - bar) / 2, baseline - h, bar, h, cls);
            if (n > 0 || zero) svg.Text(x + step / 2, baseline - h - 3, number(n), n == 0 ? "bar-count zero" : "bar-count", "middle");
        }
    }
}
