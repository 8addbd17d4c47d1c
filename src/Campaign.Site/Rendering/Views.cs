namespace Campaign.Site.Rendering;

// The model the theme's templates see. Members are read in templates in snake_case
// (IndexNumber → index_number); theme/README.md documents every one of them.
// Text members are plain text and are escaped on output; members named Html or Body are trusted HTML.

/// <summary>A date as ISO text (for <c>datetime</c> attributes) and as the reader's language writes it.</summary>
public sealed record DateView(string Iso, string Text);

/// <summary>A language of the site.</summary>
/// <param name="Locale">The Open Graph locale (<c>zh_CN</c>), or null when site.yaml and the table of language names do not give one.</param>
public sealed record LanguageView(string Code, string Name, string Lang, string Dir, string? Locale = null);

/// <summary>The same page in one language, for the switcher and <c>hreflang</c> links.</summary>
/// <param name="Translated">False when that edition shows this page as a fallback.</param>
/// <param name="Absolute">The address under <c>base_url</c> (what <c>hreflang</c> links need); null when the site has none.</param>
public sealed record AlternateView(string Code, string Name, string Lang, string Dir, string Url, bool Current, bool Translated,
    string? Locale = null, string? Absolute = null);

/// <summary>A menu entry.</summary>
public sealed record NavItem(string Section, string Label, string Url);

/// <summary>A press or campaign contact.</summary>
public sealed record ContactView(string Name, string? Role, string? Email, string? Phone, string? Url,
    string? TimeZone = null, string? Languages = null, string? PgpFingerprint = null);

/// <summary>A headline figure.</summary>
public sealed record FigureView(string Value, string Label);

/// <summary>The campaign, in the language of the page.</summary>
public sealed record SiteView(
    string Title,
    string? Tagline,
    string? Licence,
    string? Organisation,
    string? BaseUrl,
    string DefaultLang,
    IReadOnlyList<LanguageView> Languages,
    IReadOnlyList<NavItem> Nav,
    IReadOnlyList<ContactView> Contacts,
    string AskHtml,
    IReadOnlyList<FigureView> Figures,
    string HomeUrl,
    string CssUrl,
    string ScriptUrl,
    string IconUrl)
{
    /// <summary>The Atom feeds of this language edition, for <c>&lt;link rel="alternate"&gt;</c>.</summary>
    public IReadOnlyList<Press.FeedLink> Feeds { get; init; } = [];

    /// <summary>Absolute URL of the image shown when a page is shared (<c>og:image</c>); null without base URL or image.</summary>
    public string? SocialImageUrl { get; init; }

    /// <summary>The campaign's mark (an SVG), shown beside its name and on the PDF cover; null without one.</summary>
    public string? MarkUrl { get; init; }

    /// <summary>The style sheet that sets the campaign's accent colour, linked after the theme's; null without one.</summary>
    public string? AccentCssUrl { get; init; }
}

/// <summary>A heading in a table of contents.</summary>
/// <param name="Page">The PDF page the heading is printed on, in the contents of a printed report; null elsewhere.</param>
public sealed record HeadingView(int Level, string Id, string Text, int? Page = null);

/// <summary>A link to a company, with its name.</summary>
public sealed record CompanyLink(string Slug, string Name, string Url);

/// <summary>Where a text shown on a page comes from: its language, and whether it is a fallback.</summary>
public interface ITextView
{
    string Lang { get; }
    bool Fallback { get; }
}

/// <summary>An investigation report.</summary>
public sealed record ReportView(
    string Slug, string Url, string Lang, string Dir, bool Fallback, bool Draft,
    string Title, DateView Date, string Summary, IReadOnlyList<string> Authors, string? IndexNumber, string? Licence,
    IReadOnlyList<HeadingView> Toc, IReadOnlyList<CompanyLink> Companies, string Body) : ITextView
{
    /// <summary>The line under the title; null without one.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Subject words, for the PDF's metadata.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The key-findings box near the top of the page; empty without one.</summary>
    public IReadOnlyList<KeyFindingView> KeyFindings { get; init; } = [];
}

/// <summary>One sentence of a report's key-findings box (HTML), with links to the published findings that back it.</summary>
public sealed record KeyFindingView(string Html, IReadOnlyList<FindingLink> Findings);

