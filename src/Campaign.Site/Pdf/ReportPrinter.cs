using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Campaign.Site.Pdf;

/// <summary>
/// Prints HTML files to tagged A4 PDFs with headless Chromium, with the document outline from the headings. The page's
/// own style sheets lay out the paper (theme/static/css/report-pdf.css: <c>@page</c> margins, the running heads and
/// page numbers in its margin boxes, none on the cover). One browser serves every report of a build.
/// </summary>
public sealed class ReportPrinter(string executable) : IDisposable
{
    /// <summary>Changes whenever what the printer does changes, so cached PDFs from an older printer are not reused.</summary>
    public const string Version = "report-printer-2;css-page;two-pass-contents;metadata-1";

    private IBrowser? _browser;

    /// <summary>Prints the HTML file at <paramref name="htmlFile"/> (its styles and images beside it) to PDF bytes.</summary>
    public byte[] Print(string htmlFile) => PrintAsync(htmlFile).GetAwaiter().GetResult();

    private async Task<byte[]> PrintAsync(string htmlFile)
    {
        _browser ??= await HeadlessBrowser.Launch(executable);
        await using var page = await _browser.NewPageAsync();
        await page.GoToAsync(new Uri(htmlFile).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 });
        // Every face the page asks for (local() faces included) is loaded before the layout is printed.
        await page.EvaluateExpressionAsync("document.fonts.ready.then(() => true)");
        return await page.PdfDataAsync(new PdfOptions
        {
            Format = PaperFormat.A4,
            PreferCSSPageSize = true,
            Tagged = true,
            Outline = true,
            PrintBackground = true,
            // Margins, running heads and page numbers come from the page's @page rules, not from Chromium's templates.
            DisplayHeaderFooter = false,
        });
    }

    public void Dispose()
    {
        if (_browser is not null) _browser.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
