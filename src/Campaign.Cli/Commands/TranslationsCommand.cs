using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaign.Cli.Scaffold;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Markdown;
using CsvHelper;

namespace Campaign.Cli.Commands;

/// <summary><c>campaign translations</c>: which pages and records are translated, missing or out of date, per language.</summary>
public sealed class TranslationsCommand : ICommand
{
    public string Name => "translations";
    public string Summary => "list missing and out-of-date translations";

    public string Usage => """
        Usage: campaign translations [options]
               campaign translations --mark-current <file>

        Lists, per language, every page and record and where its translation stands:
          translated   the translation follows the current source
          out-of-date  the source changed after it was translated (its hash differs from translated_from)
          unverified   a translation without translated_from, so its age is unknown
          missing      no translation (findings: a per-language field without a value in that language)
          source       the text the other languages are translated from

        --mark-current records that a translation follows the current source: after updating
        updates/x.zh.md to match a changed updates/x.en.md, run
        `campaign translations --mark-current updates/x.zh.md`.

        Options:
          --format FORMAT       table (default), json or csv
          --strict              exit 1 when anything is missing or out of date
          --mark-current FILE   set translated_from in FILE to the current hash of its source
          --input DIR           the campaign folder (default: input)
          --now DATE            the date the content is judged at (default: now)
          --quiet               print only the summary (table format)
          --verbose             also list the rows that need nothing
          --help                show this help

        Exit codes: 0 listed (or, with --strict, nothing missing), 1 something missing with --strict,
        or the content cannot be read, 2 usage errors.
        """;

    public static readonly string[] Valued = ["--format", "--mark-current", "--input", "--now"];
    public static readonly string[] Switches = ["--strict", "--quiet", "--verbose"];

    public int Run(IReadOnlyList<string> args, Console console)
    {
        var a = Arguments.Parse(args, Valued, Switches);
        if (a.Positional.Count > 0) throw new UsageException($"unexpected argument `{a.Positional[0]}`.");
        console.Apply(a);
        var format = a.Value("--format") ?? "table";
        if (format is not ("table" or "json" or "csv")) throw new UsageException($"--format `{format}` is not known; write table, json or csv.");
        var input = a.Value("--input") ?? "input";
        if (!Directory.Exists(input)) throw new UsageException($"the input folder `{input}` does not exist.");
        if (a.Value("--mark-current") is { } file) return MarkCurrent(console, input, file);

        var diagnostics = new DiagnosticList();
        var now = BuildCommand.ParseNow(a.Value("--now"));
        var content = ContentLoader.Load(input, DateOnly.FromDateTime(now.UtcDateTime), diagnostics);
        if (content is null)
        {
            console.Diagnostics(diagnostics.Sorted(), input);
            return 1;
        }
        var rows = TranslationStatus.Of(content);
        var failing = rows.Count(r => r.IsMissing);
        switch (format)
        {
            case "json": WriteJson(console, rows); break;
            case "csv": WriteCsv(console, rows); break;
            default: WriteTable(console, content.Site, rows); break;
        }
        var errors = diagnostics.Sorted().Count(d => d.IsError);
        if (errors > 0)
            console.Error.WriteLine($"{errors} content error{(errors == 1 ? "" : "s")}: files with errors are not listed; `campaign check` shows them.");
        if (format == "table")
        {
            console.Out.WriteLine();
            console.Out.WriteLine(failing == 0
                ? "Nothing is missing, untranslated or out of date."
                : $"{failing} translation{(failing == 1 ? " is" : "s are")} missing, untranslated or out of date" + (a.Has("--strict") ? " (--strict: exit 1)." : "."));
        }
        return a.Has("--strict") && failing > 0 ? 1 : 0;
    }

    private static readonly string[] Order = ["out-of-date", "missing", "untranslated", "unverified", "translated", "source"];

