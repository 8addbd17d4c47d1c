using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Core.Markdown;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

/// <summary>Reads the Markdown files of one section (<c>reports/</c>, <c>companies/</c>, …) into typed records, in parallel.</summary>
/// <param name="cache">When given (live preview), unchanged files are taken from it instead of being parsed again.</param>
public sealed class DocumentReader(string inputDir, SiteConfig site, Vocabularies vocabularies, MarkdownRenderer markdown, DiagnosticList diagnostics,
    DocumentCache? cache = null)
{
    public static readonly string[] Sections = ["reports", "companies", "updates", "pages"];

    /// <summary>Reads every <c>*.md</c> file of <paramref name="section"/> with <paramref name="parse"/>, ordered by slug then language.</summary>
    public ImmutableArray<T> ReadSection<T>(string section, Func<FieldReader, DocumentInfo, FrontMatter, T?> parse) where T : class, IDocument
    {
        var dir = Path.Combine(inputDir, section);
        if (!Directory.Exists(dir)) return [];
        // Through the one gate for input files: a section folder or file linked from outside input/ is refused, not read.
        var files = InputFiles.Enumerate(inputDir, dir, diagnostics, recursive: false).ToList();
        if (files.Count == 0 && InputFiles.Inspect(inputDir, dir) is { Inside: false }) return [];
        foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
            diagnostics.Warning("CMP017", "Folders inside a section are not read.", new SourceLocation(Relative(sub)),
                hint: $"move the files up into {section}/");
        var results = new ConcurrentBag<T>();
        Parallel.ForEach(files, file =>
        {
            var relative = Relative(file);
            var extension = Path.GetExtension(file);
            if (extension == ".pdf") return; // a supplied PDF beside its report, or a company's letter
            if (section == "companies" && extension == ".txt") return; // a company's letter in plain text: read with the letters
            if (extension != ".md")
            {
                diagnostics.Warning("CMP017", "Only Markdown files (.md) are read here; this file is ignored.", new SourceLocation(relative),
                    hint: "put images and downloads in assets/");
                return;
            }
            if (Read(file, relative, section, parse) is { } doc) results.Add(doc);
        });
        return [.. results.OrderBy(d => d.Doc.Slug, StringComparer.Ordinal).ThenBy(d => d.Doc.Lang, StringComparer.Ordinal)];
    }

    private T? Read<T>(string path, string relative, string section, Func<FieldReader, DocumentInfo, FrontMatter, T?> parse) where T : class
    {
        var name = DocumentName.Parse(Path.GetFileName(path), relative, site, diagnostics);
        if (name is null) return null;
        var stamp = cache is null ? null : DocumentCache.FileStamp.Of(path); // before reading: an edit during the read shows next time
        if (stamp is not null && cache!.TryGetUnchanged(relative, stamp, out var untouched))
        {
            foreach (var d in untouched.Diagnostics) diagnostics.Add(d);
            return (T?)untouched.Value;
        }
        var text = TextFile.Read(path, relative, diagnostics);
        if (text is null) return null;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (cache is null) return InternalFailure.Around(relative, null, () => Parse(text, hash, name, relative, section, parse));
        if (cache.TryGet(relative, hash, out var hit))
        {
            foreach (var d in hit.Diagnostics) diagnostics.Add(d);
            cache.Set(relative, hit with { Stamp = stamp });
            return (T?)hit.Value;
        }
        var result = InternalFailure.Around(relative, null, () => Parse(text, hash, name, relative, section, parse));
        // Everything parsing this file reported names this file; files are parsed one per thread, so this is exactly its share.
        cache.Set(relative, new DocumentCache.Entry(hash, result, [.. diagnostics.Sorted().Where(d => d.Location?.File == relative)], stamp));
        return result;
    }

    private T? Parse<T>(string text, string hash, DocumentName name, string relative, string section, Func<FieldReader, DocumentInfo, FrontMatter, T?> parse) where T : class
    {
        var front = FrontMatter.Split(text, relative, diagnostics);
        if (front is null) return null;
        var f = new FieldReader(front.Fields, diagnostics);

        var slug = f.Text("slug") ?? name.Slug;
        if (Slugs.PageProblem(slug) is { } problem)
        {
            diagnostics.Error("CMP016", $"The slug `{Printable(slug)}` cannot be used in a URL: {problem}.",
                front.Fields.Get("slug")?.Location ?? new SourceLocation(relative), front.Fields.Get("slug") is null ? null : "slug",
                Slugs.Suggest(slug) is { } better && Slugs.Problem(slug) is null ? $"use lower-case letters, digits and hyphens, here `{better}`" : Slugs.Advice);
            return null;
        }
        var schedule = new Schedule(f.Moment("embargo"), f.Moment("publish"), f.Flag("draft"));
        var info = new DocumentInfo(section, slug, name.Lang, new SourceLocation(relative), schedule, f.Text("translated_from"), hash, front.Fields,
            f.Flag("untranslated"));
        var result = parse(f, info, front);
        f.WarnUnknown();
        return result;
    }

    /// <summary>Shows control and invisible characters as <c>U+XXXX</c> so a message never carries them.</summary>
    public static string Printable(string s) =>
        string.Concat(s.Select(c => char.IsControl(c) || Slugs.IsInvisible(c) ? $"U+{(int)c:X4}" : c.ToString()));

    private string Relative(string path) => Path.GetRelativePath(inputDir, path).Replace('\\', '/');

    public RenderedMarkdown Body(DocumentInfo info, FrontMatter front) =>
        markdown.Render(front.Body, info.Location.File, front.BodyLine, diagnostics);

    private RenderedMarkdown? Field(FieldReader f, string key)
    {
        var text = f.Text(key, markdown: true);
        return text is null ? null : markdown.RenderField(text, f.Map.Get(key)!.Location, diagnostics, key);
    }

    /// <summary>A path to a file under <c>assets/</c>; anything that leaves that folder or does not exist is an error.</summary>
    private string? AssetPath(FieldReader f, string key)
    {
        var path = f.Text(key);
        if (path is null) return null;
        var at = f.Map.Get(key)!;
        var trimmed = path.StartsWith("/assets/", StringComparison.Ordinal) ? path[8..] : path.StartsWith("assets/", StringComparison.Ordinal) ? path[7..] : path;
        var parts = trimmed.Split('/');
        if (trimmed.Length == 0 || trimmed.StartsWith('/') || trimmed.Contains('\\') || parts.Any(p => p is "" or "." or ".." || p.Any(c => char.IsControl(c) || Slugs.IsInvisible(c))))
        {
            diagnostics.Error("CMP034", $"`{Printable(path)}` is not a path inside assets/.", at.Location, at.Field,
                "write the file's path under assets/, for example `letters/axis-reply.pdf`");
            return null;
        }
        if (!File.Exists(Path.Combine(inputDir, "assets", Path.Combine(parts))))
        {
            diagnostics.Error("CMP034", $"There is no file assets/{trimmed}.", at.Location, at.Field,
                "put the file in input/assets/ or correct the path");
            return null;
        }
        return trimmed;
    }

    /// <summary>
    /// The file name of a company's letter, which lies beside the company's Markdown in <c>companies/</c>; whether the
    /// file is there is checked when the letters are read (<see cref="ContentLoader"/>), on every build.
    /// </summary>
    private string? LetterName(FieldReader f)
    {
        var name = f.Text("letter");
        if (name is null) return null;
        var at = f.Map.Get("letter")!;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (name.Contains('/') || name.Contains('\\') || name.StartsWith('.') || name.Any(c => char.IsControl(c) || Slugs.IsInvisible(c)))
        {
            diagnostics.Error("CMP191", $"`{Printable(name)}` is not the name of a file in companies/.", at.Location, at.Field,
                "put the letter beside the company's Markdown in input/companies/ and write its file name, for example `letter: axis-reply.en.pdf`");
            return null;
        }
        // Published under downloads/letters/ and linked: a name that every file system and URL takes as it is.
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            diagnostics.Error("CMP191", $"The letter's name `{Printable(name)}` has characters that do not travel well in URLs and file systems.", at.Location, at.Field,
                "rename the file with letters, digits, hyphens and dots only, for example `axis-reply-2020.en.pdf`, and write that name");
            return null;
        }
        if (!CompanyLetter.Extensions.Contains(extension))
        {
            diagnostics.Error("CMP191", $"`{Printable(name)}` is neither a PDF nor a text file, so it cannot be published as the company's letter.", at.Location, at.Field,
                "supply the letter as a PDF (`.pdf`) or as plain UTF-8 text (`.txt`)");
            return null;
        }
        return name;
    }

    public Report? Report(FieldReader f, DocumentInfo info, FrontMatter front)
    {
        var title = f.Text("title", required: true);
        var date = f.Date("date", required: true);
        var summary = f.Text("summary", required: true);
        var report = new Report(info, title ?? "", date ?? default, summary ?? "", f.List("authors"), f.Text("index_number"),
            f.Text("licence"), f.List("companies"), Body(info, front), f.Text("subtitle"), f.List("keywords"), KeyFindings(f));
        return title is null || date is null || summary is null ? null : report;
    }

    /// <summary>
    /// <c>key_findings:</c> a list whose entries are a sentence, or <c>text:</c> with the <c>findings:</c> that back it;
    /// the short form is what a campaigner writes first, the long one links the database.
    /// </summary>
    private ImmutableArray<KeyFinding> KeyFindings(FieldReader f)
    {
        var node = f.Node("key_findings");
        if (node is null) return [];
        if (node is not ListNode list)
        {
            diagnostics.Error("CMP005", "`key_findings` must be a list (lines starting with `- `).", node.Location, node.Field,
                "write each key finding on a line of its own starting with `- `, or as `- text: …` with `findings: [finding-id]` under it");
            return [];
        }
        var entries = ImmutableArray.CreateBuilder<KeyFinding>();
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case ScalarNode { Value: var text } when text.Trim().Length > 0:
                    entries.Add(new KeyFinding(markdown.RenderField(text.Trim(), item.Location, diagnostics, item.Field), [], item.Location));
                    break;
                case MapNode map:
                    var entry = new FieldReader(map, diagnostics);
                    var rendered = Field(entry, "text");
                    if (rendered is null && map.Get("text") is null)
                        diagnostics.Error("CMP003", "A key finding has no `text:`.", map.Location, item.Field, "add `text:` with the sentence the box shows");
                    var findings = entry.List("findings");
                    entry.WarnUnknown();
                    if (rendered is not null) entries.Add(new KeyFinding(rendered, findings, map.Get("findings")?.Location ?? map.Location));
                    break;
                default:
                    diagnostics.Error("CMP005", "A key finding must be a sentence, or `text:` with `findings:`.", item.Location, item.Field);
                    break;
            }
        }
        return entries.ToImmutable();
    }

    public Company? Company(FieldReader f, DocumentInfo info, FrontMatter front)
    {
        var name = f.Text("name", required: true);
        var country = f.Text("country", required: true);
        var summary = f.Text("summary", required: true);
        var responses = ImmutableArray.CreateBuilder<CompanyResponse>();
        foreach (var r in f.NestedList("responses"))
        {
            var status = r.Term("status", vocabularies["response_status"], required: true);
            var form = r.Text("form") ?? "summary";
            if (form is not ("quote" or "summary"))
            {
                diagnostics.Error("CMP007", $"`{form}` is not a form of answer.", r.Map.Get("form")?.Location, "responses.form",
                    "write `form: quote` for the company's own words or `form: summary` for the campaign's summary");
                form = "summary";
            }
            var letterNode = r.Map.Get("letter");
            var response = new CompanyResponse(status ?? "", r.Date("asked"), r.Date("deadline"), r.Date("answered"), form,
                Field(r, "text"), Field(r, "rejoinder"), AssetPath(r, "document"), r.Date("reminder"), r.Date("rejoinder_date"),
                LetterName(r), letterNode);
            Validate.ReplyDates.Check(response, r, diagnostics);
            r.WarnUnknown();
            if (status is not null) responses.Add(response);
        }
        var website = f.Text("website");
        // Published to templates as a link: the same check as every other URL.
        if (website is not null && Validate.UrlPolicy.Link(website) is { } problem)
        {
            diagnostics.Error(problem.Code, problem.Message, f.Map.Get("website")?.Location, "website", problem.Hint);
            website = null;
        }
        var company = new Company(info, name ?? "", country ?? "", f.Text("parent"), f.List("products"), summary ?? "", website,
            responses.ToImmutable(), f.Date("updated"), Body(info, front));
        return name is null || country is null || summary is null ? null : company;
    }

    public Update? Update(FieldReader f, DocumentInfo info, FrontMatter front)
    {
        var title = f.Text("title", required: true);
        var date = f.Date("date", required: true);
        var kind = f.Term("kind", vocabularies["update_kind"], required: true) ?? (f.Map.Get("kind") is null ? null : "news");
        var update = new Update(info, title ?? "", date ?? default, kind ?? "news", f.Text("summary"), f.List("tags"),
            f.List("companies"), Body(info, front), Field(f, "notes_to_editors"));
        return title is null || date is null || kind is null ? null : update;
    }

    public Page? Page(FieldReader f, DocumentInfo info, FrontMatter front)
    {
        var title = f.Text("title", required: true);
        var layout = f.Text("layout") ?? "page";
        if (!Model.Page.Layouts.Contains(layout))
        {
            diagnostics.Error("CMP092", $"`{Printable(layout)}` is not a page layout.", f.Map.Get("layout")?.Location, "layout",
                Suggestions.DidYouMean(layout, Model.Page.Layouts) ?? "write `layout: press` for the press room, or leave the field out");
            layout = "page";
        }
        var page = new Page(info, title ?? "", f.Text("summary"), f.Int("menu"), Body(info, front), layout);
        return title is null ? null : page;
    }
}
