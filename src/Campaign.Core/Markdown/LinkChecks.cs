using Campaign.Core.Diagnostics;
using Campaign.Core.Validate;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Campaign.Core.Markdown;

/// <summary>
/// Holds Markdown links, autolinks and images to <see cref="UrlPolicy"/>: a refused URL is reported at its
/// line and replaced, so neither a page nor a feed (whose readers apply no CSP) ever carries it.
/// </summary>
internal static class LinkChecks
{
    /// <summary>Checks one node; <paramref name="firstLine"/> is the file line of the Markdown's first line.</summary>
    public static void Check(MarkdownObject node, string file, int firstLine, DiagnosticList diagnostics, string? field)
    {
        switch (node)
        {
            case LinkInline link when link.Url is { } url:
                if (UrlPolicy.Link(url) is { } problem)
                {
                    Report(problem, link, file, firstLine, diagnostics, field);
                    link.Url = link.IsImage ? "" : "#";
                }
                else if (link.IsImage && UrlPolicy.IsForeign(url))
                {
                    diagnostics.Error("CMP150", ForeignMessage(url), At(link, file, firstLine), field, ForeignHint);
                    link.Url = "";
                }
                break;
            // <javascript:alert(1)> is an autolink, not a LinkInline: it needs the same check.
            case AutolinkInline auto when !auto.IsEmail && UrlPolicy.Link(auto.Url) is { } autoProblem:
                Report(autoProblem, auto, file, firstLine, diagnostics, field);
                auto.Url = "#";
                break;
        }
    }

    /// <summary>The message for an image, video or other resource loaded from another host.</summary>
    public static string ForeignMessage(string url) =>
        $"The image or media `{Quoted.Short(Load.DocumentReader.Printable(url))}` is loaded from another site; it would tell that site who reads the page (a tracking pixel in pages and feeds).";

    public const string ForeignHint = "save the file under assets/ and write its path, for example ![Description](/assets/photo.jpg); link to other sites with [text](https://…)";

    private static void Report(UrlProblem problem, Inline inline, string file, int firstLine, DiagnosticList diagnostics, string? field) =>
        diagnostics.Error(problem.Code, problem.Message, At(inline, file, firstLine), field, problem.Hint);

    private static SourceLocation At(MarkdownObject node, string file, int firstLine) => new(file, firstLine + node.Line, node.Column + 1);
}
