using System.Collections.Immutable;
using System.Globalization;
using Campaign.Core.Diagnostics;
using CsvHelper;
using CsvHelper.Configuration;

namespace Campaign.Core.Load;

/// <summary>
/// Turns each row of a findings spreadsheet into the same <see cref="MapNode"/> tree a YAML record gives,
/// so both pass through one schema: <c>title_en</c> becomes <c>title.en</c>, <c>buyer_type</c> becomes
/// <c>buyer.type</c>, <c>source2_url</c> becomes the second source's <c>url</c>.
/// </summary>
public static class CsvRecords
{
    private static readonly string[] Nested = ["buyer"];

    public static IReadOnlyList<MapNode> Read(string text, string file, IReadOnlyCollection<string> languages, DiagnosticList diagnostics)
    {
        var rows = new List<MapNode>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                diagnostics.Error("CMP011", "The spreadsheet has no header row.", new SourceLocation(file, 1),
                    hint: "the first row names the columns: id, title_en, title_zh, company, …");
                return rows;
            }
            var header = csv.HeaderRecord ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, i) in header.Select((h, i) => (h.Trim(), i)))
                if (name.Length > 0 && !seen.Add(name))
                    diagnostics.Error("CMP002", $"The column `{name}` appears twice.", new SourceLocation(file, 1, i + 1), name,
                        "delete or rename one of the two columns");
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    var column = header[i].Trim();
                    var value = CsvCells.Restore(csv.TryGetField<string>(i, out var v) ? v ?? "" : "");
                    if (column.Length == 0 || value.Trim().Length == 0) continue;
                    var cell = new ScalarNode(value, new SourceLocation(file, line, i + 1), column);
                    Place(root, column, cell, languages);
                }
                if (root.Count > 0) rows.Add(ToMap(root, "", new SourceLocation(file, line, 1)));
            }
        }
        catch (CsvHelperException ex)
        {
            diagnostics.Error("CMP002", $"The spreadsheet cannot be read: {ex.Message.Split('\n')[0]}",
                new SourceLocation(file, ex.Context?.Parser?.RawRow ?? 0), hint: "check the quotes in that row");
        }
        return rows;
    }

    private static void Place(SortedDictionary<string, object> root, string column, ScalarNode cell, IReadOnlyCollection<string> languages)
    {
        var target = root;
        var rest = column;
        if (rest.StartsWith("source", StringComparison.Ordinal))
        {
            var digits = rest[6..].TakeWhile(char.IsAsciiDigit).Count();
            if (digits > 0 && rest.Length > 6 + digits && rest[6 + digits] == '_')
            {
                var number = int.Parse(rest.AsSpan(6, digits), CultureInfo.InvariantCulture);
                var sources = (SortedDictionary<string, object>)(root.TryGetValue("sources", out var s) ? s : root["sources"] = new SortedDictionary<string, object>(StringComparer.Ordinal));
                var key = number.ToString("D4", CultureInfo.InvariantCulture);
                target = (SortedDictionary<string, object>)(sources.TryGetValue(key, out var t) ? t : sources[key] = new SortedDictionary<string, object>(StringComparer.Ordinal));
                rest = rest[(7 + digits)..];
            }
        }
        foreach (var prefix in Nested)
            if (target == root && rest.StartsWith(prefix + "_", StringComparison.Ordinal))
            {
                target = (SortedDictionary<string, object>)(root.TryGetValue(prefix, out var n) ? n : root[prefix] = new SortedDictionary<string, object>(StringComparer.Ordinal));
                rest = rest[(prefix.Length + 1)..];
            }
        var underscore = rest.LastIndexOf('_');
        if (underscore > 0 && languages.Contains(rest[(underscore + 1)..]))
        {
            var field = rest[..underscore];
            var perLanguage = (SortedDictionary<string, object>)(target.TryGetValue(field, out var p) && p is SortedDictionary<string, object> d
                ? d : target[field] = new SortedDictionary<string, object>(StringComparer.Ordinal));
            perLanguage[rest[(underscore + 1)..]] = cell;
            return;
        }
        target[rest] = cell;
    }

    private static MapNode ToMap(SortedDictionary<string, object> values, string field, SourceLocation at)
    {
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, DataNode>>();
        foreach (var (key, value) in values)
        {
            var childField = field.Length == 0 ? key : $"{field}_{key}";
            DataNode node = value switch
            {
                ScalarNode s => s,
                SortedDictionary<string, object> d when key == "sources" && field.Length == 0 =>
                    new ListNode([.. d.Select(kv => (DataNode)ToMap((SortedDictionary<string, object>)kv.Value,
                        "source" + int.Parse(kv.Key, CultureInfo.InvariantCulture), at))], at, "sources"),
                SortedDictionary<string, object> d => ToMap(d, childField, at),
                _ => throw new InvalidOperationException("unreachable"),
            };
            entries.Add(new(key, node));
        }
        return new MapNode(entries.ToImmutable(), at, field, "_");
    }
}
