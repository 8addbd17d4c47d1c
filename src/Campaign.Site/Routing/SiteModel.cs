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
    ImmutableArray<Localized<Page>> Pages);

/// <summary>The routing stage's result: the content and, per language, what is published.</summary>
/// <param name="Now">The moment the editions were decided at (<c>--now</c>): pages show dates relative to it.</param>
/// <param name="Drafts">Whether not-yet-public pages are in the editions (<c>--drafts</c>), so the site must not be indexed.</param>
public sealed record SiteModel(ContentModel Content, ImmutableArray<Edition> Editions, ImmutableArray<Finding> Findings, DateTimeOffset Now, bool Drafts)
{
    public SiteConfig Site => Content.Site;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}
