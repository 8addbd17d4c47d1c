using System.Text;
using Campaign.Site.Citations;
using Campaign.Site.Emit;
using Campaign.Site.Planning;
using Campaign.Site.Routing;

namespace Campaign.Site.Findings;

/// <summary>A finding's citation in one language in each downloadable format, as it stands in the whole-database files.</summary>
/// <param name="Csl">The CSL-JSON item without its one-item array, indented as an element of the database's array.</param>
public sealed record CitationEntry(byte[] Bib, byte[] Csl, byte[] Ris)
{
    public static CitationEntry Of(Citation c)
    {
        var csl = CitationFormats.CslJson(c);
        // "[\n  {…}\n]\n": the object between is already at an element's indentation
        return new CitationEntry(Encoding.UTF8.GetBytes(CitationFormats.BibLaTeX(c)), Encoding.UTF8.GetBytes(csl[2..^3]), Encoding.UTF8.GetBytes(CitationFormats.Ris(c)));
    }
}

/// <summary>
/// One language's citations of every finding, one file per format (<c>data/findings.en.bib</c>, <c>.csl.json</c>, <c>.ris</c>),
/// in id order: a finding's page shows its own entries as text, so the database needs no citation file per finding.
/// </summary>
public static class FindingCitations
{
    private static readonly Join<CitationEntry, string, GeneratedFile> Bib = new("findings-bib", static (path, entries) =>
        new GeneratedFile(path, Pieces(entries.Select(e => e.Bib), [], "\n"u8.ToArray(), [])));

    private static readonly Join<CitationEntry, string, GeneratedFile> Csl = new("findings-csl", static (path, entries) =>
        new GeneratedFile(path, entries.Count == 0 ? [new ReadOnlyMemory<byte>("[]\n"u8.ToArray())] : Pieces(entries.Select(e => e.Csl), "[\n"u8.ToArray(), ",\n"u8.ToArray(), "\n]\n"u8.ToArray())));

    private static readonly Join<CitationEntry, string, GeneratedFile> Ris = new("findings-ris", static (path, entries) =>
        new GeneratedFile(path, Pieces(entries.Select(e => e.Ris), [], [], [])));

    /// <summary>The three files of language <paramref name="code"/>, from each finding's entry (in id order).</summary>
    public static GeneratedFile[] Files(string code, IReadOnlyList<CitationEntry> entries, IProjector projector) =>
    [
        projector.Joined(Bib, Path(code, "bib"), Path(code, "bib"), entries),
        projector.Joined(Csl, Path(code, "csl.json"), Path(code, "csl.json"), entries),
        projector.Joined(Ris, Path(code, "ris"), Path(code, "ris"), entries),
    ];

    private static string Path(string code, string extension) => Urls.FindingCitations(code, extension).TrimStart('/');

    /// <summary><paramref name="head"/>, the parts with <paramref name="separator"/> between, then <paramref name="tail"/>, as pieces written one after another.</summary>
    private static List<ReadOnlyMemory<byte>> Pieces(IEnumerable<byte[]> parts, byte[] head, byte[] separator, byte[] tail)
    {
        var pieces = new List<ReadOnlyMemory<byte>>();
        if (head.Length > 0) pieces.Add(head);
        foreach (var part in parts)
        {
            if (pieces.Count > (head.Length > 0 ? 1 : 0) && separator.Length > 0) pieces.Add(separator);
            pieces.Add(part);
        }
        if (tail.Length > 0) pieces.Add(tail);
        if (pieces.Count == 0) pieces.Add(Array.Empty<byte>());
        return pieces;
    }
}
