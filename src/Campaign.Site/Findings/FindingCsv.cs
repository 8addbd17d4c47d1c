using System.Globalization;
using System.Text;
using Campaign.Core.Load;
using Campaign.Core.Model;
using CsvHelper;
using CsvHelper.Configuration;

namespace Campaign.Site.Findings;

/// <summary>
/// Writes the findings as the spreadsheet a campaigner keeps in <c>input/findings/*.csv</c>: the same columns,
/// so the download can be edited and put back. UTF-8 with a byte-order mark, so spreadsheet programs read Chinese.
/// </summary>
public static class FindingCsv
{
    /// <summary>
    /// The columns, in order: per-language columns follow the site's languages, sources are numbered up to the most any finding has,
    /// and each code column is followed by its name or label in every language (<see cref="CsvLabelColumns"/>).
    /// </summary>
    public static List<string> Header(IReadOnlyList<string> languages, int sources)
    {
        IEnumerable<string> Per(string field) => languages.Select(l => $"{field}_{l}");
        var header = new List<string> { "id" };
        void Code(string column)
        {
            header.Add(column);
            header.AddRange(Per(CsvLabelColumns.Beside.First(b => b.Code == column).Label));
        }
        header.AddRange(Per("title"));
        Code("kind");
        Code("company");
        header.AddRange(Per("product"));
        Code("technology");
        header.AddRange(Per("buyer_name"));
        Code("buyer_type");
        header.AddRange(Per("buyer_province"));
        header.AddRange(Per("buyer_city"));
        header.AddRange(Per("country"));
        header.Add("years");
        header.AddRange(Per("summary"));
        header.Add("summary_form");
        Code("licence");
        for (var n = 1; n <= sources; n++)
            header.AddRange(new[] { "title", "publisher", "date", "url", "archived_url", "quote", "language" }.Select(s => $"source{n}_{s}"));
        header.AddRange(["report_section", "tags", "reviewed"]);
        return header;
    }

    /// <summary>The most sources any finding has (at least one): the number of source column groups.</summary>
    public static int SourceColumns(IEnumerable<Finding> findings) => Math.Max(1, findings.Select(f => f.Sources.Length).DefaultIfEmpty(1).Max());

    /// <param name="labels">The names and labels beside the codes; null leaves those cells empty.</param>
    public static byte[] Write(IReadOnlyList<Finding> findings, IReadOnlyList<string> languages, FindingCsvLabels? labels = null)
    {
        var sources = SourceColumns(findings);
        return Join(HeaderLine(languages, sources), Lines(findings, languages, sources, labels));
    }

    /// <summary>The whole file from its header line and one line per finding: the byte-order mark, then the lines as they are.</summary>
    public static byte[] Join(byte[] header, IReadOnlyList<byte[]> lines)
    {
        var preamble = Encoding.UTF8.Preamble;
        var bytes = new byte[preamble.Length + header.Length + lines.Sum(l => (long)l.Length)];
        preamble.CopyTo(bytes);
        var at = preamble.Length;
        header.CopyTo(bytes, at);
        at += header.Length;
        foreach (var line in lines)
        {
            line.CopyTo(bytes, at);
            at += line.Length;
        }
        return bytes;
    }

    /// <summary>The header line, in UTF-8, with its line break.</summary>
    public static byte[] HeaderLine(IReadOnlyList<string> languages, int sources) =>
        Encoding.UTF8.GetBytes(Csv(csv =>
        {
            foreach (var h in Header(languages, sources)) csv.WriteField(h);
            csv.NextRecord();
        }));

    /// <summary>
    /// One line per finding, in UTF-8 with its line break. A line depends only on its finding, the languages and the number
    /// of source columns (CsvHelper quotes field by field), so a live preview keeps the lines of unchanged findings.
    /// </summary>
    public static byte[][] Lines(IReadOnlyList<Finding> findings, IReadOnlyList<string> languages, int sources, FindingCsvLabels? labels = null)
    {
        var header = Header(languages, sources);
        var lines = new byte[findings.Count][];
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        var buffer = text.GetStringBuilder();
        using (var csv = new CsvWriter(text, Configuration))
        {
            for (var i = 0; i < findings.Count; i++)
            {
                var row = Row(findings[i], languages, sources, labels);
                foreach (var column in header) csv.WriteField(CsvCells.Neutralise(row.GetValueOrDefault(column, "")));
                csv.NextRecord();
                csv.Flush();
                lines[i] = Encoding.UTF8.GetBytes(buffer.ToString());
                buffer.Clear();
            }
        }
        return lines;
    }

    /// <summary>
    /// Records end in CRLF (RFC 4180). With a newline set, CsvHelper quotes only a field that contains that whole CRLF,
    /// so a summary with a bare LF and no comma or quote went out unquoted and split its row on import: every field
    /// with a CR or an LF is quoted, as is one with the delimiter, a quote, or a space at either end (CsvHelper's own rules).
    /// </summary>
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = args => args.Field is { Length: > 0 } f
            && (f.AsSpan().IndexOfAny(",\"\r\n") >= 0 || f[0] == ' ' || f[^1] == ' '),
    };

    private static string Csv(Action<CsvWriter> write)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = new CsvWriter(text, Configuration)) write(csv);
        return text.ToString();
    }

    private static Dictionary<string, string> Row(Finding f, IReadOnlyList<string> languages, int sources, FindingCsvLabels? labels)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels is not null)
            foreach (var (code, label) in CsvLabelColumns.Beside)
                foreach (var l in languages)
                    if (labels.Of(code, l, f) is { } text) row[$"{label}_{l}"] = text;
        void Per(string field, LocalizedText? text)
        {
            if (text is null) return;
            foreach (var l in languages) if (text[l] is { } v) row[$"{field}_{l}"] = v;
        }
        row["id"] = f.Id;
        Per("title", f.Title);
        if (f.Kind is not null) row["kind"] = f.Kind;
        row["company"] = f.Company;
        Per("product", f.Product);
        row["technology"] = f.Technology;
        Per("buyer_name", f.Buyer.Name);
        row["buyer_type"] = f.Buyer.Type;
        Per("buyer_province", f.Buyer.Province);
        Per("buyer_city", f.Buyer.City);
        Per("country", f.Country);
        row["years"] = !f.Years.Stated ? YearRange.NotStatedText
            : f.Years.From == f.Years.To
            ? f.Years.From.ToString(CultureInfo.InvariantCulture)
            : $"{f.Years.From.ToString(CultureInfo.InvariantCulture)}-{f.Years.To.ToString(CultureInfo.InvariantCulture)}";
        Per("summary", f.SummarySource);
        row["summary_form"] = f.SummaryForm;
        row["licence"] = f.Licence;
        for (var i = 0; i < f.Sources.Length && i < sources; i++)
        {
            var s = f.Sources[i];
            var p = $"source{i + 1}_";
            row[p + "title"] = s.Title;
            row[p + "url"] = s.Url;
            if (s.Publisher is not null) row[p + "publisher"] = s.Publisher;
            if (s.Date is { } d) row[p + "date"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (s.ArchivedUrl is not null) row[p + "archived_url"] = s.ArchivedUrl;
            if (s.Quote is not null) row[p + "quote"] = s.Quote;
            if (s.Language is not null) row[p + "language"] = s.Language;
        }
        if (f.ReportSection is not null) row["report_section"] = f.ReportSection;
        row["tags"] = string.Join(';', f.Tags);
        row["reviewed"] = f.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return row;
    }
}
