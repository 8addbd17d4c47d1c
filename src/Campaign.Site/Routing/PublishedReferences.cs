using System.Collections.Immutable;
using Campaign.Core.Model;

namespace Campaign.Site.Routing;

/// <summary>
/// Drops what refers to a record that is not published (under embargo, scheduled, or withheld): a finding of such a
/// company, a report's or update's <c>companies:</c> entry naming one, a finding's report section in such a report, a
/// report's key finding's link to such a finding.
/// Done once while routing, so no feature downstream can reach the record through a reference.
/// </summary>
/// <remarks>
/// A record is published in every edition or in none (translations share their source's embargo, and a language without a
/// translation shows another one), so the findings are one list for the whole site. A <c>--drafts</c> build publishes
/// every record, and so keeps every reference. A record that refers only to published ones is kept as the same instance,
/// so a live preview sees it unchanged.
/// </remarks>
public static class PublishedReferences
{
    /// <summary>The findings whose company every edition publishes, each without a report section no edition publishes.</summary>
    public static ImmutableArray<Finding> Findings(ImmutableArray<Finding> findings, ImmutableArray<Edition> editions)
    {
        var companies = InEvery(editions, e => e.Companies.Select(c => c.Slug));
        var reports = InEvery(editions, e => e.Reports.Select(r => r.Slug));
        var builder = ImmutableArray.CreateBuilder<Finding>(findings.Length);
        foreach (var f in findings)
        {
            if (!companies.Contains(f.Company)) continue;
            var report = f.ReportSection is { } section ? section.Split('#', 2)[0] : null;
            builder.Add(report is null || reports.Contains(report) ? f : f with { ReportSection = null });
        }
        // the same array when nothing was dropped
        return builder.Count == findings.Length && builder.Zip(findings).All(p => ReferenceEquals(p.First, p.Second)) ? findings : builder.ToImmutable();
    }

    /// <summary>The editions with their reports' key findings linked only to <paramref name="published"/> findings (the sentence stays: it is the report's own).</summary>
    public static ImmutableArray<Edition> KeyFindings(ImmutableArray<Edition> editions, ImmutableArray<Finding> published)
    {
        if (editions.All(e => e.Reports.All(r => r.Item.KeyFindings.IsDefaultOrEmpty))) return editions;
        var ids = published.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        bool Kept(Report r) => r.KeyFindings.IsDefaultOrEmpty || r.KeyFindings.All(k => k.Findings.All(ids.Contains));
        return [.. editions.Select(e => e.Reports.All(r => Kept(r.Item)) ? e : e with
        {
            Reports = [.. e.Reports.Select(r => Kept(r.Item) ? r : r with
            {
                Item = r.Item with { KeyFindings = [.. r.Item.KeyFindings.Select(k => k with { Findings = [.. k.Findings.Where(ids.Contains)] })] },
            })],
        })];
    }

    private static HashSet<string> InEvery(ImmutableArray<Edition> editions, Func<Edition, IEnumerable<string>> slugs)
    {
        var set = editions.IsEmpty ? [] : slugs(editions[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var e in editions.Skip(1)) set.IntersectWith(slugs(e));
        return set;
    }

    /// <summary>The edition with its reports' and updates' company references limited to the companies it publishes.</summary>
    public static Edition Companies(Edition edition) => edition with
    {
        Reports = Keep(edition.Reports, r => r.Companies, (r, kept) => r with { Companies = kept }, edition),
        Updates = Keep(edition.Updates, u => u.Companies, (u, kept) => u with { Companies = kept }, edition),
    };

    private static ImmutableArray<Localized<T>> Keep<T>(ImmutableArray<Localized<T>> items, Func<T, ImmutableArray<string>> companies,
        Func<T, ImmutableArray<string>, T> with, Edition edition) where T : IDocument
    {
        if (items.All(i => companies(i.Item).All(c => edition.Company(c) is not null))) return items;
        return [.. items.Select(i => companies(i.Item).All(c => edition.Company(c) is not null) ? i
            : i with { Item = with(i.Item, [.. companies(i.Item).Where(c => edition.Company(c) is not null)]) })];
    }
}
