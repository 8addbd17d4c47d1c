using System.Collections.Immutable;
using System.Globalization;
using Campaign.Core.Diagnostics;
using CsvHelper;
using CsvHelper.Configuration;

namespace Campaign.Core.Load;

/// <summary>
/// Turns each row of a findings spreadsheet into the same <see cref="MapNode"/> tree a YAML record gives,
/// so both pass through one schema: <c>title_en</c> becomes <c>title.en</c>, <c>buyer_type</c> becomes
/// <c>buyer.type</c>, <c>source2_url</c> becomes the second source's <c>url</c>. Positions are given as a
/// spreadsheet shows them (<see cref="SourceLocation.Cell"/>: "row 3, column D (technology)"), beside the file's line.
/// </summary>
public static class CsvRecords
{
    /// <summary>Columns that only exist split into parts (<c>buyer_name_en</c>, <c>source1_url</c>), never as one cell.</summary>
    private static readonly string[] Nested = ["buyer"];

    /// <summary>The highest source number a column may carry (<c>source100_url</c>); more is a typing mistake, not evidence.</summary>
    public const int MaxSources = 100;

    /// <param name="fits">Whether a value fits a column's type (a date in a date column, …): used only to say where the
    /// cells of a row with a missing or extra cell start to shift. Null: the row's cell counts alone are reported.</param>
    public static IReadOnlyList<MapNode> Read(string text, string file, IReadOnlyCollection<string> languages, DiagnosticList diagnostics,
        Func<string, string, bool>? fits = null)
    {
        var rows = new List<MapNode>();
        string? badField = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            // Blank lines are rows in a spreadsheet program too: kept, so row numbers match what the campaigner sees.
            IgnoreBlankLines = false,
            BadDataFound = args => badField ??= args.Field,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, config);
        try
        {
            if (!csv.Read() || csv.Record is not { } headerRecord || headerRecord.All(h => h.Trim().Length == 0))
            {
                diagnostics.Error("CMP011", "The spreadsheet has no header row.", new SourceLocation(file, 1),
                    hint: "the first row names the columns: id, title_en, title_zh, company, …");
                return rows;
            }
            var header = headerRecord.Select(h => h.Trim()).ToArray();
            if (badField is not null)
            {
                Quote(diagnostics, file, 1, 1, header.Length - 1, header[^1], badField);
                return rows;
            }
            var paths = Columns(header, file, languages, diagnostics);
            if (paths is null) return rows;

            var row = 1;
            var end = csv.RawRow; // the last line of the previous record: blank lines are records too, so the next starts below it
            while (csv.Read())
            {
                row++;
                var record = csv.Record ?? [];
                var line = end + 1;
                end = csv.RawRow;
                if (badField is not null)
                {
                    var index = Array.FindIndex(record, f => f.Contains('"'));
                    if (index < 0 || IsUnclosed(badField)) index = record.Length - 1;
                    var unclosed = Quote(diagnostics, file, row, line, index, Name(header, index), badField);
                    badField = null;
                    if (unclosed) break; // the rest of the file went into that one cell
                    continue;
                }
                if (record.All(c => c.Trim().Length == 0)) continue; // a blank row, or one of empty cells (",,,"), whatever its width
                if (record.Length != header.Length)
                {
                    Shifted(diagnostics, file, row, line, header, record, fits);
                    continue;
                }
                var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    var value = CsvCells.Restore(record[i]);
                    if (paths[i] is not { } path || value.Trim().Length == 0) continue;
                    var cell = new ScalarNode(value, At(file, line, row, i, header[i]), header[i]);
                    Place(root, path, cell);
                }
                if (root.Count > 0) rows.Add(ToMap(root, "", new SourceLocation(file, line) { Cell = $"row {row}" }));
            }
        }
        catch (CsvHelperException ex)
        {
            // Not expected with bad data reported above; kept so a parser surprise is a diagnostic, never a stack trace.
            diagnostics.Error("CMP002", "The spreadsheet cannot be read from this row on.",
                new SourceLocation(file, ex.Context?.Parser?.RawRow ?? 0), hint: "check the quotes in that row; save the file again as CSV (UTF-8)");
        }
        return rows;
    }

    /// <summary>A cell's place: the file's line, and the row and column as a spreadsheet program shows them.</summary>
    private static SourceLocation At(string file, int line, int row, int index, string column) =>
        new(file, line) { Cell = column.Length > 0 ? $"row {row}, column {Letter(index)} ({column})" : $"row {row}, column {Letter(index)}" };

    /// <summary>The column letter a spreadsheet program shows: A … Z, AA, AB, ….</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static string Name(string[] header, int index) => index >= 0 && index < header.Length ? header[index] : "";

    /// <summary>Reports a cell with a quote the reader could not make sense of; true when the quote was never closed.</summary>
    private static bool Quote(DiagnosticList diagnostics, string file, int row, int line, int index, string column, string field)
    {
        var at = At(file, line, row, Math.Max(0, index), column);
        if (IsUnclosed(field))
        {
            diagnostics.Error("CMP171", "The quote `\"` that starts this cell is never closed, so the rest of the file is read as one cell.",
                at, column.Length > 0 ? column : null, "add the closing `\"` at the end of the cell's text, or remove the opening one");
            return true;
        }
        diagnostics.Error("CMP172", $"The cell `{Quoted.Short(field.ReplaceLineEndings(" "))}` has a quote `\"` inside it; the row is not read.",
            at, column.Length > 0 ? column : null,
            "remove the quote, or put the whole cell in quotes and double each quote inside it (\"a \"\"b\"\" c\")");
        return false;
    }

    /// <summary>A field that opens a quote and never closes it: an odd number of quotes, a pair (<c>""</c>) being one quote inside.</summary>
    private static bool IsUnclosed(string field) => field.StartsWith('"') && field.Count(c => c == '"') % 2 == 1;

    /// <summary>One error for a row with a missing or extra cell: every later value would be in the wrong column.</summary>
    private static void Shifted(DiagnosticList diagnostics, string file, int row, int line, string[] header, string[] record,
        Func<string, string, bool>? fits)
    {
        var what = record.Length < header.Length ? "a cell is missing" : "there is an extra cell";
        var counts = $"The row has {record.Length} cell{(record.Length == 1 ? "" : "s")} for the {header.Length} columns: {what}, so the values after it are under the wrong headings; the row is not read.";
        var first = -1;
        if (fits is not null)
            for (var i = 0; i < Math.Min(header.Length, record.Length) && first < 0; i++)
                if (header[i].Length > 0 && record[i].Trim().Length > 0 && !fits(header[i], CsvCells.Restore(record[i]).Trim())) first = i;
        if (first >= 0)
        {
            diagnostics.Error("CMP170", $"{counts} The first value that does not fit its column is `{Quoted.Short(record[first].ReplaceLineEndings(" "))}` in column {Letter(first)} ({header[first]}).",
                new SourceLocation(file, line) { Cell = $"row {row}" }, header[first],
                $"in row {row}, find the {(record.Length < header.Length ? "missing" : "extra")} cell at or before column {Letter(first)} ({header[first]}) and put each value under its heading");
            return;
        }
        diagnostics.Error("CMP170", counts, new SourceLocation(file, line) { Cell = $"row {row}" },
            hint: $"in row {row}, compare each value with its column's heading and {(record.Length < header.Length ? "add the missing cell" : "remove the extra cell")}");
    }

    /// <summary>
    /// Each column's path in the record tree (<c>buyer_name_en</c> → buyer, name, en), or null (a nameless column, ignored).
    /// Null for the whole header when two columns would give the same value, or one the whole of what another gives a part of
    /// (<c>buyer</c> beside <c>buyer_name_en</c>, <c>source1_url</c> beside <c>source01_url</c>): each reported, no row read.
    /// </summary>
    private static string[]?[]? Columns(string[] header, string file, IReadOnlyCollection<string> languages, DiagnosticList diagnostics)
    {
        var paths = new string[]?[header.Length];
        var errors = false;
        SourceLocation Head(int i) => At(file, 1, 1, i, header[i]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (name.Length == 0) continue;
            if (!seen.Add(name))
            {
                diagnostics.Error("CMP002", $"The column `{name}` appears twice.", Head(i), name, "delete or rename one of the two columns");
                errors = true;
                continue;
            }
            if (CsvLabelColumns.Is(name, languages)) continue; // a name or label the download gives beside a code: derived, so not read
            var path = Path(name, languages, out var number);
            if (Nested.Contains(name) || number is null && path[0] == "sources")
            {
                var part = header.FirstOrDefault(h => h != name && h.StartsWith(path[0] == "sources" ? "source" : path[0] + "_", StringComparison.Ordinal)
                    && Path(h, languages, out var n)[0] == path[0] && (path[0] != "sources" || n is not null));
                diagnostics.Error("CMP173", $"A spreadsheet cannot give `{path[0]}` in one column{(part is null ? "" : $", beside its part `{Quoted.Short(part)}`")}.", Head(i), name,
                    path[0] == "sources"
                        ? "give each source its numbered columns (source1_title, source1_url, source1_date, …) and delete this one"
                        : $"use the columns {name}_name_{languages.First()}, {name}_type, … and delete this one");
                errors = true;
                continue;
            }
            paths[i] = path;
            if (number is { } n && (n < 1 || n > MaxSources))
            {
                diagnostics.Error("CMP174", $"The column `{Quoted.Short(name)}` numbers a source outside 1–{MaxSources}.", Head(i), Quoted.Short(name),
                    $"number a finding's sources from source1_ to at most source{MaxSources}_");
                paths[i] = null;
                errors = true;
            }
        }
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
            if (paths[i] is { } p && !byPath.TryAdd(string.Join('\u0001', p), i))
            {
                var other = header[byPath[string.Join('\u0001', p)]];
                diagnostics.Error("CMP173", $"The columns `{other}` and `{header[i]}` give the same value.", Head(i), header[i],
                    $"delete one of them; source numbers are written without leading zeros (source1_url)");
                errors = true;
            }
        for (var i = 0; i < header.Length; i++)
        {
            if (paths[i] is not { } p) continue;
            for (var length = p.Length - 1; length >= 1; length--)
                if (byPath.TryGetValue(string.Join('\u0001', p[..length]), out var whole))
                {
                    diagnostics.Error("CMP173", $"The columns `{header[whole]}` and `{header[i]}` cannot both be used: `{header[whole]}` gives the whole value, `{header[i]}` one part of it.",
                        Head(whole), header[whole], $"keep the columns of the parts (such as `{header[i]}`) and delete `{header[whole]}`");
                    errors = true;
                    break;
                }
        }
        return errors ? null : paths;
    }

    /// <summary>A column's path: <c>source2_url</c> → sources, 0002, url; <c>title_zh</c> → title, zh.</summary>
    /// <param name="number">The source number of a <c>sourceN_…</c> column (saturated: a number of ten digits is simply too big).</param>
    private static string[] Path(string column, IReadOnlyCollection<string> languages, out long? number)
    {
        number = null;
        var path = new List<string>();
        var rest = column;
        if (rest.StartsWith("source", StringComparison.Ordinal))
        {
            var digits = rest[6..].TakeWhile(char.IsAsciiDigit).Count();
            if (digits > 0 && rest.Length > 6 + digits + 1 && rest[6 + digits] == '_')
            {
                number = digits > 9 ? long.MaxValue : long.Parse(rest.AsSpan(6, digits), CultureInfo.InvariantCulture);
                path.Add("sources");
                path.Add(Math.Min(number.Value, 9999).ToString("D4", CultureInfo.InvariantCulture));
                rest = rest[(7 + digits)..];
            }
        }
        foreach (var prefix in Nested)
            if (path.Count == 0 && rest.StartsWith(prefix + "_", StringComparison.Ordinal) && rest.Length > prefix.Length + 1)
            {
                path.Add(prefix);
                rest = rest[(prefix.Length + 1)..];
            }
        var underscore = rest.LastIndexOf('_');
        if (underscore > 0 && languages.Contains(rest[(underscore + 1)..]))
        {
            path.Add(rest[..underscore]);
            path.Add(rest[(underscore + 1)..]);
        }
        else path.Add(rest);
        return [.. path];
    }

    /// <summary>Puts a cell at its path; the header check made sure no path runs through another's value.</summary>
    private static void Place(SortedDictionary<string, object> root, string[] path, ScalarNode cell)
    {
        var target = root;
        foreach (var step in path[..^1])
            target = (SortedDictionary<string, object>)(target.TryGetValue(step, out var t) ? t : target[step] = new SortedDictionary<string, object>(StringComparer.Ordinal));
        target[path[^1]] = cell;
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
