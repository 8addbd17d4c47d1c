using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Campaign.Site.Pdf;

/// <summary>
/// Prints HTML files to tagged A4 PDFs with headless Chromium: document outline from the headings, running
/// header (the document title) and footer (page numbers). One browser serves every report of a build.
/// </summary>
public sealed class ReportPrinter(string executable) : IDisposable
{
    // Chromium draws these outside the page, without the page's stylesheet: they need their own font and size.
    // WenQuanYi Zen Hei comes before any other CJK font: with Noto CJK alone, Chromium writes some characters
    // as look-alike Kangxi radicals and the text extracted from the PDF is wrong.
    private const string Font = "font-family:'DejaVu Sans','WenQuanYi Zen Hei',sans-serif;font-size:8pt;color:#444;";

    public const string HeaderTemplate = $"<div style=\"{Font}width:100%;margin:0 18mm;text-align:center;\"><span class=\"title\"></span></div>";

    public const string FooterTemplate = $"<div style=\"{Font}width:100%;margin:0 18mm;text-align:center;\"><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>";

    /// <summary>Changes whenever what the printer does changes, so cached PDFs from an older printer are not reused.</summary>
    public const string Version = "report-printer-1;" + HeaderTemplate + FooterTemplate;

    private IBrowser? _browser;

    /// <summary>Prints the HTML file at <paramref name="htmlFile"/> (its styles and images beside it) to PDF bytes.</summary>
    public byte[] Print(string htmlFile) => PrintAsync(htmlFile).GetAwaiter().GetResult();

    private async Task<byte[]> PrintAsync(string htmlFile)
    {
        _browser ??= await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Generous: on a busy machine (CI running browser tests in parallel) Chromium can take long to start.
            Timeout = 120_000,
            ProtocolTimeout = 300_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        await using var page = await _browser.NewPageAsync();
        await page.GoToAsync(new Uri(htmlFile).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 120_000 });
        return await page.PdfDataAsync(new PdfOptions
        {
            Format = PaperFormat.A4,
            Tagged = true,
            Outline = true,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = HeaderTemplate,
            FooterTemplate = FooterTemplate,
            MarginOptions = new MarginOptions { Top = "20mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
        });
    }

    public void Dispose()
    {
        if (_browser is not null) _browser.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
