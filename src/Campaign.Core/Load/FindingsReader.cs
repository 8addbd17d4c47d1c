using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Campaign.Core.Diagnostics;
using Campaign.Core.Markdown;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

/// <summary>Reads <c>findings/*.yaml</c> and <c>findings/*.csv</c> through one schema into <see cref="Finding"/> records.</summary>
public static partial class FindingsReader
{
    /// <summary>The fields of a finding, in the order of the CSV export.</summary>
    public static readonly string[] Fields =
        ["id", "title", "kind", "company", "product", "technology", "buyer", "country", "years", "summary", "summary_form", "licence", "sources", "report_section", "tags", "reviewed"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*$")]
    private static partial Regex YearsPattern();

    /// <param name="cache">In a live preview, the findings of files whose text is unchanged are taken from it instead of read again.</param>
    public static ImmutableArray<Finding> Read(string inputDir, SiteConfig site, Vocabularies vocabularies, MarkdownRenderer markdown,
        DateOnly today, DiagnosticList diagnostics, DocumentCache? cache = null)
    {
        var dir = Path.Combine(inputDir, "findings");
        if (!Directory.Exists(dir)) return [];
        var languages = new List<string> { site.DefaultLanguage };
        languages.AddRange(site.Languages.Select(l => l.Code).Where(c => c != site.DefaultLanguage));

        var records = new List<MapNode>();
        var cached = new List<Finding>();
        foreach (var path in InputFiles.Enumerate(inputDir, dir, diagnostics, recursive: false))
        {
            var relative = "findings/" + Path.GetFileName(path);
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".yaml" or ".yml" or ".csv"))
            {
                diagnostics.Warning("CMP017", "Only .yaml and .csv files are read in findings/; this file is ignored.", new SourceLocation(relative));
                continue;
            }
            if (cache is not null)
            {
                cached.AddRange(ReadCached(path, relative, extension, languages, vocabularies, markdown, today, diagnostics, cache));
                continue;
            }
            var text = TextFile.Read(path, relative, diagnostics);
            if (text is null) continue;
            records.AddRange(Records(text, relative, extension, languages, vocabularies, diagnostics));
        }

