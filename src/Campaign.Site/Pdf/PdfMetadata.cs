using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace Campaign.Site.Pdf;

/// <summary>What a report's PDF says about itself: the document information and the XMP metadata.</summary>
/// <param name="Title">The report's title, without the site's name.</param>
/// <param name="Author">The organisation that publishes it.</param>
/// <param name="Subject">Its summary.</param>
/// <param name="Lang">The language tag (<c>zh-Hans</c>), as the catalog's <c>/Lang</c> gives it.</param>
public sealed record PdfInfo(string Title, string? Author, string Subject, IReadOnlyList<string> Keywords, string Lang, DateOnly Date);

/// <summary>
/// Writes <see cref="PdfInfo"/> into a PDF Chromium printed, which carries only a title and the browser as Creator.
/// Chromium cannot be told the rest, so it is added as an incremental update (PDF 32000-1, 7.5.6): the printed
/// bytes stay as they are, and a new document information dictionary, an XMP metadata stream and the catalog
/// pointing at it are appended with their own cross-reference section, with any outline item whose title Chromium
/// got wrong. Same input, same bytes.
/// </summary>
public static partial class PdfMetadata
{
    /// <summary>Names the program in the Creator field instead of the browser's user agent string.</summary>
    public const string Creator = "campaign";

    /// <param name="headings">The printed page's headings, whose text the outline's titles are corrected to (<see cref="OutlineTitles"/>).</param>
    public static byte[] Write(byte[] pdf, PdfInfo info, IReadOnlyList<string> headings)
    {
        // Latin-1 maps every byte to one char and back, so binary streams survive the round trip.
        var text = Encoding.Latin1.GetString(pdf);
        var trailer = Trailer().Matches(text) is { Count: > 0 } all ? all[^1] : throw new InvalidDataException("The printed PDF has no trailer.");
        var size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        var root = int.Parse(trailer.Groups["root"].Value, CultureInfo.InvariantCulture);
        var previous = StartXref().Matches(text)[^1].Groups[1].Value;
        var catalog = Regex.Match(text, $@"(?<=\n){root} 0 obj\s*<<(?<body>.*?)>>\s*endobj", RegexOptions.Singleline);
        if (!catalog.Success) throw new InvalidDataException("The printed PDF's catalog cannot be found.");

        // The browser's name in the superseded information dictionary is blanked, at the same length, so no offset moves.
        text = BrowserCreator().Replace(text, m => "/Creator (" + Creator.PadRight(m.Groups[1].Length) + ")");

        var metadataId = size;
        var infoId = size + 1;
        var body = Regex.Replace(catalog.Groups["body"].Value, @"/Metadata \d+ 0 R", "");
        var date = "D:" + info.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000+00'00'";
        var producer = Producer().Match(text) is { Success: true } p ? p.Groups[1].Value : "Skia/PDF";
        var xmp = Encoding.UTF8.GetBytes(Xmp(info, producer));

        var update = new StringBuilder(text);
        if (text[^1] != '\n') update.Append('\n');
        var offsets = new SortedDictionary<int, int>();
        void Object(int id, string content)
        {
            offsets[id] = update.Length; // one char per byte (Latin-1)
            update.Append(CultureInfo.InvariantCulture, $"{id} 0 obj\n{content}\nendobj\n");
        }
        Object(root, $"<</Metadata {metadataId} 0 R{body}>>");
        foreach (var (id, item) in OutlineTitles.Repairs(text, headings)) Object(id, $"<<{item}>>");
        Object(metadataId, $"<</Type /Metadata\n/Subtype /XML\n/Length {xmp.Length}>> stream\n{Encoding.Latin1.GetString(xmp)}\nendstream");
        var keywords = string.Join(", ", info.Keywords);
        Object(infoId, "<</Title " + PdfString(info.Title)
            + (info.Author is null ? "" : "\n/Author " + PdfString(info.Author))
            + "\n/Subject " + PdfString(info.Subject)
            + (keywords.Length == 0 ? "" : "\n/Keywords " + PdfString(keywords))
            + $"\n/Creator ({Creator})\n/Producer ({producer})\n/CreationDate ({date})\n/ModDate ({date})>>");

        var xref = update.Length;
        update.Append("xref\n0 1\n0000000000 65535 f\r\n");
        // One subsection per run of consecutive object numbers: the catalog, then the two new objects.
        var ids = offsets.Keys.ToList();
        for (var i = 0; i < ids.Count;)
        {
            var run = 1;
            while (i + run < ids.Count && ids[i + run] == ids[i] + run) run++;
            update.Append(CultureInfo.InvariantCulture, $"{ids[i]} {run}\n");
            for (var k = 0; k < run; k++) update.Append(CultureInfo.InvariantCulture, $"{offsets[ids[i + k]]:D10} 00000 n\r\n");
            i += run;
        }
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {infoId + 1}\n/Root {root} 0 R\n/Info {infoId} 0 R\n/Prev {previous}>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(update.ToString());
    }

    /// <summary>A PDF text string: UTF-16BE with a byte order mark, in hex, so any script and any bracket survive.</summary>
    public static string PdfString(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    /// <summary>The same facts as XMP (Dublin Core, PDF and XMP schemas), which PDF/UA asks for (dc:title at least).</summary>
    private static string Xmp(PdfInfo info, string producer)
    {
        static string X(string s) => SecurityElement.Escape(s);
        var date = info.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var xmp = new StringBuilder();
        xmp.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        xmp.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        xmp.Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        xmp.Append($"<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{X(info.Title)}</rdf:li></rdf:Alt></dc:title>\n");
        if (info.Author is not null) xmp.Append($"<dc:creator><rdf:Seq><rdf:li>{X(info.Author)}</rdf:li></rdf:Seq></dc:creator>\n");
        xmp.Append($"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{X(info.Subject)}</rdf:li></rdf:Alt></dc:description>\n");
        if (info.Keywords.Count > 0)
            xmp.Append("<dc:subject><rdf:Bag>").Append(string.Concat(info.Keywords.Select(k => $"<rdf:li>{X(k)}</rdf:li>"))).Append("</rdf:Bag></dc:subject>\n")
               .Append($"<pdf:Keywords>{X(string.Join(", ", info.Keywords))}</pdf:Keywords>\n");
        xmp.Append($"<dc:language><rdf:Bag><rdf:li>{X(info.Lang)}</rdf:li></rdf:Bag></dc:language>\n");
        xmp.Append($"<pdf:Producer>{X(producer)}</pdf:Producer>\n<xmp:CreatorTool>{Creator}</xmp:CreatorTool>\n");
        xmp.Append($"<xmp:CreateDate>{date}</xmp:CreateDate>\n<xmp:ModifyDate>{date}</xmp:ModifyDate>\n");
        xmp.Append("</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return xmp.ToString();
    }

    [GeneratedRegex(@"trailer\s*<<(?=.*?/Size (?<size>\d+))(?=.*?/Root (?<root>\d+) 0 R).*?>>", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Creator \(((?:[^()\\]|\\.)*Mozilla(?:[^()\\]|\\.)*)\)")]
    private static partial Regex BrowserCreator();

    [GeneratedRegex(@"/Producer \(([^()\\]*)\)")]
    private static partial Regex Producer();
}
