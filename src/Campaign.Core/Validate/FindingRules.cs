using Campaign.Core.Diagnostics;
using Campaign.Core.Model;

namespace Campaign.Core.Validate;

/// <summary>Checks findings against each other and the rest of the campaign: unique ids, known companies, report sections that exist.</summary>
public static class FindingRules
{
    /// <summary>Ids a finding cannot take, because the findings index uses them as URLs.</summary>
    public static readonly string[] ReservedIds = [.. FacetKeys.All, "page", "facets"];

    public static void Check(ContentModel content, DateOnly today, DiagnosticList diagnostics)
    {
        // One pass over the findings, with sets and lookups: a large campaign checks tens of thousands of findings on
        // every rebuild of a preview, and each further pass cost another trip through memory for every finding.
        // Ids are almost always unique: a set first, the duplicates grouped only when there are any.
        var seen = new HashSet<string>(content.Findings.Length, StringComparer.Ordinal);
        var reserved = ReservedIds.ToHashSet(StringComparer.Ordinal);
        var companies = content.Companies.Select(c => c.Doc.Slug).Distinct().ToList();
        var companySet = companies.ToHashSet(StringComparer.Ordinal);
        // every section a finding can cite, as `report#section`, so most findings are checked with one lookup
        var sections = content.Reports.SelectMany(r => r.Body.Headings.Select(h => r.Doc.Slug + "#" + h.Id)).ToHashSet(StringComparer.Ordinal);
        HashSet<string>? duplicated = null;
        List<Finding>? reservedIds = null, unknownCompanies = null, unknownSections = null, reviewedLater = null;
        foreach (var f in content.Findings)
        {
            if (!seen.Add(f.Id)) (duplicated ??= new(StringComparer.Ordinal)).Add(f.Id);
            if (reserved.Contains(f.Id)) (reservedIds ??= []).Add(f);
            if (!companySet.Contains(f.Company)) (unknownCompanies ??= []).Add(f);
            if (f.ReportSection is { } section && !sections.Contains(section)) (unknownSections ??= []).Add(f);
            if (f.Reviewed > today) (reviewedLater ??= []).Add(f);
        }

        if (duplicated is not null)
            foreach (var group in content.Findings.Where(f => duplicated.Contains(f.Id)).GroupBy(f => f.Id))
            {
                var places = group.Select(f => f.Where("id")).ToList();
                foreach (var later in places.Skip(1))
                    diagnostics.Error("CMP025", $"The id `{group.Key}` is already used at {places[0]}.", later, "id",
                        "ids are permanent and never reused: give this finding a new id");
            }

        // These names are folders and files beside the finding pages (facet pages, numbered pages, the facet file).
        foreach (var finding in reservedIds ?? [])
            diagnostics.Error("CMP060", $"The id `{finding.Id}` is reserved: /<lang>/findings/{finding.Id}/ is a page of the findings index.",
                finding.Where("id"), "id", $"ids may not be any of {string.Join(", ", ReservedIds)}; add a word, e.g. `{finding.Id}-1`");

        foreach (var finding in unknownCompanies ?? [])
            diagnostics.Error("CMP019", $"`{finding.Company}` is not a company of this campaign.", finding.Where("company"), "company",
                (Suggestions.DidYouMean(finding.Company, companies) is { } d ? d + " " : "") + "use the name of a file in companies/ without the language suffix");

        var reportsBySlug = content.Reports.ToLookup(r => r.Doc.Slug, StringComparer.Ordinal);
        foreach (var finding in unknownSections ?? [])
        {
            var parts = finding.ReportSection!.Split('#', 2);
            var reports = reportsBySlug[parts[0]].ToList();
            if (reports.Count == 0)
            {
                diagnostics.Error("CMP026", $"`{parts[0]}` is not a report of this campaign.", finding.Where("report_section"), "report_section",
                    Suggestions.DidYouMean(parts[0], content.Reports.Select(r => r.Doc.Slug).Distinct()) ?? "write <report-slug>#<section-id>");
                continue;
            }
            if (parts.Length == 2 && !reports.Any(r => r.Body.Headings.Any(h => h.Id == parts[1])))
                diagnostics.Error("CMP026", $"The report `{parts[0]}` has no section `#{parts[1]}`.", finding.Where("report_section"), "report_section",
                    Suggestions.DidYouMean(parts[1], reports.SelectMany(r => r.Body.Headings.Select(h => h.Id)).Distinct()) ?? "use the id of one of its headings");
        }

        foreach (var finding in reviewedLater ?? [])
            diagnostics.Warning("CMP024", $"The review date {finding.Reviewed:yyyy-MM-dd} is after the build date {today:yyyy-MM-dd}.",
                finding.Where("reviewed"), "reviewed");
    }
}
