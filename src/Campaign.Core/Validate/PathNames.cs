using System.Text;
using Campaign.Core.Diagnostics;
using Campaign.Core.Load;
using Campaign.Core.Model;

namespace Campaign.Core.Validate;

/// <summary>
/// Every content value that becomes a folder or file name of the built site, checked in one place before anything is
/// written: short enough for any file system (a name past 255 bytes, or a path past what some tools and Windows accept,
/// makes the write throw), not a name Windows reserves, and not two names that one case-insensitive or normalising file
/// system (macOS, Windows, many mirrors) would make one. The character rules are <see cref="Slugs"/>'s.
/// </summary>
public static class PathNames
{
    /// <summary>At most this many UTF-8 bytes per name: well under the 255 of ext4, APFS and NTFS, leaving room for the suffixes the build adds.</summary>
    public const int MaxSegmentBytes = 100;

    /// <summary>At most this many UTF-8 bytes per path from the output folder, so the site still fits under Windows' 260 when copied a few folders deep.</summary>
    public const int MaxPathBytes = 240;

    /// <summary>Device names Windows will not create as a file or folder, whatever the extension.</summary>
    private static readonly HashSet<string> WindowsDevices = new(
        ["CON", "PRN", "AUX", "NUL", .. Enumerable.Range(1, 9).Select(n => $"COM{n}"), .. Enumerable.Range(1, 9).Select(n => $"LPT{n}")],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The longest page number a list is given room for (<c>page/99999/</c>).</summary>
    private const string LongestPage = "page/99999/index.html";

    public static void Check(ContentModel content, DiagnosticList diagnostics)
    {
        var site = content.Site;
        var longestLang = site.Languages.Select(l => l.Code).DefaultIfEmpty("").MaxBy(Bytes)!;
        foreach (var language in site.Languages)
            Name(language.Code, "language code", new SourceLocation("site.yaml"), "languages.code", diagnostics);

        IEnumerable<IDocument> documents = [.. content.Reports, .. content.Companies, .. content.Updates, .. content.Pages];
        foreach (var doc in documents.Select(d => d.Doc))
        {
            var field = doc.Fields?.Get("slug") is null ? null : "slug";
            // A file Windows cannot check out is a problem even when `slug:` gives the page another name.
            if (!Portable(System.IO.Path.GetFileName(doc.Location.File), "file name", doc.Location, null, diagnostics)) continue;
            if (!Name(doc.Slug, "slug", doc.Where("slug"), field, diagnostics)) continue;
            var page = $"{doc.Lang}/{ContentRules.UrlSection(doc.Section)}{doc.Slug}/index.html";
            if (OutputPath(page, doc.Where("slug"), field, diagnostics) && doc.Section == "reports")
                OutputPath($"downloads/{doc.Slug}.{doc.Lang}.pdf", doc.Where("slug"), field, diagnostics);
        }
        foreach (var clash in documents.Select(d => d.Doc).GroupBy(d => (d.Lang, d.Section, Fold(d.Slug))))
            Clash(clash.Select(d => (d.Slug, d.Where("slug"), d.Fields?.Get("slug") is null ? null : "slug")), "page", diagnostics);
        foreach (var page in content.Pages.Where(p => ContentRules.Reserved.Any(r => r != p.Doc.Slug && Fold(r) == Fold(p.Doc.Slug))))
            diagnostics.Error("CMP143", $"The page `{Shown(page.Doc.Slug)}` and the site's `{page.Doc.Slug.ToLowerInvariant()}` section differ only in case; on macOS and Windows they are one folder.",
                page.Doc.Where("slug"), page.Doc.Fields?.Get("slug") is null ? null : "slug", "rename the page, for example to about-" + page.Doc.Slug.ToLowerInvariant());

        foreach (var finding in content.Findings)
        {
            if (!Name(finding.Id, "finding id", finding.Where("id"), "id", diagnostics)) continue;
            OutputPath($"{longestLang}/findings/{finding.Id}/index.html", finding.Where("id"), "id", diagnostics); // its longest path (its record: data/findings/xx/<id>.json)
        }
        foreach (var clash in content.Findings.GroupBy(f => Fold(f.Id)))
            Clash(clash.Select(f => (f.Id, f.Where("id"), (string?)"id")), "finding id", diagnostics);

        // Facet values: each value is checked once, where the first finding (in id order) gives it.
        var facets = new HashSet<(string, string)>();
        foreach (var finding in content.Findings)
        {
            foreach (var (facet, field, value) in FacetValues(finding, site))
            {
                if (!facets.Add((facet, value))) continue;
                var at = finding.Where(field);
                if (Name(value, facet + " (as a URL segment)", at, field, diagnostics))
                    OutputPath($"{longestLang}/findings/{facet}/{value}/{LongestPage}", at, field, diagnostics);
            }
        }

        foreach (var asset in content.Assets)
        {
            var at = new SourceLocation("assets/" + asset.Path);
            if (asset.Path.Split('/').All(part => Name(part, "asset name", at, null, diagnostics)))
                OutputPath("assets/" + asset.Path, at, null, diagnostics);
        }
        foreach (var clash in content.Assets.GroupBy(a => Fold(a.Path)))
            Clash(clash.Select(a => (a.Path, new SourceLocation("assets/" + a.Path), (string?)null)), "asset", diagnostics);
    }

    /// <summary>The facet pages a finding gives a URL segment to (<c>/en/findings/place/guilin/</c>), with the field that holds each.</summary>
    private static IEnumerable<(string Facet, string Field, string Value)> FacetValues(Finding f, SiteConfig site)
    {
        yield return (FacetKeys.Technology, "technology", f.Technology);
        yield return (FacetKeys.BuyerType, "buyer", f.Buyer.Type);
        yield return (FacetKeys.Licence, "licence", f.Licence);
        // as the findings pages group places
        foreach (var (field, place) in FacetKeys.Places(f))
            yield return (FacetKeys.Place, field, PlaceNames.Slug(place.Get(site.DefaultLanguage, site.DefaultLanguage)));
    }

    /// <summary>Checks one name that becomes a path segment; false when it was reported.</summary>
    private static bool Name(string name, string what, SourceLocation at, string? field, DiagnosticList diagnostics)
    {
        var bytes = Bytes(name);
        if (bytes > MaxSegmentBytes)
        {
            diagnostics.Error("CMP140", $"The {what} `{Shown(name)}` is {bytes} bytes long in UTF-8; a name in a path may be at most {MaxSegmentBytes} bytes.",
                at, field, "shorten it (a Chinese character takes 3 bytes, so at most 33 of them)");
            return false;
        }
        return Portable(name, what, at, field, diagnostics);
    }

    /// <summary>Whether Windows can hold <paramref name="name"/> as a file or folder name; false when it was reported.</summary>
    private static bool Portable(string name, string what, SourceLocation at, string? field, DiagnosticList diagnostics)
    {
        var stem = name.Split('.')[0].TrimEnd(' ');
        string? problem = WindowsDevices.Contains(stem) ? $"Windows reserves `{stem.ToUpperInvariant()}` for a device, with any extension"
            : name.EndsWith('.') ? "Windows drops a name's final dot"
            : name.EndsWith(' ') ? "Windows drops a name's final space"
            : null;
        if (problem is null) return true;
        diagnostics.Error("CMP142", $"The {what} `{Shown(name)}` cannot be a file or folder name on Windows: {problem}.", at, field,
            "choose another name (not CON, PRN, AUX, NUL, COM1–COM9 or LPT1–LPT9, and not ending in a dot or a space), for example `contact` for `con`");
        return false;
    }

    /// <summary>Checks the length of one output path; false when it was reported.</summary>
    private static bool OutputPath(string path, SourceLocation at, string? field, DiagnosticList diagnostics)
    {
        var bytes = Bytes(path);
        if (bytes <= MaxPathBytes) return true;
        diagnostics.Error("CMP141", $"{Shown(path, 80)} would be written at a path of {bytes} bytes; a file of the site may be at most {MaxPathBytes} bytes from the output folder.",
            at, field, "shorten the names in it, or use fewer nested folders");
        return false;
    }

    /// <summary>Reports names that fold to one (distinct here, one on a case-insensitive or normalising file system), at each after the first.</summary>
    private static void Clash(IEnumerable<(string Name, SourceLocation At, string? Field)> same, string what, DiagnosticList diagnostics)
    {
        var distinct = same.GroupBy(n => n.Name, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(n => n.At.File, StringComparer.Ordinal).ThenBy(n => n.At.Line).ToList();
        foreach (var other in distinct.Skip(1))
            diagnostics.Error("CMP143", $"The {what} `{Shown(other.Name)}` ({other.At.File}) and `{Shown(distinct[0].Name)}` ({distinct[0].At.File}) differ only in case or Unicode form; on macOS and Windows they are one file.",
                other.At, other.Field, "rename one of them; write names in lower case, and type accented letters rather than pasting them");
    }

    /// <summary>The name as a case-insensitive, normalising file system sees it.</summary>
    private static string Fold(string name)
    {
        try { return name.Normalize(NormalizationForm.FormC).ToUpperInvariant(); }
        catch (ArgumentException) { return name.ToUpperInvariant(); } // a lone surrogate cannot be normalised; Slugs reports it
    }

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    /// <summary>A long name cut for the message, with control and invisible characters spelled out.</summary>
    private static string Shown(string s, int max = 40) => DocumentReader.Printable(s.Length > max ? s[..max] + "…" : s);
}
