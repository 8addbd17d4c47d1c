using AngleSharp.Html.Parser;
using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Site.Checks;

/// <summary>
/// Advice on content that builds but serves readers less well: sources that may vanish (no archived copy),
/// images a screen reader cannot describe (no alt text), and headings that skip a level.
/// </summary>
public static class ContentCheck
{
    public static void Run(ContentModel content, DiagnosticList diagnostics)
    {
        foreach (var finding in content.Findings)
            for (var i = 0; i < finding.Sources.Length; i++)
                if (finding.Sources[i].ArchivedUrl is null)
                    diagnostics.Warning("CMP112", $"Source {i + 1} of finding {finding.Id} (`{finding.Sources[i].Title}`) has no archived copy.",
                        finding.Location, "sources.archived_url",
                        "save the page at web.archive.org or archive.today and add its address as archived_url, so the evidence survives if the page is taken down");

        var parser = new HtmlParser();
        IEnumerable<IDocument> documents = [.. content.Reports, .. content.Companies, .. content.Updates, .. content.Pages];
        foreach (var doc in documents.OrderBy(d => d.Doc.Location.File, StringComparer.Ordinal))
        {
            var body = Body(doc);
            var file = doc.Doc.Location.File;
            foreach (var img in parser.ParseDocument(body.Html).Images)
                if (string.IsNullOrWhiteSpace(img.AlternativeText))
                {
                    var src = img.GetAttribute("src") ?? "";
                    // where the Markdown wrote it (an image in raw HTML has no line the renderer kept)
                    var line = body.Links.IsDefault ? 0 : body.Links.FirstOrDefault(l => l.IsImage && l.Url == src)?.Line ?? 0;
                    diagnostics.Warning("CMP113", $"The image `{src}` has no alt text.", new SourceLocation(file, line), null,
                        "describe the image in the brackets: ![Axis camera on a lamp post](/assets/camera.jpg)");
                }
            // The page title is the h1, so the body's headings start at level 2 and go down one level at a time.
            var previous = 1;
            foreach (var h in body.Headings)
            {
                if (h.Level > previous + 1)
                    diagnostics.Warning("CMP114", $"The heading `{h.Text}` is level {h.Level} but follows level {previous}; screen reader users navigate by these levels.",
                        new SourceLocation(file, h.Line), null,
                        $"use {new string('#', previous + 1)} for it (one # more than the heading above)");
                previous = h.Level;
            }
        }
    }

    internal static RenderedMarkdown Body(IDocument doc) => doc switch
    {
        Report r => r.Body,
        Company c => c.Body,
        Update u => u.Body,
        Page p => p.Body,
        _ => RenderedMarkdown.Empty,
    };
}
