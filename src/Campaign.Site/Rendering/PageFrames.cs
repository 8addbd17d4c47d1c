using System.Collections.Immutable;
using Campaign.Core.Model;
using Campaign.Site.Routing;

namespace Campaign.Site.Rendering;

/// <summary>
/// What the frame of every page in one language is made from (its language, the site's languages, the base URL), and
/// nothing else: a page's frame is a function of these and of the page's own address and title.
/// </summary>
/// <param name="LanguageNames">Each language's name as this edition writes it (英文 on a Chinese page), for the fallback notice.</param>
public sealed record PageFrames(Language Language, ImmutableArray<Language> Languages, string? BaseUrl, IReadOnlyDictionary<string, string> LanguageNames)
{
    /// <summary>The page frame: title, alternates in every language, fallback notice, canonical URL.</summary>
    /// <param name="fallbackFrom">The language of the text shown instead of this one (with <paramref name="fallback"/>).</param>
    /// <param name="translatedIn">Whether the page exists in a language of its own; every language when null.</param>
    public PageView Page(string kind, string section, string url, string title, string? description, bool fallback = false,
        string? fallbackFrom = null, bool draft = false, Func<string, bool>? translatedIn = null)
    {
        var alternates = Languages.Select(l =>
        {
            var altUrl = Urls.InLanguage(url, l.Code);
            return new AlternateView(l.Code, l.Name, l.Lang, l.Dir, altUrl, l.Code == Language.Code, translatedIn?.Invoke(l.Code) ?? true,
                l.Locale, BaseUrl is null ? null : BaseUrl + altUrl.TrimStart('/'));
        }).ToList();
        var fromLanguage = fallback && fallbackFrom is not null ? Languages.FirstOrDefault(l => l.Code == fallbackFrom) : null;
        return new PageView(kind, section, url, title, description, EditionViews.ToView(Language), alternates,
            fromLanguage is null ? null : LanguageNames.GetValueOrDefault(fromLanguage.Code, fromLanguage.Name), fromLanguage?.Lang, draft, BaseUrl is null ? null : BaseUrl + url.TrimStart('/'),
            BaseUrl ?? "/");
    }
}
