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
            var first = text.Split('\n', 2)[0];
            var closed = text.Contains("\n---\n", StringComparison.Ordinal) || text.EndsWith("\n---", StringComparison.Ordinal);
            diagnostics.Error("CMP001", "The file has no front matter: its first line is not `---`.", new SourceLocation(file, 1),
                hint: !LooksLikeField(first) ? "start the file with a line `---`, the fields (such as `title:`), and another `---`"
                    : closed ? $"add a line `---` above `{Quoted.Short(first.Trim())}`"
                    : $"add a line `---` above `{Quoted.Short(first.Trim())}`, and another `---` after the last field");
            return null;
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        while (end >= 0 && end + 4 < text.Length && text[end + 4] != '\n' && !char.IsWhiteSpace(text[end + 4]))
            end = text.IndexOf("\n---", end + 4, StringComparison.Ordinal);
        if (end < 0)
        {
            // The closing line belongs after the last field (or list item, or indented continuation) before the first line
            // that is none of these, nor blank, nor a comment: usually the body's first paragraph.
            var lines = text.Split('\n');
            var stop = 2;
            var last = 1;
            for (; stop <= lines.Length; stop++)
            {
                var l = lines[stop - 1];
                if (LooksLikeField(l) || l.StartsWith(' ') && l.Trim().Length > 0 || l.StartsWith("- ", StringComparison.Ordinal)) last = stop;
                else if (l.Trim().Length > 0 && !l.StartsWith('#')) break;
            }
            diagnostics.Error("CMP001", "The front matter is not closed: there is no `---` line after the fields.",
                new SourceLocation(file, Math.Min(last + 1, lines.Length)),
                hint: last > 1 ? $"add a line `---` after line {last} (`{Quoted.Short(lines[last - 1].Trim())}`), the last field" : "add a line `---` after the last field");
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

    /// <summary>A line such as <c>title: …</c> or <c>date:</c>: a name, then a colon.</summary>
    private static bool LooksLikeField(string line)
    {
        var colon = line.IndexOf(':');
        return colon > 0 && line[..colon].All(c => char.IsLetterOrDigit(c) || c is '_' or '-') && (colon + 1 == line.Length || line[colon + 1] == ' ');
    }
}