        var findings = new Finding?[records.Count];
        Parallel.For(0, records.Count, i => findings[i] = ReadOne(records[i], languages, vocabularies, markdown, today, diagnostics));
        Finding[] all = [.. findings.OfType<Finding>().Concat(cached)];
        return cache is null ? [.. all.OrderBy(f => f.Id, StringComparer.Ordinal)] : ById(all, cache);
    }

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

    /// <summary>The records of one findings file: the rows of a CSV file, or the mapping or list of mappings of a YAML file.</summary>
    private static List<MapNode> Records(string text, string relative, string extension, List<string> languages, Vocabularies vocabularies,
        DiagnosticList diagnostics)
    {
        var records = new List<MapNode>();
        if (extension == ".csv")
        {
            records.AddRange(CsvRecords.Read(text, relative, languages, diagnostics, (column, value) => Fits(column, value, vocabularies)));
            return records;
        }
        switch (YamlReader.Parse(text, relative, 0, diagnostics))
        {
            case MapNode one: records.Add(one); break;
            case ListNode many:
                foreach (var item in many.Items)
                    if (item is MapNode m) records.Add(m with { Field = "" });
                    else diagnostics.Error("CMP005", "Each finding must be a set of `field: value` lines.", item.Location);
                break;
            case ScalarNode s:
                diagnostics.Error("CMP005", "A findings file holds one finding or a list of findings.", s.Location);
                break;
        }
        return records;
    }

    private static Finding? ReadOne(MapNode map, List<string> languages, Vocabularies vocabularies, MarkdownRenderer markdown,
        DateOnly today, DiagnosticList diagnostics)
    {
        var f = new FieldReader(map, diagnostics);
        var id = f.Text("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            diagnostics.Error("CMP016", $"The id `{DocumentReader.Printable(id)}` cannot be used: ids are lower-case letters a–z, digits and hyphens.",
                map.Get("id")!.Location, "id", "for example `axis-guilin-skynet`");
            id = null;
        }
        var title = f.Localized("title", languages, required: true);
        var company = f.Text("company", required: true);
        var product = f.Localized("product", languages, required: true);
        var technology = f.Term("technology", vocabularies["technology"], required: true);
        var kind = f.Term("kind", vocabularies["finding_kind"]);

        Buyer? buyer = null;
        if (f.Nested("buyer", required: true) is { } b)
        {
            var name = b.Localized("name", languages, required: true);
            var type = b.Term("type", vocabularies["buyer_type"], required: true);
            var province = b.Localized("province", languages);
            var city = b.Localized("city", languages);
            b.WarnUnknown();
            if (name is not null && type is not null) buyer = new Buyer(name, type, province, city);
        }
        var country = f.Localized("country", languages, required: true);
        var years = Years(f, today, diagnostics);
        var summarySource = f.Localized("summary", languages, required: true, markdown: true);
        var summaryForm = f.Term("summary_form", vocabularies["summary_form"], fallback: "fact") ?? "fact";
        if (vocabularies["summary_form"] is null && summaryForm is not ("fact" or "summary"))
        {
            diagnostics.Error("CMP007", $"`{summaryForm}` is not a form of summary.", map.Get("summary_form")?.Location, "summary_form",
                "write `fact` or `summary`");
        }
        var licence = f.Term("licence", vocabularies["licence_status"], required: true);

        var sources = ImmutableArray.CreateBuilder<EvidenceSource>();
        var sourceReaders = f.NestedList("sources");
        if (sourceReaders.Count == 0 && map.Get("sources") is null)
            diagnostics.Error("CMP022", "The finding has no source; every finding must be sourced.", map.Location, "sources",
                map.Separator == "_" ? "fill the columns source1_title and source1_url" : "add `sources:` with at least one `- title: … url: …`");
        foreach (var s in sourceReaders)
        {
            var sourceTitle = s.Text("title", required: true);
            var url = s.Text("url");
            if (url is null)
                diagnostics.Error("CMP023", "The source has no URL.", s.Map.Location, s.Map.Field.Length == 0 ? "url" : s.Map.Field + s.Map.Separator + "url",
                    "add the web address where the source can be read");
            else if (!IsWebAddress(url))
            {
                diagnostics.Error("CMP023", $"The source URL `{Quoted.Short(url)}` is not an http(s) address.", s.Map.Get("url")!.Location,
                    s.Map.Get("url")!.Field, "write the full address starting with https://");
                url = null;
            }
            var archived = s.Text("archived_url");
            if (archived is not null && !IsWebAddress(archived))
            {
                diagnostics.Error("CMP023", $"The archived URL `{Quoted.Short(archived)}` is not an http(s) address.", s.Map.Get("archived_url")!.Location,
                    s.Map.Get("archived_url")!.Field, "write the full address starting with https://");
                archived = null;
            }
            var source = new EvidenceSource(sourceTitle ?? "", s.Text("publisher"), s.Date("date"), url ?? "", archived, s.Text("quote"), s.Text("language"));
            s.WarnUnknown();
            if (sourceTitle is not null && url is not null) sources.Add(source);
        }

        var reportSection = f.Text("report_section");
        var tags = f.List("tags");
        var reviewed = f.Date("reviewed", required: true);
        f.WarnUnknown();

        if (id is null || title is null || company is null || product is null || technology is null || buyer is null || country is null
            || years is null || summarySource is null || licence is null || sources.Count == 0 || reviewed is null)
            return null;

        var at = map.Get("summary")!.Location;
        var summary = summarySource.Values.ToImmutableSortedDictionary(kv => kv.Key,
            kv => markdown.RenderField(kv.Value, map.Get("summary") is MapNode sm ? sm.Get(kv.Key)?.Location ?? at : at, diagnostics, "summary." + kv.Key),
            StringComparer.Ordinal);
        return new Finding(id, map.Location, title, company, product, technology, buyer, country, years, summary, summarySource,
            summaryForm, licence, sources.ToImmutable(), reportSection, tags, reviewed.Value,
            new FieldPlaces(new[] { "id", "company", "report_section", "reviewed", "technology", "buyer", "country", "licence" }
                .Where(k => map.Get(k) is not null).Select(k => KeyValuePair.Create(k, map.Get(k)!.Location))
                .Concat(new[] { "province", "city" }.Where(k => (map.Get("buyer") as MapNode)?.Get(k) is not null)
                    .Select(k => KeyValuePair.Create("buyer." + k, ((MapNode)map.Get("buyer")!).Get(k)!.Location)))), kind);
    }

    private static YearRange? Years(FieldReader f, DateOnly today, DiagnosticList diagnostics)
    {
        var text = f.Text("years", required: true);
        if (text is null) return null;
        var node = f.Map.Get("years")!;
        if (text == YearRange.NotStatedText) return YearRange.NotStated;
        var match = YearsPattern().Match(text);
        if (!match.Success)
        {
            diagnostics.Error("CMP024", $"`{text}` is not a year or a range of years.", node.Location, node.Field, "write 2015 or 2012-2019, or not-stated when the sources give no year");
            return null;
        }
        var from = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var to = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : from;
        foreach (var year in new[] { from, to }.Distinct())
            if (year < 1990 || year > today.Year)
            {
                diagnostics.Error("CMP024", $"The year {year} is outside 1990–{today.Year}.", node.Location, node.Field,
                    "check for a typing mistake; years after the build date are not allowed");
                return null;
            }
        if (to < from)
        {
            diagnostics.Error("CMP024", $"The range {text} ends before it starts.", node.Location, node.Field, $"write {to}-{from}");
            return null;
        }
        return new YearRange(from, to);
    }

    /// <summary>
    /// Whether a spreadsheet cell's value could belong to its column, judged from the column's name alone: a web address in
    /// a URL column, a date in a date column, a vocabulary value in a vocabulary column. Used only to point at where the cells
    /// of a row with a missing or extra cell start to shift; the row's real checks are the schema's.
    /// </summary>
    private static bool Fits(string column, string value, Vocabularies vocabularies)
    {
        var vocabulary = column switch
        {
            "technology" => "technology",
            "buyer_type" => "buyer_type",
            "licence" => "licence_status",
            "summary_form" => "summary_form",
            _ => null,
        };
        if (vocabulary is not null) return vocabularies[vocabulary] is not { } v || v.Find(value) is not null;
        if (column.EndsWith("_url", StringComparison.Ordinal)) return IsWebAddress(value);
        if (column == "reviewed" || column.EndsWith("_date", StringComparison.Ordinal))
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        if (column == "years") return YearsPattern().IsMatch(value);
        if (column == "id") return IdPattern().IsMatch(value);
        // In other columns a web address or a date is the usual sign of a shift; free text may hold either.
        var freeText = column.EndsWith("_title", StringComparison.Ordinal) || column.EndsWith("_quote", StringComparison.Ordinal)
            || column.StartsWith("summary", StringComparison.Ordinal);
        return freeText || !IsWebAddress(value) && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>Sources are published as links: the same check as every other web address (a query is fine here).</summary>
    internal static bool IsWebAddress(string url) => Validate.UrlPolicy.WebAddressProblem(url, allowQuery: true) is null;

}
