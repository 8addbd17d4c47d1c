using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Campaign.Core.Diagnostics;
using Campaign.Core.Markdown;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

// The live preview's half of the findings reader (a plain build never comes here): an unchanged file's findings come
// from the cache, and in an edited file only the records whose text changed are read again, so the later stages see
// the same Finding instances for the others and redo nothing for them. A part of FindingsReader, because it reads
// records with the same functions; kept apart so that the plain reader reads in one sitting.
public static partial class FindingsReader
{
    /// <summary>
    /// The findings sorted by id, in a live preview by the previous build's order when every position (files in name order,
    /// records in file order) holds the same id as then: an edit changes a finding, not where it sorts, and sorting ten
    /// thousand ids again cost more than reading the edited record.
    /// </summary>
    private static ImmutableArray<Finding> ById(Finding[] all, DocumentCache cache)
    {
        var ids = new string[all.Length];
        for (var i = 0; i < all.Length; i++) ids[i] = all[i].Id;
        var order = cache.FindingOrder is { } last && last.Ids.Length == ids.Length && SameIds(last.Ids, ids)
            ? last.Order
            : [.. Enumerable.Range(0, all.Length).OrderBy(i => ids[i], StringComparer.Ordinal)]; // stable, as sorting the findings
        cache.FindingOrder = (ids, order);
        var sorted = ImmutableArray.CreateBuilder<Finding>(all.Length);
        foreach (var i in order) sorted.Add(all[i]);
        return sorted.MoveToImmutable();
    }

    private static bool SameIds(string[] before, string[] now)
    {
        for (var i = 0; i < now.Length; i++)
            if (!ReferenceEquals(before[i], now[i]) && before[i] != now[i]) return false;
        return true;
    }

    /// <summary>
    /// One file's findings from the cache when the file is untouched or its text unchanged. An edited file is parsed again,
    /// but each record whose text (and place in the file) is as before keeps its <see cref="Finding"/> instance and
    /// diagnostics, so the later stages of a live preview see the same objects and redo nothing for them.
    /// </summary>
    private static IEnumerable<Finding> ReadCached(string path, string relative, string extension, List<string> languages, Vocabularies vocabularies,
        MarkdownRenderer markdown, DateOnly today, DiagnosticList diagnostics, DocumentCache cache)
    {
        var stamp = DocumentCache.FileStamp.Of(path); // before reading: an edit during the read shows next time
        if (cache.TryGetUnchanged(relative, stamp, out var untouched))
        {
            foreach (var d in untouched.Diagnostics) diagnostics.Add(d);
            return ((FileFindings)untouched.Value!).All;
        }
        var text = TextFile.Read(path, relative, diagnostics);
        if (text is null) return [];
        // Of the text's UTF-16 code units, not of UTF-8: only this cache compares it, and a findings file is large enough
        // (hundreds of kilobytes) that an encoded copy of it is worth sparing.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan())));
        if (cache.TryGet(relative, hash, out var hit))
        {
            foreach (var d in hit.Diagnostics) diagnostics.Add(d);
            cache.Set(relative, hit with { Stamp = stamp });
            return ((FileFindings)hit.Value!).All;
        }
        var before = cache.Previous(relative)?.Value as FileFindings;
        if (before is not null && extension != ".csv" && OneRecordEdited(before, text, relative, languages, vocabularies, markdown, today) is { } edited)
        {
            foreach (var d in edited.Diagnostics) diagnostics.Add(d);
            cache.NotePartial();
            cache.Set(relative, new DocumentCache.Entry(hash, edited.Findings, edited.Diagnostics, stamp));
            return edited.Findings.All;
        }
        var local = new DiagnosticList();
        var records = Records(text, relative, extension, languages, vocabularies, local);
        var clean = !local.Sorted().Any();
        var keys = RecordKeys(text, extension, records);
        var read = new RecordRead[records.Count];
        Parallel.For(0, records.Count, i =>
        {
            if (before is not null && before.ByText.TryGetValue(keys[i], out var same)) { read[i] = same; return; }
            var own = new DiagnosticList();
            read[i] = new RecordRead(ReadOne(records[i], languages, vocabularies, markdown, today, own), own.Sorted());
        });
        var result = Assemble(text, [.. records.Select(r => r.Location.Line)], keys, read, clean && records.Count > 1, local);
        var reported = local.Sorted();
        foreach (var d in reported) diagnostics.Add(d);
        cache.Set(relative, new DocumentCache.Entry(hash, result, reported, stamp));
        return result.All;
    }

