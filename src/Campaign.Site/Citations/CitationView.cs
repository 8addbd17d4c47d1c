using System.Text;
using Campaign.Site.Emit;

namespace Campaign.Site.Citations;

/// <summary>What a template shows of a citation: the text, the permanent address, each format inline and as a file to download.</summary>
/// <param name="Url">The root-relative address of the page cited (made relative on the page).</param>
/// <param name="Address">The permanent address, or the root-relative one when the site has no base URL.</param>
/// <param name="Absolute">False when the site has no base URL: the page then says the address is relative to the site.</param>
/// <param name="Database">
/// True for a finding: its files are the language's citations of every finding (<see cref="Routing.Urls.FindingCitations"/>),
/// so the page shows the finding's own entries as text; a report's files hold the report alone.
/// </param>
public sealed record CitationView(string Title, string Lang, string Text, string Url, string Address, bool Absolute,
    string BibtexUrl, string CslUrl, string RisUrl, string BibtexName, string CslName, string RisName, Citation Cited, bool Database = false)
{
    // Written only when a template shows them (the press room shows BibTeX and CSL-JSON, a finding's page BibTeX).
    public string Bibtex => CitationFormats.BibLaTeX(Cited).TrimEnd('\n');
    public string CslJson => CitationFormats.CslJson(Cited).TrimEnd('\n');

    /// <summary>The entry's key in every format (BibTeX key, CSL-JSON id, RIS ID): how a reader finds a finding's entry in the database's files.</summary>
    public string Key => Cited.Key;

    // The BibTeX entry as the text of a <pre> on a finding's page: only & < > need escaping there, while the theme's encoder would
    // write every line break and double quote as an entity (a third more bytes on each of the database's pages). The page shows
    // BibTeX only; CSL-JSON and RIS are in the database's files.
    public string BibtexHtml => PreText(Bibtex);

    private static string PreText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The files of <paramref name="c"/>, in the folder of the page that offers them (<c>en/reports/out-of-control/</c>), named <paramref name="name"/>.</summary>
    public static GeneratedFile[] Files(Citation c, string folder, string name) =>
    [
        new(folder + name + ".bib", Encoding.UTF8.GetBytes(CitationFormats.BibLaTeX(c))),
        new(folder + name + ".csl.json", Encoding.UTF8.GetBytes(CitationFormats.CslJson(c))),
        new(folder + name + ".ris", Encoding.UTF8.GetBytes(CitationFormats.Ris(c))),
    ];

    /// <summary>The view of <paramref name="c"/> offered on the page in <paramref name="folder"/>; <paramref name="code"/> names the downloaded files' language.</summary>
    public static CitationView Of(Citation c, string folder, string name, string code) =>
        new(c.Title, c.Language.Lang, c.Text, c.Url, c.Address, c.Absolute,
            "/" + folder + name + ".bib", "/" + folder + name + ".csl.json", "/" + folder + name + ".ris",
            $"{name}-{code}.bib", $"{name}-{code}.csl.json", $"{name}-{code}.ris", c);

    /// <summary>The view of a finding's citation in language <paramref name="code"/>: its entries as text, and the language's files of every finding.</summary>
    public static CitationView OfFinding(Citation c, string code) =>
        new(c.Title, c.Language.Lang, c.Text, c.Url, c.Address, c.Absolute,
            Routing.Urls.FindingCitations(code, "bib"), Routing.Urls.FindingCitations(code, "csl.json"), Routing.Urls.FindingCitations(code, "ris"),
            $"findings-{code}.bib", $"findings-{code}.csl.json", $"findings-{code}.ris", c, Database: true);
}
