using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Campaign.Site.Pdf;

/// <summary>
/// Where each heading of a printed report landed, read back from the PDF's outline: Chromium makes one bookmark per
/// heading, in document order, pointing at the page the heading is drawn on. Chromium has no <c>target-counter()</c>,
/// so this is how the contents learn their page numbers (<see cref="ReportPdfs"/> prints twice).
/// </summary>
public static class PdfOutline
{
    /// <summary>Every bookmark's title (as the heading's text, spaces collapsed) and page, in document order.</summary>
    public static IReadOnlyList<(string Title, int Page)> Headings(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var found = new List<(string, int)>();
        if (doc.TryGetBookmarks(out var bookmarks))
            foreach (var root in bookmarks.Roots) Walk(root, found);
        return found;
    }

    private static void Walk(BookmarkNode node, List<(string, int)> found)
    {
        if (node is DocumentBookmarkNode d) found.Add((Plain(d.Title), d.PageNumber));
        foreach (var child in node.Children) Walk(child, found);
    }

    /// <summary>A heading's text as the outline and the contents both give it: NFKC, one space between words.</summary>
    public static string Plain(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Whether a bookmark's title is the heading's text as Chromium writes it: spaces may be lost where the heading wraps,
    /// and a heading that starts a page may be named twice over (see <see cref="OutlineTitles"/>).
    /// </summary>
    public static bool Names(string title, string heading)
    {
        var (t, h) = (Squash(title), Squash(heading));
        return t == h || t == h + h;
    }

    internal static string Squash(string text) => string.Concat(Plain(text).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Each contents entry's page: the next bookmark, after the previous entry's, with the entry's text (headings that
    /// are not in the contents, the title and the notes, are passed over). Null for an entry the outline lacks.
    /// </summary>
    public static IReadOnlyList<int?> PagesOf(IReadOnlyList<string> entries, IReadOnlyList<(string Title, int Page)> outline)
    {
        var pages = new List<int?>(entries.Count);
        var next = 0;
        foreach (var entry in entries)
        {
            var at = next;
            while (at < outline.Count && !Names(outline[at].Title, entry)) at++;
            if (at < outline.Count) { pages.Add(outline[at].Page); next = at + 1; }
            else pages.Add(null);
        }
        return pages;
    }
}
