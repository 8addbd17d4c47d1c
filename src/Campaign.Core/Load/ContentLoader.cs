using System.Collections.Immutable;
using Campaign.Core.Diagnostics;
using Campaign.Core.Markdown;
using Campaign.Core.Model;
using Campaign.Core.Validate;

namespace Campaign.Core.Load;

/// <summary>The load and validate stages: <c>input/</c> in, a <see cref="ContentModel"/> and diagnostics out.</summary>
public static class ContentLoader
{
    /// <summary>Loads everything; returns null only when the site configuration itself is unusable.</summary>
    /// <param name="cache">Parsed files from the previous build of a live preview; unchanged files are not parsed again.</param>
    public static ContentModel? Load(string inputDir, DateOnly today, DiagnosticList diagnostics, DocumentCache? cache = null)
    {
        var markdown = new MarkdownRenderer();
        var site = SiteConfigReader.Read(inputDir, markdown, diagnostics);
        if (site is null) return null;
        var strings = UiStringsReader.Read(inputDir, site, diagnostics);
        var vocabularies = VocabulariesReader.Read(inputDir, site, diagnostics);

        cache?.UseContext(CacheContext.Of(inputDir, today));
        var reader = new DocumentReader(inputDir, site, vocabularies, markdown, diagnostics, cache);
        // A translation is never public before its source: see TranslationSchedules.
        var lang = site.DefaultLanguage;
        var reports = TranslationSchedules.Align(reader.ReadSection("reports", reader.Report), lang, (d, info) => d with { Doc = info }, diagnostics);
        var companies = TranslationSchedules.Align(reader.ReadSection("companies", reader.Company), lang, (d, info) => d with { Doc = info }, diagnostics);
        var updates = TranslationSchedules.Align(reader.ReadSection("updates", reader.Update), lang, (d, info) => d with { Doc = info }, diagnostics);
        var pages = TranslationSchedules.Align(reader.ReadSection("pages", reader.Page), lang, (d, info) => d with { Doc = info }, diagnostics);
        var findings = FindingsReader.Read(inputDir, site, vocabularies, markdown, today, diagnostics, cache);

        var content = new ContentModel(site, strings, vocabularies, reports, companies, updates, pages, findings, ReadAssets(inputDir, diagnostics, cache),
            ReadSuppliedPdfs(inputDir, reports, diagnostics), ReadLetters(inputDir, site, companies, diagnostics))
        {
            Signer = site.Signing is { } signing ? SigningKeyReader.Read(inputDir, signing, diagnostics) : null,
        };
        ContentRules.Check(content, diagnostics);
        UntranslatedCopies.Check(content, diagnostics);
        DraftRules.Check(content, diagnostics);
        FindingRules.Check(content, today, diagnostics);
        PathNames.Check(content, diagnostics); // before anything is written: a name no file system takes must not throw mid-write
        return content;
    }

    private static ImmutableArray<Asset> ReadAssets(string inputDir, DiagnosticList diagnostics, DocumentCache? cache)
    {
        var dir = Path.Combine(inputDir, "assets");
        if (!Directory.Exists(dir)) return [];
        var assets = ImmutableArray.CreateBuilder<Asset>();
        // Links that stay inside input/ are followed; a file or folder linked from outside is refused (CMP144), never copied.
        foreach (var file in InputFiles.Enumerate(inputDir, dir, diagnostics, recursive: true))
        {
            // Only the platform's own separator becomes '/': on Linux a backslash is an ordinary character in a file
            // name, and turning it into '/' let an asset named `..\en\index.html` write over the English home page.
            var relative = Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');
            if (SeparatorLike(relative) is { } bad)
            {
                diagnostics.Error("CMP160", $"The asset's name contains {bad}, which a web server, an unzip tool or another system can read as a folder separator or a drive.",
                    new SourceLocation("assets/" + Printable(relative)), hint: "rename the file with letters, digits and hyphens; put it in a sub-folder of assets/ for folders");
                continue;
            }
            if (relative.Split('/').Any(part => Slugs.Problem(part.Replace(' ', '-')) is not null && part != "."))
            {
                diagnostics.Warning("CMP021", "The asset's name has characters that do not travel well in URLs.",
                    new SourceLocation("assets/" + relative), hint: Slugs.Advice);
            }
            if (!AssetRules.Check(relative, file, diagnostics)) continue;
            var (size, hash) = Hash(file, "assets/" + relative, cache);
            assets.Add(new Asset(relative, file, size, hash));
        }
        return assets.ToImmutable();
    }

    /// <summary>
    /// An asset's size and SHA-256, read once here so that no later stage reads the file to describe it; in a live preview,
    /// taken from the cache while the file's size and modification time are unchanged (assets can be large).
    /// </summary>
    private static (long Size, string Sha256) Hash(string file, string relative, DocumentCache? cache)
    {
        var stamp = cache is null ? null : DocumentCache.FileStamp.Of(file); // before reading: an edit during the read shows next time
        if (stamp is not null && cache!.TryGetUnchanged(relative, stamp, out var known)) return (stamp.Length, known.Hash);
        using var stream = File.OpenRead(file);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        cache?.Set(relative, new DocumentCache.Entry(hash, null, [], stamp));
        return (stream.Length, hash);
    }

