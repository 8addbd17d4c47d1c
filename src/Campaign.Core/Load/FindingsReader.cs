using System.Collections.Immutable;
using System.Globalization;
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
        var languages = site.CodesDefaultFirst.ToList();

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
