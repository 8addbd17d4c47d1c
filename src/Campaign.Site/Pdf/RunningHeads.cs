using System.Text;
using Campaign.Site.Rendering;

namespace Campaign.Site.Pdf;

/// <summary>
/// The texts at the head of a printed report's pages (its title, its index number), as a style sheet written beside
/// the printed page: Chromium's page margin boxes take their text only from CSS (it has no <c>string-set</c>), and the
/// page's CSP allows no inline style. theme/static/css/report-pdf.css places them.
/// </summary>
public static class RunningHeads
{
    /// <summary>The sheet's name, beside the printed page.</summary>
    public const string FileName = "running-heads.css";

    public static string Css(ReportView report) =>
        $":root {{ --running-title: {Quote(report.Title)}; --running-index: {Quote(report.IndexNumber ?? "")}; }}\n";

    /// <summary>A CSS string: quotes and backslashes escaped, control characters as code points.</summary>
    private static string Quote(string text)
    {
        var css = new StringBuilder("\"");
        foreach (var c in text)
            css.Append(c switch
            {
                '"' or '\\' => "\\" + c,
                < ' ' or '\u007f' => $"\\{(int)c:x} ",
                _ => c.ToString(),
            });
        return css.Append('"').ToString();
    }
}
