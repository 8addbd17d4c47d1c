using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Load;

/// <summary>The slug and language a Markdown file's name gives: <c>axis.zh.md</c> is slug <c>axis</c> in <c>zh</c>.</summary>
public sealed record DocumentName(string Slug, string Lang)
{
    public static DocumentName? Parse(string fileName, string relative, SiteConfig site, DiagnosticList diagnostics)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var dot = stem.LastIndexOf('.');
        if (dot < 0) return new DocumentName(stem, site.DefaultLanguage);
        var slug = stem[..dot];
        var suffix = stem[(dot + 1)..];
        if (site.Find(suffix) is not null) return new DocumentName(slug, suffix);
        var codes = site.Languages.Select(l => l.Code).ToList();
        diagnostics.Error("CMP008", $"`{suffix}` in the file name is not one of the site's languages ({string.Join(", ", codes)}).",
            new SourceLocation(relative), hint: (Suggestions.DidYouMean(suffix, codes) is { } d ? d + " " : "") +
            $"name the file <slug>.<language>.md, for example {slug}.{site.DefaultLanguage}.md, or add the language to site.yaml");
        return null;
    }
}
