using System.Text.RegularExpressions;
using Campaign.Core.Diagnostics;

namespace Campaign.Core.Markdown;

/// <summary>
/// Limits checked on a Markdown text before Markdig sees it. Markdig throws past its own nesting limit
/// (128 containers), and deeply nested raw HTML and thousands of identical headings cost time that grows
/// faster than the text; a careless paste or a hostile file gets an error naming its line instead.
/// The scan is one pass over the lines and errs on the side of counting (a limit, not a parser).
/// </summary>
public static partial class MarkdownLimits
{
    /// <summary>Block quotes and list items inside one another on one line (Markdig gives up at 128 containers; a list level costs two).</summary>
    public const int MaxBlockDepth = 32;

    /// <summary>Open brackets (<c>[</c>, <c>![</c>) and emphasis markers (<c>*</c>, <c>_</c>) not yet closed within one paragraph.</summary>
    public const int MaxInlineDepth = 64;

    /// <summary>Raw HTML elements open inside one another (elements a browser closes by itself, such as <c>&lt;p&gt;</c> and <c>&lt;li&gt;</c>, do not count).</summary>
    public const int MaxHtmlDepth = 100;

    /// <summary>Raw HTML tags in one text.</summary>
    public const int MaxHtmlTags = 10_000;

    /// <summary>Headings in one text (Markdig numbers identical headings' ids by trying each number in turn).</summary>
    public const int MaxHeadings = 1_000;

    private static readonly HashSet<string> SelfClosing = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // closed by the next of their kind or by their parent, so an unclosed one does not nest
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot", "colgroup", "rp", "rt",
    };

    [GeneratedRegex(@"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?(/?)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^ {0,3}(#{1,6})(?:[ \t]|$)")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex Fence();

    /// <summary>
    /// Reports the first line past each limit as an error; true when the text is within every limit.
    /// <paramref name="firstLine"/> is the file line of the text's first line.
    /// </summary>
    public static bool Check(string markdown, string file, int firstLine, DiagnosticList diagnostics, string? field)
    {
        var ok = true;
        void Fail(string code, int line, int column, string message, string hint)
        {
            ok = false;
            diagnostics.Error(code, message, new SourceLocation(file, firstLine + line, column), field, hint);
        }

        var lines = markdown.Split('\n');
        var inFence = false;
        var inline = 0;
        var htmlDepth = 0;
        var htmlTags = 0;
        var headings = 0;
        bool blockReported = false, inlineReported = false, htmlReported = false, headingsReported = false;
        var previousBlank = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var (depth, rest) = Containers(line);
            if (Fence().IsMatch(rest)) { inFence = !inFence; previousBlank = false; continue; }
            if (inFence) continue;

            if (!blockReported && depth > MaxBlockDepth)
            {
                blockReported = true;
                Fail("CMP131", i, 1, $"Block quotes and lists are nested {depth} deep here; at most {MaxBlockDepth} levels are allowed.",
                    "remove the extra `>` or list markers; nesting this deep is not readable");
            }

            var blank = rest.Trim().Length == 0;
            if (blank) inline = 0; // a paragraph ends: what it left open closes with it
            if (!headingsReported && !blank && (AtxHeading().IsMatch(rest) || (!previousBlank && SetextUnderline().IsMatch(rest))))
            {
                if (++headings > MaxHeadings)
                {
                    headingsReported = true;
                    Fail("CMP133", i, 1, $"The text has more than {MaxHeadings} headings.",
                        "split it into several pages, or make the repeated lines plain text");
                }
            }
            previousBlank = blank;

            if (!inlineReported && InlineDepth(rest, ref inline) is { } column)
            {
                inlineReported = true;
                Fail("CMP131", i, column + (line.Length - rest.Length) + 1,
                    $"Brackets or emphasis markers are nested more than {MaxInlineDepth} deep here.",
                    "close each `[`, `*` and `_` you open, or escape it as `\\[`, `\\*`, `\\_`");
            }

            if (htmlReported || line.IndexOf('<') < 0) continue;
            foreach (Match m in Tag().Matches(line))
            {
                htmlTags++;
                var name = m.Groups[2].Value;
                if (m.Groups[1].Length > 0) { if (!SelfClosing.Contains(name)) htmlDepth = Math.Max(0, htmlDepth - 1); }
                else if (m.Groups[3].Length == 0 && !SelfClosing.Contains(name)) htmlDepth++;
                if (htmlDepth > MaxHtmlDepth || htmlTags > MaxHtmlTags)
                {
                    htmlReported = true;
                    Fail("CMP132", i, m.Index + 1, htmlDepth > MaxHtmlDepth
                            ? $"Raw HTML elements are nested more than {MaxHtmlDepth} deep here."
                            : $"The text has more than {MaxHtmlTags:N0} raw HTML tags.",
                        "close the elements you open, or write the content in Markdown");
                    break;
                }
            }
        }
        return ok;
    }

    /// <summary>How many block quotes and list items the line opens at its start, and the text after them.</summary>
    private static (int Depth, string Text) Containers(string line)
    {
        var depth = 0;
        var i = 0;
        var indent = 0;
        while (i < line.Length)
        {
            var spaces = 0;
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) { spaces += line[i] == '\t' ? 4 : 1; i++; }
            if (depth == 0) indent = spaces;
            if (i >= line.Length) break;
            var c = line[i];
            if (c == '>') { depth++; i++; continue; }
            if ((c is '-' or '*' or '+') && i + 1 < line.Length && line[i + 1] is ' ' or '\t') { depth++; i += 2; continue; }
            var digits = i;
            while (digits < line.Length && digits - i < 9 && char.IsAsciiDigit(line[digits])) digits++;
            if (digits > i && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] is ' ' or '\t') { depth++; i = digits + 2; continue; }
            break;
        }
        // A list nested by indentation: each level is indented by at least two more columns.
        if (depth > 0 && indent >= 2) depth += indent / 2;
        return (depth, i >= line.Length ? "" : line[i..]);
    }

    /// <summary>Adds the line's open brackets and emphasis runs to <paramref name="depth"/>; the column where it passes the limit, if it does.</summary>
    private static int? InlineDepth(string text, ref int depth)
    {
        var inCode = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '`') { inCode = !inCode; continue; }
            if (inCode) continue;
            switch (c)
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '*' or '_':
                    var start = i;
                    while (i + 1 < text.Length && text[i + 1] == c) i++;
                    var run = i - start + 1;
                    var before = start > 0 && !char.IsWhiteSpace(text[start - 1]);
                    var after = i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
                    if (after && !before) depth += run;
                    else if (before && !after) depth = Math.Max(0, depth - run);
                    break;
            }
            if (depth > MaxInlineDepth) return i;
        }
        return null;
    }
}
