using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Site.Emit;
using Campaign.Site.Rendering;
using Campaign.Site.Routing;

namespace Campaign.Site.Pdf;

/// <summary>
/// The PDF of each report in each language it is written in, published as <c>downloads/&lt;slug&gt;.&lt;lang&gt;.pdf</c>:
/// the file supplied beside the Markdown (<c>reports/&lt;slug&gt;.&lt;lang&gt;.pdf</c>) when there is one, otherwise
/// the report's own page printed by Chromium with the theme's print stylesheet. Printed PDFs are kept in
/// <c>&lt;cache&gt;/pdf/</c> under a hash of everything that goes into them, so an unchanged report is not printed again.
/// </summary>
public static class ReportPdfs
{
    public static string PdfPath(string slug, string lang) => $"downloads/{slug}.{lang}.pdf";

    public static void Generate(SiteModel model, Theme theme, IReadOnlyList<PageJob> jobs, GeneratedFiles generated, PdfSettings options,
        DiagnosticList diagnostics)
    {
        var supplied = model.Content.SuppliedPdfs.ToDictionary(p => (p.Slug, p.Lang), p => p.Bytes);
        var toPrint = new List<(string Slug, string Lang, PageJob Job)>();
        foreach (var edition in model.Editions)
            foreach (var report in edition.Reports.Where(r => !r.IsFallback))
            {
                var lang = edition.Language.Code;
                if (supplied.TryGetValue((report.Slug, lang), out var pdf))
                {
                    generated.Add(PdfPath(report.Slug, lang), pdf);
                    continue;
                }
                var url = Urls.Report(lang, report.Slug);
                if (jobs.FirstOrDefault(j => j.Layout == "report" && j.Page.Url == url) is { } job) toPrint.Add((report.Slug, lang, job));
            }
        if (toPrint.Count == 0 || options.Mode == PdfMode.Off) return;

        // Cached PDFs first: a build whose reports have not changed needs no Chromium at all.
        var cacheDir = Path.Combine(options.CacheDir, "pdf");
        var missing = new List<(string Slug, string Lang, PageJob Job, string Html, string Cached)>();
        foreach (var (slug, lang, job) in toPrint)
        {
            var printJob = PrintJob(job, theme, contents: null);
            if (PageRenderer.Render(printJob, theme, diagnostics) is not { } html) continue;
            var cached = Path.Combine(cacheDir, CacheKey(html, theme, model) + ".pdf");
            if (File.Exists(cached)) generated.Add(PdfPath(slug, lang), File.ReadAllBytes(cached));
            else missing.Add((slug, lang, printJob, html, cached));
        }
        if (missing.Count == 0) return;

        var required = options.Mode == PdfMode.Required;
        if (ChromiumLocator.Find(options.Chromium) is not { } chromium)
        {
            var message = options.Chromium is null
                ? "No Chromium was found on PATH, so the reports are not printed to PDF and no PDF is linked."
                : $"There is no Chromium at {options.Chromium}, so the reports are not printed to PDF and no PDF is linked.";
            const string hint = "install Debian's chromium (apt-get install chromium fonts-wqy-zenhei fonts-noto-cjk fonts-noto-core), pass --chromium PATH, or supply reports/<slug>.<lang>.pdf";
            if (required) diagnostics.Error("CMP090", message, hint: hint);
            else diagnostics.Warning("CMP090", message, hint: hint);
            return;
        }

        var work = Path.Combine(cacheDir, $"work-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(cacheDir);
            Prepare(work, theme, model);
            using var printer = new ReportPrinter(chromium);
            foreach (var (slug, lang, job, html, cached) in missing)
            {
                if (PrintTwice(printer, work, job, html, theme, diagnostics) is not { } printed) continue;
                var report = ((Reports.ReportPage)job.Model).Report;
                var date = model.Content.Reports.First(r => r.Doc.Slug == slug && r.Doc.Lang == lang).Date;
                var info = new PdfInfo(report.Title, job.Views.Site.Organisation ?? (report.Authors.Count > 0 ? string.Join(", ", report.Authors) : null),
                    report.Summary, report.Keywords, job.Views.Language.Lang, date);
                var pdf = PdfMetadata.Write(PdfDates.Fix(printed, date), info, Headings(html));
                CacheFile.Write(cached, pdf);
                generated.Add(PdfPath(slug, lang), pdf);
            }
        }
        catch (Exception ex) when (ex is PuppeteerSharp.PuppeteerException or IOException or UnauthorizedAccessException or TimeoutException or InvalidDataException)
        {
            var message = $"Printing the reports to PDF failed: {ex.Message}";
            const string hint = "check that chromium starts (chromium --headless --no-sandbox --dump-dom about:blank), or supply reports/<slug>.<lang>.pdf";
            if (required) diagnostics.Error("CMP091", message, hint: hint);
            else diagnostics.Warning("CMP091", message, hint: hint);
        }
        finally
        {
            try { if (Directory.Exists(work)) Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The report's page as it is printed: with the PDF's style sheets, and the contents showing the page of each entry
    /// when <paramref name="contents"/> gives them (an empty, same-width box otherwise).
    /// </summary>
    private static PageJob PrintJob(PageJob job, Theme theme, IReadOnlyList<int?>? contents)
    {
        var page = (Reports.ReportPage)job.Model;
        var report = page.Report;
        if (contents is not null)
            report = report with { Toc = [.. report.Toc.Select((h, i) => h with { Page = contents[i] })] };
        IReadOnlyList<string> styles = theme.Static.TryGetValue("css/report-pdf.css", out var css)
            ? [css.Url, job.Page.Url + RunningHeads.FileName] : [job.Page.Url + RunningHeads.FileName];
        return job with { Model = page with { Report = report, Print = true, PrintStyles = styles } };
    }

    /// <summary>
    /// Prints the page once to learn where each heading lands (from the PDF's outline), then again with those pages in
    /// the contents. Filling the numbers in moves nothing (their box keeps its width), which the second printing's
    /// outline confirms; should it differ, the page is printed once more with the new numbers.
    /// </summary>
    private static byte[]? PrintTwice(ReportPrinter printer, string work, PageJob job, string html, Theme theme, DiagnosticList diagnostics)
    {
        var file = Path.Combine(work, Urls.FilePath(job.Page.Url));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var report = ((Reports.ReportPage)job.Model).Report;
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(file)!, RunningHeads.FileName), RunningHeads.Css(report), new UTF8Encoding(false));
        var entries = report.Toc.Select(h => h.Text).ToList();
        File.WriteAllText(file, html, new UTF8Encoding(false));
        var pdf = printer.Print(file);
        if (entries.Count == 0) return pdf;
        var pages = PdfOutline.PagesOf(entries, PdfOutline.Headings(pdf));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (PageRenderer.Render(PrintJob(job, theme, pages), theme, diagnostics) is not { } numbered) return null;
            File.WriteAllText(file, numbered, new UTF8Encoding(false));
            pdf = printer.Print(file);
            var landed = PdfOutline.PagesOf(entries, PdfOutline.Headings(pdf));
            if (landed.SequenceEqual(pages)) break;
            pages = landed;
        }
        return pdf;
    }

