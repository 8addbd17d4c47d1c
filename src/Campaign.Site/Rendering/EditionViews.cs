using Campaign.Core.Model;
using Campaign.Site.Routing;

namespace Campaign.Site.Rendering;

/// <summary>Turns one language edition's records into the views templates see: labels looked up, dates written, URLs built.</summary>
public sealed class EditionViews
{
    private readonly SiteModel _model;
    private readonly Dictionary<string, int> _findingCounts;
    private readonly Dictionary<string, List<Finding>> _latestFindings;

    /// <summary>How many findings a company page lists; the company's facet page lists them all.</summary>
    public const int CompanyFindings = 10;

    public Edition Edition { get; }
    public Language Language => Edition.Language;
    public string Code => Edition.Language.Code;
    public IReadOnlyDictionary<string, string> Strings { get; }

    /// <summary>The UI strings as the template value <c>t</c>.</summary>
    public Dictionary<string, object> T { get; }

    public DateFormat Dates { get; }

    /// <summary>Every language code of the site, for telling language-neutral links from others.</summary>
    public IReadOnlyCollection<string> LanguageCodes { get; }
    public SiteView Site { get; }

    public EditionViews(SiteModel model, Edition edition, Theme theme)
    {
        _model = model;
        Edition = edition;
        Strings = model.Content.Strings.For(edition.Language.Code);
        T = Strings.ToDictionary(kv => kv.Key, kv => (object)kv.Value, StringComparer.Ordinal);
        Dates = new DateFormat(edition.Language, Strings);
        LanguageCodes = model.Site.Languages.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        (_findingCounts, _latestFindings) = ByCompany.GetValue(model, CountByCompany);
        Site = BuildSite(theme);
    }

    // The same for every language: worked out once per build (a large campaign sorts ten thousand findings for it).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SiteModel, Tuple<Dictionary<string, int>, Dictionary<string, List<Finding>>>> ByCompany = new();

