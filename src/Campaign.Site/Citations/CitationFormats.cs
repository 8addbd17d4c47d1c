using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Campaign.Site.Citations;

/// <summary>
/// A <see cref="Citation"/> as the files citation managers import: biblatex (<c>.bib</c>), CSL-JSON (<c>.csl.json</c>, as Zotero
/// and pandoc read it) and RIS (<c>.ris</c>). None carries an access date: the reader's citation manager adds the day it is read.
/// </summary>
public static class CitationFormats
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A biblatex entry: <c>@report</c> for a report, <c>@dataset</c> for a finding; <c>langid</c> is the language's babel name.</summary>
    public static string BibLaTeX(Citation c)
    {
        var text = new StringBuilder();
        text.Append(c.Kind == CitedKind.Report ? "@report{" : "@dataset{").Append(c.Key).Append(",\n");
        // Double braces keep an organisation's name from being split into first and last names, and a title's case as written.
        if (c.Authors.Count > 0) Field(text, "author", string.Join(" and ", c.Authors.Select(a => "{" + Escape(a) + "}")));
        Field(text, "title", "{" + Escape(c.Title) + "}");
        if (c.Kind == CitedKind.Report)
        {
            Field(text, "type", "resreport"); // biblatex's localised "research report"
            if (c.Publisher is not null) Field(text, "institution", "{" + Escape(c.Publisher) + "}");
        }
        else
        {
            Field(text, "series", "{" + Escape(c.Campaign) + "}");
            if (c.Publisher is not null) Field(text, "publisher", "{" + Escape(c.Publisher) + "}");
        }
        if (c.Number is not null) Field(text, "number", Escape(c.Number));
        Field(text, "date", Iso(c.Issued));
        if (c.Note is not null) Field(text, "note", Escape(c.Note));
        Field(text, "url", c.Address);
        if (c.Language.Babel is { } babel) Field(text, "langid", babel);
        text.Length -= 2; // the last field's ",\n"
        text.Append("\n}\n");
        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>Escapes the characters (La)TeX treats specially; everything else (Chinese included) is written as it is, in UTF-8.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var ch in text)
            result.Append(ch switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '%' or '&' or '$' or '#' or '_' => "\\" + ch,
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '\n' or '\r' => " ",
                _ => ch.ToString(),
            });
        return result.ToString();
    }

    /// <summary>A one-item CSL-JSON array (the CSL 1.0 input schema): <c>report</c> or <c>dataset</c>.</summary>
    public static string CslJson(Citation c)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Findings.FindingJson.Options))
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("id", c.Key);
            w.WriteString("type", c.Kind == CitedKind.Report ? "report" : "dataset");
            w.WriteString("title", c.Title);
            w.WriteStartArray("author");
            foreach (var a in c.Authors)
            {
                w.WriteStartObject();
                w.WriteString("literal", a);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (c.Publisher is not null) w.WriteString("publisher", c.Publisher);
            if (c.Report is not null) w.WriteString("container-title", c.Report);
            if (c.Kind == CitedKind.Finding) w.WriteString("collection-title", c.Campaign);
            if (c.Number is not null) w.WriteString("number", c.Number);
            w.WriteStartObject("issued");
            w.WriteStartArray("date-parts");
            w.WriteStartArray();
            w.WriteNumberValue(c.Issued.Year);
            w.WriteNumberValue(c.Issued.Month);
            w.WriteNumberValue(c.Issued.Day);
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("language", c.Language.Lang);
            if (c.Note is not null) w.WriteString("note", c.Note);
            w.WriteString("URL", c.Address);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A RIS record (<c>RPRT</c> or <c>DATA</c>), lines ended CR LF as the format asks.</summary>
    public static string Ris(Citation c)
    {
        var text = new StringBuilder();
        void Tag(string tag, string? value)
        {
            if (value is not null) text.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
        }
        Tag("TY", c.Kind == CitedKind.Report ? "RPRT" : "DATA");
        Tag("ID", c.Key);
        foreach (var a in c.Authors) Tag("AU", a);
        Tag("TI", c.Title);
        if (c.Kind == CitedKind.Finding)
        {
            Tag("T2", c.Report);
            Tag("T3", c.Campaign);
            Tag("M1", c.Number);
        }
        else Tag("VL", c.Number); // a report's number, in RIS's report type
        Tag("PB", c.Publisher);
        Tag("PY", c.Issued.Year.ToString(CultureInfo.InvariantCulture));
        Tag("DA", c.Issued.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture));
        Tag("LA", c.Language.Lang);
        Tag("N1", c.Note);
        Tag("UR", c.Address);
        text.Append("ER  - \r\n");
        return text.ToString();
    }
}
