using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Validate;

/// <summary>Checks that span files: one URL per file, references that resolve, translations that exist.</summary>
public static class ContentRules
{
    /// <summary>Slugs a free page may not take, because a section or generated page lives there.</summary>
    public static readonly string[] Reserved = ["reports", "companies", "updates", "findings", "search", "data", "assets", "feeds", "mirrors", "404"];

    public static void Check(ContentModel content, DiagnosticList diagnostics)
    {
        IEnumerable<IDocument> all = [.. content.Reports, .. content.Companies, .. content.Updates, .. content.Pages];
        foreach (var clash in all.GroupBy(d => (d.Doc.Section, d.Doc.Slug, d.Doc.Lang)).Where(g => g.Count() > 1))
        {
            var docs = clash.OrderBy(d => d.Doc.Location.File, StringComparer.Ordinal).ToList();
            var files = docs.Select(d => d.Doc.Location.File).ToList();
            diagnostics.Error("CMP018", $"{files.Count} files claim the same page {clash.Key.Lang}/{UrlSection(clash.Key.Section)}{clash.Key.Slug}/: {string.Join(", ", files)}.",
                docs[1].Doc.Where("slug"), "slug", "rename one of the files or change its `slug:`");
        }

        foreach (var page in content.Pages.Where(p => Reserved.Contains(p.Doc.Slug)))
            diagnostics.Error("CMP018", $"A page cannot be called `{page.Doc.Slug}`: the site uses that address for its {page.Doc.Slug} section.",
                page.Doc.Location, "slug", "rename the file, for example to about-" + page.Doc.Slug + ".en.md");

        var companies = content.Companies.Select(c => c.Doc.Slug).Distinct().ToList();
        foreach (var (doc, refs) in content.Reports.Select(r => (r.Doc, r.Companies)).Concat(content.Updates.Select(u => (u.Doc, u.Companies))))
            foreach (var slug in refs.Where(s => !companies.Contains(s)))
                diagnostics.Error("CMP019", $"`{slug}` is not a company of this campaign.", doc.Where("companies", slug), "companies",
                    (Suggestions.DidYouMean(slug, companies) is { } d ? d + " " : "") + "company references are file names in companies/ without the language suffix");

        var findingIds = content.Findings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var report in content.Reports.Where(r => !r.KeyFindings.IsDefaultOrEmpty))
            foreach (var key in report.KeyFindings)
                foreach (var id in key.Findings.Where(id => !findingIds.Contains(id)))
                    diagnostics.Error("CMP027", $"`{id}` is not a finding of this campaign.", key.At, "key_findings.findings",
                        (Suggestions.DidYouMean(id, findingIds) is { } d ? d + " " : "") + "write the `id` of a finding in findings/");

        var languages = content.Site.Languages.Select(l => l.Code).ToList();
        foreach (var group in all.GroupBy(d => (d.Doc.Section, d.Doc.Slug)).OrderBy(g => g.Key.Section, StringComparer.Ordinal).ThenBy(g => g.Key.Slug, StringComparer.Ordinal))
        {
            var present = group.Select(d => d.Doc.Lang).ToHashSet();
            var source = group.FirstOrDefault(d => d.Doc.Lang == content.Site.DefaultLanguage) ?? group.First();
            foreach (var lang in languages.Where(l => !present.Contains(l)))
            {
                var (section, slug) = group.Key;
                // A file that is there but failed to load has its own error; "add the file" would send the campaigner to a
                // command that refuses, because the file exists.
                if (diagnostics.HasErrorsFor($"{section}/{slug}.{lang}.md")
                    || lang == content.Site.DefaultLanguage && diagnostics.HasErrorsFor($"{section}/{slug}.md"))
                    continue;
                var command = lang == content.Site.DefaultLanguage
                    ? $"campaign new {Kind(section)} {slug}" // `new --lang` refuses the default language: it is the source, written fresh
                    : $"campaign new --lang {lang} {source.Doc.Location.File}";
                diagnostics.Warning("CMP020", $"No {content.Site.Find(lang)!.Name} translation of {section}/{slug}; readers see the {content.Site.Find(source.Doc.Lang)!.Name} text with a notice.",
                    source.Doc.Location, hint: $"add {section}/{slug}.{lang}.md ({command})");
            }
        }
    }

    /// <summary>The kind `campaign new` writes into a section: <c>updates</c> → <c>update</c>.</summary>
    private static string Kind(string section) => section switch
    {
        "companies" => "company",
        _ => section.TrimEnd('s'),
    };

    /// <summary>The URL segment of a section: free pages sit directly under the language.</summary>
    public static string UrlSection(string section) => section == "pages" ? "" : section + "/";
}