    private static Tuple<Dictionary<string, int>, Dictionary<string, List<Finding>>> CountByCompany(SiteModel model)
    {
        // One pass, keeping each company's newest few in order as it goes: grouping and sorting ten thousand findings
        // cost a live preview's rebuild more than the pages they show.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var latest = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var f in model.Findings)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, f.Company, out _)++;
            ref var newest = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(latest, f.Company, out _);
            newest ??= new List<Finding>(CompanyFindings + 1);
            if (newest.Count == CompanyFindings && Findings.FindingCatalog.Compare(f, newest[^1]) >= 0) continue;
            var at = newest.BinarySearch(f, Newest);
            newest.Insert(at < 0 ? ~at : at, f);
            if (newest.Count > CompanyFindings) newest.RemoveAt(CompanyFindings);
        }
        return Tuple.Create(counts, latest);
    }

    private static readonly Comparer<Finding> Newest = Comparer<Finding>.Create(Findings.FindingCatalog.Compare);

    private string S(string key) => Strings.TryGetValue(key, out var v) ? v : key;

    private string Fallback => _model.Site.DefaultLanguage;

    private SiteView BuildSite(Theme theme)
    {
        var site = _model.Site;
        var nav = new List<NavItem> { new("home", S("nav_home"), Urls.Home(Code)) };
        if (!Edition.Reports.IsEmpty) nav.Add(new("reports", S("nav_reports"), Urls.Section(Code, "reports")));
        if (!_model.Findings.IsEmpty) nav.Add(new("findings", S("nav_findings"), Urls.Section(Code, "findings")));
        if (!Edition.Companies.IsEmpty) nav.Add(new("companies", S("nav_companies"), Urls.Section(Code, "companies")));
        if (!Edition.Updates.IsEmpty) nav.Add(new("updates", S("nav_updates"), Urls.Section(Code, "updates")));
        nav.AddRange(Edition.Pages.Where(p => p.Item.Menu is not null).Select(p => new NavItem(p.Slug, p.Item.Title, Urls.Page(Code, p.Slug))));

        return new SiteView(
            site.Title.Get(Code, Fallback),
            site.Tagline?.Get(Code, Fallback),
            site.Licence,
            site.Organisation?.Get(Code, Fallback),
            site.BaseUrl,
            site.DefaultLanguage,
            site.Languages.Select(ToView).ToList(),
            nav,
            site.Contacts.Select(c => new ContactView(c.Name.Get(Code, Fallback), c.Role?.Get(Code, Fallback), c.Email, c.Phone, c.Url,
                c.TimeZone, c.Languages?.Get(Code, Fallback), c.PgpFingerprint)).ToList(),
            site.Ask.Get(Code, Fallback),
            site.Figures.Select(f => new FigureView(f.Value, f.Label.Get(Code, Fallback))).ToList(),
            Urls.Home(Code),
            theme.Static.TryGetValue("css/site.css", out var css) ? css.Url : "",
            theme.Static.TryGetValue("js/site.js", out var js) ? js.Url : "",
            theme.Static.TryGetValue("favicon.svg", out var icon) ? icon.Url : "")
        {
            Feeds = Feeds.AtomFeeds.Links(this),
            SocialImageUrl = site.BaseUrl is { } b && site.SocialImage is { } image ? b + "assets/" + image : null,
            MarkUrl = Identity.IdentityStyle.MarkUrl(site),
            AccentCssUrl = Identity.IdentityStyle.Url(site),
        };
    }

    public static LanguageView ToView(Language l) => new(l.Code, l.Name, l.Lang, l.Dir, l.Locale);

    private (string Lang, string Dir) TextLanguage<T>(Localized<T> item) where T : IDocument
    {
        var language = _model.Site.Find(item.Item.Doc.Lang) ?? Language;
        return (language.Lang, language.Dir);
    }

    /// <summary>A link to a company the edition publishes (routing dropped every reference to any other).</summary>
    public CompanyLink CompanyLink(string slug) => new(slug, Edition.Company(slug)?.Item.Name ?? slug, Urls.Company(Code, slug));

    public ReportView Report(Localized<Report> item)
    {
        var r = item.Item;
        var (lang, dir) = TextLanguage(item);
        return new ReportView(r.Doc.Slug, Urls.Report(Code, r.Doc.Slug), lang, dir, item.IsFallback, item.IsDraft,
            r.Title, Dates.View(r.Date), r.Summary, r.Authors, r.IndexNumber, r.Licence,
            r.Body.Headings.Where(h => h.Level is 2 or 3 && h.Id.Length > 0).Select(h => new HeadingView(h.Level, h.Id, h.Text)).ToList(),
            r.Companies.Select(CompanyLink).ToList(), Prose(r.Body.Html, lang))
        {
            Subtitle = r.Subtitle,
            Keywords = r.Keywords.IsDefault ? [] : r.Keywords,
            KeyFindings = KeyFindings(r, lang),
        };
    }

    private List<KeyFindingView> KeyFindings(Report r, string lang)
    {
        if (r.KeyFindings.IsDefaultOrEmpty) return [];
        var wanted = r.KeyFindings.SelectMany(k => k.Findings).ToHashSet(StringComparer.Ordinal);
        var byId = wanted.Count == 0 ? [] : _model.Findings.Where(f => wanted.Contains(f.Id)).ToDictionary(f => f.Id, StringComparer.Ordinal);
        return [.. r.KeyFindings.Select(k => new KeyFindingView(Prose(k.Text.Html, lang),
            [.. k.Findings.Where(byId.ContainsKey).Select(id => FindingLink(byId[id]))]))];
    }

    private FindingLink FindingLink(Finding f) => new(f.Id, f.Title.Get(Code, Fallback), Urls.Finding(Code, f.Id), Years(f.Years));

    public CompanyView Company(Localized<Company> item)
    {
        var c = item.Item;
        var (lang, dir) = TextLanguage(item);
        var responses = c.Responses.Select(r => new ResponseView(
            r.Status, Label("response_status", r.Status), Dates.View(r.Asked), Dates.View(r.Deadline), Dates.View(r.Answered),
            r.Status == "no-response" ? Dates.View(r.Deadline) : null,
            r.Form, r.Text?.Html, r.Rejoinder?.Html, r.Document is null ? null : "/assets/" + r.Document.TrimStart('/'),
            Timeline(r), r.Letter is null ? null : Letter(r.Letter))).ToList();
        return new CompanyView(c.Doc.Slug, Urls.Company(Code, c.Doc.Slug), lang, dir, item.IsFallback, item.IsDraft,
            c.Name, c.Country, c.Parent, c.Products, c.Summary, c.Website, c.Status,
            c.Responses.IsEmpty ? S("status_not_asked") : Label("response_status", c.Status),
            responses, Dates.View(c.Updated), Prose(c.Body.Html, lang), _findingCounts.GetValueOrDefault(c.Doc.Slug),
            _latestFindings.TryGetValue(c.Doc.Slug, out var latest)
                ? latest.Select(FindingLink).ToList()
                : [],
            $"/{Code}/findings/company/{c.Doc.Slug}/");
    }

    /// <summary>
    /// The known dates of an exchange in date order; on the same day, in the order an exchange runs (asked, reminder,
    /// deadline, answered, rejoinder). Unknown dates are left out, never shown as a placeholder.
    /// </summary>
    private List<ReplyStepView> Timeline(CompanyResponse r) =>
        [.. r.Events.Select((e, i) => (e, i)).OrderBy(x => x.e.Date).ThenBy(x => x.i)
            .Select(x => new ReplyStepView(StepKind(x.e.Field), S("reply_" + StepKind(x.e.Field)), Dates.View(x.e.Date)))];

    private static string StepKind(string field) => field == "rejoinder_date" ? "rejoinder" : field;

    /// <summary>A company's letter as its page shows it; <see cref="CompanyLetter"/> is loaded for every name a response gives.</summary>
    private LetterView? Letter(string name)
    {
        if (_model.Content.Letters.FirstOrDefault(l => l.Name == name) is not { } letter) return null;
        var language = letter.Lang is { } code ? _model.Site.Find(code) : null;
        return new LetterView(letter.Name, letter.OutputPath, "/" + letter.OutputPath, Path.GetExtension(letter.Name).TrimStart('.').ToUpperInvariant(),
            language?.Lang, language?.Dir, language?.Name, letter.Text);
    }

    public UpdateView Update(Localized<Update> item)
    {
        var u = item.Item;
        var (lang, dir) = TextLanguage(item);
        return new UpdateView(u.Doc.Slug, Urls.Update(Code, u.Doc.Slug), lang, dir, item.IsFallback, item.IsDraft,
            u.Title, Dates.View(u.Date), u.Kind, Label("update_kind", u.Kind), u.Summary, u.Tags.Select(t => Label("tag", t)).ToList(),
            u.Companies.Select(CompanyLink).ToList(), Prose(u.Body.Html, lang), u.NotesToEditors is { } notes ? Prose(notes.Html, lang) : null);
    }

    public PageContentView Page(Localized<Page> item)
    {
        var p = item.Item;
        var (lang, dir) = TextLanguage(item);
        return new PageContentView(p.Doc.Slug, Urls.Page(Code, p.Doc.Slug), lang, dir, item.IsFallback, item.IsDraft, p.Title, p.Summary, Prose(p.Body.Html, lang));
    }

    /// <summary>A finding's years as pages show them: 2012–2019, or the language's "year not stated".</summary>
    public string Years(YearRange years) => YearsText(years, Strings);

    /// <summary>A finding's years in the language of <paramref name="strings"/> (the edition's, or a finding view's context).</summary>
    public static string YearsText(YearRange years, IReadOnlyDictionary<string, string> strings) =>
        years.Stated ? years.ToString() : strings.TryGetValue("year_not_stated", out var text) ? text : "year_not_stated";

    /// <summary>A document's rendered Markdown readied for this edition's page (<see cref="ProseHtml"/>).</summary>
    /// <param name="textLang">The HTML language tag of the text, when it may be a fallback in another language than the page's.</param>
    public string Prose(string html, string? textLang = null) =>
        ProseHtml.Prepare(html, Strings, textLang is null || textLang == Language.Lang ? null : Language.Lang);

    public string Label(string vocabulary, string value) =>
        _model.Content.Vocabularies.Label(vocabulary, value, Code, Fallback);

    /// <summary>A language's name as this edition writes it (英文 on a Chinese page, from the <c>language</c> vocabulary), else its own name.</summary>
    public string LanguageName(Language language) =>
        _model.Content.Vocabularies["language"]?.Find(language.Code)?.Label.Get(Code, Fallback) ?? language.Name;

    /// <summary>What every page frame of this edition is made from.</summary>
    public PageFrames Frames => _frames ??= new PageFrames(Language, _model.Site.Languages, _model.Site.BaseUrl,
        _model.Site.Languages.ToDictionary(l => l.Code, LanguageName, StringComparer.Ordinal));

    private PageFrames? _frames;

    /// <summary>The page frame: title, alternates in every language, fallback notice, canonical URL.</summary>
    public PageView Page(string kind, string section, string url, string title, string? description, bool fallback = false,
        string? fallbackFrom = null, bool draft = false, Func<string, bool>? translatedIn = null) =>
        Frames.Page(kind, section, url, title, description, fallback, fallbackFrom, draft, translatedIn);

    public PageView Page<T>(string kind, string section, string url, Localized<T> item, string? description) where T : IDocument =>
        Page(kind, section, url, item.Item.Title, description, item.IsFallback, item.Item.Doc.Lang, item.IsDraft,
            lang => item.Translations.Contains(lang));
}
