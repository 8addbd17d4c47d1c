using System.Globalization;
using System.Text;

namespace Campaign.Site.Charts;

/// <summary>
/// Writes one chart's SVG: shapes and texts with classes only (the stylesheet colours them, so dark mode and the
/// colour-blind palette live in one place, and the page's <c>style-src 'self'</c> needs no inline style), numbers
/// rounded to one decimal in the invariant culture so the same data always gives the same bytes.
/// </summary>
public sealed class SvgWriter
{
    private readonly StringBuilder _out = new();

    /// <param name="id">The chart's id on the page: its title and description are <c>id-title</c> and <c>id-desc</c>.</param>
    public SvgWriter(string id, string kind, double width, double height, string title, string description)
    {
        _out.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-{kind}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        _out.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
    }

    public void Rect(double x, double y, double w, double h, string cls) =>
        _out.Append($"<rect class=\"{cls}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\"/>");

    /// <summary>Rectangles of one class as one path (a row's bars): a fifth of the bytes of as many rect elements.</summary>
    public void Rects(IEnumerable<(double X, double Y, double W, double H)> rects, string cls)
    {
        var d = string.Concat(rects.Select(r => $"M{N(r.X)} {N(r.Y)}h{N(r.W)}v{N(r.H)}h{N(-r.W)}z"));
        if (d.Length > 0) _out.Append($"<path class=\"{cls}\" d=\"{d}\"/>");
    }

    public void Line(double x1, double y1, double x2, double y2, string cls) =>
        _out.Append($"<line class=\"{cls}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");

    /// <param name="anchor"><c>start</c>, <c>middle</c> or <c>end</c>.</param>
    /// <param name="rotate">Degrees about the text's anchor point (column headings that do not fit upright).</param>
    public void Text(double x, double y, string text, string cls, string anchor = "start", double rotate = 0)
    {
        var turn = rotate == 0 ? "" : $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"";
        var align = anchor == "start" ? "" : $" text-anchor=\"{anchor}\""; // start is SVG's default
        _out.Append($"<text class=\"{cls}\" x=\"{N(x)}\" y=\"{N(y)}\"{align}{turn}>{E(text)}</text>");
    }

    /// <summary>A group whose hover text (and title for the PNG-less reader) names what it stands for.</summary>
    public void Open(string? hover)
    {
        _out.Append("<g>");
        if (hover is not null) _out.Append($"<title>{E(hover)}</title>");
    }

    public void Close() => _out.Append("</g>");

    public string Done() => _out.Append("</svg>").ToString();

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text escaped for an element or a double-quoted attribute; every other character as written (Chinese included).</summary>
    public static string E(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    /// <summary>
    /// About how wide <paramref name="text"/> is at <paramref name="size"/> units: a CJK character is a square, Latin
    /// letters and digits about 0.58 of one. Only for laying out (wrapping labels, choosing upright or turned headings).
    /// </summary>
    public static double Width(string text, double size)
    {
        var em = 0.0;
        foreach (var c in text) em += c >= '\u2e80' ? 1.0 : char.IsUpper(c) ? 0.66 : c == ' ' ? 0.28 : 0.52;
        return em * size;
    }

    /// <summary>
    /// <paramref name="text"/> put on lines no wider than <paramref name="width"/>: between Latin words, and between Chinese
    /// characters (which need no space), never before closing punctuation or after opening punctuation. A piece wider than
    /// the line keeps a line of its own.
    /// </summary>
    public static List<string> Wrap(string text, double size, double width)
    {
        var lines = new List<string>();
        foreach (var (piece, space) in Pieces(text))
        {
            var joined = lines.Count == 0 ? piece : lines[^1] + (space ? " " : "") + piece;
            if (lines.Count > 0 && Width(joined, size) <= width) lines[^1] = joined;
            else lines.Add(piece);
        }
        return lines.Count == 0 ? [""] : lines;
    }

    private const string Closing = "，。；：、！？）》」』”’,.;:!?)";
    private const string Opening = "（《「『“‘(";

    /// <summary>The unbreakable pieces of a text, each with whether a space stood before it.</summary>
    private static IEnumerable<(string Piece, bool Space)> Pieces(string text)
    {
        var piece = new StringBuilder();
        var space = false;
        var spaceBefore = false;
        var pieces = new List<(string, bool)>();
        void End()
        {
            if (piece.Length == 0) return;
            pieces.Add((piece.ToString(), spaceBefore));
            piece.Clear();
        }
        foreach (var c in text)
        {
            if (c == ' ') { End(); space = true; continue; }
            var cjk = c >= '\u2e80';
            var glued = Closing.Contains(c) || (piece.Length > 0 && Opening.Contains(piece[^1]));
            var lastCjk = piece.Length > 0 && piece[^1] >= '\u2e80';
            if (piece.Length > 0 && !glued && (cjk || lastCjk)) End();
            if (piece.Length == 0) { spaceBefore = space; space = false; }
            piece.Append(c);
        }
        End();
        return pieces;
    }
}
