using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Site.Pdf;

/// <summary>
/// Chromium names each bookmark after its heading's text as it was drawn, which is not always the heading's text: a
/// heading that wraps loses the space at the break ("forDigital"), and one that starts a page can be named twice over
/// ("NotesNotes"). Each such title is replaced by the heading's own text (matched without regard to spaces), in the
/// same incremental update that writes the metadata (<see cref="PdfMetadata"/>).
/// </summary>
public static partial class OutlineTitles
{
    /// <summary>The outline items whose title is not their heading's text, as (object number, corrected dictionary body).</summary>
    /// <param name="text">The PDF as Latin-1 text.</param>
    /// <param name="headings">The printed page's headings, h1 to h6, as text.</param>
    public static IReadOnlyList<(int Id, string Body)> Repairs(string text, IReadOnlyList<string> headings)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var h in headings.Select(PdfOutline.Plain)) known.TryAdd(PdfOutline.Squash(h), h);
        var repairs = new List<(int, string)>();
        foreach (Match m in Item().Matches(text))
        {
            var title = PdfOutline.Plain(Decode(m.Groups["title"].Value));
            var squashed = PdfOutline.Squash(title);
            var half = squashed.Length % 2 == 0 && squashed[..(squashed.Length / 2)] == squashed[(squashed.Length / 2)..] ? squashed[..(squashed.Length / 2)] : null;
            if ((known.GetValueOrDefault(squashed) ?? (half is null ? null : known.GetValueOrDefault(half))) is { } heading && heading != title)
                repairs.Add((int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture), "/Title " + PdfMetadata.PdfString(heading) + m.Groups["rest"].Value));
        }
        return repairs;
    }

    /// <summary>A PDF string as written: a literal <c>(…)</c> with its escapes, or hex <c>&lt;FEFF…&gt;</c> in UTF-16BE.</summary>
    private static string Decode(string pdfString)
    {
        if (pdfString.StartsWith('<'))
        {
            var bytes = Convert.FromHexString(pdfString[1..^1]);
            return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);
        }
        var s = new StringBuilder();
        var body = pdfString[1..^1];
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 == body.Length) { s.Append(body[i]); continue; }
            var c = body[++i];
            if (c is >= '0' and <= '7')
            {
                var end = i;
                while (end < body.Length && end - i < 3 && body[end] is >= '0' and <= '7') end++;
                s.Append((char)Convert.ToInt32(body[i..end], 8));
                i = end - 1;
            }
            else s.Append(c switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => c });
        }
        return s.ToString();
    }

    /// <summary>An outline item as Skia writes it: <c>N 0 obj &lt;&lt;/Title … /Parent …&gt;&gt; endobj</c>.</summary>
    [GeneratedRegex(@"(?<=\n)(?<id>\d+) 0 obj\n<</Title (?<title>\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]*>)(?<rest>\n/Dest [^\n]*\n/Parent (?:(?!endobj).)*?)>>\nendobj", RegexOptions.Singleline)]
    private static partial Regex Item();
}
