using Campaign.Core.Diagnostics;

namespace Campaign.Core.Load;

/// <summary>A Markdown file split into its YAML front matter and its body.</summary>
/// <param name="BodyLine">The 1-based line of the file where the body starts.</param>
public sealed record FrontMatter(MapNode Fields, string Body, int BodyLine)
{
    /// <summary>Splits <c>---</c> front matter from the body and parses it; reports a missing or broken block.</summary>
    public static FrontMatter? Split(string text, string file, DiagnosticList diagnostics)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            diagnostics.Error("CMP001", "The file has no front matter.", new SourceLocation(file, 1),
                hint: "start the file with a line `---`, the fields (such as `title:`), and another `---`");
            return null;
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        while (end >= 0 && end + 4 < text.Length && text[end + 4] != '\n' && !char.IsWhiteSpace(text[end + 4]))
            end = text.IndexOf("\n---", end + 4, StringComparison.Ordinal);
        if (end < 0)
        {
            diagnostics.Error("CMP001", "The front matter is not closed.", new SourceLocation(file, 1),
                hint: "add a line `---` after the last field");
            return null;
        }
        var yaml = text[4..(end + 1)];
        var afterFence = text.IndexOf('\n', end + 1);
        var body = afterFence < 0 ? "" : text[(afterFence + 1)..];
        var bodyLine = text.AsSpan(0, afterFence < 0 ? text.Length : afterFence + 1).Count('\n') + 1;

        var node = YamlReader.Parse(yaml, file, lineOffset: 1, diagnostics);
        if (node is null && !diagnostics.HasErrorsFor(file))
            node = new MapNode([], new SourceLocation(file, 2), "");
        if (node is null) return null;
        if (node is not MapNode map)
        {
            diagnostics.Error("CMP002", "The front matter must be a list of `field: value` lines.", node.Location);
            return null;
        }
        return new FrontMatter(map, body, bodyLine);
    }
}