    private static void WriteTable(Console console, Core.Model.SiteConfig site, IReadOnlyList<TranslationRow> rows)
    {
        foreach (var language in site.Languages)
        {
            var mine = rows.Where(r => r.Language == language.Code).ToList();
            var counts = Order.Select(s => (s, n: mine.Count(r => r.Status == s))).Where(x => x.n > 0).Select(x => $"{x.n} {x.s}");
            console.Out.WriteLine($"{language.Name} ({language.Code}){(language.Code == site.DefaultLanguage ? ", the default language" : "")}: {string.Join(", ", counts)}");
            if (console.Quiet) continue;
            var shown = mine.Where(r => console.Verbose || r.Status is not ("translated" or "source"))
                .OrderBy(r => Array.IndexOf(Order, r.Status)).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            foreach (var r in shown)
                console.Out.WriteLine($"  {r.Status,-12} {r.Kind,-11} {r.Id,-40} {r.Detail ?? r.File}");
            if (!console.Verbose && shown.Count < mine.Count)
                console.Out.WriteLine($"  ({mine.Count - shown.Count} translated or source rows not shown; --verbose lists them)");
        }
    }

    private static void WriteJson(Console console, IReadOnlyList<TranslationRow> rows) =>
        console.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
        {
            language = r.Language, kind = r.Kind, id = r.Id, file = r.File, status = r.Status, source = r.Source, detail = r.Detail,
        }), MachineJson.Serializer));

    private static void WriteCsv(Console console, IReadOnlyList<TranslationRow> rows)
    {
        using var csv = new CsvWriter(console.Out, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in new[] { "language", "kind", "id", "file", "status", "source", "detail" }) csv.WriteField(h);
        csv.NextRecord();
        foreach (var r in rows)
        {
            foreach (var v in new[] { r.Language, r.Kind, r.Id, r.File, r.Status, r.Source, r.Detail }) csv.WriteField(v ?? "");
            csv.NextRecord();
        }
    }

    /// <summary>Records in a translation that it follows the current text of its source.</summary>
    private static int MarkCurrent(Console console, string input, string file)
    {
        var diagnostics = new DiagnosticList();
        var site = SiteConfigReader.Read(input, new MarkdownRenderer(), diagnostics);
        if (site is null)
        {
            console.Diagnostics(diagnostics.Sorted(), input);
            return 1;
        }
        var full = Path.GetFullPath(File.Exists(file) ? file : Path.Combine(input, file));
        var relative = Path.GetRelativePath(input, full).Replace('\\', '/');
        var parts = relative.Split('/');
        var stem = Path.GetFileNameWithoutExtension(full);
        var dot = stem.LastIndexOf('.');
        if (!File.Exists(full) || parts.Length != 2 || dot < 0 || site.Find(stem[(dot + 1)..]) is null)
        {
            console.Error.WriteLine(Console.Visible($"campaign translations: {file} is not a translation in the input folder (a file such as updates/x.zh.md)."));
            return 1;
        }
        var lang = stem[(dot + 1)..];
        var slug = stem[..dot];
        if (lang == site.DefaultLanguage)
        {
            console.Error.WriteLine(Console.Visible($"campaign translations: {relative} is in the default language; it is the source the translations follow."));
            return 1;
        }
        var source = new[] { $"{parts[0]}/{slug}.{site.DefaultLanguage}.md", $"{parts[0]}/{slug}.md" }.FirstOrDefault(s => File.Exists(Path.Combine(input, s)));
        var hash = source is null ? null : TranslationStamp.HashOf(Path.Combine(input, source));
        if (source is null || hash is null)
        {
            console.Error.WriteLine(Console.Visible($"campaign translations: {relative} has no readable source ({parts[0]}/{slug}.{site.DefaultLanguage}.md)."));
            return 1;
        }
        // Written through the same gate as it is read: never through a link to a file outside the input folder, never into a FIFO.
        var refused = new DiagnosticList();
        if (InputFiles.Refuse(input, full, relative, refused))
        {
            console.Diagnostics(refused.Sorted(), input);
            return 1;
        }
        var text = File.ReadAllText(full);
        if (TranslationStamp.IsMarkedUntranslated(text))
        {
            console.Error.WriteLine(Console.Visible($"campaign translations: {relative} is still marked `untranslated: true`; translate it and delete that line first."));
            return 1;
        }
        File.WriteAllText(full, TranslationStamp.Set(text, hash), new UTF8Encoding(false));
        console.Out.WriteLine($"Marked {relative} as translated from the current {source} (translated_from: {hash[..12]}…).");
        return 0;
    }
}
