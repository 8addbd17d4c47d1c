using System.Xml;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Validate;

/// <summary>
/// Assets are copied byte for byte and a browser opens them at their own address, where no page's CSP protects
/// the reader unless the host sends the header. So files a browser runs as documents (HTML, XHTML, XML, compressed
/// SVG) are refused (CMP154), and an SVG is refused when it holds script, event handlers, foreign references or
/// <c>javascript:</c> links (CMP153); clean SVGs, the charts a press page shows, pass untouched.
/// </summary>
public static class AssetRules
{
    /// <summary>Extensions a browser renders as a document that can run script; compared lower-case.</summary>
    public static readonly string[] DocumentExtensions = [".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".svgz", ".xml", ".xsl", ".xslt"];

    /// <summary>Elements of SVG (or embedded HTML) that run script or load another document.</summary>
    private static readonly HashSet<string> ActiveElements = new(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"], StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the asset may be published; otherwise an error names the file and why.</summary>
    public static bool Check(string relative, string fullPath, DiagnosticList diagnostics)
    {
        var at = new SourceLocation("assets/" + relative);
        var extension = Path.GetExtension(relative).ToLowerInvariant();
        if (DocumentExtensions.Contains(extension))
        {
            diagnostics.Error("CMP154", $"`{extension}` files are not published as assets: a browser opens them as pages that can run script.", at,
                hint: "publish the text as a page in pages/, or offer the file inside a .zip; an image belongs in PNG, JPEG or plain SVG");
            return false;
        }
        if (extension != ".svg") return true;
        if (SvgProblem(fullPath) is not { } problem) return true;
        diagnostics.Error("CMP153", $"The SVG {problem.What}; it would run or load when the file is opened directly.",
            problem.Line > 0 ? at with { Line = problem.Line, Column = problem.Column } : at,
            hint: "save it again as plain SVG without scripts, event handlers or links to other sites, or use a PNG");
        return false;
    }

    private sealed record Problem(string What, int Line, int Column);

    private static Problem? SvgProblem(string path)
    {
        // No DTD: an entity can hide markup from this check and expand without limit.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            var info = (IXmlLineInfo)reader;
            var inStyle = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "style") inStyle = false;
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "style" && !reader.IsEmptyElement) inStyle = true;
                if (reader.NodeType == XmlNodeType.ProcessingInstruction && reader.Name.Equals("xml-stylesheet", StringComparison.OrdinalIgnoreCase))
                    return new("loads a style sheet (`<?xml-stylesheet?>`)", info.LineNumber, info.LinePosition);
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    if (inStyle && ForeignCss(reader.Value)) return new("loads a resource in its styles (`url(…)` or `@import`)", info.LineNumber, info.LinePosition);
                    continue;
                }
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (ActiveElements.Contains(reader.LocalName))
                    return new($"contains `<{reader.LocalName}>`", info.LineNumber, info.LinePosition);
                var element = reader.LocalName;
                var line = info.LineNumber;
                var column = info.LinePosition;
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    if (reader.Prefix == "xmlns" || reader.Name == "xmlns") continue;
                    var name = reader.LocalName;
                    var value = UrlPolicy.Normalise(reader.Value);
                    if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                        return new($"has an event handler (`{name}=` on `<{element}>`)", line, column);
                    if (UrlPolicy.Scheme(value) is "javascript" or "vbscript" || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
                        return new($"has a `javascript:` value (`{name}=` on `<{element}>`)", line, column);
                    if (name is "href" or "src" && !value.StartsWith('#') && (UrlPolicy.IsForeign(value) || UrlPolicy.Scheme(value) is not null))
                        return new($"refers to `{Quoted.Short(Load.DocumentReader.Printable(value))}` (`{name}=` on `<{element}>`)", line, column);
                    if (name == "style" && ForeignCss(value))
                        return new($"loads a resource in its styles (`style=` on `<{element}>`)", line, column);
                }
                reader.MoveToElement();
            }
            return null;
        }
        catch (XmlException ex)
        {
            return new($"cannot be read as XML ({ex.Message.Split('.')[0]})", ex.LineNumber, ex.LinePosition);
        }
    }

    /// <summary>CSS that fetches something other than a fragment of the same file.</summary>
    private static bool ForeignCss(string css) =>
        css.Contains("@import", StringComparison.OrdinalIgnoreCase)
        || System.Text.RegularExpressions.Regex.IsMatch(css, @"url\(\s*['""]?\s*[^'""#\s)]", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