    /// <summary>The page's headings in document order, as Chromium makes its outline of them.</summary>
    private static List<string> Headings(string html) =>
        [.. new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.TextContent)];

    /// <summary>Lays out what a printed page loads besides itself: the theme's files, the accent's style sheet and the campaign's assets.</summary>
    private static void Prepare(string work, Theme theme, SiteModel model)
    {
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        foreach (var file in theme.Static.Values)
        {
            var path = Path.Combine(work, file.Url.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Bytes);
        }
        if (Identity.IdentityStyle.Sheet(model.Site) is { } sheet)
        {
            var path = Path.Combine(work, sheet.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, sheet.Bytes);
        }
        foreach (var asset in model.Content.Assets)
        {
            var path = Path.Combine(work, "assets", asset.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(asset.FullPath, path, overwrite: true);
        }
    }

    /// <summary>A hash of everything a printed PDF depends on: the page, the theme's files, the assets it shows, the printer.</summary>
    private static string CacheKey(string html, Theme theme, SiteModel model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ReportPrinter.Version + "\n" + html));
        foreach (var file in theme.Static.Values) hash.AppendData(Encoding.UTF8.GetBytes(file.Url));
        foreach (var asset in model.Content.Assets.Where(a => html.Contains("assets/" + a.Path, StringComparison.Ordinal)))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(asset.Path));
            hash.AppendData(Encoding.UTF8.GetBytes(asset.Sha256));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
