using System.Collections.Immutable;
using Campaign.Core.Model;

namespace Campaign.Site.Routing;

/// <summary>A document as one language edition shows it: its own translation, or the fallback with a notice.</summary>
/// <param name="IsFallback">True when no translation exists and another language's text is shown.</param>
/// <param name="IsDraft">True when the document is not yet public and is shown only because of <c>--drafts</c>.</param>
/// <param name="Translations">The languages this document is written in.</param>
public sealed record Localized<T>(T Item, bool IsFallback, bool IsDraft, ImmutableArray<string> Translations) where T : IDocument
{
    public string Slug => Item.Doc.Slug;
}

/// <summary>What one language's part of the site holds, resolved and ordered.</summary>
public sealed record Edition(
    Language Language,
    ImmutableArray<Localized<Report>> Reports,
    ImmutableArray<Localized<Company>> Companies,
    ImmutableArray<Localized<Update>> Updates,
    ImmutableArray<Localized<Page>> Pages)
{
    // Made on first use and remembered with the list it indexes, so a copy made `with` other companies never reads a stale one.
    private CompanyIndex? _companies;

    private sealed record CompanyIndex(ImmutableArray<Localized<Company>> Of, Dictionary<string, Localized<Company>> BySlug);

    /// <summary>
    /// The company this edition publishes under <paramref name="slug"/>, or null: the one place a company reference
    /// is resolved, so a company under embargo has no name, link or page anywhere in the edition.
    /// </summary>
    public Localized<Company>? Company(string slug)
    {
        var index = _companies;
        if (index is null || index.Of != Companies)
            _companies = index = new CompanyIndex(Companies, Companies.ToDictionary(c => c.Slug, StringComparer.Ordinal));
        return index.BySlug.GetValueOrDefault(slug);
    }
}

/// <summary>The routing stage's result: the content and, per language, what is published.</summary>
/// <param name="Findings">The findings every edition publishes: those whose company is published (<see cref="SiteModelBuilder"/>).</param>
/// <param name="Now">The moment the editions were decided at (<c>--now</c>): pages show dates relative to it.</param>
/// <param name="Drafts">Whether not-yet-public pages are in the editions (<c>--drafts</c>), so the site must not be indexed.</param>
public sealed record SiteModel(ContentModel Content, ImmutableArray<Edition> Editions, ImmutableArray<Finding> Findings, DateTimeOffset Now, bool Drafts)
{
    public SiteConfig Site => Content.Site;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>A company's name as each edition shows it (its translation, or the fallback the edition shows).</summary>
    public LocalizedText CompanyName(string slug)
    {
        var names = Editions.Select(e => (e.Language.Code, Name: e.Company(slug)?.Item.Name)).Where(n => n.Name is not null)
            .ToImmutableSortedDictionary(n => n.Code, n => n.Name!, StringComparer.Ordinal);
        return names.IsEmpty ? LocalizedText.Of((Site.DefaultLanguage, slug)) : new LocalizedText(names);
    }
}
