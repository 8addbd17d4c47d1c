using System.Net;
using System.Text;
using Campaign.Core.Diagnostics;

namespace Campaign.Cli.Serve;

/// <summary>
/// What the preview adds to a page as it serves it (never to the built files): the reload script and the
/// overlay's stylesheet as same-origin files, which the site's CSP (<c>script-src 'self'</c>) already allows,
/// and, after a failed build, the error overlay as plain HTML, so it shows even with JavaScript off; after a build with
/// warnings (a broken link, a missing image), a smaller panel listing them that the reader can dismiss.
/// </summary>
public static class PreviewPage
{
    public const string Prefix = "/__campaign/";
    public const string ScriptUrl = Prefix + "reload.js";
    public const string StyleUrl = Prefix + "overlay.css";
    public const string EventsUrl = Prefix + "events";
    public const string StatusUrl = Prefix + "status";

    /// <summary>How many errors the overlay lists before "… and N more".</summary>
    public const int OverlayLimit = 20;

    /// <param name="warnings">The last good build's warnings, shown in a dismissible panel when there are no errors.</param>
    /// <param name="lastGood">False when no build has succeeded yet: the page is not one that built, so the overlay does not say so.</param>
    public static string Inject(string html, IReadOnlyList<Diagnostic> errors, IReadOnlyList<Diagnostic>? warnings = null, bool lastGood = true)
    {
        var head = $"<link rel=\"stylesheet\" href=\"{StyleUrl}\">\n<script src=\"{ScriptUrl}\" defer></script>\n";
        var at = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        html = at < 0 ? head + html : html.Insert(at, head);
        if (errors.Count == 0 && warnings is not { Count: > 0 }) return html;
        var overlay = errors.Count > 0 ? Overlay(errors, lastGood) : WarningPanel(warnings!);
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var open = body < 0 ? -1 : html.IndexOf('>', body);
        return open < 0 ? html + overlay : html.Insert(open + 1, "\n" + overlay);
    }

    /// <summary>The overlay: every error with file, line, column, field and hint, as the terminal prints them.</summary>
    public static string Overlay(IReadOnlyList<Diagnostic> errors, bool lastGood = true)
    {
        var s = new StringBuilder();
        s.Append("<div id=\"campaign-preview-errors\" role=\"alert\">");
        s.Append("<button type=\"button\">×</button>");
        s.Append("<h2>The last change has ").Append(errors.Count).Append(errors.Count == 1 ? " error" : " errors")
            .Append(lastGood ? ". This is the last page that built; fix the file and save to update it.</h2><ol>"
                : ". Nothing has built yet; fix the file and save, and the site appears here.</h2><ol>");
        foreach (var d in errors.Take(OverlayLimit)) Item(s, d);
        if (errors.Count > OverlayLimit) s.Append("<li>… and ").Append(errors.Count - OverlayLimit).Append(" more (see the terminal)</li>");
        s.Append("</ol></div>\n");
        return s.ToString();
    }

    /// <summary>The warnings panel: the same lines as the terminal, in a box the reader closes with its button.</summary>
    public static string WarningPanel(IReadOnlyList<Diagnostic> warnings)
    {
        var s = new StringBuilder();
        s.Append("<div id=\"campaign-preview-warnings\" role=\"status\">");
        s.Append("<button type=\"button\" aria-label=\"Dismiss the warnings\">×</button>");
        s.Append("<h2>The site built with ").Append(warnings.Count).Append(warnings.Count == 1 ? " warning" : " warnings")
            .Append(". It is served as built; fix the file and save to clear it.</h2><ol>");
        foreach (var d in warnings.Take(OverlayLimit)) Item(s, d);
        if (warnings.Count > OverlayLimit) s.Append("<li>… and ").Append(warnings.Count - OverlayLimit).Append(" more (see the terminal)</li>");
        s.Append("</ol></div>\n");
        return s.ToString();
    }

    private static void Item(StringBuilder s, Diagnostic d)
    {
        s.Append("<li><code>").Append(E(d.Location?.ToString() ?? "campaign")).Append("</code> ")
            .Append(E(d.Code)).Append(": ").Append(E(d.Message));
        if (d.Field is not null) s.Append(" <code>[").Append(E(d.Field)).Append("]</code>");
        if (d.Hint is not null) s.Append(" <span class=\"hint\">(").Append(E(d.Hint)).Append(")</span>");
        s.Append("</li>");
    }

    /// <summary>Shown when no build has succeeded yet, so there is no last good page to show.</summary>
    public static string NothingBuilt(IReadOnlyList<Diagnostic> errors) => Inject(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>campaign serve</title></head>\n<body>\n" +
        "<main><h1>The site could not be built yet</h1><p>Fix the errors below and save; this page reloads by itself.</p></main>\n</body></html>\n",
        errors, lastGood: false);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
