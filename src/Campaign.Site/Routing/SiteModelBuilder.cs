using System.Collections.Immutable;
using Campaign.Core.Model;
using Campaign.Core.Validate;

namespace Campaign.Site.Routing;

/// <summary>Decides what each language edition publishes: embargoes applied, translations resolved, lists ordered.</summary>
public static class SiteModelBuilder
{
    public static SiteModel Build(ContentModel content, BuildOptions options)
    {
        // A translation nobody translated yet (UntranslatedCopies) is built as a missing one: the source, with the notice.
        var untranslated = UntranslatedCopies.Find(content).Select(f => (object)f.Translation.Doc).ToHashSet(ReferenceEqualityComparer.Instance);
        var editions = content.Site.Languages
            .Select(language => new Edition(
                language,
                Resolve(content.Reports, language, content.Site, options, untranslated).Sort((a, b) => Compare(b.Item.Date, a.Item.Date, a.Slug, b.Slug)),
                Resolve(content.Companies, language, content.Site, options, untranslated).Sort((a, b) => string.Compare(a.Item.Name, b.Item.Name, StringComparison.Ordinal)),
                Resolve(content.Updates, language, content.Site, options, untranslated).Sort((a, b) => Compare(b.Item.Date, a.Item.Date, a.Slug, b.Slug)),
                Resolve(content.Pages, language, content.Site, options, untranslated)
                    .Sort((a, b) => (a.Item.Menu ?? int.MaxValue).CompareTo(b.Item.Menu ?? int.MaxValue) is var c && c != 0 ? c : string.CompareOrdinal(a.Slug, b.Slug))))
            .Select(PublishedReferences.Companies)
            .ToImmutableArray();
        var findings = PublishedReferences.Findings(content.Findings, editions);
        return new SiteModel(content, PublishedReferences.KeyFindings(editions, findings), findings, options.Now, options.Drafts);
    }

    // Newest first; the slug breaks ties so the order never depends on file-system order.
    private static int Compare(DateOnly x, DateOnly y, string slugA, string slugB) =>
        x.CompareTo(y) is var c && c != 0 ? c : string.CompareOrdinal(slugA, slugB);

    private static ImmutableArray<Localized<T>> Resolve<T>(ImmutableArray<T> documents, Language language, SiteConfig site, BuildOptions options,
        HashSet<object> untranslated)
        where T : IDocument
    {
        var result = ImmutableArray.CreateBuilder<Localized<T>>();
        foreach (var group in documents.GroupBy(d => d.Doc.Slug))
        {
            var visible = group.Where(d => (options.Drafts || d.Doc.Schedule.IsPublicAt(options.Now)) && !untranslated.Contains(d.Doc)).ToList();
            if (visible.Count == 0) continue;
            var translations = visible.Select(d => d.Doc.Lang).ToImmutableArray();
            var own = visible.FirstOrDefault(d => d.Doc.Lang == language.Code);
            var chosen = own
                ?? visible.FirstOrDefault(d => d.Doc.Lang == site.DefaultLanguage)
                ?? visible.OrderBy(d => site.Languages.IndexOf(site.Find(d.Doc.Lang)!)).First();
            var isDraft = !chosen.Doc.Schedule.IsPublicAt(options.Now);
            result.Add(new Localized<T>(chosen, own is null, isDraft, translations));
        }
        return result.ToImmutable();
    }
}
