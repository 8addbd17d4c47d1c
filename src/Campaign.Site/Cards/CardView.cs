using System.Globalization;
using System.Text;
using Campaign.Core.Model;
using Campaign.Site.Rendering;

namespace Campaign.Site.Cards;

/// <summary>What one social card shows, as the theme's <c>social-card</c> layout reads it (<c>card.title</c>, <c>card.eyebrow</c>, …).</summary>
/// <param name="Lang">The <c>lang</c> of the page's language (the eyebrow and the site's name are in it).</param>
/// <param name="TitleLang">The <c>lang</c> of the title's text: the page's, or the default language's on a page shown as a fallback.</param>
/// <param name="TitleSize">The title's size in CSS pixels, smaller as the title is longer, so most titles fit in three lines.</param>
/// <param name="TitleLines">The lines the title is clamped to at that size: as many as the card has room for.</param>
/// <param name="Eyebrow">The page's type (Finding, 调查发现) from the theme's UI strings; null for pages that are no type of their own (lists, free pages).</param>
/// <param name="Deck">A line under the title: the tagline on the home page; null elsewhere.</param>
/// <param name="Host">The site's host name from <c>base_url</c>; null without one.</param>
/// <param name="Mark">The campaign's mark as a <c>data:</c> URL, so the card's HTML holds everything the card shows; null without one.</param>
/// <param name="Accent">The accent colour (<c>identity.accent</c>, else the theme's).</param>
public sealed record CardView(string Lang, string Dir, string Title, string TitleLang, string TitleDir, int TitleSize, int TitleLines, string? Eyebrow, string? Deck,
    string Site, string? Organisation, string? Host, string? Mark, string Accent)
{
    /// <summary>
    /// The title cut into phrases at its punctuation when it is written in Chinese (after ：，、 and a closing bracket or
    /// quote, before an opening one): the card keeps each phrase on one line where it fits, so a line breaks at a comma
    /// rather than in the middle of a word (监|控), which a browser cannot tell apart in Chinese. One phrase otherwise.
    /// </summary>
    public IReadOnlyList<string> Phrases => CjkPhrases(Title);

    /// <summary>The card's text in reading order, for <c>og:image:alt</c>.</summary>
    public string Alt => string.Join(" · ", new[] { Eyebrow, Title, Deck, Site == Title ? null : Site }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>The theme's accent when site.yaml sets none (theme/static/css/site.css, light scheme).</summary>
    public const string ThemeAccent = "#7a5c00";

    /// <summary>UI string keys of each page type's eyebrow; page types not listed get none.</summary>
    private static readonly Dictionary<string, string> Eyebrows = new(StringComparer.Ordinal)
    {
        ["report"] = "report_eyebrow",
        ["finding"] = "finding_eyebrow",
        ["finding-list"] = "card_findings",
        ["finding-facet"] = "card_findings",
        ["company"] = "card_company",
        ["update"] = "card_update",
    };

    /// <summary>The card of <paramref name="job"/>'s page.</summary>
    public static CardView Of(PageJob job, SiteConfig site, string? mark)
    {
        var page = job.Page;
        var views = job.Views;
        var strings = views.Strings;
        // The picker at / is the default language's home: the same card, and so the same file.
        var home = page.Kind is "home" or "language-picker";
        var eyebrow = Eyebrows.TryGetValue(page.Kind, out var key) && strings.TryGetValue(key, out var text) && text.Trim().Length > 0 ? text.Trim() : null;
        var titleLang = page.FallbackLang ?? page.Language.Lang;
        var titleDir = site.Languages.FirstOrDefault(l => l.Lang == titleLang)?.Dir ?? page.Language.Dir;
        var accent = site.Identity?.Accent is { } hex && AccentColour.Parse(hex) is { } parsed ? parsed.Hex : ThemeAccent;
        var host = site.BaseUrl is { } b && Uri.TryCreate(b, UriKind.Absolute, out var uri) ? uri.Host : null;
        var title = home ? views.Site.Title : page.Title;
        var (size, lines) = SizeFor(title, home);
        return new CardView(page.Language.Lang, page.Language.Dir, title, home ? page.Language.Lang : titleLang, home ? page.Language.Dir : titleDir,
            size, lines, eyebrow, home ? views.Site.Tagline : null, views.Site.Title, views.Site.Organisation, host, mark, accent);
    }

    /// <summary>
    /// The largest of a few sizes at which the title, as estimated (a CJK character one em wide, a Latin letter about
    /// half), fills few lines of the card's measure (two at the largest size, three or four below); the longest titles are then clamped at four lines.
    /// </summary>
    internal static (int Size, int Lines) SizeFor(string title, bool home)
    {
        const double measure = 1010; // CSS pixels of text per line (1200 less the bar and margins)
        var ems = 0.0;
        foreach (var rune in title.EnumerateRunes())
            ems += IsWide(rune) ? 1.0 : rune.Value == ' ' ? 0.28 : char.IsUpper((char)Math.Min(rune.Value, 0xFFFF)) ? 0.66 : 0.55;
        (int Size, int Lines)[] sizes = home ? [(104, 2), (92, 2), (80, 2), (68, 3)] : [(88, 2), (76, 3), (68, 3), (60, 3), (54, 4)];
        foreach (var (size, lines) in sizes)
            // An em of slack: a line holds whole characters, and a phrase kept whole (《两用条例》) leaves the end of the line before it empty.
            if (Math.Ceiling((ems + 1) * size * 1.04 / measure) <= lines) return (size, lines);
        return home ? (60, 3) : (48, 4);
    }

    internal static List<string> CjkPhrases(string title)
    {
        if (!title.EnumerateRunes().Any(IsWide)) return [title];
        var phrases = new List<string>();
        var start = 0;
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            var cut = "：，、；。！？）」』》”".Contains(c) ? i + 1 : "（「『《“".Contains(c) ? i : -1;
            if (cut <= start || cut >= title.Length) continue;
            phrases.Add(title[start..cut]);
            start = cut;
        }
        phrases.Add(title[start..]);
        return phrases;
    }

    private static bool IsWide(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherLetter && rune.Value >= 0x2E80
        || rune.Value is >= 0x3000 and <= 0x303F or >= 0xFF00 and <= 0xFFEF;
}