    /// <summary>A record's finding (null when it had errors) and what reading it reported.</summary>
    private sealed record RecordRead(Finding? Finding, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>A findings file as the cache keeps it: its findings, and each record's reading by the record's text.</summary>
    /// <param name="Lines">Each record's first line, in file order, with <paramref name="Reads"/> in the same order.</param>
    /// <param name="Splittable">A YAML list of several records that parsed without a file-level diagnostic: one edited record can be read alone.</param>
    private sealed record FileFindings(ImmutableArray<Finding> All, Dictionary<string, RecordRead> ByText, string[] Keys,
        string Text, int[] Lines, RecordRead[] Reads, bool Splittable);

    /// <summary>The findings and diagnostics of a file where one record was edited in place.</summary>
    private sealed record EditedFile(FileFindings Findings, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// A large findings file edited inside one record, without adding or removing lines (the usual edit: a word, a date,
    /// a URL): only that record's lines are parsed, since in a YAML list each item stands on its own (aliases are refused).
    /// Null whenever that cannot be shown from the text alone; the caller then parses the whole file.
    /// </summary>
    private static EditedFile? OneRecordEdited(FileFindings before, string text, string relative, List<string> languages, Vocabularies vocabularies,
        MarkdownRenderer markdown, DateOnly today)
    {
        var old = before.Text;
        if (!before.Splittable || Lines(old) != Lines(text)) return null;
        var prefix = old.AsSpan().CommonPrefixLength(text);
        var suffix = CommonSuffixLength(old.AsSpan(prefix), text.AsSpan(prefix));
        var firstLine = Lines(text.AsSpan(0, prefix)) + 1;
        var lastLine = Lines(text.AsSpan(0, Math.Max(prefix, text.Length - suffix))) + 1;
        var i = Array.FindLastIndex(before.Lines, l => l <= firstLine);
        if (i < 0) return null; // above the first record: comments, or the start of the list
        var next = i + 1 < before.Lines.Length ? before.Lines[i + 1] : int.MaxValue;
        if (lastLine >= next) return null; // reaches into the next record

        var starts = LineStarts(text);
        int Offset(int line) => line > starts.Count ? text.Length : starts[line - 1];
        var from = Offset(before.Lines[i]);
        var to = next == int.MaxValue ? text.Length : Offset(next);
        // The record alone, as the list item it is ("- id: …"), with its lines numbered as in the file.
        if (!text.AsSpan(from).TrimStart(' ').StartsWith("- ")) return null;
        var parse = new DiagnosticList();
        if (YamlReader.Parse(text[from..to], relative, before.Lines[i] - 1, parse) is not ListNode { Items: [MapNode map] } || parse.Sorted().Any())
            return null;

        var own = new DiagnosticList();
        var reads = (RecordRead[])before.Reads.Clone();
        reads[i] = new RecordRead(ReadOne(map with { Field = "" }, languages, vocabularies, markdown, today, own), own.Sorted());
        // Every other record has the same text on the same lines, so keeps its key: only the edited one's is made again.
        var keys = (string[])before.Keys.Clone();
        keys[i] = Key(text, starts, "", before.Lines, i);
        var byText = new Dictionary<string, RecordRead>(before.ByText, StringComparer.Ordinal);
        byText.Remove(before.Keys[i]);
        byText.TryAdd(keys[i], reads[i]);
        var all = new DiagnosticList();
        var findings = Assemble(text, before.Lines, keys, reads, true, all, byText);
        return new EditedFile(findings, all.Sorted());
    }

    /// <summary>How many characters at the end of <paramref name="a"/> and <paramref name="b"/> are the same.</summary>
    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        const int Block = 1024; // compared whole (vectorised), then the last block that differs char by char
        var max = Math.Min(a.Length, b.Length);
        var suffix = 0;
        while (suffix + Block <= max && a[^(suffix + Block)..^suffix].SequenceEqual(b[^(suffix + Block)..^suffix])) suffix += Block;
        while (suffix < max && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        return suffix;
    }

    /// <summary>
    /// A file's findings as the cache keeps them, from its records' readings; their diagnostics are added to
    /// <paramref name="reported"/>. <paramref name="byText"/>, when the caller has it already (one record edited), is
    /// taken as the readings by key; otherwise it is made from <paramref name="keys"/>.
    /// </summary>
    private static FileFindings Assemble(string text, int[] lines, string[] keys, RecordRead[] reads, bool splittable, DiagnosticList reported,
        Dictionary<string, RecordRead>? byText = null)
    {
        foreach (var r in reads)
            foreach (var d in r.Diagnostics) reported.Add(d);
        return new FileFindings([.. reads.Select(r => r.Finding).OfType<Finding>()],
            byText ?? keys.Select((k, n) => (k, reads[n])).DistinctBy(x => x.k).ToDictionary(x => x.k, x => x.Item2, StringComparer.Ordinal),
            keys, text, lines, reads, splittable);
    }

    private static int Lines(ReadOnlySpan<char> text) => text.Count('\n');

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var at = text.IndexOf('\n'); at >= 0; at = text.IndexOf('\n', at + 1)) starts.Add(at + 1);
        return starts;
    }

    /// <summary>
    /// Each record's text from its first line to the next record's, with its line number (locations are part of a finding)
    /// and, for CSV, the header row (which gives the cells their meaning). YAML aliases are refused, so a record's text is all it reads.
    /// </summary>
    private static string[] RecordKeys(string text, string extension, List<MapNode> records)
    {
        var header = extension == ".csv" ? text[..(text.IndexOf('\n') + 1)] : "";
        return Keys(text, LineStarts(text), header, [.. records.Select(r => r.Location.Line)]);
    }

    private static string[] Keys(string text, List<int> lineStarts, string header, int[] lines)
    {
        var keys = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++) keys[i] = Key(text, lineStarts, header, lines, i);
        return keys;
    }

    /// <summary>The key of the record that starts on <c>lines[i]</c>.</summary>
    private static string Key(string text, List<int> lineStarts, string header, int[] lines, int i)
    {
        int Offset(int line) => line < 1 ? 0 : line > lineStarts.Count ? text.Length : lineStarts[line - 1];
        var line = lines[i];
        var next = i + 1 < lines.Length ? lines[i + 1] : lineStarts.Count + 1;
        var from = Offset(line);
        var to = Math.Max(from, Offset(next));
        return string.Concat(header, "\u0000", line.ToString(CultureInfo.InvariantCulture), "\u0000", text.Substring(from, to - from));
    }
}