    /// <summary>Reads <c>reports/&lt;slug&gt;.&lt;lang&gt;.pdf</c> beside each report written in that language.</summary>
    private static ImmutableArray<SuppliedPdf> ReadSuppliedPdfs(string inputDir, ImmutableArray<Report> reports, DiagnosticList diagnostics)
    {
        var dir = Path.Combine(inputDir, "reports");
        if (!Directory.Exists(dir)) return [];
        var written = reports.Select(r => $"{r.Doc.Slug}.{r.Doc.Lang}.pdf").ToHashSet(StringComparer.Ordinal);
        var pdfs = ImmutableArray.CreateBuilder<SuppliedPdf>();
        // Listed through the input gate; what it refuses there (a link out, a FIFO) the section's own listing has reported already.
        foreach (var name in InputFiles.Enumerate(inputDir, dir, new DiagnosticList(), recursive: false)
                     .Where(f => Path.GetExtension(f) == ".pdf").Select(Path.GetFileName).OfType<string>())
        {
            var relative = "reports/" + name;
            if (!written.Contains(name))
            {
                diagnostics.Warning("CMP017", "This PDF has no report beside it (reports/<slug>.<lang>.md), so it is not published.",
                    new SourceLocation(relative), hint: "name it after its report, for example `reports/my-report.en.pdf`, or move it to assets/");
                continue;
            }
            if (InputFiles.ReadBytes(inputDir, Path.Combine(dir, name), relative, diagnostics) is { } bytes)
            {
                var parts = name[..^".pdf".Length];
                var dot = parts.LastIndexOf('.');
                pdfs.Add(new SuppliedPdf(parts[..dot], parts[(dot + 1)..], bytes));
            }
        }
        return pdfs.ToImmutable();
    }

    /// <summary>
    /// The companies' own letters (<c>letter:</c> of a response), read from beside the companies' Markdown on every build, so
    /// a letter edited or deleted since the company's file was last parsed is seen (CMP191); a PDF or text file there that no
    /// response names is not published, and says so (CMP192).
    /// </summary>
    private static ImmutableArray<CompanyLetter> ReadLetters(string inputDir, SiteConfig site, ImmutableArray<Company> companies, DiagnosticList diagnostics)
    {
        var dir = Path.Combine(inputDir, "companies");
        var declared = companies.SelectMany(c => c.Responses.Where(r => r.Letter is not null).Select(r => (Name: r.Letter!, At: r.LetterNode?.Location ?? c.Doc.Location, Field: r.LetterNode?.Field ?? "letter")))
            .GroupBy(l => l.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var letters = ImmutableArray.CreateBuilder<CompanyLetter>();
        foreach (var group in declared)
        {
            var name = group.Key;
            var relative = "companies/" + name;
            var path = Path.Combine(dir, name);
            if (!File.Exists(path))
            {
                foreach (var (_, at, field) in group)
                    diagnostics.Error("CMP191", $"There is no file {relative}, which `letter:` names.", at, field,
                        "put the company's letter (PDF or UTF-8 text) beside the company's Markdown in input/companies/, or correct the name");
                continue;
            }
            if (InputFiles.ReadBytes(inputDir, path, relative, diagnostics) is not { } bytes) continue;
            string? text = null;
            if (Path.GetExtension(name).Equals(".txt", StringComparison.OrdinalIgnoreCase) && (text = TextFile.Decode(bytes, relative, diagnostics)) is null) continue;
            var parts = name.Split('.');
            var lang = parts.Length >= 3 && site.Find(parts[^2]) is not null ? parts[^2] : null;
            letters.Add(new CompanyLetter(name, lang, bytes, text));
        }
        if (Directory.Exists(dir))
        {
            var names = declared.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var file in InputFiles.Enumerate(inputDir, dir, new DiagnosticList(), recursive: false).Select(Path.GetFileName).OfType<string>()
                         .Where(f => CompanyLetter.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) && !names.Contains(f)).Order(StringComparer.Ordinal))
                diagnostics.Warning("CMP192", "No response names this file as its `letter:`, so it is not published.", new SourceLocation("companies/" + file),
                    hint: "add `letter: " + file + "` to the response it belongs to (in each language's file of the company), or move the file out of companies/");
        }
        return letters.ToImmutable();
    }

    /// <summary>
    /// The first character of an asset's path that acts as, or passes for, a path separator elsewhere: a backslash,
    /// the slash look-alikes of Unicode (division and fraction slashes, full-width solidus, …), a colon (a drive or a
    /// stream on Windows), or a control character; null when there is none.
    /// </summary>
    internal static string? SeparatorLike(string path)
    {
        foreach (var c in path)
            if (c is '\\' or ':' or '\u2215' or '\u2044' or '\uFF0F' or '\u29F8' or '\u29F9' or '\uFE68' or '\uFF3C' or '\u2216' or '\u2571' or '\u2572' || char.IsControl(c))
                return $"U+{(int)c:X4}" + (char.IsControl(c) ? " (a control character)" : $" `{c}`");
        return null;
    }

    /// <summary>The path with control characters shown as <c>\uXXXX</c>, so a diagnostic stays one readable line.</summary>
    private static string Printable(string path) =>
        string.Concat(path.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
