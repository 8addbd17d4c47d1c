using System.Collections.Immutable;

namespace Campaign.Core.Model;

/// <summary>One language of the site, from <c>site.yaml</c>.</summary>
/// <param name="Code">URL segment and file suffix (<c>zh</c>).</param>
/// <param name="Name">The language's own name (<c>中文</c>).</param>
/// <param name="Lang">The HTML <c>lang</c> attribute (<c>zh-Hans</c>).</param>
/// <param name="Dir"><c>ltr</c> or <c>rtl</c>.</param>
/// <param name="Locale">The Open Graph locale (<c>zh_CN</c>): <c>locale</c> in site.yaml, else from <see cref="LanguageNames"/>.</param>
/// <param name="Babel">The babel name biblatex's <c>langid</c> takes (<c>chinese</c>): <c>babel</c> in site.yaml, else from <see cref="LanguageNames"/>;
/// null when neither knows the language (the citation files then carry no <c>langid</c>).</param>
public sealed record Language(string Code, string Name, string Lang, string Dir, string? Locale = null, string? Babel = null);

/// <summary>A press or campaign contact.</summary>
/// <param name="TimeZone">When to reach them, as written (<c>Europe/Amsterdam, UTC+1</c>).</param>
/// <param name="Languages">The languages they take questions in, as the page's language writes them.</param>
/// <param name="PgpFingerprint">Their OpenPGP key's fingerprint, in groups of four as written; validated as 40 hex digits.</param>
public sealed record Contact(LocalizedText Name, LocalizedText? Role, string? Email, string? Phone, string? Url,
    string? TimeZone = null, LocalizedText? Languages = null, string? PgpFingerprint = null);

/// <summary>A headline figure on the home page; the value is shown as written in every language.</summary>
public sealed record KeyFigure(string Value, LocalizedText Label);

/// <summary>A mirror of the site, listed on the mirrors page.</summary>
public sealed record Mirror(string Url, LocalizedText? Note);

/// <summary>The campaign's visual identity from <c>site.yaml</c>'s <c>identity</c>: its mark and accent colour (the name is the site's title).</summary>
/// <param name="Mark">Path under <c>assets/</c> of an SVG mark, shown beside the site's name and on the PDF cover; null without one.</param>
/// <param name="Accent">The accent colour as <c>#rrggbb</c> in lower case; null keeps the theme's own.</param>
public sealed record SiteIdentity(string? Mark, string? Accent);

/// <summary>The campaign as configured in <c>site.yaml</c>.</summary>
/// <param name="Ask">The campaign's ask per language, rendered from Markdown.</param>
/// <param name="SocialImage">Path under <c>assets/</c> of the image shown when a page is shared (<c>og:image</c>).</param>
/// <param name="Identity">The mark and accent colour; null when site.yaml gives none.</param>
public sealed record SiteConfig(
    LocalizedText Title,
    LocalizedText? Tagline,
    string? BaseUrl,
    string DefaultLanguage,
    ImmutableArray<Language> Languages,
    string? Licence,
    LocalizedText? Organisation,
    ImmutableArray<Contact> Contacts,
    LocalizedText Ask,
    ImmutableArray<KeyFigure> Figures,
    ImmutableArray<Mirror> Mirrors,
    string? SocialImage = null,
    SiteIdentity? Identity = null,
    PressKit? Press = null)
{
    /// <summary>The press kit of site.yaml's <c>press:</c>, or an empty one.</summary>
    public PressKit PressKit => Press ?? PressKit.None;

    public Language Default => Languages.First(l => l.Code == DefaultLanguage);

    /// <summary><c>signing:</c>: the key that signs <c>SHA256SUMS</c>, or null to publish it unsigned.</summary>
    public SigningConfig? Signing { get; init; }

    public Language? Find(string code) => Languages.FirstOrDefault(l => l.Code == code);

    /// <summary>The language codes, the default first, then as site.yaml lists them: the order of data columns and fallbacks.</summary>
    public IReadOnlyList<string> CodesDefaultFirst => [DefaultLanguage, .. Languages.Select(l => l.Code).Where(c => c != DefaultLanguage)];
}

/// <summary>The theme's interface strings, per language, from <c>i18n/&lt;lang&gt;.yaml</c>.</summary>
public sealed record UiStrings(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> PerLanguage)
{
    public ImmutableSortedDictionary<string, string> For(string lang) =>
        PerLanguage.TryGetValue(lang, out var s) ? s : ImmutableSortedDictionary<string, string>.Empty;
}

/// <summary>A controlled vocabulary (technology, buyer type, …): the allowed values and their labels.</summary>
public sealed record Vocabulary(string Name, ImmutableArray<VocabularyTerm> Terms)
{
    public VocabularyTerm? Find(string value) => Terms.FirstOrDefault(t => t.Value == value);
}

/// <summary>One allowed value of a vocabulary with its label in each language.</summary>
public sealed record VocabularyTerm(string Value, LocalizedText Label);

/// <summary>All vocabularies by name.</summary>
public sealed record Vocabularies(ImmutableSortedDictionary<string, Vocabulary> ByName)
{
    public Vocabulary? this[string name] => ByName.TryGetValue(name, out var v) ? v : null;

    public string Label(string vocabulary, string value, string lang, string fallback) =>
        this[vocabulary]?.Find(value)?.Label.Get(lang, fallback) ?? value;
}
