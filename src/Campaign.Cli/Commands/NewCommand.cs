using System.Text;
using Campaign.Cli.Scaffold;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Markdown;

namespace Campaign.Cli.Commands;

/// <summary><c>campaign new</c>: writes a new content file with every field explained, or a translation beside an existing one.</summary>
public sealed class NewCommand : ICommand
{
    public string Name => "new";
    public string Summary => "write a new update, finding, company, report or page, or a translation";

    public string Usage => """
        Usage: campaign new update|finding|company|report|page <slug> [options]
               campaign new --lang LANG <file>

        Writes a new file in the input folder with every field and a comment on each, in the site's
        default language, and prints its path. Fill in the fields, then preview with `campaign serve --drafts`.
        A new page is a draft (`draft: true`) and is not published until that line is deleted; a new
        finding's company is empty, an error until it is set (or give --company). Slugs are lower-case
        letters, digits and hyphens.

        With --lang, writes the translation of an existing file beside it (updates/x.en.md gives
        updates/x.zh.md): a copy to translate, which records the source's hash as translated_from so
        `campaign translations` can tell when the source changes, marked `untranslated: true` (the site
        shows the source with a notice until the translator deletes that line). Findings are translated inside the
        record: each per-language field has one value per language.

        Options:
          --lang LANG     write the translation into LANG (for example --lang zh)
          --company SLUG  new finding: the company it is about (a file in companies/)
          --input DIR     the campaign folder (default: input)
          --now DATE      the date written into date fields (default: today)
          --quiet         print only the path
          --verbose       also print the file written
          --help          show this help

        An existing file is never overwritten (exit 1).
        Exit codes: 0 written, 1 the file exists or the source is missing, 2 usage errors.
        """;

    public static readonly string[] Valued = ["--lang", "--input", "--now", "--company"];
    public static readonly string[] Switches = ["--quiet", "--verbose"];

    public int Run(IReadOnlyList<string> args, Console console)
    {
        var a = Arguments.Parse(args, Valued, Switches);
        console.Apply(a);
        var input = a.Value("--input") ?? "input";
        if (!Directory.Exists(input)) throw new UsageException($"the input folder `{input}` does not exist.");
        var diagnostics = new DiagnosticList();
        var site = SiteConfigReader.Read(input, new MarkdownRenderer(), diagnostics);
        if (site is null)
        {
            console.Diagnostics(diagnostics.Sorted(), input);
            return 1;
        }
        var lang = a.Value("--lang");
        if (lang is not null && site.Find(lang) is null)
            throw new UsageException($"`{lang}` is not one of the site's languages ({string.Join(", ", site.Languages.Select(l => l.Code))}).");

        string kind;
        string slug;
        if (a.Positional.Count == 1 && lang is not null && (a.Positional[0].Contains('/') || a.Positional[0].EndsWith(".md", StringComparison.Ordinal)))
        {
            // campaign new --lang zh updates/x.en.md: the source named by its file
            var file = a.Positional[0].Replace('\\', '/');
            var full = Path.GetFullPath(file);
            var inputFull = Path.GetFullPath(input) + Path.DirectorySeparatorChar;
            if (full.StartsWith(inputFull, StringComparison.Ordinal)) file = Path.GetRelativePath(input, full).Replace('\\', '/');
            var parts = file.Split('/');
            kind = parts.Length == 2 ? NewFileTemplates.KindOf(parts[0]) ?? "" : "";
            if (kind.Length == 0 || kind == "finding")
                throw new UsageException($"`{a.Positional[0]}` is not a Markdown file in reports/, companies/, updates/ or pages/.");
            slug = Path.GetFileNameWithoutExtension(parts[1]);
            if (slug.LastIndexOf('.') is var dot and > 0 && site.Find(slug[(dot + 1)..]) is not null) slug = slug[..dot];
        }
        else
        {
            if (a.Positional.Count != 2) throw new UsageException("write the kind and the slug, for example: campaign new update brussels-meeting");
            kind = a.Positional[0];
            slug = a.Positional[1];
            if (!NewFileTemplates.Kinds.Contains(kind))
                throw new UsageException($"`{kind}` is not something `new` can write; write one of {string.Join(", ", NewFileTemplates.Kinds)}" +
                    (Suggestions.DidYouMean(kind, NewFileTemplates.Kinds) is { } d ? $" ({d})" : "") + ".");
        }
        if (Slugs.PageProblem(slug) is { } problem)
            throw new UsageException($"the slug `{DocumentReader.Printable(slug)}` cannot be used in a URL: {problem}; " +
                (Slugs.Problem(slug) is null && Slugs.Suggest(slug) is { } better ? $"use lower-case letters, digits and hyphens, for example `{better}`." : Slugs.Advice + "."));

        var section = NewFileTemplates.Section(kind);
        if (lang is not null)
            return Translate(console, input, site, kind, section, slug, lang);

        var relative = kind == "finding" ? $"findings/{slug}.yaml" : $"{section}/{slug}.{site.DefaultLanguage}.md";
        if (kind == "finding" && FindingExists(input, slug) is { } holder)
            return Refuse(console, $"A finding with the id {slug} is already in {holder}; ids are never reused.");
        if (kind != "finding" && ExistingDocument(input, section, slug, site.DefaultLanguage, isDefault: true) is { } existing)
            return Refuse(console, $"{existing} already exists; campaign new never overwrites a file.");
        var vocabularies = VocabulariesReader.Read(input, site, new DiagnosticList());
        var companies = Directory.Exists(Path.Combine(input, "companies"))
            ? Directory.EnumerateFiles(Path.Combine(input, "companies"), "*.md").Select(f => Path.GetFileName(f).Split('.')[0]).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        var company = a.Value("--company");
        if (company is not null && kind != "finding") throw new UsageException("--company is for `new finding`: it names the finding's company.");
        if (company is not null && !companies.Contains(company))
            throw new UsageException($"`{company}` is not a company of this campaign" +
                (Suggestions.DidYouMean(company, companies) is { } near ? $" ({near})" : "") +
                (companies.Count == 0 ? "; write its file first with `campaign new company <slug>`." : $"; the companies are {string.Join(", ", companies)}."));
        var today = DateOnly.FromDateTime(BuildCommand.ParseNow(a.Value("--now")).UtcDateTime);
        var text = NewFileTemplates.Text(kind, slug, today, site, vocabularies, companies, company);
        return Write(console, input, relative, text, kind == "finding"
            ? "Fill in the fields (each line says what it is)" + (company is null ? ", the company first: the build stops until it is set" : "") + "; then preview with `campaign serve`."
            : "Fill in the fields (each line says what it is) and preview with `campaign serve --drafts`; delete the line `draft: true` to publish it.");
    }

