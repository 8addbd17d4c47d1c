using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaign.Core.Model;

namespace Campaign.Site.Findings;

/// <summary>What a citation of one finding in one language says: who, what, where and when it was read.</summary>
/// <param name="Url">The permanent URL: absolute under the site's base URL, or the path from the site root when there is none.</param>
/// <param name="Absolute">False when the site has no base URL, so the page can say the address is relative.</param>
/// <param name="Accessed">The build date (<c>--now</c>), given as the access date.</param>
public sealed record Citation(string Id, string Author, string Title, string Container, string Url, bool Absolute,
    DateOnly Reviewed, DateOnly Accessed, string Lang);

/// <summary>Writes a finding's citation as plain text, BibTeX and CSL-JSON.</summary>
public static class Citations
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The plain-text citation, from the language's pattern (<c>cite_pattern</c>: {0} author, {1} title, {2} site, {3} id, {4} reviewed, {5} URL, {6} accessed).</summary>
    public static string PlainText(Citation c, string pattern) =>
        string.Format(CultureInfo.InvariantCulture, pattern, c.Author, c.Title, c.Container, c.Id, Iso(c.Reviewed), c.Url, Iso(c.Accessed));

    public static byte[] BibTeX(Citation c)
    {
        var key = "finding-" + c.Id + "-" + c.Lang;
        var text = new StringBuilder();
        text.Append("@misc{").Append(key).Append(",\n");
        Field(text, "author", "{" + Escape(c.Author) + "}");
        Field(text, "title", "{" + Escape(c.Title) + "}");
        Field(text, "howpublished", Escape(c.Container));
        Field(text, "year", c.Reviewed.Year.ToString(CultureInfo.InvariantCulture));
        Field(text, "url", c.Url);
        Field(text, "urldate", Iso(c.Accessed));
        Field(text, "note", Escape($"Finding {c.Id}, last reviewed {Iso(c.Reviewed)}"));
        Field(text, "langid", c.Lang, last: true);
        text.Append("}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Field(StringBuilder text, string name, string value, bool last = false) =>
        text.Append("  ").Append(name).Append(" = {").Append(value).Append('}').Append(last ? "\n" : ",\n");

    /// <summary>Escapes the characters BibTeX treats specially; everything else (Chinese included) is written as it is, in UTF-8.</summary>
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
                _ => ch.ToString(),
            });
        return result.ToString();
    }

    public static byte[] CslJson(Citation c)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, FindingJson.Options))
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("id", "finding-" + c.Id + "-" + c.Lang);
            w.WriteString("type", "dataset");
            w.WriteString("title", c.Title);
            w.WriteStartArray("author");
            w.WriteStartObject();
            w.WriteString("literal", c.Author);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("container-title", c.Container);
            w.WriteString("number", c.Id);
            w.WriteString("URL", c.Url);
            DateParts(w, "issued", c.Reviewed);
            DateParts(w, "accessed", c.Accessed);
            w.WriteString("language", c.Lang);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void DateParts(Utf8JsonWriter w, string name, DateOnly d)
    {
        w.WriteStartObject(name);
        w.WriteStartArray("date-parts");
        w.WriteStartArray();
        w.WriteNumberValue(d.Year);
        w.WriteNumberValue(d.Month);
        w.WriteNumberValue(d.Day);
        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
