using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Site.Emit;
using Campaign.Site.Pdf;
using Campaign.Site.Rendering;

namespace Campaign.Site.Charts;

/// <summary>One chart to export: its view, the page's language tag and the line under it naming the source.</summary>
public sealed record ChartShot(ChartView Chart, string Lang, string Code, string Source);

/// <summary>
/// Each chart as a PNG for press (<c>downloads/charts/&lt;name&gt;.&lt;lang&gt;.png</c>), at twice its CSS size, taken by the
/// Chromium that prints the reports and with the same rules: off unless the build prints (<c>--no-pdf</c> and the tests'
/// default make none), a warning and no PNG linked when Chromium is missing, kept in <c>&lt;cache&gt;/png/</c> under a hash of
/// the page it is taken from, so an unchanged chart is never taken again and a build gives the same bytes every time.
/// </summary>
public static class ChartPngs
{
    public static string PngPath(string name, string code) => $"downloads/charts/{name}.{code}.png";

    /// <summary>Adds a PNG of each chart to <paramref name="generated"/>; returns the paths it added.</summary>
    public static HashSet<string> Export(IReadOnlyList<ChartShot> shots, Theme theme, GeneratedFiles generated, PdfSettings options, DiagnosticList diagnostics)
    {
        var made = new HashSet<string>(StringComparer.Ordinal);
        if (shots.Count == 0 || options.Mode == PdfMode.Off) return made;
        var css = theme.Static.TryGetValue("css/site.css", out var file) ? Encoding.UTF8.GetString(file.Bytes) : "";
        var cacheDir = Path.Combine(options.CacheDir, "png");
        var missing = new List<(string Path, string Html, string Cached)>();
        foreach (var shot in shots)
        {
            var path = PngPath(shot.Chart.Name, shot.Code);
            var html = Page(shot, css);
            var cached = Path.Combine(cacheDir, CacheKey(html) + ".png");
            if (File.Exists(cached)) { generated.Add(path, File.ReadAllBytes(cached)); made.Add(path); }
            else missing.Add((path, html, cached));
        }
        if (missing.Count == 0) return made;

        var required = options.Mode == PdfMode.Required;
        if (ChromiumLocator.Find(options.Chromium) is not { } chromium)
        {
            var message = options.Chromium is null
                ? "No Chromium was found on PATH, so the charts are not exported as PNG images and no PNG is linked."
                : $"There is no Chromium at {options.Chromium}, so the charts are not exported as PNG images and no PNG is linked.";
            const string hint = "install Debian's chromium (apt-get install chromium fonts-noto-cjk), or pass --chromium PATH; the charts in the pages do not need it";
            if (required) diagnostics.Error("CMP093", message, hint: hint);
            else diagnostics.Warning("CMP093", message, hint: hint);
            return made;
        }
        try
        {
            Directory.CreateDirectory(cacheDir);
            using var camera = new ChartCamera(chromium);
            var pngs = camera.ShootAll([.. missing.Select(m => m.Html)], (i, png) => CacheFile.Write(missing[i].Cached, png));
            // In the charts' order, whatever order the tabs finished in.
            for (var i = 0; i < missing.Count; i++)
            {
                generated.Add(missing[i].Path, pngs[i]);
                made.Add(missing[i].Path);
            }
        }
        catch (Exception ex) when (ex is PuppeteerSharp.PuppeteerException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            var message = $"Exporting the charts as PNG images failed: {ex.Message}";
            const string hint = "check that chromium starts (chromium --headless --no-sandbox --dump-dom about:blank) and that the cache folder is writable";
            if (required) diagnostics.Error("CMP094", message, hint: hint);
            else diagnostics.Warning("CMP094", message, hint: hint);
        }
        return made;
    }

    /// <summary>The page a chart's PNG is taken from: the chart with its title and source, in the theme's stylesheet, needing no other file.</summary>
    public static string Page(ChartShot shot, string css) =>
        $"<!DOCTYPE html><html lang=\"{SvgWriter.E(shot.Lang)}\"><head><meta charset=\"utf-8\"><title>{SvgWriter.E(shot.Chart.Title)}</title><style>{css}</style></head>"
        + $"<body class=\"chart-export\"><figure class=\"chart-figure\" id=\"shot\"><p class=\"chart-title\">{SvgWriter.E(shot.Chart.Title)}</p>{shot.Chart.Svg}"
        + $"<p class=\"chart-source\">{SvgWriter.E(shot.Source)}</p></figure></body></html>";

    private static string CacheKey(string html) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ChartCamera.Version + "\n" + html)))[..32];
}