    private int Translate(Console console, string input, Core.Model.SiteConfig site, string kind, string section, string slug, string lang)
    {
        if (kind == "finding")
            throw new UsageException($"findings are translated inside the record: give each per-language field a `{lang}:` value in findings/ (campaign translations lists the ones missing).");
        if (lang == site.DefaultLanguage)
            throw new UsageException($"`{lang}` is the default language; new files are written in it without --lang.");
        var source = ExistingDocument(input, section, slug, site.DefaultLanguage, isDefault: true)
            ?? site.Languages.Where(l => l.Code != lang).Select(l => ExistingDocument(input, section, slug, l.Code, isDefault: false)).FirstOrDefault(s => s is not null);
        if (source is null)
            return Refuse(console, $"There is no {kind} `{slug}` to translate: {section}/{slug}.{site.DefaultLanguage}.md does not exist.",
                $"write it first with `campaign new {kind} {slug}`");
        var relative = $"{section}/{slug}.{lang}.md";
        if (File.Exists(Path.Combine(input, relative)))
            return Refuse(console, $"{relative} already exists; campaign new never overwrites a file.",
                $"after updating it, run `campaign translations --mark-current {relative}`");
        var hash = TranslationStamp.HashOf(Path.Combine(input, source));
        if (hash is null) return Refuse(console, $"{source} cannot be read as UTF-8 text.", "run `campaign check` to see why");
        var language = site.Find(lang)!;
        var text = TranslationStamp.Copy(File.ReadAllText(Path.Combine(input, source)), hash, language.Name);
        return Write(console, input, relative, text,
            $"Translate the field values and the text into {language.Name}; keep the field names (the words before the colons) as they are, and delete the line `untranslated: true` when done.");
    }

    /// <summary>An existing file of the document in <paramref name="lang"/> (<c>x.en.md</c>, or <c>x.md</c> in the default language).</summary>
    private static string? ExistingDocument(string input, string section, string slug, string lang, bool isDefault)
    {
        if (File.Exists(Path.Combine(input, $"{section}/{slug}.{lang}.md"))) return $"{section}/{slug}.{lang}.md";
        return isDefault && File.Exists(Path.Combine(input, $"{section}/{slug}.md")) ? $"{section}/{slug}.md" : null;
    }

    /// <summary>The findings file that already holds <paramref name="id"/>, if any.</summary>
    private static string? FindingExists(string input, string id)
    {
        var dir = Path.Combine(input, "findings");
        if (File.Exists(Path.Combine(dir, id + ".yaml"))) return $"findings/{id}.yaml";
        if (!Directory.Exists(dir)) return null;
        // Only the files the build would read (a FIFO here would block the command; a link out is not the campaign's).
        foreach (var file in InputFiles.Enumerate(input, dir, new DiagnosticList(), recursive: false))
            foreach (var line in File.ReadLines(file))
                if (line.TrimStart(' ', '-').StartsWith("id:", StringComparison.Ordinal) && line.Split(':', 2)[1].Trim() == id
                    || line.StartsWith(id + ",", StringComparison.Ordinal))
                    return "findings/" + Path.GetFileName(file);
        return null;
    }

    private static int Refuse(Console console, string message, string? hint = null)
    {
        console.Error.WriteLine(Console.Visible($"campaign new: {message}"));
        if (hint is not null) console.Error.WriteLine(Console.Visible($"  ({hint})"));
        return 1;
    }

    private static int Write(Console console, string input, string relative, string text, string next)
    {
        var path = Path.Combine(input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // CreateNew: if the file appeared since the check above, fail instead of overwriting it.
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            writer.Write(text);
        console.Out.WriteLine(path);
        if (console.Verbose) console.Out.WriteLine(text);
        console.Line($"Wrote {relative}. {next}");
        return 0;
    }
}
