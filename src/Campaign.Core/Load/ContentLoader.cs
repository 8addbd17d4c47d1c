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
        var reports = reader.ReadSection("reports", reader.Report);
        var companies = reader.ReadSection("companies", reader.Company);
        var updates = reader.ReadSection("updates", reader.Update);
        var pages = reader.ReadSection("pages", reader.Page);
        var findings = FindingsReader.Read(inputDir, site, vocabularies, markdown, today, diagnostics, cache);

        var content = new ContentModel(site, strings, vocabularies, reports, companies, updates, pages, findings, ReadAssets(inputDir, diagnostics));
        ContentRules.Check(content, diagnostics);
        UntranslatedCopies.Check(content, diagnostics);
        DraftRules.Check(content, diagnostics);
        FindingRules.Check(content, today, diagnostics);
        return content;
    }

    private static ImmutableArray<Asset> ReadAssets(string inputDir, DiagnosticList diagnostics)
    {
        var dir = Path.Combine(inputDir, "assets");
        if (!Directory.Exists(dir)) return [];
        var assets = ImmutableArray.CreateBuilder<Asset>();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
            // A symbolic link could point anywhere on the machine; copying it would publish that file.
            if (new FileInfo(file).LinkTarget is not null)
            {
                diagnostics.Error("CMP021", "Assets may not be symbolic links.", new SourceLocation("assets/" + relative),
                    hint: "copy the file into assets/ instead");
                continue;
            }
            if (relative.Split('/').Any(part => Slugs.Problem(part.Replace(' ', '-')) is not null && part != "."))
            {
                diagnostics.Warning("CMP021", "The asset's name has characters that do not travel well in URLs.",
                    new SourceLocation("assets/" + relative), hint: Slugs.Advice);
            }
            assets.Add(new Asset(relative, file));
        }
        return assets.ToImmutable();
    }
}
