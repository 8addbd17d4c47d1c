using System.Collections.Immutable;
using System.Globalization;
using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

/// <summary>
/// Reads typed fields out of one mapping (front matter, a YAML record, a CSV row) and reports
/// every problem with the field's location: wrong type, missing required field, bad date,
/// and, once done, any field nobody asked for ("did you mean …?").
/// </summary>
public sealed class FieldReader(MapNode map, DiagnosticList diagnostics)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public MapNode Map => map;
    public DiagnosticList Diagnostics => diagnostics;

    public DataNode? Node(string key)
    {
        _read.Add(key);
        return map.Get(key);
    }

    private SourceLocation At(DataNode? node) => node?.Location ?? map.Location;

    private string FieldName(string key) => map.Field.Length == 0 ? key : $"{map.Field}{map.Separator}{key}";

    /// <summary>A spreadsheet row (columns <c>buyer_type</c>), not YAML (<c>buyer: {type: …}</c>): hints name columns, not keys.</summary>
    private bool InSpreadsheet => map.Separator == "_";

    /// <param name="columns">The spreadsheet columns to fill in, when the map is a spreadsheet row.</param>
    private void Missing(string key, string what, string? columns = null)
    {
        if (InSpreadsheet)
            diagnostics.Error("CMP003", $"The required column `{FieldName(key)}` is empty or missing.", map.Location, FieldName(key),
                $"fill in {columns ?? $"the column `{FieldName(key)}`"}");
        else
            diagnostics.Error("CMP003", $"The required field `{key}` is missing.", map.Location, FieldName(key), $"add `{key}:` with {what}");
    }

    /// <summary>A plain text value; empty text counts as missing.</summary>
    /// <param name="markdown">The value is Markdown (raw HTML in it is sanitised and reported there), not plain text.</param>
    public string? Text(string key, bool required = false, bool markdown = false)
    {
        var node = Node(key);
        if (node is null || node is ScalarNode { Value.Length: 0 })
        {
            if (required) Missing(key, "a value");
            return null;
        }
        if (node is ScalarNode s)
        {
            if (!markdown) WarnMarkup(s);
            return s.Value.Trim();
        }
        diagnostics.Error("CMP005", $"`{key}` must be a single value, not a {(node is ListNode ? "list" : "mapping")}.",
            At(node), node.Field, InSpreadsheet ? $"give it one column, `{FieldName(key)}`, without a language or number" : "write it on one line after the colon");
        return null;
    }

    /// <summary>A yes/no field such as <c>draft: true</c>: false when absent; anything but true or false is an error (CMP005).</summary>
    public bool Flag(string key)
    {
        var node = Node(key);
        var text = Text(key);
        if (text is null) return false;
        if (text is "true" or "yes") return true;
        if (text is "false" or "no") return false;
        diagnostics.Error("CMP005", $"`{key}` must be true or false, not `{text}`.", At(node!), node!.Field, $"write `{key}: true`, or delete the line");
        return true;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        diagnostics.Error("CMP006", $"`{text}` is not a valid date.", At(map.Get(key)), FieldName(key),
            "write dates as YYYY-MM-DD, for example 2020-09-21");
        return null;
    }

    /// <summary>A moment: <c>YYYY-MM-DD</c> (midnight UTC) or an ISO 8601 date and time with zone.</summary>
    public DateTimeOffset? Moment(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        string[] formats = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz",
            "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            return moment;
        diagnostics.Error("CMP006", $"`{text}` is not a valid date and time.", At(map.Get(key)), FieldName(key),
            "write the date, time and time zone, for example 2020-09-21T00:01+01:00");
        return null;
    }

    public int? Int(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        diagnostics.Error("CMP005", $"`{text}` is not a whole number.", At(map.Get(key)), FieldName(key), "write a number such as 3");
        return null;
    }

    /// <summary>A list of plain values; a single value is read as a list of one.</summary>
    public ImmutableArray<string> List(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null: return [];
            case ScalarNode s:
                WarnMarkup(s);
                return s.Value.Length == 0 ? [] : [.. s.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            case ListNode l:
                var items = ImmutableArray.CreateBuilder<string>();
                foreach (var item in l.Items)
                {
                    // Tags, products and authors are shown as text like any plain field.
                    if (item is ScalarNode v) { WarnMarkup(v); items.Add(v.Value.Trim()); }
                    else diagnostics.Error("CMP005", $"Each item of `{key}` must be a single value.", item.Location, item.Field);
                }
                return items.ToImmutable();
            default:
                diagnostics.Error("CMP005", $"`{key}` must be a list.", node.Location, node.Field, $"write `{key}: [first, second]`");
                return [];
        }
    }

    /// <summary>A text given per language (<c>title: {en: …, zh: …}</c>).</summary>
    /// <param name="languages">The site's language codes; the first is the default.</param>
    /// <param name="markdown">The value is Markdown (raw HTML in it is sanitised and reported there), not plain text.</param>
    public LocalizedText? Localized(string key, IReadOnlyList<string> languages, bool required = false, bool warnMissing = true, bool markdown = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, $"a value per language ({string.Join(", ", languages.Select(l => l + ":"))})", Columns(key, languages));
            return null;
        }
        if (node is not MapNode m)
        {
            diagnostics.Error("CMP005", $"`{key}` must give a text per language.", At(node), node.Field,
                InSpreadsheet ? $"name the column with its language: {Columns(key, languages)}"
                    : $"write it as `{key}:` followed by indented lines {string.Join(", ", languages.Select(l => $"`{l}: …`"))}");
            return null;
        }
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (lang, value) in m.Entries)
        {
            if (!languages.Contains(lang))
            {
                diagnostics.Warning("CMP004", $"`{lang}` is not one of the site's languages.", value.Location, value.Field,
                    Suggestions.DidYouMean(lang, languages) ?? $"use one of {string.Join(", ", languages)}");
                continue;
            }
            if (value is ScalarNode { Value: var text } scalar && text.Trim().Length > 0)
            {
                if (!markdown) WarnMarkup(scalar);
                values[lang] = text.Trim();
            }
            else if (value is not ScalarNode)
                diagnostics.Error("CMP005", $"`{key}.{lang}` must be text.", value.Location, value.Field);
        }
        if (values.Count == 0)
        {
            if (required) Missing(key, "a text in at least the default language", Columns(key, languages));
            return null;
        }
        if (warnMissing)
            foreach (var lang in languages.Where(l => !values.ContainsKey(l)))
                diagnostics.Warning("CMP020", $"`{FieldName(key)}` has no {lang} translation; the {languages[0]} text is shown.", At(node),
                    FieldName(key), m.Separator == "_" ? $"fill the `{FieldName(key)}_{lang}` column" : $"add `{lang}: …` under `{key}`");
        return new LocalizedText(values.ToImmutable());
    }

    /// <summary>The per-language columns of <paramref name="key"/>: <c>title_en</c>, <c>title_zh</c>.</summary>
    private string Columns(string key, IReadOnlyList<string> languages) =>
        "the columns " + string.Join(", ", languages.Select(l => $"`{FieldName(key)}_{l}`"));

    /// <summary>A nested mapping, read with its own reader.</summary>
    public FieldReader? Nested(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, "its fields", $"the columns that start with `{FieldName(key)}_`");
            return null;
        }
        if (node is MapNode m) return new FieldReader(m, diagnostics);
        diagnostics.Error("CMP005", $"`{key}` must hold indented `field: value` lines.", At(node), node.Field);
        return null;
    }

    /// <summary>A list of mappings, each read with its own reader.</summary>
    public IReadOnlyList<FieldReader> NestedList(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key, "at least one entry");
            return [];
        }
        if (node is not ListNode list)
        {
            diagnostics.Error("CMP005", $"`{key}` must be a list (lines starting with `- `).", At(node), node.Field);
            return [];
        }
        var readers = new List<FieldReader>();
        foreach (var item in list.Items)
        {
            if (item is MapNode m) readers.Add(new FieldReader(m, diagnostics));
            else diagnostics.Error("CMP005", $"Each entry of `{key}` must hold `field: value` lines.", item.Location, item.Field);
        }
        return readers;
    }

    private static readonly System.Text.RegularExpressions.Regex Markup = new("<\\s*[a-zA-Z!/?]", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Plain-text fields are escaped on output; markup in one is almost always a mistake or an attack, so say so.</summary>
    private void WarnMarkup(ScalarNode s) => WarnMarkup(s, diagnostics);

    /// <summary>The CMP033 check for a plain-text value read outside a front matter (an i18n string).</summary>
    internal static void WarnMarkup(ScalarNode s, DiagnosticList diagnostics)
    {
        var m = Markup.Match(s.Value);
        if (!m.Success) return;
        var snippet = s.Value.Substring(m.Index, Math.Min(12, s.Value.Length - m.Index));
        diagnostics.Warning("CMP033", $"`{s.Field}` contains HTML markup (`{DocumentReader.Printable(snippet)}…`); it is shown as plain text, never run.",
            s.Location, s.Field, "plain-text fields take no HTML; remove the tags");
    }

    /// <summary>Warns about every field that was never read, naming the nearest known one.</summary>
    public void WarnUnknown(IEnumerable<string>? alsoKnown = null)
    {
        var known = _read.Concat(alsoKnown ?? []).ToList();
        foreach (var (key, value) in map.Entries)
        {
            if (_read.Contains(key)) continue;
            diagnostics.Warning("CMP004", $"Unknown field `{key}`; it is ignored.", value.Location, FieldName(key),
                Suggestions.DidYouMean(key, known) ?? $"known fields: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }
    }

    /// <summary>Checks a value against a vocabulary, naming the nearest valid value.</summary>
    public string? Term(string key, Vocabulary? vocabulary, bool required = false, string? fallback = null)
    {
        var value = Text(key, required) ?? fallback;
        if (value is null || vocabulary is null) return value;
        if (vocabulary.Find(value) is not null) return value;
        var valid = vocabulary.Terms.Select(t => t.Value).ToList();
        diagnostics.Error("CMP007", $"`{value}` is not a known {vocabulary.Name.Replace('_', ' ')}.", At(map.Get(key)), FieldName(key),
            (Suggestions.DidYouMean(value, valid) is { } d ? d + " " : "") + $"valid values: {string.Join(", ", valid)}");
        return null;
    }
}