/// <summary>One exchange of the right of reply.</summary>
/// <param name="NoResponseBy">The deadline, when the company did not answer by it.</param>
/// <param name="Timeline">The known dates of the exchange, in date order.</param>
/// <param name="Letter">The company's own letter, when one is supplied.</param>
public sealed record ResponseView(
    string Status, string StatusLabel, DateView? Asked, DateView? Deadline, DateView? Answered, DateView? NoResponseBy,
    string Form, string? TextHtml, string? RejoinderHtml, string? DocumentUrl,
    IReadOnlyList<ReplyStepView> Timeline, LetterView? Letter);

/// <summary>One known date of a right-of-reply exchange.</summary>
/// <param name="Kind"><c>asked</c>, <c>reminder</c>, <c>deadline</c>, <c>answered</c> or <c>rejoinder</c>.</param>
public sealed record ReplyStepView(string Kind, string Label, DateView Date);

/// <summary>A company's own letter: a text letter's words in full, and the file (its size and SHA-256 are in the page's downloads, by <see cref="Path"/>).</summary>
/// <param name="Lang">The <c>lang</c> attribute of the letter's language, when its file name gives one.</param>
/// <param name="LanguageName">That language's name, in itself.</param>
/// <param name="Text">The whole text of a <c>.txt</c> letter; null for a PDF.</param>
public sealed record LetterView(string Name, string Path, string Url, string Format, string? Lang, string? Dir, string? LanguageName, string? Text);

/// <summary>A company profile and its right-of-reply record.</summary>
public sealed record CompanyView(
    string Slug, string Url, string Lang, string Dir, bool Fallback, bool Draft,
    string Name, string Country, string? Parent, IReadOnlyList<string> Products, string Summary, string? Website,
    string Status, string StatusLabel, IReadOnlyList<ResponseView> Responses, DateView? Updated, string Body,
    int FindingCount, IReadOnlyList<FindingLink> Findings, string FindingsUrl) : ITextView;

/// <summary>A finding listed on another page (a company's latest findings), newest first.</summary>
public sealed record FindingLink(string Id, string Title, string Url, string Years);

/// <summary>A campaign update.</summary>
public sealed record UpdateView(
    string Slug, string Url, string Lang, string Dir, bool Fallback, bool Draft,
    string Title, DateView Date, string Kind, string KindLabel, string? Summary, IReadOnlyList<string> Tags,
    IReadOnlyList<CompanyLink> Companies, string Body, string? NotesToEditors = null) : ITextView;

/// <summary>A free page.</summary>
public sealed record PageContentView(
    string Slug, string Url, string Lang, string Dir, bool Fallback, bool Draft,
    string Title, string? Summary, string Body) : ITextView;

/// <summary>Links between the pages of a paginated list.</summary>
public sealed record PagerView(int Current, int Total, string? PreviousUrl, string? NextUrl, IReadOnlyList<PagerLink> Pages);

/// <summary>One numbered page link of a pager.</summary>
public sealed record PagerLink(int Number, string Url, bool Current);

/// <summary>What every page has, whatever its kind.</summary>
/// <param name="Kind">The template that renders the page: home, report, report-list, company, …</param>
/// <param name="Section">The menu section the page belongs to, for marking the current menu entry.</param>
/// <param name="FallbackLanguage">When the page's main text is a fallback, the name of the language it is written in.</param>
/// <param name="XDefault">The <c>hreflang="x-default"</c> address: the root language picker, absolute under <c>base_url</c> when there is one.</param>
public sealed record PageView(
    string Kind,
    string Section,
    string Url,
    string Title,
    string? Description,
    LanguageView Language,
    IReadOnlyList<AlternateView> Alternates,
    string? FallbackLanguage,
    string? FallbackLang,
    bool Draft,
    string? Canonical,
    string? XDefault = null)
{
    /// <summary>The page's own social card (<c>og:image</c>); null when the build takes none, and then pages share <see cref="SiteView.SocialImageUrl"/>.</summary>
    public SocialCardView? SocialCard { get; init; }
}

/// <summary>A page's social card as its <c>og:image</c> gives it.</summary>
/// <param name="Url">Absolute under <c>base_url</c>; without one, relative to the page.</param>
/// <param name="Alt">The card's text: page type, title and site, as the card shows them.</param>
public sealed record SocialCardView(string Url, int Width, int Height, string Alt);
